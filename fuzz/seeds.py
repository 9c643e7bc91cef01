#!/usr/bin/env python3
"""Writes seed inputs for the fuzz targets into a corpus directory.

flow-loader: every YAML file of the shipped flows and the validator fixtures.
expression:  every `if:` condition and `{{ }}` placeholder found in those files.
answers-reader: the answers of every scenario row (Tests/LotrEngineTests/Scenarios), as JSON.
Both also take the small hand-written seeds in fuzz/seeds/<target>/.
"""
import hashlib
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def yaml_files():
    yield from sorted((ROOT / "flows").glob("*.yaml"))
    # Saved crash inputs are replayed by run.sh instead: one that still crashed would stop
    # the fuzzer before it starts.
    for path in sorted((ROOT / "Tests/LotrFlowTests/Fixtures").rglob("*.yaml")):
        if "fuzz-regressions" not in path.parts:
            yield path


def expressions(text):
    for m in re.finditer(r"^\s*-?\s*if:\s*(.+?)\s*$", text, re.M):
        e = m.group(1)
        if len(e) >= 2 and e[0] == e[-1] and e[0] in "\"'":
            e = e[1:-1]
        yield e
    for m in re.finditer(r"\{\{(.+?)\}\}", text):
        yield m.group(1).strip()


def write(out, data):
    name = hashlib.sha1(data).hexdigest()
    (out / name).write_bytes(data)


def scenario_answers():
    import datetime
    import json
    import yaml

    def plain(v):
        if isinstance(v, (datetime.date, datetime.datetime)):
            return v.isoformat()[:10]
        if isinstance(v, dict):
            return {str(k): plain(x) for k, x in v.items()}
        if isinstance(v, list):
            return [plain(x) for x in v]
        return v

    for path in sorted((ROOT / "Tests/LotrEngineTests/Scenarios").glob("*.yaml")):
        for row in yaml.safe_load(path.read_text()) or []:
            if isinstance(row, dict) and isinstance(row.get("answers"), dict):
                yield json.dumps(plain(row["answers"]), ensure_ascii=False, indent=1).encode()


def main():
    target, out = sys.argv[1], pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    seen = set()
    if target == "answers-reader":
        for data in scenario_answers():
            write(out, data)
    for path in (yaml_files() if target != "answers-reader" else []):
        data = path.read_bytes()
        if target == "flow-loader":
            write(out, data)
        else:
            for e in expressions(data.decode("utf-8", "replace")):
                if e not in seen:
                    seen.add(e)
                    write(out, e.encode())
    extra = ROOT / "fuzz/seeds" / target
    if extra.is_dir():
        for path in sorted(extra.iterdir()):
            write(out, path.read_bytes())


if __name__ == "__main__":
    main()

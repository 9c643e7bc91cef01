#!/usr/bin/env python3
"""Regenerates bench/link-order.txt: the functions lotr runs when a person uses it, in the order
they first run, one symbol per input section. The release link (Makefile, RELEASE_FLAGS) hands
the file to lld's --symbol-ordering-file, so that this code sits together at the front of .text.

    make link-order            # release build with a link map, then this script

Why: the kernel maps file pages around each page fault (64 KB at a time), so code scattered over
the 19 MB of .text made 10 MB of it resident; packed together, about 4 MB is (BENCHMARKS.md).

How: valgrind's callgrind records every function that runs while the real binary is driven on a
pseudo-terminal (welcome, questions on the shipped flows, help, review, saving an answer, the
benchmark's key path on a generated flow set), then in `lotr check` and `lotr decide`. The link
map (`-Map`) tells which input section holds each function; names that occur in more than one
section (local helpers copied into many objects) are left out, since lld would move every copy.
Symbols that a later build no longer has are skipped by lld (--no-warn-symbol-ordering), so a
stale file costs memory, not correctness.

Needs valgrind (installed with apt-get when missing and run as root). Nothing here runs in
`make test`.
"""
import argparse
import collections
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import run as bench  # noqa: E402  (PtyProcess, env_for_pty, key_cycle)

ROOT = pathlib.Path(__file__).resolve().parent.parent
FN = re.compile(r"^c?fn=\(\d+\) (.+)$")


def ensure_valgrind():
    if shutil.which("valgrind"):
        return
    if os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", "-qq", "valgrind"], check=True,
                       env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"), stdout=subprocess.DEVNULL)
        return
    sys.exit("link_order.py needs valgrind: sudo apt-get install -y valgrind")


def callgrind(binary, out, extra=()):
    return ["valgrind", "--tool=callgrind", "--demangle=no", "--dump-instr=no", f"--callgrind-out-file={out}",
            *extra, binary]


def settle(p, quiet=0.6, limit=20.0):
    """Under valgrind a frame takes a while: read until the screen has been still for `quiet` s."""
    deadline = time.time() + limit
    while time.time() < deadline:
        data, _ = p.read_available(quiet)
        if not data:
            return


def drive(argv, env, keys):
    p = bench.PtyProcess(argv, env)
    try:
        p.wait_for_text(b"Which UK application", timeout=60)
        settle(p, limit=60)
        for key in keys:
            os.write(p.master, key)
            settle(p)
        os.write(p.master, b"\x03")  # Ctrl-C asks first; y confirms
        settle(p)
        os.write(p.master, b"y")
        deadline = time.time() + 30
        while p.proc.poll() is None and time.time() < deadline:
            p.read_available(0.2)
    finally:
        p.stop()


def profile(binary, work):
    env = bench.env_for_pty(str(work))
    outputs = []

    def out(name):
        path = work / f"callgrind.{name}"
        outputs.append(path)
        return str(path)

    DOWN, UP, ENTER, BACKSPACE, CTRL_R = bench.DOWN, bench.UP, bench.ENTER, bench.BACKSPACE, bench.CTRL_R
    shipped = [ENTER, DOWN, UP, b"?", b"?", ENTER, CTRL_R, b"b", ENTER, ENTER, BACKSPACE, BACKSPACE,
               b"r", b"b", DOWN, ENTER, ENTER, b"0", b"1", b"0", b"1", b"2", b"0", b"1", b"5", ENTER, ENTER]
    drive(callgrind(binary, out("shipped")) + ["--flows", str(ROOT / "flows"), "--today", "2026-11-23"], env, shipped)

    generated = work / "flows-50"
    subprocess.run([sys.executable, str(ROOT / "bench/generate_flows.py"), "--nodes", "50", "--out", str(generated)],
                   check=True, stdout=subprocess.DEVNULL)
    keys = [ENTER, ENTER, BACKSPACE] + [k for _, k in bench.key_cycle()] * 2
    drive(callgrind(binary, out("keys")) + ["--flows", str(generated), "--today", "2026-11-23"], env, keys)

    answers = work / "answers.json"
    answers.write_text("{}\n")
    for name, args in [("check", ["check", str(ROOT / "flows")]),
                       ("decide", ["decide", "--flows", str(ROOT / "flows"), "--answers", str(answers)])]:
        subprocess.run(callgrind(binary, out(name)) + args, env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=600)
    return outputs


def functions_in_first_run_order(outputs):
    seen = {}
    for path in outputs:
        with open(path, errors="replace") as f:
            for line in f:
                m = FN.match(line)
                if m:
                    name = re.sub(r"'\d+$", "", m.group(1).strip())
                    if not name.startswith("0x"):
                        seen.setdefault(name, None)
    return list(seen)


def read_map(path):
    """Input sections of .text from an lld map: (output section, input, [symbols])."""
    sections, out_name, current = [], None, None
    with open(path) as f:
        for line in f:
            fields = line.split(None, 4)
            if len(fields) < 5:
                continue
            try:
                int(fields[0], 16)
            except ValueError:
                continue
            rest = fields[4].rstrip("\n")
            if rest.startswith("."):
                out_name = rest.strip()
                continue
            m = re.match(r"\s*(\S+?):\((\S+)\)$", rest)
            if m:
                current = (out_name, m.group(1) + ":" + m.group(2), [])
                sections.append(current)
            elif current is not None and rest.strip():
                current[2].append(rest.strip())
    return sections


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--binary", required=True)
    ap.add_argument("--map", required=True, help="the lld link map of that binary (-Map=FILE)")
    ap.add_argument("--out", default=str(ROOT / "bench/link-order.txt"))
    args = ap.parse_args()
    ensure_valgrind()
    work = pathlib.Path(tempfile.mkdtemp(prefix="lotr-order-"))
    try:
        # valgrind cannot read the DWARF of this toolchain's static binaries; symbols are enough.
        stripped = work / "lotr"
        subprocess.run(["strip", "-g", "-o", str(stripped), args.binary], check=True)
        names = functions_in_first_run_order(profile(str(stripped), work))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    sections = read_map(args.map)
    home = {}
    copies = collections.Counter()
    for s in sections:
        for name in s[2]:
            copies[name] += 1
            home[name] = s
    chosen, taken = [], set()
    for name in names:
        s = home.get(name)
        if s is None or copies[name] != 1 or s[0] != ".text" or id(s) in taken:
            continue
        taken.add(id(s))
        chosen.append(name)
    with open(args.out, "w") as f:
        f.write("# lld --symbol-ordering-file for the release build: one symbol per input section that runs\n")
        f.write("# when lotr is used, first-run order. Regenerate with `make link-order` (bench/link_order.py).\n")
        for name in chosen:
            f.write(name + "\n")
    print(f"{len(names)} functions ran; {len(chosen)} input sections written to {args.out}")


if __name__ == "__main__":
    main()

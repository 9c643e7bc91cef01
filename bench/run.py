#!/usr/bin/env python3
"""make bench: start-up, keystroke latency, load time and memory of the real `lotr` binary.

    python3 bench/run.py --binary .build/release/lotr [--quick] [--only startup,keys,load,rss]

Prints one table; every time is the median of several runs. BENCHMARKS.md describes the method.
Nothing here needs the network except installing Debian's `dialog` (the start-up anchor) when it
is missing and we run as root.
"""
import argparse
import fcntl
import itertools
import os
import pathlib
import platform
import re
import resource
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
ROWS, COLS = 24, 80
CSI = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|[()][0-9A-Za-z]|[=>78DEHMNOZc]|\][^\x07]*\x07)")


def env_for_pty(home, cache=True):
    env = {k: v for k, v in os.environ.items() if k not in ("LINES", "COLUMNS", "LOTR_FLOW_CACHE")}
    # LINES/COLUMNS would override the pty's size; a private HOME/XDG keeps saved sessions
    # and the flow cache of the benchmark away from the user's.
    env.update(TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8", HOME=home,
               XDG_DATA_HOME=os.path.join(home, "data"), XDG_CACHE_HOME=os.path.join(home, "cache"),
               SWIFT_BACKTRACE="enable=no")
    if not cache:
        env["LOTR_FLOW_CACHE"] = "off"
    return env


class PtyProcess:
    """A program on a fresh 80×24 pty that is its controlling terminal."""

    def __init__(self, argv, env):
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))

        def child_setup():
            os.setsid()
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.start = time.perf_counter()
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                     preexec_fn=child_setup, close_fds=True)
        os.close(slave)
        self.output = bytearray()
        self.reads = []  # (length of the output after each read, when it arrived)

    def read_available(self, timeout):
        """Reads what arrives within `timeout` seconds; returns (bytes, time of the last read)."""
        r, _, _ = select.select([self.master], [], [], timeout)
        if not r:
            return b"", None
        try:
            data = os.read(self.master, 65536)
        except OSError:
            return b"", None
        now = time.perf_counter()
        self.output += data
        self.reads.append((len(self.output), now))
        return data, now

    def wait_for_text(self, marker, timeout=10.0):
        """Seconds from exec until `marker` shows in the output (escape sequences removed): the
        time of the read that brought it, which may be one that an earlier wait already took in
        (a fast program can send two markers in one read)."""
        def seen(end):
            return marker in CSI.sub(b"", bytes(self.output[:end])).replace(b"\r", b"").replace(b"\n", b"")
        if self.reads and seen(len(self.output)):
            return next(at for end, at in self.reads if seen(end)) - self.start
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            data, at = self.read_available(0.05)
            if data and marker in CSI.sub(b"", bytes(self.output)).replace(b"\r", b"").replace(b"\n", b""):
                return at - self.start
            if self.proc.poll() is not None and not data:
                break
        raise RuntimeError(f"{marker!r} did not appear; output so far: {bytes(self.output[-400:])!r}")

    def frame_after(self, key, quiet=0.03, limit=1.0):
        """Writes one key and returns the seconds until the last byte of the frame it caused:
        the frame is over when nothing more arrives for `quiet` seconds. None: no output."""
        t0 = time.perf_counter()
        os.write(self.master, key)
        last = None
        deadline = t0 + limit
        while True:
            wait = quiet if last is not None else max(0.0, deadline - time.perf_counter())
            data, at = self.read_available(wait)
            if not data:
                break
            last = at
        return None if last is None else last - t0

    def drain(self, quiet=0.05):
        while self.read_available(quiet)[0]:
            pass

    def peak_rss_kb(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return None

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(2)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        try:
            while self.read_available(0)[0]:
                pass
        except OSError:
            pass
        os.close(self.master)


# ---------------------------------------------------------------- helpers

def median(xs):
    return statistics.median(xs) if xs else float("nan")


def percentile(xs, p):
    if not xs:
        return float("nan")
    s = sorted(xs)
    k = max(0, min(len(s) - 1, int(round(p / 100 * len(s) + 0.5)) - 1))
    return s[k]


def ms(x):
    return f"{x * 1000:.2f} ms"


def ensure_dialog():
    path = shutil.which("dialog")
    if path:
        return path, None
    if os.geteuid() == 0:
        print("bench: installing Debian's dialog (the start-up anchor)…", file=sys.stderr)
        subprocess.run(["apt-get", "update", "-qq"], check=False)
        r = subprocess.run(["apt-get", "install", "-y", "-qq", "dialog"],
                           env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"), check=False)
        path = shutil.which("dialog")
        if path:
            return path, None
        return None, f"apt-get install dialog failed (exit {r.returncode})"
    return None, "dialog is not installed; run: sudo apt-get install -y dialog"


def run_timed(argv, mem_limit_gb=None, timeout=None, env=None):
    """Runs a command to completion; returns (seconds, exit code, peak RSS in kB)."""
    def limit():
        if mem_limit_gb:
            b = int(mem_limit_gb * 2**30)
            resource.setrlimit(resource.RLIMIT_AS, (b, b))
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=limit, env=env)
    if timeout is None:
        # A blocking wait: polling would add up to its interval to every figure.
        _, status, usage = os.wait4(p.pid, 0)
        elapsed = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        return elapsed, p.returncode, usage.ru_maxrss
    deadline = t0 + timeout
    while True:
        pid, status, usage = os.wait4(p.pid, os.WNOHANG)
        if pid:
            elapsed = time.perf_counter() - t0
            p.returncode = os.waitstatus_to_exitcode(status)
            return elapsed, p.returncode, usage.ru_maxrss
        if time.perf_counter() > deadline:
            p.kill()
            _, status, usage = os.wait4(p.pid, 0)
            return None, "timeout", usage.ru_maxrss
        time.sleep(0.002)


# ---------------------------------------------------------------- measurements

def bench_startup(binary, runs, home):
    """Exec → first frame for lotr on the shipped flows, on a tiny flow set (what start-up costs
    besides loading flows), and for dialog, interleaved so that all see the same machine load.
    lotr runs as people run it, with its flow cache (written by the warm-up round), and once more
    per round without it (LOTR_FLOW_CACHE=off: parsing and checking the YAML)."""
    env, yaml_env = env_for_pty(home), env_for_pty(home, cache=False)
    tiny = pathlib.Path(home) / "tiny-flows"
    subprocess.run([sys.executable, str(ROOT / "bench/generate_flows.py"), "--nodes", "50", "--out", str(tiny)],
                   check=True, stdout=subprocess.DEVNULL)
    dialog, why = ensure_dialog()
    shipped = [binary, "--flows", str(ROOT / "flows"), "--today", "2026-11-23"]
    programs = {
        "lotr": (shipped, b"Which UK application", env),
        "lotr-yaml": (shipped, b"Which UK application", yaml_env),
        "lotr-tiny": ([binary, "--flows", str(tiny), "--today", "2026-11-23"], b"Which UK application", env),
    }
    if dialog:
        programs["dialog"] = ([dialog, "--msgbox", "hello", "10", "40"], b"hello", env)
    times = {name: [] for name in programs}
    # Time to interactive, from the same lotr runs: the welcome's "Press Enter" (the flows have
    # loaded and keys act), then the first question after Enter.
    interactive = ("lotr", "lotr-yaml")
    for name in interactive:
        times[name + "-ready"], times[name + "-question"] = [], []
    # The rounds go through every order of the programs in turn: whichever runs just after
    # another has exited starts measurably slower, so each must follow each other equally often.
    orders = list(itertools.permutations(programs))
    for i in range(runs + 1):
        for name in orders[i % len(orders)]:
            argv, marker, program_env = programs[name]
            p = PtyProcess(argv, program_env)
            try:
                t = p.wait_for_text(marker)
                if name in interactive:
                    ready = p.wait_for_text(b"Press Enter to start")
                    os.write(p.master, ENTER)
                    question = p.wait_for_text(b"Are you in the UK now?")
            finally:
                p.stop()
            if i:  # the first round warms the page cache and writes the flow cache
                times[name].append(t)
                if name in interactive:
                    times[name + "-ready"].append(ready)
                    times[name + "-question"].append(question)
    return times, why


def bench_decide(binary, runs, home, cache=True):
    """`decide` as a batch job runs it: the whole process, loading the shipped flows each time."""
    answers = pathlib.Path(home) / "answers.json"
    answers.write_text('{"in_uk": true, "date_of_birth": "1980-05-01"}')
    argv = [binary, "decide", "--flows", str(ROOT / "flows"), "--answers", str(answers), "--today", "2026-11-23"]
    env = env_for_pty(home, cache)
    run_timed(argv, env=env)  # warms the page cache (and writes the flow cache)
    return [run_timed(argv, env=env)[0] for _ in range(runs)]


# A path through the benchmark's own small flow set (bench/generate_flows.py), so that it stays
# valid whatever happens to the shipped flows. It starts on the first question, a choice of four.
DOWN, UP, ENTER, BACKSPACE, CTRL_R, ESC = b"\x1bOB", b"\x1bOA", b"\r", b"\x7f", b"\x12", b"\x1b"


def key_cycle():
    keys = [("down", DOWN)] * 3 + [("up", UP)] * 3
    keys += [("help", b"?"), ("help", b"?")]
    keys += [("choose", b"1"), ("confirm", ENTER)]     # choice 'a' (nothing is pre-selected) → the date question
    keys += [("type", bytes([c])) for c in b"01012020"]  # 01/01/2020, the slashes put in for us
    keys += [("delete", BACKSPACE)] * 10
    keys += [("review", CTRL_R), ("review", b"b"), ("help", b"?"), ("help", b"?")]
    keys += [("back", ESC)]                            # back to the choice (Backspace only deletes)
    keys += [("review", b"r"), ("review", b"b")]       # review, and back to the choice
    return keys


def bench_keys(binary, cycles, home):
    flows = pathlib.Path(home) / "key-flows"
    subprocess.run([sys.executable, str(ROOT / "bench/generate_flows.py"), "--nodes", "50", "--out", str(flows)],
                   check=True, stdout=subprocess.DEVNULL)
    p = PtyProcess([binary, "--flows", str(flows), "--today", "2026-11-23"], env_for_pty(home))
    try:
        p.wait_for_text(b"Which UK application")
        p.drain()
        if p.frame_after(ENTER) is None:
            raise RuntimeError("Enter on the welcome screen drew nothing")
        p.drain()
        # The review page needs an answer to come back to this question: answer once first.
        for key in [b"1", ENTER, ESC]:
            p.frame_after(key)
        p.drain()
        times, missing, by_kind = [], [], {}
        for c in range(cycles):
            for kind, key in key_cycle():
                t = p.frame_after(key)
                if t is None:
                    missing.append(kind)
                    continue
                times.append(t)
                by_kind.setdefault(kind, []).append(t)
        rss = p.peak_rss_kb()
    finally:
        p.stop()
    return times, missing, by_kind, rss


def bench_rss_shipped(binary, home):
    """Peak RSS with the shipped flows: start, first question, a few moves, help."""
    p = PtyProcess([binary, "--flows", str(ROOT / "flows"), "--today", "2026-11-23"], env_for_pty(home))
    try:
        p.wait_for_text(b"Which UK application")
        for key in [ENTER, DOWN, UP, b"?", b"?", b"r", b"b"]:
            p.frame_after(key)
        return p.peak_rss_kb()
    finally:
        p.stop()


def bench_load(binary, sizes, runs, home, mem_limit_gb, timeout):
    rows = []
    answers = pathlib.Path(home) / "answers.json"
    answers.write_text("{}")
    for n in sizes:
        d = pathlib.Path(home) / f"flows-{n}"
        subprocess.run([sys.executable, str(ROOT / "bench/generate_flows.py"), "--nodes", str(n), "--out", str(d)],
                       check=True, stdout=subprocess.DEVNULL)
        mb = sum(f.stat().st_size for f in d.glob("*.yaml")) / 1e6
        result = {"nodes": n, "mb": mb}
        decide = [binary, "decide", "--flows", str(d), "--answers", str(answers), "--today", "2026-11-23"]
        run_timed(decide, mem_limit_gb, timeout, env_for_pty(home))  # writes the flow cache
        for name, argv, ok, env in [
            ("check", [binary, "check", str(d), "--quiet"], {0}, env_for_pty(home)),
            ("load", decide, {3}, env_for_pty(home, cache=False)),
            ("cached", decide, {3}, env_for_pty(home)),
        ]:
            times, rss, failed = [], 0, None
            for _ in range(runs if n < 100_000 else 1):
                t, code, peak = run_timed(argv, mem_limit_gb, timeout, env)
                rss = max(rss, peak)
                if t is None or code not in ok:
                    if t is None:
                        failed = f"over the {timeout:.0f} s limit"
                    elif isinstance(code, int) and code < 0:
                        # SIGABRT here is Swift failing to allocate under the address-space limit.
                        failed = f"signal {-code} after {t:.0f} s (limit {mem_limit_gb:g} GB)"
                    else:
                        failed = f"exit {code} after {t:.0f} s"
                    break
                times.append(t)
            result[name] = (None if failed else median(times), rss, failed)
        rows.append(result)
        shutil.rmtree(d, ignore_errors=True)
    return rows


# ---------------------------------------------------------------- report

def machine():
    model = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    mem = "?"
    with open("/proc/meminfo") as f:
        mem = f"{int(f.readline().split()[1]) / 2**20:.1f} GiB"
    osname = platform.platform()
    try:
        for line in open("/etc/os-release"):
            if line.startswith("PRETTY_NAME="):
                osname = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
    return f"{os.cpu_count()} × {model}, {mem}, {osname}, {swift[0] if swift else 'swift ?'}"


def main():
    ap = argparse.ArgumentParser(description="lotr benchmarks")
    ap.add_argument("--binary", default=str(ROOT / ".build/release/lotr"))
    ap.add_argument("--quick", action="store_true", help="fewer runs, no 100k flow set")
    ap.add_argument("--only", default="startup,keys,rss,load")
    ap.add_argument("--mem-limit-gb", type=float, default=8.0, help="address-space limit for the load runs")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds allowed for one load run")
    ap.add_argument("--cpu", type=int, default=None,
                    help="core to run on, with every program it starts (default: the first allowed; -1: no pinning)")
    args = ap.parse_args()
    # One core for the benchmark and everything it starts: on a shared virtual machine, waking
    # a reader on the other core costs a variable, often large, share of a 5 ms start-up.
    # Every program measured runs under the same rule.
    pinned = None
    if args.cpu != -1 and hasattr(os, "sched_setaffinity"):
        pinned = args.cpu if args.cpu is not None else min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {pinned})
    binary = str(pathlib.Path(args.binary).resolve())
    if not os.access(binary, os.X_OK):
        sys.exit(f"bench: no binary at {binary}; run `make release` first")
    only = set(args.only.split(","))
    home = tempfile.mkdtemp(prefix="lotr-bench.")
    rows = []  # (measure, value, anchor, ratio, goal)
    notes = []
    try:
        print(f"machine: {machine()}")
        print(f"binary:  {binary}")
        print(f"core:    {'not pinned' if pinned is None else f'all runs on CPU {pinned}'}")
        if "startup" in only:
            runs = 6 if args.quick else 30
            times, why = bench_startup(binary, runs, home)
            anchor = median(times["dialog"]) if times.get("dialog") else None
            for name, label in [("lotr", "shipped flows"), ("lotr-tiny", "50-node flow set")]:
                t = median(times[name])
                rows.append((f"start-up to first frame, {label} (median of {runs})", ms(t),
                             f"dialog --msgbox {ms(anchor)}" if anchor else "dialog: —",
                             f"{t / anchor:.2f}×" if anchor else "—", "≤ 1.5×"))
            for name, label, goal in [("lotr-ready", "time to interactive: the welcome's Press Enter", "≤ 2×"),
                                      ("lotr-question", "first question after Enter", ""),
                                      ("lotr-yaml", "without the flow cache: first frame", ""),
                                      ("lotr-yaml-ready", "without the flow cache: the welcome's Press Enter", ""),
                                      ("lotr-yaml-question", "without the flow cache: first question", "")]:
                t = median(times[name])
                rows.append((f"{label} (median of {runs})", ms(t), f"dialog --msgbox {ms(anchor)}" if anchor else "dialog: —",
                             f"{t / anchor:.2f}×" if anchor else "—", goal))
            for cache, label, goal in [(True, "decide, whole process, shipped flows", "≤ 3×"),
                                       (False, "decide without the flow cache", "")]:
                d = bench_decide(binary, runs, home, cache)
                rows.append((f"{label} (median of {runs})", ms(median(d)),
                             f"dialog --msgbox {ms(anchor)}" if anchor else "dialog: —",
                             f"{median(d) / anchor:.2f}×" if anchor else "—", goal))
            if why:
                notes.append(why)
        if "keys" in only or "rss" in only:
            cycles = 4 if args.quick else 16
            times, missing, by_kind, rss = bench_keys(binary, cycles, home)
            rows.append((f"key → frame, median ({len(times)} keys)", ms(median(times)), "", "", ""))
            rows.append(("key → frame, p99", ms(percentile(times, 99)), "", "", ""))
            # Esc waits ncurses' escape delay (25 ms) to tell a lone Esc from the start of an
            # arrow key's sequence; it is reported on its own line ("back").
            others = [t for kind, ts in by_kind.items() if kind != "back" for t in ts]
            rows.append(("key → frame, p99 of every key but Esc", ms(percentile(others, 99)), "", "", "p99 < 2 ms"))
            rows.append(("key → frame, max", ms(max(times)), "", "", ""))
            for kind in ["down", "up", "help", "review", "choose", "confirm", "type", "delete", "back"]:
                if kind in by_kind:
                    rows.append((f"  {kind} (median / p99, {len(by_kind[kind])})",
                                 f"{ms(median(by_kind[kind]))} / {ms(percentile(by_kind[kind], 99))}", "", "", ""))
            if missing:
                notes.append(f"{len(missing)} keys drew nothing: {sorted(set(missing))}")
            rows.append(("peak RSS (VmHWM) after the key path", f"{rss / 1024:.1f} MB", "", "", "< 20 MB"))
            rows.append(("peak RSS (VmHWM), shipped flows, first question", f"{bench_rss_shipped(binary, home) / 1024:.1f} MB", "", "", "< 20 MB"))
        if "load" in only:
            sizes = [1000, 10_000] if args.quick else [1000, 10_000, 100_000]
            runs = 3 if args.quick else 5
            load = bench_load(binary, sizes, runs, home, args.mem_limit_gb, args.timeout)
            base = {}
            for r in load:
                for name in ["check", "load", "cached"]:
                    t, rss, failed = r[name]
                    what = {"check": "lotr check", "load": "load (decide, no answers, no cache)", "cached": "load from the flow cache"}[name]
                    label = f"{what}, {r['nodes']:,} nodes ({r['mb']:.1f} MB)"
                    if failed:
                        rows.append((label, f"failed: {failed}", f"peak RSS {rss / 1024:.0f} MB", "", ""))
                        continue
                    per = t / r["nodes"]
                    base.setdefault(name, per)
                    ratio = per / base[name]
                    rows.append((label, f"{t:.3f} s = {per * 1e6:.1f} µs/node", f"peak RSS {rss / 1024:.0f} MB",
                                 f"{ratio:.2f}× per node vs 1k" if r["nodes"] != load[0]["nodes"] else "", "linear: ≈ 1×"))
        width = [max(len(str(row[i])) for row in rows + [("measure", "value", "anchor / extra", "ratio", "goal")]) for i in range(5)]
        line = lambda row: "  ".join(str(c).ljust(width[i]) for i, c in enumerate(row)).rstrip()
        print()
        print(line(("measure", "value", "anchor / extra", "ratio", "goal")))
        print(line(tuple("-" * w for w in width)))
        for row in rows:
            print(line(row))
        for n in notes:
            print(f"note: {n}")
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Rangefinder against PyTorch on the same machine, one after the other in one run (issue 7).

Runs `java -jar target/rangefinder.jar bench --json` (or reads a saved result with --java-json), then
`pytorch_bench.py --json`, and prints a Markdown table for the README's performance section. The ratio compares
seconds per iteration, so range tests that stop at different iterations (divergence) stay comparable:

    ratio = (ours seconds / ours iterations) / (PyTorch seconds / PyTorch iterations)

and is checked against the targets of issue 7 (ours / PyTorch at most the target).
"""
import argparse
import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

from rangefinder_jar import DEFAULT_JAR, java_version, run_jar

PYTORCH_BENCH = Path(__file__).resolve().with_name("pytorch_bench.py")
TARGETS = {"rt-mnist-lenet": 1.0, "rt-digits-mlp": 2.0, "sweep-digits-mlp": 0.6}
MIB = 2 ** 20


def rangefinder_results(args) -> tuple:
    """Our bench result as a dict, and a line saying where it came from."""
    if args.java_json:
        try:
            saved = json.loads(args.java_json.read_text())
        except (OSError, ValueError) as e:
            sys.exit(f"compare: --java-json {args.java_json}: cannot read ({e})")
        if args.workload:
            saved["workloads"] = [w for w in saved["workloads"] if w["name"] == args.workload]
        return saved, f"saved result {args.java_json}"
    flags = [f"--workload={args.workload}"] if args.workload else []
    output = run_jar(args.jar, ["bench", "--json", f"--repeats={args.repeats}", *flags], "compare")
    try:
        return json.loads(output), f"{args.jar}, {java_version()}"
    except ValueError as e:
        sys.exit(f"compare: `bench --json` printed no JSON ({e}):\n{output[:500]}")


def pytorch_results(args) -> dict:
    """PyTorch's bench result as a dict, from a child `pytorch_bench.py --json`."""
    command = [args.python, str(PYTORCH_BENCH), "--json", "--datasets", str(args.datasets),
               f"--repeats={args.repeats}"]
    command += [f"--workload={args.workload}"] if args.workload else []
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"compare: `{' '.join(command)}` exited with {done.returncode}:\n{done.stderr.strip()}")
    return json.loads(done.stdout)


def cpu_model() -> str:
    """The `model name` line of /proc/cpuinfo."""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return "unknown"


def seconds_per_iteration(entry: dict) -> float:
    """A workload's seconds divided by its iterations."""
    return entry["seconds"] / entry["iterations"]


def row(name: str, ours: dict, theirs: dict) -> str:
    """One Markdown table row; a side that did not run this workload shows a dash."""
    dash = "-"
    target = TARGETS.get(name)
    ratio = seconds_per_iteration(ours) / seconds_per_iteration(theirs) if ours and theirs else None
    met = dash if ratio is None or target is None else ("met" if ratio <= target else "not met")
    cells = [
        name,
        f"{ours['iterations'] if ours else dash} / {theirs['iterations'] if theirs else dash}",
        f"{ours['seconds']:.3f}" if ours else dash,
        f"{theirs['seconds']:.3f}" if theirs else dash,
        f"{ratio:.2f}" if ratio is not None else dash,
        f"<= {target}" if target is not None else dash,
        met,
        f"{ours['peakRssBytes'] / MIB:.0f}" if ours else dash,
        f"{theirs['peakRssBytes'] / MIB:.0f}" if theirs else dash,
    ]
    return "| " + " | ".join(cells) + " |"


def report(ours: dict, ours_source: str, theirs: dict) -> str:
    """The Markdown table with the date and the machine."""
    by_name = [{w["name"]: w for w in result["workloads"]} for result in (ours, theirs)]
    names = list(dict.fromkeys([*by_name[0], *by_name[1]]))
    lines = [
        f"Measured {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}, one run, one after the other: "
        f"{len(os.sched_getaffinity(0))} CPUs (nproc), {cpu_model()}.",
        f"Rangefinder: {ours_source}. PyTorch {theirs['torchVersion']}, {theirs['threads']} thread, "
        f"BLAS {theirs['blas']} (OPENBLAS_CORETYPE {theirs.get('openblasCoretype') or 'unset'}, as Rangefinder chooses).",
        "",
        "| workload | iterations (ours / PyTorch) | Rangefinder s | PyTorch s | ratio (s per iteration) | target "
        "| result | Rangefinder peak RSS MiB | PyTorch peak RSS MiB |",
        "|---|---|---:|---:|---:|---:|---|---:|---:|",
    ]
    lines += [row(name, by_name[0].get(name), by_name[1].get(name)) for name in names]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jar", type=Path, default=DEFAULT_JAR, help=f"Rangefinder jar (default: {DEFAULT_JAR})")
    parser.add_argument("--java-json", type=Path, help="read a saved `bench --json` result instead of running the jar")
    parser.add_argument("--python", default=sys.executable,
                        help="Python with torch that runs pytorch_bench.py (default: this one)")
    parser.add_argument("--datasets", type=Path, default=PYTORCH_BENCH.parents[2] / "datasets",
                        help="bundled datasets folder for the PyTorch side")
    parser.add_argument("--workload", help="compare only this workload (default: all)")
    parser.add_argument("--repeats", type=int, default=3,
                        help="timed runs per workload on each side; medians are compared (default 3)")
    args = parser.parse_args()
    if args.repeats < 1:
        sys.exit(f"compare: --repeats must be at least 1, got {args.repeats}")
    ours, source = rangefinder_results(args)
    theirs = pytorch_results(args)
    print(report(ours, source, theirs))


if __name__ == "__main__":
    main()

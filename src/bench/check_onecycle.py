#!/usr/bin/python3
"""Checks `rangefinder schedule` against torch.optim.lr_scheduler.OneCycleLR, value by value.

For each setting (the schedule command's own options), runs `java -jar target/rangefinder.jar schedule SETTING
--format csv` (header `iteration,lr,momentum`, one row per iteration 0..T-1) and steps a real torch.optim.SGD
(momentum 0.9) under OneCycleLR with the same arguments, reading param_groups[0]['lr'] and ['momentum'] before
each scheduler.step(). Prints the largest absolute and relative difference of each column per setting and exits
1 if any relative difference exceeds 1e-12 or the rows do not line up.

Then prints torch's own values for T = 10, max_lr = 1 (two-phase cos, three-phase linear) for pasting into tests;
--reference-only prints just those and needs no jar.
"""
import argparse
import csv
import io
import shlex
import sys
from pathlib import Path

try:
    import torch
except ImportError:
    sys.exit(f"check_onecycle: torch is not importable from {sys.executable}; install Debian's python3-torch and "
             "run this script with /usr/bin/python3")

from rangefinder_jar import DEFAULT_JAR, run_jar

TOLERANCE = 1e-12
SETTINGS = [
    "--steps 100 --max-lr 0.1",
    "--steps 37 --max-lr 0.5 --three-phase --anneal linear --pct-start 0.25",
    "--steps 10 --max-lr 1 --div-factor 10 --final-div-factor 100",
    "--steps 50 --max-lr 0.3 --three-phase --base-momentum 0.8 --max-momentum 0.9",
    "--steps 10 --max-lr 1 --three-phase --anneal linear",
]
REFERENCES = ["--steps 10 --max-lr 1", "--steps 10 --max-lr 1 --three-phase --anneal linear"]


def schedule_options() -> argparse.ArgumentParser:
    """The options of `rangefinder schedule`, with OneCycleLR's defaults (a setting left out must match them)."""
    parser = argparse.ArgumentParser(prog="schedule", add_help=False)
    parser.add_argument("--steps", type=int, required=True)
    parser.add_argument("--max-lr", type=float, required=True)
    parser.add_argument("--pct-start", type=float, default=0.3)
    parser.add_argument("--div-factor", type=float, default=25.0)
    parser.add_argument("--final-div-factor", type=float, default=1e4)
    parser.add_argument("--anneal", choices=["cos", "linear"], default="cos")
    parser.add_argument("--three-phase", action="store_true")
    parser.add_argument("--base-momentum", type=float, default=0.85)
    parser.add_argument("--max-momentum", type=float, default=0.95)
    return parser


def torch_schedule(setting: str) -> list:
    """(lr, momentum) of iterations 0..T-1 from a real SGD + OneCycleLR, read before each scheduler.step()."""
    o = schedule_options().parse_args(shlex.split(setting))
    param = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([param], lr=o.max_lr, momentum=0.9)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(
        optimizer, max_lr=o.max_lr, total_steps=o.steps, pct_start=o.pct_start, anneal_strategy=o.anneal,
        div_factor=o.div_factor, final_div_factor=o.final_div_factor, three_phase=o.three_phase,
        base_momentum=o.base_momentum, max_momentum=o.max_momentum)
    values = []
    for _ in range(o.steps):
        group = optimizer.param_groups[0]
        values.append((group["lr"], group["momentum"]))
        optimizer.step()  # no gradient, so no update; keeps torch's "scheduler before optimizer" check quiet
        scheduler.step()
    return values


def rangefinder_schedule(jar: Path, setting: str) -> list:
    """(lr, momentum) of iterations 0..T-1 from `rangefinder schedule SETTING --format csv`."""
    output = run_jar(jar, ["schedule", *shlex.split(setting), "--format", "csv"], "check_onecycle")
    rows = list(csv.DictReader(io.StringIO(output)))
    if not rows or list(rows[0]) != ["iteration", "lr", "momentum"]:
        sys.exit(f"check_onecycle: `schedule {setting}`: expected the header iteration,lr,momentum, got:\n"
                 f"{output[:300]}")
    iterations = [int(r["iteration"]) for r in rows]
    if iterations != list(range(len(rows))):
        sys.exit(f"check_onecycle: `schedule {setting}`: iterations are not 0..{len(rows) - 1}")
    return [(float(r["lr"]), float(r["momentum"])) for r in rows]


def largest_differences(ours: list, theirs: list, column: int) -> tuple:
    """Max |ours - theirs| and max |ours - theirs| / |theirs| over one column."""
    pairs = [(a[column], b[column]) for a, b in zip(ours, theirs)]
    return (max(abs(a - b) for a, b in pairs),
            max(abs(a - b) / abs(b) if b else abs(a - b) for a, b in pairs))


def check(jar: Path, setting: str) -> bool:
    """Prints the largest differences for one setting; True when every relative difference is within tolerance."""
    ours, theirs = rangefinder_schedule(jar, setting), torch_schedule(setting)
    if len(ours) != len(theirs):
        print(f"FAIL  {setting}: {len(ours)} rows, torch has {len(theirs)}")
        return False
    lr_abs, lr_rel = largest_differences(ours, theirs, 0)
    m_abs, m_rel = largest_differences(ours, theirs, 1)
    ok = max(lr_rel, m_rel) <= TOLERANCE
    print(f"{'ok  ' if ok else 'FAIL'}  {setting}: lr max abs {lr_abs:.3g} rel {lr_rel:.3g}; "
          f"momentum max abs {m_abs:.3g} rel {m_rel:.3g}")
    return ok


def print_reference(setting: str) -> None:
    """torch's values for one setting, every iteration, with all the digits a double has."""
    print(f"\ntorch {torch.__version__} OneCycleLR, {setting}:")
    print("iteration,lr,momentum")
    for i, (lr, momentum) in enumerate(torch_schedule(setting)):
        print(f"{i},{lr!r},{momentum!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jar", type=Path, default=DEFAULT_JAR, help=f"Rangefinder jar (default: {DEFAULT_JAR})")
    parser.add_argument("--setting", action="append",
                        help="schedule options to check, quoted, e.g. \"--steps 20 --max-lr 0.2\" (repeatable; "
                             "default: a built-in set of two- and three-phase, cos and linear settings)")
    parser.add_argument("--reference-only", action="store_true", help="print torch's reference values only")
    args = parser.parse_args()
    passed = True
    if not args.reference_only:
        passed = all([check(args.jar, setting) for setting in args.setting or SETTINGS])
    for setting in REFERENCES:
        print_reference(setting)
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()

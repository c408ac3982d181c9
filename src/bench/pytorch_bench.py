#!/usr/bin/python3
"""PyTorch reference for the workloads of `java -jar target/rangefinder.jar bench` (issue 7).

Runs the same four workloads on the CPU with one thread, data already in memory as tensors, each model built
before the clock starts and each workload timed after one untimed warm-up run of itself:

- rt-digits-mlp: LR range test, digits (seeded stratified 80% training split, pixels / 16), MLP 64-128-128-10,
  batch 64, 100 iterations.
- rt-mnist-lenet: LR range test, MNIST (pixels / 255), LeNet-5, batch 128, 100 iterations.
- sweep-digits-mlp: four rt-digits-mlp range tests one after another, decoupled weight decay 0, 1e-5, 1e-4,
  1e-3; seconds and iterations are the totals of the four.
- epoch-fashion-lenet: one epoch of 1cycle training on Fashion-MNIST, LeNet-5, batch 128, SGD with Nesterov
  momentum and torch's OneCycleLR(max_lr=0.1, total_steps=ceil(n/128)) with its defaults, n the training images
  in the bundled file (20,000 there, not the original 60,000: 157 steps).

A range test follows Rangefinder's loop (written out here, no dependency): per iteration i = 0..N-1 set
lr_i = start * (end/start)^(i/(N-1)) (start 1e-7, end 10; pytorch-lr-finder's ladder), forward, cross-entropy,
backward, SGD step (Nesterov momentum 0.9), record loss.item() and the bias-corrected EMA s_t = v_t / (1 - beta^t),
v_t = beta*v_{t-1} + (1-beta)*L_t, beta 0.98; stop after recording a point whose s_t > 4 * min(s_1..s_t) or whose
loss is not finite (fastai's smoothing and stop, as Rangefinder's; pytorch-lr-finder's own differ).
`iterations` is the number of iterations that ran.

Output: a table, or with --json `{"workloads": [{"name", "iterations", "seconds", "iterationsPerSecond",
"peakHeapBytes", "peakRssBytes"}]}`, the shape of the Java harness with the process's peak resident set size
(getrusage ru_maxrss) in place of the JVM's off-heap figure; there is no managed heap, so peakHeapBytes is 0.
Each workload runs in its own child process so that its peak RSS is its own.
"""
import argparse
import gzip
import itertools
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path



def openblas_coretype(cpuinfo: str) -> str | None:
    """OpenBLAS's kernels for a CPU, chosen as Rangefinder's engine/OpenBlasCore chooses them from /proc/cpuinfo's
    first processor: SkylakeX with AVX-512 F/CD/BW/DQ/VL, Haswell on Intel with AVX2 and FMA, else None (OpenBLAS's
    own choice). OpenBLAS 0.3.21 too falls back to its SSE3 "Prescott" kernels on CPUs newer than it."""
    block = cpuinfo.split("\n\n")[0]
    fields = dict(line.split(":", 1) for line in block.splitlines() if ":" in line)
    fields = {key.strip(): value.strip() for key, value in fields.items()}
    flags = set(fields.get("flags", "").split())
    if {"avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"} <= flags:
        return "SkylakeX"
    if {"avx2", "fma"} <= flags and fields.get("vendor_id") == "GenuineIntel":
        return "Haswell"
    return None


# One BLAS thread, as in the Java harness, and the same OpenBLAS kernels (a fair peer); OpenBLAS reads these when
# it loads, so before torch is imported. A value already in the environment is kept on both sides.
os.environ["OPENBLAS_NUM_THREADS"] = "1"
os.environ["OMP_NUM_THREADS"] = "1"
if "OPENBLAS_CORETYPE" not in os.environ and Path("/proc/cpuinfo").is_file():
    _core = openblas_coretype(Path("/proc/cpuinfo").read_text())
    if _core:
        os.environ["OPENBLAS_CORETYPE"] = _core

import numpy as np

try:
    import torch
    import torch.nn.functional as F
    from torch import nn
except ImportError:
    sys.exit(f"pytorch_bench: torch is not importable from {sys.executable}; install Debian's python3-torch and "
             "run this script with /usr/bin/python3")

DEFAULT_DATASETS = Path(__file__).resolve().parents[2] / "datasets"
SEED = 42
START_LR, END_LR = 1e-7, 10.0
MOMENTUM = 0.9
BETA = 0.98
DIVERGE_FACTOR = 4.0
RANGE_TEST_ITERATIONS = 100
SWEEP_WEIGHT_DECAYS = (0.0, 1e-5, 1e-4, 1e-3)
ONE_CYCLE_MAX_LR = 0.1


# ---- data -------------------------------------------------------------------------------------------------

def bundled(path: Path) -> Path:
    """The path of a bundled dataset file; exits naming it when it is missing."""
    if not path.is_file():
        sys.exit(f"pytorch_bench: {path}: dataset file not found (is --datasets the repository's datasets folder?)")
    return path


def load_digits(datasets: Path, seed: int = SEED, train_fraction: float = 0.8):
    """The digits training split: per class, a seeded shuffle keeps the first round(0.8 * count) samples."""
    table = np.loadtxt(bundled(datasets / "digits" / "digits.csv.gz"), delimiter=",", dtype=np.int64)
    features, labels = table[:, :64], table[:, 64]
    rng = np.random.default_rng(seed)
    keep = []
    for label in np.unique(labels):
        members = rng.permutation(np.flatnonzero(labels == label))
        keep.append(members[:round(train_fraction * len(members))])
    keep = np.sort(np.concatenate(keep))
    return (torch.from_numpy(features[keep].astype(np.float32) / 16),
            torch.from_numpy(labels[keep]))


def read_idx(path: Path, magic: int) -> np.ndarray:
    """An IDX file (big-endian header: magic, then one count per dimension, then unsigned bytes)."""
    raw = gzip.decompress(bundled(path).read_bytes())
    found = int.from_bytes(raw[:4], "big")
    if found != magic:
        sys.exit(f"pytorch_bench: {path}: IDX magic {found}, expected {magic}")
    dims = [int.from_bytes(raw[4 + 4 * d:8 + 4 * d], "big") for d in range(magic & 0xFF)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * len(dims)).reshape(dims)


def load_idx_training(folder: Path):
    """The training images of an MNIST-format folder as N x 1 x 28 x 28 floats in [0, 1], and their labels."""
    images = read_idx(folder / "train-images-idx3-ubyte.gz", 2051)
    labels = read_idx(folder / "train-labels-idx1-ubyte.gz", 2049)
    x = torch.from_numpy(images.astype(np.float32) / 255).unsqueeze(1)
    return x, torch.from_numpy(labels.astype(np.int64))


def batches(n: int, batch_size: int, generator: torch.Generator, drop_last: bool):
    """Index tensors of shuffled batches, endlessly, a new seeded permutation each epoch.

    Like Rangefinder's BatchStream, range tests drop the last, smaller batch of an epoch (every recorded loss is
    over a full batch) and training keeps it (every sample is seen each epoch).
    """
    while True:
        order = torch.randperm(n, generator=generator)
        yield from order[:n - n % batch_size if drop_last else n].split(batch_size)


# ---- models -----------------------------------------------------------------------------------------------

def mlp() -> nn.Module:
    """The `mlp` preset on digits: 64-128-128-10, ReLU (softmax is in the cross-entropy loss)."""
    return nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 128), nn.ReLU(), nn.Linear(128, 10))


def lenet() -> nn.Module:
    """The `lenet` preset on 28x28 images: conv 5x5x6 same, pool, conv 5x5x16 valid, pool, 120, 84, 10."""
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))


def build(factory, seed: int = SEED) -> nn.Module:
    """A seeded model initialised like Rangefinder's DL4J networks, so both curves start from alike weights.

    Hidden layers: He normal, std sqrt(2 / fan_in) (DL4J WeightInit.RELU); output layer: Xavier normal,
    std sqrt(2 / (fan_in + fan_out)) (DL4J WeightInit.XAVIER); biases 0.
    """
    torch.manual_seed(seed)
    model = factory()
    layers = [m for m in model.modules() if isinstance(m, (nn.Linear, nn.Conv2d))]
    with torch.no_grad():
        for layer in layers:
            fan_out, fan_in = layer.weight.shape[0], layer.weight[0].numel()
            fans = fan_in + fan_out if layer is layers[-1] else fan_in
            layer.weight.normal_(0, math.sqrt(2 / fans))
            layer.bias.zero_()
    return model


def nesterov(model: nn.Module) -> torch.optim.SGD:
    """SGD with Nesterov momentum 0.9, no coupled weight decay."""
    return torch.optim.SGD(model.parameters(), lr=START_LR, momentum=MOMENTUM, nesterov=True)


# ---- the timed loops --------------------------------------------------------------------------------------

def exponential_ladder(start: float, end: float, n: int) -> list:
    """lr_i = start * (end / start)^(i / (n - 1)), i = 0..n-1."""
    return [start * (end / start) ** (i / (n - 1)) for i in range(n)]


def train_step(model, optimizer, x, y, weight_decay: float = 0.0) -> float:
    """One forward/backward/update on a batch; returns the batch loss.

    Weight decay is decoupled and applied to weights only, not biases (DL4J WeightDecay, as in AdamW):
    w -= lr * weight_decay * w, on the weights before the update.
    """
    optimizer.zero_grad(set_to_none=True)
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    if weight_decay > 0:
        lr = optimizer.param_groups[0]["lr"]
        with torch.no_grad():
            for p in model.parameters():
                if p.dim() > 1:
                    p.mul_(1 - lr * weight_decay)
    optimizer.step()
    return loss.item()


def range_test(factory, x, y, batch_size: int, weight_decay: float = 0.0):
    """Builds the model, then times one exponential range test; returns (iterations run, seconds)."""
    model = build(factory)
    optimizer = nesterov(model)
    generator = torch.Generator().manual_seed(SEED)
    ladder = exponential_ladder(START_LR, END_LR, RANGE_TEST_ITERATIONS)
    average, best, ran = 0.0, math.inf, 0
    start = time.perf_counter()
    for t, (lr, idx) in enumerate(zip(ladder, batches(len(y), batch_size, generator, True)), start=1):
        optimizer.param_groups[0]["lr"] = lr
        loss = train_step(model, optimizer, x.index_select(0, idx), y.index_select(0, idx), weight_decay)
        average = BETA * average + (1 - BETA) * loss
        smoothed = average / (1 - BETA ** t)
        best = min(best, smoothed)
        ran = t
        if not math.isfinite(loss) or smoothed > DIVERGE_FACTOR * best:
            break
    return ran, time.perf_counter() - start


def one_cycle_epoch(factory, x, y, batch_size: int):
    """Builds the model, then times one epoch of 1cycle training; returns (steps, seconds)."""
    model = build(factory)
    optimizer = nesterov(model)
    steps = math.ceil(len(y) / batch_size)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=ONE_CYCLE_MAX_LR, total_steps=steps)
    generator = torch.Generator().manual_seed(SEED)
    start = time.perf_counter()
    for idx in itertools.islice(batches(len(y), batch_size, generator, False), steps):
        train_step(model, optimizer, x.index_select(0, idx), y.index_select(0, idx))
        scheduler.step()
    return steps, time.perf_counter() - start


# ---- workloads --------------------------------------------------------------------------------------------

def rt_digits_mlp(datasets: Path):
    """Loads digits, then returns a runner of one range test."""
    x, y = load_digits(datasets)
    return lambda: range_test(mlp, x, y, 64)


def rt_mnist_lenet(datasets: Path):
    """Loads MNIST, then returns a runner of one range test."""
    x, y = load_idx_training(datasets / "mnist")
    return lambda: range_test(lenet, x, y, 128)


def sweep_digits_mlp(datasets: Path):
    """Loads digits, then returns a runner of four range tests whose iterations and seconds add up."""
    x, y = load_digits(datasets)

    def run():
        results = [range_test(mlp, x, y, 64, wd) for wd in SWEEP_WEIGHT_DECAYS]
        return sum(r[0] for r in results), sum(r[1] for r in results)
    return run


def epoch_fashion_lenet(datasets: Path):
    """Loads Fashion-MNIST, then returns a runner of one 1cycle epoch."""
    x, y = load_idx_training(datasets / "fashion-mnist")
    return lambda: one_cycle_epoch(lenet, x, y, 128)


WORKLOADS = {
    "rt-digits-mlp": rt_digits_mlp,
    "rt-mnist-lenet": rt_mnist_lenet,
    "sweep-digits-mlp": sweep_digits_mlp,
    "epoch-fashion-lenet": epoch_fashion_lenet,
}


def measure(name: str, datasets: Path, repeats: int) -> dict:
    """Runs one workload in this process: load, warm up, then `repeats` timed runs; returns its result entry with
    the median seconds (the runs are seeded alike, so they run the same iterations)."""
    run = WORKLOADS[name](datasets)
    run()
    runs = [run() for _ in range(repeats)]
    iterations, seconds = runs[0][0], statistics.median(r[1] for r in runs)
    return {"name": name, "iterations": iterations, "seconds": seconds,
            "iterationsPerSecond": iterations / seconds, "peakHeapBytes": 0,
            "peakRssBytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}


def measure_in_child(name: str, datasets: Path, repeats: int) -> dict:
    """Runs one workload in a fresh Python process, so that its peak RSS is not the sum of the others'."""
    child = subprocess.run([sys.executable, __file__, "--json", "--in-process", "--workload", name,
                            "--datasets", str(datasets), "--repeats", str(repeats)], capture_output=True, text=True)
    if child.returncode != 0:
        sys.exit(f"pytorch_bench: workload {name} failed:\n{child.stderr}")
    return json.loads(child.stdout)["workloads"][0]


def blas_library() -> str:
    """The BLAS this process loaded (Debian's torch uses whichever libblas.so.3 the alternatives point to)."""
    for line in Path("/proc/self/maps").read_text().splitlines():
        path = line.split()[-1]
        if "blas" in Path(path).name:
            return os.path.realpath(path)
    return "unknown"


def print_table(results: list) -> None:
    """One line per workload."""
    print(f"{'workload':<22}{'iterations':>11}{'seconds':>10}{'it/s':>10}{'peak RSS MiB':>14}")
    for r in results:
        print(f"{r['name']:<22}{r['iterations']:>11}{r['seconds']:>10.3f}{r['iterationsPerSecond']:>10.1f}"
              f"{r['peakRssBytes'] / 2**20:>14.0f}")
    print(f"PyTorch {torch.__version__}, {torch.get_num_threads()} thread, CPU, BLAS {blas_library()}, "
          f"OPENBLAS_CORETYPE {os.environ.get('OPENBLAS_CORETYPE', 'unset')}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--workload", choices=list(WORKLOADS), action="append",
                        help="run only this workload (repeatable; default: all four)")
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS,
                        help=f"folder of the bundled datasets (default: {DEFAULT_DATASETS})")
    parser.add_argument("--in-process", action="store_true",
                        help="run the workloads in this process instead of one child process each")
    parser.add_argument("--repeats", type=int, default=1,
                        help="timed runs per workload after the warm-up; the median is reported (default 1)")
    args = parser.parse_args()
    if args.repeats < 1:
        sys.exit(f"pytorch_bench: --repeats must be at least 1, got {args.repeats}")
    if not args.datasets.is_dir():
        sys.exit(f"pytorch_bench: --datasets {args.datasets}: not a folder")
    torch.set_num_threads(1)
    runner = measure if args.in_process else measure_in_child
    results = [runner(name, args.datasets, args.repeats) for name in args.workload or WORKLOADS]
    if args.json:
        print(json.dumps({"torchVersion": torch.__version__, "threads": torch.get_num_threads(),
                          "blas": blas_library(),
                          "openblasCoretype": os.environ.get("OPENBLAS_CORETYPE"), "workloads": results}))
    else:
        print_table(results)


if __name__ == "__main__":
    main()

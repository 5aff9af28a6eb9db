"""How fast are nnbook's optimisers? An epoch with each, against PyTorch's.

Run by hand, after bench_training.py (``make bench`` runs all three)::

    .venv/bin/python benchmarks/bench_optimisers.py

The network is chapter 9's: 64-30-10, sigmoid hidden neurons, a softmax
output and the cross-entropy, in float64, trained on the 1,347 training
images of nnbook.load_digits(seed=0) in batches of 10. For each optimiser
below, the same initial weights and the same batches are trained by

- ``nnbook``: :meth:`nnbook.Network.train` with ``optimizer=`` one of
  :class:`nnbook.SGD`, :class:`nnbook.RMSprop` or :class:`nnbook.Adam`;
- ``PyTorch``: ``torch.nn.Linear`` and ``torch.nn.Sigmoid`` layers, the
  logits into ``torch.nn.functional.cross_entropy``, autograd, and the
  ``torch.optim`` class of the same name with the same hyper-parameters,
  on the CPU (as bench_training.py trains its softmax network).

The learning rates are benchmark settings, fixed once and not tuned: 3 for
plain SGD, as in bench_training.py; 0.3 for SGD with momentum 0.9, whose
steps on a steady slope then reach the same 0.3 / (1 - 0.9) = 3 times the
gradient; PyTorch's defaults for RMSprop (0.01) and Adam (0.001). The other
hyper-parameters are PyTorch's defaults too, written out for both.

nnbook's optimisers follow the rules that PyTorch documents, so the two
must take the same steps. Before any timing the script checks that they do:
from the same weights, one epoch of the same batches (135 steps), and the
largest difference between a parameter of nnbook's network and the same
parameter of PyTorch's must be below 1e-10; the report records it.

The timing is bench_training.py's: an epoch is what ``Network.train`` does
in one (shuffle, a step per batch, the cost on the training set); every
library gets ``--threads`` threads, one by default; each implementation
trains with each optimiser ``--repeats`` times, all in turn, so that a
busy machine slows them alike; a run's epoch time is its training time
divided by its epochs, and the report gives the median over the repeats,
its ratio to nnbook's with the same optimiser, and the test accuracy after
training. The results and a description of the machine go to
benchmarks/results/optimisers.json, from which the Performance appendix
draws its table.
"""

import argparse
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # `python benchmarks/bench_optimisers.py` from anywhere

import nnbook  # noqa: E402
from benchmarks.common import (  # noqa: E402
    copy_network,
    implementations,
    limited_threads,
    machine,
    torch_network,
    torch_predict,
    train_torch,
    write_report,
)

RESULTS = ROOT / "benchmarks" / "results" / "optimisers.json"

# chapter 9's network and the benchmark's training run
SIZES = (64, 30, 10)
NETWORK = {"output": "softmax", "cost": "cross_entropy"}
BATCH_SIZE = 10
EPOCHS = 20
SEED = 0  # the initial weights and the shuffling
CHECK_EPOCHS = 1  # the epochs of the check against PyTorch
TOLERANCE = 1e-10  # the largest difference of a parameter that the check allows


@dataclass(frozen=True)
class Optimiser:
    name: str
    kind: str  # the class: nnbook.<kind> and torch.optim.<kind>
    learning_rate: float
    options: dict = field(default_factory=dict)  # nnbook's names

    def for_nnbook(self):
        """Return the optimiser as nnbook makes it, e.g. ``nnbook.Adam(0.001, ...)``."""
        return getattr(nnbook, self.kind)(self.learning_rate, **self.options)

    def for_torch(self, parameters):
        """Return the ``torch.optim`` optimiser of ``parameters``, same settings."""
        import torch

        options = dict(self.options)
        if "beta1" in options:  # nnbook's beta1 and beta2 are PyTorch's betas
            options["betas"] = (options.pop("beta1"), options.pop("beta2"))
        optimiser = getattr(torch.optim, self.kind)
        return optimiser(parameters, lr=self.learning_rate, **options)


OPTIMISERS = [
    Optimiser("SGD", "SGD", 3.0, {"momentum": 0.0}),
    Optimiser("SGD, momentum 0.9", "SGD", 0.3, {"momentum": 0.9}),
    Optimiser("RMSprop", "RMSprop", 0.01, {"alpha": 0.99, "eps": 1e-8}),
    Optimiser("Adam", "Adam", 0.001, {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8}),
]

# -- the two implementations -----------------------------------------------------
# Each takes the optimiser, the data, the initial network and the epochs,
# trains, and returns (seconds spent training, predicted classes of the test
# images, the parameters as numpy arrays [W^1, b^1, W^2, b^2]).


def run_nnbook(optimiser, data, initial, epochs):
    net = copy_network(initial, **NETWORK)
    step = optimiser.for_nnbook()
    start = time.perf_counter()
    net.train(
        data.X_train,
        data.Y_train,
        epochs=epochs,
        batch_size=BATCH_SIZE,
        optimizer=step,
        seed=SEED,
    )
    seconds = time.perf_counter() - start
    return seconds, net.predict(data.X_test), [p.copy() for p in net.params]


def run_torch(optimiser, data, initial, epochs):
    model, cost_of = torch_network(initial, NETWORK["output"])
    step = optimiser.for_torch(model.parameters())
    seconds = train_torch(
        model,
        cost_of,
        step,
        data.X_train,
        data.Y_train,
        epochs=epochs,
        batch_size=BATCH_SIZE,
        seed=SEED,
    )
    params = [p.detach().numpy().copy() for p in model.parameters()]
    return seconds, torch_predict(model, data.X_test), params


IMPLEMENTATIONS = {"nnbook": run_nnbook, "PyTorch": run_torch}


# -- the run ---------------------------------------------------------------------


def largest_difference(params, others):
    """Return the largest absolute difference between two lists of arrays."""
    return max(float(np.max(np.abs(p - q))) for p, q in zip(params, others))


def check(optimiser, data, initial, names):
    """Return the largest difference between the implementations' parameters
    after ``CHECK_EPOCHS`` epochs, or None with nnbook alone; raise if it is
    not below ``TOLERANCE``."""
    if len(names) < 2:
        return None
    _, _, reference = run_nnbook(optimiser, data, initial, CHECK_EPOCHS)
    difference = 0.0
    for name in names[1:]:
        _, _, params = IMPLEMENTATIONS[name](optimiser, data, initial, CHECK_EPOCHS)
        difference = max(difference, largest_difference(reference, params))
    if not difference < TOLERANCE:
        raise AssertionError(
            f"{optimiser.name}: after {CHECK_EPOCHS} epoch(s) a parameter of "
            f"nnbook's network differs from {', '.join(names[1:])}'s by "
            f"{difference:.3g}, more than {TOLERANCE:g}"
        )
    return difference


def benchmark(data, names, optimisers, epochs, repeats, log):
    initial = nnbook.Network(SIZES, seed=SEED)
    runs = {}
    for optimiser in optimisers:
        difference = check(optimiser, data, initial, names)
        runs[optimiser.name] = {
            "optimiser": {
                "kind": optimiser.kind,
                "learning_rate": optimiser.learning_rate,
                "options": dict(optimiser.options),
            },
            "max_difference": difference,
        }
        if difference is not None:
            log(f"  {optimiser.name}: parameters agree to {difference:.2g}")
    times = {o.name: {name: [] for name in names} for o in optimisers}
    accuracy = {o.name: {} for o in optimisers}
    for repeat in range(repeats):
        for optimiser in optimisers:
            for name in names:
                run = IMPLEMENTATIONS[name]
                seconds, predicted, _ = run(optimiser, data, initial, epochs)
                times[optimiser.name][name].append(seconds / epochs)
                right = np.mean(predicted == data.labels_test)
                accuracy[optimiser.name][name] = float(right)
                log(
                    f"  repeat {repeat + 1}/{repeats} {optimiser.name}, {name}: "
                    f"{1000 * seconds / epochs:.2f} ms per epoch"
                )
    for optimiser in optimisers:
        t = times[optimiser.name]
        base = statistics.median(t["nnbook"])
        runs[optimiser.name]["results"] = {
            name: {
                "median_epoch_seconds": statistics.median(t[name]),
                "epoch_seconds": t[name],
                "ratio_to_nnbook": statistics.median(t[name]) / base,
                "test_accuracy": accuracy[optimiser.name][name],
            }
            for name in names
        }
    return runs


def table(runs):
    lines = [f"{'':20}{'':9}{'ms per epoch':>14}{'x nnbook':>10}{'test acc.':>11}"]
    for optimiser, run in runs.items():
        for name, r in run["results"].items():
            lines.append(
                f"{optimiser:20}{name:9}{1000 * r['median_epoch_seconds']:14.2f}"
                f"{r['ratio_to_nnbook']:10.2f}{100 * r['test_accuracy']:10.1f}%"
            )
        difference = run["max_difference"]
        if difference is not None:
            lines.append(f"{'':20}largest difference of a parameter: {difference:.2g}")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--repeats", type=int, default=5, help="runs per implementation"
    )
    parser.add_argument(
        "--threads", type=int, default=1, help="threads for numpy and PyTorch"
    )
    parser.add_argument(
        "--only", nargs="+", choices=list(IMPLEMENTATIONS), help="a subset to run"
    )
    parser.add_argument(
        "--optimisers", nargs="+", choices=[o.name for o in OPTIMISERS], help="a subset"
    )
    parser.add_argument(
        "--epochs", type=int, default=EPOCHS, help=f"epochs (default: {EPOCHS})"
    )
    parser.add_argument("--out", type=Path, default=RESULTS, help="the JSON file")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    log = (lambda message: None) if args.quiet else print

    names = implementations(args.only, IMPLEMENTATIONS)
    optimisers = [
        o for o in OPTIMISERS if not args.optimisers or o.name in args.optimisers
    ]
    data = nnbook.load_digits(seed=0)
    with limited_threads(args.threads, names):
        description = machine(args.threads)
        runs = benchmark(data, names, optimisers, args.epochs, args.repeats, log)
    n = len(data.X_train)
    return write_report(
        args.out,
        "bench_optimisers.py",
        argv,
        table(runs),
        machine=description,
        repeats=args.repeats,
        data={"train": n, "test": len(data.X_test), "seed": 0},
        config={
            "sizes": list(SIZES),
            **NETWORK,
            "batch_size": BATCH_SIZE,
            "epochs": args.epochs,
            "seed": SEED,
            "check_epochs": CHECK_EPOCHS,
            "check_steps": CHECK_EPOCHS * -(-n // BATCH_SIZE),
            "tolerance": TOLERANCE,
        },
        runs=runs,
    )


if __name__ == "__main__":
    main()

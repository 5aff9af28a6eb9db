"""How fast does nnbook train? Four implementations of one training run, timed.

Run by hand (it takes a few minutes; PyTorch and scikit-learn come with
``pip install -e .[bench]``)::

    .venv/bin/python benchmarks/bench_training.py

For each network below, the same data (nnbook.load_digits(seed=0): 1,347
training and 450 test images), the same initial weights, batch size, number
of epochs and learning rate, all in float64, are trained by

- ``nnbook``: :meth:`nnbook.Network.train`, one matrix per layer per batch;
- ``per-example loop``: the classic implementation, one example at a time
  (benchmarks/per_example.py), the same algorithm with a Python loop;
- ``PyTorch``: ``torch.nn.Linear`` and ``torch.nn.Sigmoid`` layers, the same
  cost, autograd and ``torch.optim.SGD``, on the CPU;
- ``scikit-learn``: ``MLPClassifier`` with logistic hidden units, plain SGD
  (no momentum, no regularisation), the same batches and epochs. It cannot
  use the quadratic cost: its output layer is a softmax with cross-entropy.

The ``softmax`` network is chapter 7's: sigmoid hidden neurons, a softmax
output and the cross-entropy, which all four implementations then use (the
loop, PyTorch and nnbook exactly alike; scikit-learn, whose cost it now is,
with the same learning rate but its own shuffling).

An epoch is what ``nnbook.Network.train`` does in one: shuffle, one step per
batch, then the cost on the whole training set for the history. The loop and
PyTorch record that cost too; scikit-learn records its running loss instead.

Every library gets the same number of threads, ``--threads``, one by
default: the matrices are too small to gain much from more, and on a
machine shared with other work, multi-threaded linear algebra waits for busy
cores and its timings become erratic (we saw single epochs take ten times
the median). Each implementation trains the network ``--repeats`` times, in
turn with the others so that a busy machine slows them all alike. A run's
epoch time is its training time divided by its epochs; the table shows the
median over the repeats, its ratio to nnbook's and the test accuracy after
training. The results and a description of the machine go to
benchmarks/results/training.json, from which the Performance appendix draws
its table and figure.
"""

import argparse
import statistics
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # `python benchmarks/bench_training.py` from anywhere

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
from benchmarks.per_example import PerExampleNetwork  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "training.json"


@dataclass(frozen=True)
class Config:
    name: str
    sizes: tuple
    batch_size: int
    epochs: int
    learning_rate: float
    output: str = "sigmoid"  # "softmax": a softmax output with the cross-entropy
    seed: int = 0  # the initial weights and the shuffling

    @property
    def network_options(self):
        """The options of nnbook.Network for this output layer and its cost."""
        if self.output == "softmax":
            return {"output": "softmax", "cost": "cross_entropy"}
        return {}


CONFIGS = [
    # chapter 6's network and hyper-parameters
    Config("book", (64, 30, 10), batch_size=10, epochs=50, learning_rate=4.0),
    # chapter 7's: the same network with a softmax output and the cross-entropy
    Config(
        "softmax",
        (64, 30, 10),
        batch_size=10,
        epochs=50,
        learning_rate=3.0,
        output="softmax",
    ),
    # wider and deeper, with larger batches: the matrix products dominate
    Config("large", (64, 256, 256, 10), batch_size=128, epochs=20, learning_rate=1.0),
]

# -- the four implementations --------------------------------------------------
# Each takes the config, the data and the initial network, trains, and returns
# (seconds spent training, predicted classes of the test images).


def _timed_train(net, config, data):
    """Train ``net`` (nnbook's or the per-example one, same interface); time it."""
    start = time.perf_counter()
    net.train(
        data.X_train,
        data.Y_train,
        epochs=config.epochs,
        learning_rate=config.learning_rate,
        batch_size=config.batch_size,
        seed=config.seed,
    )
    seconds = time.perf_counter() - start
    return seconds, net.predict(data.X_test)


def run_nnbook(config, data, initial):
    return _timed_train(copy_network(initial, **config.network_options), config, data)


def run_per_example(config, data, initial):
    return _timed_train(
        PerExampleNetwork(initial.weights, initial.biases, output=config.output),
        config,
        data,
    )


def run_torch(config, data, initial):
    import torch

    model, cost_of = torch_network(initial, config.output)
    optimiser = torch.optim.SGD(model.parameters(), lr=config.learning_rate)
    seconds = train_torch(
        model,
        cost_of,
        optimiser,
        data.X_train,
        data.Y_train,
        epochs=config.epochs,
        batch_size=config.batch_size,
        seed=config.seed,
    )
    return seconds, torch_predict(model, data.X_test)


def run_sklearn(config, data, initial):
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    model = MLPClassifier(
        hidden_layer_sizes=config.sizes[1:-1],
        activation="logistic",
        solver="sgd",
        alpha=0.0,
        batch_size=config.batch_size,
        learning_rate="constant",
        learning_rate_init=SKLEARN_LEARNING_RATE[config.name],
        momentum=0.0,
        nesterovs_momentum=False,
        max_iter=1,
        shuffle=True,
        random_state=config.seed,
        tol=0.0,
        n_iter_no_change=config.epochs + 1,  # never stop early
        warm_start=True,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(data.X_train, data.labels_train)  # builds the layers (untimed)
        model.coefs_ = [W.T.copy() for W in initial.weights]  # (n_in, n_out)
        model.intercepts_ = [b.copy() for b in initial.biases]
        model.set_params(max_iter=config.epochs)
        start = time.perf_counter()
        model.fit(data.X_train, data.labels_train)  # warm start: from our weights
        seconds = time.perf_counter() - start
    return seconds, model.predict(data.X_test)


# Softmax with cross-entropy has larger output gradients than sigmoids with the
# quadratic cost; these rates train it well with the same batches and epochs.
# For the softmax network the cost is the same, and so is the rate.
SKLEARN_LEARNING_RATE = {"book": 0.5, "softmax": 3.0, "large": 0.2}

IMPLEMENTATIONS = {
    "nnbook": run_nnbook,
    "per-example loop": run_per_example,
    "PyTorch": run_torch,
    "scikit-learn": run_sklearn,
}


# -- the machine ------------------------------------------------------------------


# -- the run ------------------------------------------------------------------------


def benchmark(config, data, names, repeats, log):
    initial = nnbook.Network(config.sizes, seed=config.seed)
    times = {name: [] for name in names}
    accuracy = {}
    for repeat in range(repeats):
        for name in names:
            seconds, predicted = IMPLEMENTATIONS[name](config, data, initial)
            times[name].append(seconds / config.epochs)
            accuracy[name] = float(np.mean(predicted == data.labels_test))
            log(
                f"  {config.name} repeat {repeat + 1}/{repeats} {name}: "
                f"{1000 * seconds / config.epochs:.2f} ms per epoch"
            )
    base = statistics.median(times["nnbook"])
    return {
        "config": {
            "sizes": list(config.sizes),
            "batch_size": config.batch_size,
            "epochs": config.epochs,
            "learning_rate": config.learning_rate,
            "output": config.output,
            "sklearn_learning_rate": SKLEARN_LEARNING_RATE[config.name],
            "seed": config.seed,
        },
        "results": {
            name: {
                "median_epoch_seconds": statistics.median(times[name]),
                "epoch_seconds": times[name],
                "ratio_to_nnbook": statistics.median(times[name]) / base,
                "test_accuracy": accuracy[name],
            }
            for name in names
        },
    }


def table(results):
    lines = []
    for name, run in results.items():
        sizes = "-".join(map(str, run["config"]["sizes"]))
        lines.append(
            f"\n{name}: {sizes}, batch {run['config']['batch_size']}, "
            f"{run['config']['epochs']} epochs"
        )
        lines.append(f"{'':18}{'ms per epoch':>14}{'x nnbook':>10}{'test acc.':>11}")
        for impl, r in run["results"].items():
            lines.append(
                f"{impl:18}{1000 * r['median_epoch_seconds']:14.2f}"
                f"{r['ratio_to_nnbook']:10.2f}{100 * r['test_accuracy']:10.1f}%"
            )
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--repeats", type=int, default=5, help="runs per implementation"
    )
    parser.add_argument(
        "--threads",
        type=int,
        default=1,
        help="threads for numpy's BLAS and for PyTorch (default: 1, see above)",
    )
    parser.add_argument(
        "--only", nargs="+", choices=list(IMPLEMENTATIONS), help="a subset to run"
    )
    parser.add_argument(
        "--configs", nargs="+", choices=[c.name for c in CONFIGS], help="a subset"
    )
    parser.add_argument("--epochs", type=int, help="override every config's epochs")
    parser.add_argument("--out", type=Path, default=RESULTS, help="the JSON file")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    log = (lambda message: None) if args.quiet else print

    names = implementations(args.only, IMPLEMENTATIONS)
    configs = [c for c in CONFIGS if not args.configs or c.name in args.configs]
    if args.epochs:
        configs = [Config(**{**c.__dict__, "epochs": args.epochs}) for c in configs]
    data = nnbook.load_digits(seed=0)
    results = {}
    with limited_threads(args.threads, names):
        description = machine(args.threads)
        for config in configs:
            results[config.name] = benchmark(config, data, names, args.repeats, log)
    return write_report(
        args.out,
        "bench_training.py",
        argv,
        table(results),
        machine=description,
        repeats=args.repeats,
        data={"train": len(data.X_train), "test": len(data.X_test), "seed": 0},
        runs=results,
    )


if __name__ == "__main__":
    main()

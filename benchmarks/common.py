"""What the benchmarks share: the machine they ran on, the threads they may
use, how their reports are written, and the network that the training and
the optimiser benchmarks build twice, in nnbook and in PyTorch, and train
along the same path."""

import contextlib
import json
import os
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

import nnbook


def implementations(only, known):
    """Return the implementations to run: ``only`` or all, nnbook always first
    (every ratio is to nnbook)."""
    names = only or list(known)
    return names if "nnbook" in names else ["nnbook", *names]


@contextlib.contextmanager
def limited_threads(threads, names):
    """Give numpy's BLAS, and PyTorch when it runs, ``threads`` threads."""
    from threadpoolctl import threadpool_limits

    if "PyTorch" in names:
        import torch

        torch.set_num_threads(threads)
    with threadpool_limits(limits=threads, user_api="blas"):
        yield


def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine(threads):
    from threadpoolctl import threadpool_info

    versions = {"python": platform.python_version(), "numpy": np.__version__}
    for package in ("torch", "sklearn"):
        try:
            versions[package] = __import__(package).__version__
        except ImportError:
            versions[package] = None
    blas = [
        {key: pool.get(key) for key in ("internal_api", "version", "num_threads")}
        for pool in threadpool_info()
        if pool.get("user_api") == "blas"
    ]
    torch_threads = None
    if versions["torch"]:
        import torch

        torch_threads = torch.get_num_threads()
    return {
        "cpu": cpu_model(),
        "logical_cores": os.cpu_count(),
        # other work on the machine while the benchmark starts (1-minute mean)
        "load_average": round(os.getloadavg()[0], 2),
        "system": f"{platform.system()} {platform.release()}",
        "versions": versions,
        "threads": threads,
        "torch_threads": torch_threads,
        "blas": blas,
    }


def write_report(out, script, argv, table, **fields):
    """Print ``table``, write the report (date, command and ``fields``) as JSON
    to ``out``, and return the report."""
    report = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "command": " ".join([f"python benchmarks/{script}", *(argv or sys.argv[1:])]),
        **fields,
    }
    print(table)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nwritten to {out}")
    return report


# -- one network, in nnbook and in PyTorch -------------------------------------


def copy_network(initial, **options):
    """Return a :class:`nnbook.Network` with copies of ``initial``'s parameters."""
    net = nnbook.Network(initial.sizes, **options)
    net.weights = [W.copy() for W in initial.weights]
    net.biases = [b.copy() for b in initial.biases]
    return net


def torch_network(initial, output="sigmoid"):
    """Return ``(model, cost_of)``: ``initial`` as ``torch.nn`` layers, and its cost.

    ``torch.nn.Linear`` and ``torch.nn.Sigmoid`` layers in float64, with
    ``initial``'s weights and biases copied in (``Linear.weight`` is shaped
    like nnbook's ``W``), and the mean quadratic cost of a batch. With
    ``output="softmax"`` the model ends with the logits ``z^L`` and the cost
    is ``torch.nn.functional.cross_entropy``, the softmax and the mean
    cross-entropy of one-hot targets together.
    """
    import torch

    layers = []
    for W, b in zip(initial.weights, initial.biases):
        linear = torch.nn.Linear(W.shape[1], W.shape[0], dtype=torch.float64)
        with torch.no_grad():
            linear.weight.copy_(torch.from_numpy(W))
            linear.bias.copy_(torch.from_numpy(b))
        layers += [linear, torch.nn.Sigmoid()]

    def cost_of(A, Y):  # the mean quadratic cost of the batch
        return 0.5 * ((A - Y) ** 2).sum() / len(A)

    if output == "softmax":
        layers.pop()  # the logits; the softmax is inside the cross-entropy
        cost_of = torch.nn.functional.cross_entropy  # the mean, one-hot targets
    return torch.nn.Sequential(*layers), cost_of


def train_torch(model, cost_of, optimiser, X, Y, *, epochs, batch_size, seed):
    """Train ``model`` as :meth:`nnbook.Network.train` does; return the seconds.

    The same epochs: shuffle with ``np.random.default_rng(seed)``, so that
    the batches are nnbook's, one ``optimiser`` step per batch, then the cost
    on the whole of ``X`` (numpy arrays) for the history.
    """
    import torch

    X, Y = torch.from_numpy(X), torch.from_numpy(Y)
    rng = np.random.default_rng(seed)  # the same batches as nnbook
    n = len(X)
    start = time.perf_counter()
    for _ in range(epochs):
        order = torch.from_numpy(rng.permutation(n))
        X_shuffled, Y_shuffled = X[order], Y[order]
        for i in range(0, n, batch_size):
            x, y = X_shuffled[i : i + batch_size], Y_shuffled[i : i + batch_size]
            optimiser.zero_grad()
            cost = cost_of(model(x), y)
            cost.backward()
            optimiser.step()
        with torch.no_grad():  # the history's cost on the whole training set
            float(cost_of(model(X), Y))
    return time.perf_counter() - start


def torch_predict(model, X):
    """Return the index of the largest output of ``model`` for each row of ``X``."""
    import torch

    with torch.no_grad():
        return model(torch.from_numpy(X)).argmax(dim=1).numpy()

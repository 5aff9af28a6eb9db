"""How fast is nnbook's convolution? conv2d and conv2d_backward against PyTorch's.

Run by hand, after bench_training.py (``make bench`` runs both)::

    .venv/bin/python benchmarks/bench_conv.py

For each layer below, the same random float64 arrays (seeded) go through

- ``nnbook``: ``z = conv2d(x, w, b)``, the forward pass, then
  ``conv2d_backward(x, w, delta)``, the three gradients of chapter 8;
- ``PyTorch``: ``torch.nn.functional.conv2d(x, w, b)``, then the gradients
  of ``z`` with respect to ``x``, ``w`` and ``b`` for the same ``delta`` by
  autograd (``torch.autograd.grad``, on a graph kept for the repeats).

The results are compared first: the two must agree to 1e-10. Each step is
then timed with ``timeit`` (as many calls as take at least 0.2 s), the
implementations in turn, ``--repeats`` times; the report gives the median
time per call and its ratio to nnbook's. As for the training benchmark,
every library gets one thread by default (``--threads``). The results and a
description of the machine go to benchmarks/results/conv.json, from which
the Performance appendix draws its table and part of its figure.
"""

import argparse
import statistics
import sys
import timeit
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # `python benchmarks/bench_conv.py` from anywhere

import nnbook  # noqa: E402
from benchmarks.common import (  # noqa: E402
    implementations,
    limited_threads,
    machine,
    write_report,
)

RESULTS = ROOT / "benchmarks" / "results" / "conv.json"


@dataclass(frozen=True)
class Layer:
    name: str
    N: int  # images
    C_in: int
    C_out: int
    H: int  # rows and columns of the input
    W: int
    k: int  # the filters are k x k


LAYERS = [
    # chapter 8's convolutional layer, on one batch and on the training set
    Layer("chapter 8, batch of 10", N=10, C_in=1, C_out=16, H=8, W=8, k=3),
    Layer("chapter 8, 1,347 images", N=1347, C_in=1, C_out=16, H=8, W=8, k=3),
    # a second layer of a network for 28 x 28 images, such as MNIST's
    Layer("16 to 32 channels, 28 x 28", N=64, C_in=16, C_out=32, H=28, W=28, k=3),
]


def arrays(layer, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(layer.N, layer.C_in, layer.H, layer.W))
    w = rng.normal(size=(layer.C_out, layer.C_in, layer.k, layer.k))
    b = rng.normal(size=layer.C_out)
    out = (layer.N, layer.C_out, layer.H - layer.k + 1, layer.W - layer.k + 1)
    return x, w, b, rng.normal(size=out)


# -- the implementations: each returns (forward, backward), two functions of no
# argument, and the four arrays they compute, to be compared


def nnbook_steps(x, w, b, delta):
    def forward():
        return nnbook.conv2d(x, w, b)

    def backward():
        return nnbook.conv2d_backward(x, w, delta)

    return forward, backward, (forward(), *backward())


def torch_steps(x, w, b, delta):
    import torch

    xt, wt, bt = (torch.from_numpy(a).requires_grad_() for a in (x, w, b))
    dt = torch.from_numpy(delta)

    def forward():
        with torch.no_grad():
            return torch.nn.functional.conv2d(xt, wt, bt)

    zt = torch.nn.functional.conv2d(xt, wt, bt)  # the graph for the backward

    def backward():
        return torch.autograd.grad(zt, (xt, wt, bt), dt, retain_graph=True)

    results = (forward(), *backward())
    return forward, backward, tuple(r.detach().numpy() for r in results)


IMPLEMENTATIONS = {"nnbook": nnbook_steps, "PyTorch": torch_steps}


def seconds_per_call(function):
    timer = timeit.Timer(function)
    number, _ = timer.autorange()  # enough calls for at least 0.2 s
    number = max(number, 1)
    return timer.timeit(number) / number


def benchmark(layer, names, repeats, log):
    x, w, b, delta = arrays(layer)
    steps = {name: IMPLEMENTATIONS[name](x, w, b, delta) for name in names}
    _, _, reference = steps["nnbook"]
    for _, _, results in steps.values():
        for ours, theirs in zip(reference, results):
            np.testing.assert_allclose(theirs, ours, rtol=1e-10, atol=1e-10)
    times = {name: {"forward": [], "backward": []} for name in names}
    for repeat in range(repeats):
        for name, (forward, backward, _) in steps.items():
            times[name]["forward"].append(seconds_per_call(forward))
            times[name]["backward"].append(seconds_per_call(backward))
            log(
                f"  {layer.name} repeat {repeat + 1}/{repeats} {name}: "
                f"forward {1000 * times[name]['forward'][-1]:.3f} ms, "
                f"backward {1000 * times[name]['backward'][-1]:.3f} ms"
            )

    def median(name, step):
        return statistics.median(times[name][step])

    base = median("nnbook", "forward") + median("nnbook", "backward")
    return {
        "layer": asdict(layer),
        "results": {
            name: {
                "forward_seconds": median(name, "forward"),
                "backward_seconds": median(name, "backward"),
                "forward_runs": times[name]["forward"],
                "backward_runs": times[name]["backward"],
                "ratio_to_nnbook": (median(name, "forward") + median(name, "backward"))
                / base,
            }
            for name in names
        },
    }


def table(runs):
    lines = [f"{'':30}{'':10}{'forward ms':>12}{'backward ms':>13}{'x nnbook':>10}"]
    for run in runs:
        for impl, r in run["results"].items():
            lines.append(
                f"{run['layer']['name']:30}{impl:10}"
                f"{1000 * r['forward_seconds']:12.3f}"
                f"{1000 * r['backward_seconds']:13.3f}"
                f"{r['ratio_to_nnbook']:10.2f}"
            )
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=5, help="timings per step")
    parser.add_argument(
        "--threads", type=int, default=1, help="threads for numpy and PyTorch"
    )
    parser.add_argument(
        "--only", nargs="+", choices=list(IMPLEMENTATIONS), help="a subset to run"
    )
    parser.add_argument(
        "--layers", nargs="+", type=int, help="indices into LAYERS (default: all)"
    )
    parser.add_argument("--out", type=Path, default=RESULTS, help="the JSON file")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    log = (lambda message: None) if args.quiet else print

    names = implementations(args.only, IMPLEMENTATIONS)
    layers = [LAYERS[i] for i in args.layers] if args.layers else LAYERS
    with limited_threads(args.threads, names):
        description = machine(args.threads)
        runs = [benchmark(layer, names, args.repeats, log) for layer in layers]
    return write_report(
        args.out,
        "bench_conv.py",
        argv,
        table(runs),
        machine=description,
        repeats=args.repeats,
        runs=runs,
    )


if __name__ == "__main__":
    main()

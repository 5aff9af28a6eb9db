"""nnbook against PyTorch, step for step: run by `make bench`, with PyTorch.

These tests import torch, which the book's own tests never need (CI does not
install it), so they live here, outside pytest's testpaths: ``make bench``
installs the bench extra and runs them before it times anything.
"""

import inspect

import pytest
import torch

import nnbook
from benchmarks import bench_optimisers


@pytest.mark.parametrize("name", ["RMSprop", "Adam"])
def test_the_optimiser_benchmark_uses_pytorchs_defaults(name):
    (optimiser,) = [o for o in bench_optimisers.OPTIMISERS if o.name == name]
    defaults = {
        key: p.default
        for key, p in inspect.signature(getattr(torch.optim, name)).parameters.items()
    }
    options = dict(optimiser.options)
    if "beta1" in options:
        options["betas"] = (options.pop("beta1"), options.pop("beta2"))
    assert optimiser.learning_rate == defaults["lr"]
    assert options == {key: defaults[key] for key in options}


def test_nnbooks_optimisers_take_pytorchs_steps():
    data = nnbook.load_digits(seed=0)
    initial = nnbook.Network(bench_optimisers.SIZES, seed=bench_optimisers.SEED)
    names = ["nnbook", "PyTorch"]
    for optimiser in bench_optimisers.OPTIMISERS:
        difference = bench_optimisers.check(optimiser, data, initial, names)
        assert difference < 1e-12, (optimiser.name, difference)


def test_the_optimiser_check_catches_another_rule():
    class Dampened(bench_optimisers.Optimiser):
        """PyTorch's momentum with dampening: a running mean, not a sum."""

        def for_torch(self, parameters):
            return torch.optim.SGD(parameters, lr=0.3, momentum=0.9, dampening=0.9)

    data = nnbook.load_digits(seed=0)
    initial = nnbook.Network(bench_optimisers.SIZES, seed=bench_optimisers.SEED)
    wrong = Dampened("dampened", "SGD", 0.3, {"momentum": 0.9})
    with pytest.raises(AssertionError, match="differs from PyTorch's"):
        bench_optimisers.check(wrong, data, initial, ["nnbook", "PyTorch"])

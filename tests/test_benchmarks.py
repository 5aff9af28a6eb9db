"""The benchmark's code, kept honest: it computes what nnbook computes.

The timings themselves are never tested (they depend on the machine); the
benchmark is run by hand (`make bench`). PyTorch is not needed here: the
tests that compare with it are in benchmarks/test_against_pytorch.py, which
`make bench` runs once it has installed PyTorch.
"""

import json

import numpy as np
import pytest

import nnbook
from benchmarks import bench_conv, bench_optimisers, bench_training
from benchmarks.per_example import PerExampleNetwork


@pytest.mark.parametrize(
    ("sizes", "n", "output"),
    [
        ([3, 5, 2], 4, "sigmoid"),
        ([4, 6, 6, 3], 7, "sigmoid"),
        ([4, 6, 3], 5, "softmax"),
    ],
)
def test_per_example_gradients_are_nnbooks(sizes, n, output):
    rng = np.random.default_rng(1)
    cost = "cross_entropy" if output == "softmax" else "quadratic"
    net = nnbook.Network(sizes, output=output, cost=cost, seed=1)
    for b in net.biases:
        b[:] = rng.normal(size=b.shape)
    X = rng.normal(size=(n, sizes[0]))
    if output == "softmax":  # one-hot targets
        Y = np.eye(sizes[-1])[rng.integers(sizes[-1], size=n)]
    else:
        Y = rng.uniform(size=(n, sizes[-1]))
    loop = PerExampleNetwork(net.weights, net.biases, output=output)
    grad_w, grad_b = loop.batch_gradients(X, Y)
    expected_w, expected_b = net.backprop(X, Y)
    for g, e in zip(grad_w, expected_w):
        np.testing.assert_allclose(g, e, rtol=1e-12, atol=1e-15)
    for g, e in zip(grad_b, expected_b):
        np.testing.assert_allclose(g[:, 0], e, rtol=1e-12, atol=1e-15)
    assert loop.cost(X, Y) == pytest.approx(net.cost(X, Y), rel=1e-12)


def test_per_example_training_follows_nnbooks():
    d = nnbook.load_digits(seed=0)
    X, Y = d.X_train[:200], d.Y_train[:200]
    net = nnbook.Network([64, 12, 10], seed=3)
    loop = PerExampleNetwork(net.weights, net.biases)
    options = {"epochs": 2, "learning_rate": 3.0, "batch_size": 10, "seed": 5}
    costs = loop.train(X, Y, **options)
    history = net.train(X, Y, **options)
    np.testing.assert_allclose(costs, history.cost, rtol=1e-10)
    for W, V in zip(loop.weights, net.weights):
        np.testing.assert_allclose(W, V, atol=1e-12)
    np.testing.assert_array_equal(loop.predict(d.X_test), net.predict(d.X_test))


def test_the_benchmark_runs_and_writes_its_report(tmp_path, capsys):
    out = tmp_path / "training.json"
    report = bench_training.main(
        ["--only", "nnbook", "per-example loop", "--configs", "book",
         "--epochs", "1", "--repeats", "1", "--threads", "1", "--quiet",
         "--out", str(out)]
    )  # fmt: skip
    assert json.loads(out.read_text()) == report
    book = report["runs"]["book"]
    assert book["config"]["sizes"] == [64, 30, 10]
    assert book["results"]["nnbook"]["ratio_to_nnbook"] == 1.0
    accuracies = {r["test_accuracy"] for r in book["results"].values()}
    assert len(accuracies) == 1  # the loop trains exactly like nnbook
    assert report["machine"]["threads"] == 1
    assert "ms per epoch" in capsys.readouterr().out


def test_the_softmax_benchmark_trains_like_nnbook(tmp_path):
    report = bench_training.main(
        ["--only", "nnbook", "per-example loop", "--configs", "softmax",
         "--epochs", "1", "--repeats", "1", "--quiet",
         "--out", str(tmp_path / "training.json")]
    )  # fmt: skip
    run = report["runs"]["softmax"]
    assert run["config"]["output"] == "softmax"
    accuracies = {r["test_accuracy"] for r in run["results"].values()}
    assert len(accuracies) == 1


def test_the_convolution_benchmark_runs_and_writes_its_report(tmp_path, capsys):
    out = tmp_path / "conv.json"
    report = bench_conv.main(
        ["--only", "nnbook", "--layers", "0", "--repeats", "1", "--quiet",
         "--out", str(out)]
    )  # fmt: skip
    assert json.loads(out.read_text()) == report
    (run,) = report["runs"]
    assert run["layer"]["C_out"] == 16
    assert run["results"]["nnbook"]["ratio_to_nnbook"] == 1.0
    assert "backward ms" in capsys.readouterr().out


def test_the_optimiser_benchmark_runs_and_writes_its_report(tmp_path, capsys):
    out = tmp_path / "optimisers.json"
    report = bench_optimisers.main(
        ["--only", "nnbook", "--optimisers", "SGD", "Adam", "--epochs", "1",
         "--repeats", "1", "--quiet", "--out", str(out)]
    )  # fmt: skip
    assert json.loads(out.read_text()) == report
    assert list(report["runs"]) == ["SGD", "Adam"]
    adam = report["runs"]["Adam"]
    assert adam["max_difference"] is None  # no PyTorch, no check
    assert adam["results"]["nnbook"]["ratio_to_nnbook"] == 1.0
    assert 0.5 < adam["results"]["nnbook"]["test_accuracy"] <= 1
    assert report["config"]["check_steps"] == 135  # 134 batches of 10, one of 7
    assert "ms per epoch" in capsys.readouterr().out


def test_the_optimiser_results_are_the_scripts():
    """The results file was written by the script as it is now (rerun
    `make bench` after changing its settings)."""
    path = bench_optimisers.RESULTS
    report = json.loads(path.read_text())
    config = report["config"]
    assert config["sizes"] == list(bench_optimisers.SIZES)
    assert {k: config[k] for k in bench_optimisers.NETWORK} == bench_optimisers.NETWORK
    assert config["batch_size"] == bench_optimisers.BATCH_SIZE
    assert config["epochs"] == bench_optimisers.EPOCHS
    assert config["tolerance"] == bench_optimisers.TOLERANCE
    assert config["check_epochs"] == bench_optimisers.CHECK_EPOCHS
    written = {
        name: (o["kind"], o["learning_rate"], o["options"])
        for name, o in ((n, run["optimiser"]) for n, run in report["runs"].items())
    }
    assert written == {
        o.name: (o.kind, o.learning_rate, o.options)
        for o in bench_optimisers.OPTIMISERS
    }
    for run in report["runs"].values():
        assert list(run["results"]) == ["nnbook", "PyTorch"]
        assert run["max_difference"] < bench_optimisers.TOLERANCE

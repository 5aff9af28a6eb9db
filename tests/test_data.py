import numpy as np
import pytest

from nnbook import logic_gate, noisy_line, separable_points


@pytest.mark.parametrize(
    ("name", "outputs"),
    [("and", [0, 0, 0, 1]), ("or", [0, 1, 1, 1]), ("xor", [0, 1, 1, 0])],
)
def test_logic_gates_give_their_truth_tables(name, outputs):
    X, y = logic_gate(name)
    np.testing.assert_array_equal(X, [[0, 0], [0, 1], [1, 0], [1, 1]])
    np.testing.assert_array_equal(y, outputs)
    assert y.dtype.kind == "i"


def test_logic_gate_names_ignore_case_and_return_copies():
    X, y = logic_gate("AND")
    X[0, 0], y[0] = 5.0, 1
    X_again, y_again = logic_gate("and")
    assert X_again[0, 0] == 0.0
    assert y_again[0] == 0


def test_unknown_logic_gate_is_rejected():
    with pytest.raises(ValueError, match=r"unknown logic gate 'nand'.*'and', 'or'"):
        logic_gate("nand")
    with pytest.raises(TypeError, match="name must be a string"):
        logic_gate(1)


def test_separable_points_keep_their_margin_and_labels():
    w, b, margin = np.array([1.0, 2.0]), -1.0, 0.2
    X, y = separable_points(40, w=w, b=b, margin=margin, seed=2)
    assert X.shape == (40, 2)
    assert np.all(np.abs(X) <= 2)
    distance = (X @ w + b) / np.linalg.norm(w)
    np.testing.assert_array_equal(y, (distance > 0).astype(int))
    assert np.abs(distance).min() >= margin
    assert y.sum() == 20


def test_separable_points_are_repeatable_with_a_seed():
    first = separable_points(11, w=[1, -1], b=0.5, margin=0.1, seed=7)
    again = separable_points(11, w=[1, -1], b=0.5, margin=0.1, seed=7)
    other = separable_points(11, w=[1, -1], b=0.5, margin=0.1, seed=8)
    np.testing.assert_array_equal(first[0], again[0])
    np.testing.assert_array_equal(first[1], again[1])
    assert not np.array_equal(first[0], other[0])
    assert first[1].sum() == 5  # n // 2 points of class 1


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"w": [0, 0]}, ValueError, "w must be a non-zero vector of length 2"),
        ({"w": [1, 2, 3]}, ValueError, "w must be a non-zero vector"),
        ({"w": [1, np.nan]}, ValueError, "w must be finite"),
        ({"b": "1"}, TypeError, "b must be a number; got str"),
        ({"b": np.inf}, ValueError, "b must be finite"),
        ({"margin": -0.1}, ValueError, "margin must be at least 0"),
        ({"margin": 3.0}, ValueError, "leaves no room for one of the two classes"),
        ({"b": 10.0}, ValueError, "leaves no room"),
        ({"n": 1}, ValueError, "n must be at least 2"),
        ({"n": 4.0}, TypeError, "n must be an integer"),
    ],
)
def test_separable_points_reject_bad_arguments(kwargs, error, words):
    arguments = {"n": 10, "w": [1.0, 2.0], "b": -1.0, "margin": 0.2} | kwargs
    n = arguments.pop("n")
    with pytest.raises(error, match=words):
        separable_points(n, **arguments, seed=0)


def test_noisy_line_scatters_around_the_line():
    x, y = noisy_line(2000, slope=2.0, intercept=1.0, noise=0.3, seed=0)
    assert x.shape == y.shape == (2000,)
    assert x.min() >= 0
    assert x.max() <= 2
    residuals = y - (2.0 * x + 1.0)
    assert abs(residuals.mean()) < 0.03
    assert abs(residuals.std() - 0.3) < 0.03


def test_noisy_line_without_noise_is_the_line():
    x, y = noisy_line(5, slope=-1.5, intercept=0.5, noise=0.0, seed=3)
    np.testing.assert_allclose(y, -1.5 * x + 0.5)


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"noise": -1.0}, ValueError, "noise must be at least 0"),
        ({"slope": np.nan}, ValueError, "slope must be finite"),
        ({"intercept": [1.0]}, TypeError, "intercept must be a number; got list"),
        ({"slope": True}, TypeError, "slope must be a number; got bool"),
    ],
)
def test_noisy_line_rejects_bad_arguments(kwargs, error, words):
    arguments = {"slope": 2.0, "intercept": 1.0, "noise": 0.3} | kwargs
    with pytest.raises(error, match=words):
        noisy_line(10, **arguments, seed=0)

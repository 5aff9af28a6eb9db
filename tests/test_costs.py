import numpy as np
import pytest

from nnbook import (
    binary_cross_entropy,
    binary_cross_entropy_gradient,
    cross_entropy,
    cross_entropy_gradient,
    numerical_gradient,
    quadratic_cost,
    quadratic_cost_gradient,
    relative_error,
    sigmoid,
    softmax,
)


def test_quadratic_cost_of_one_example_has_the_half():
    assert quadratic_cost([0.0, 1.0], [1.0, 1.0]) == 0.5
    assert quadratic_cost(np.array([3.0]), np.array([1.0])) == 2.0


def test_quadratic_cost_is_the_mean_over_rows():
    A = np.array([[0.0, 0.0], [1.0, 1.0]])
    Y = np.zeros((2, 2))
    # costs of the rows are 0 and 1
    assert quadratic_cost(A, Y) == 0.5


def test_quadratic_cost_gradient_matches_finite_differences():
    rng = np.random.default_rng(0)
    a = rng.uniform(size=4)
    y = rng.uniform(size=4)
    estimate = numerical_gradient(lambda: quadratic_cost(a, y), a)
    assert relative_error(quadratic_cost_gradient(a, y), estimate) < 1e-9


# -- the cross-entropies ---------------------------------------------------------


def test_cross_entropy_of_a_one_hot_target_is_minus_log_p():
    z = np.array([2.0, 1.0, 0.1])
    y = np.array([0.0, 1.0, 0.0])
    p = softmax(z)
    assert np.isclose(cross_entropy(z, y), -np.log(p[1]))
    Z = np.stack([z, z[::-1]])
    Y = np.stack([y, np.array([1.0, 0.0, 0.0])])
    expected = (-np.log(p[1]) - np.log(softmax(z[::-1])[0])) / 2
    assert np.isclose(cross_entropy(Z, Y), expected)  # the mean over rows


def test_cross_entropy_is_stable_for_huge_logits():
    # the target's probability underflows to 0: log(0) would be -inf
    z = np.array([[1000.0, 0.0]])
    assert cross_entropy(z, [[0.0, 1.0]]) == 1000.0
    assert cross_entropy(z, [[1.0, 0.0]]) == 0.0


def test_cross_entropy_gradient_is_p_minus_y_and_matches_finite_differences():
    rng = np.random.default_rng(1)
    z = rng.normal(size=5)
    y = np.eye(5)[3]
    np.testing.assert_allclose(cross_entropy_gradient(z, y)[0], softmax(z) - y)
    estimate = numerical_gradient(lambda: cross_entropy(z, y), z)
    assert relative_error(cross_entropy_gradient(z, y)[0], estimate) < 1e-9


def test_binary_cross_entropy_is_the_formula_and_stable():
    z = np.array([[0.3, -1.2, 2.0]])
    y = np.array([[1.0, 0.0, 0.25]])
    a = sigmoid(z)
    formula = -np.sum(y * np.log(a) + (1 - y) * np.log(1 - a))
    assert np.isclose(binary_cross_entropy(z, y), formula)
    assert binary_cross_entropy([[800.0]], [[0.0]]) == 800.0  # log(1 - 1)


def test_binary_cross_entropy_gradient_is_a_minus_y():
    z = np.array([0.3, -1.2, 2.0])
    y = np.array([1.0, 0.0, 0.25])
    np.testing.assert_allclose(binary_cross_entropy_gradient(z, y)[0], sigmoid(z) - y)
    estimate = numerical_gradient(lambda: binary_cross_entropy(z, y), z)
    assert relative_error(sigmoid(z) - y, estimate) < 1e-9


def test_cross_entropies_want_matching_shapes():
    with pytest.raises(ValueError, match=r"Z and Y must have the same shape"):
        cross_entropy(np.zeros((2, 3)), np.zeros((2, 4)))
    with pytest.raises(ValueError, match=r"got \(1, 3\) and \(1, 2\)"):
        binary_cross_entropy_gradient(np.zeros(3), np.zeros(2))

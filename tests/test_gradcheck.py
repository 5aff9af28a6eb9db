import numpy as np
import pytest

from nnbook import numerical_gradient, relative_error


def test_numerical_gradient_of_a_quadratic_form():
    rng = np.random.default_rng(1)
    M = rng.normal(size=(3, 3))
    x = rng.normal(size=3)
    estimate = numerical_gradient(lambda: x @ M @ x, x)
    np.testing.assert_allclose(estimate, (M + M.T) @ x, rtol=1e-8)


def test_numerical_gradient_restores_the_array():
    x = np.array([[1.0, 2.0], [3.0, 4.0]])
    before = x.copy()
    numerical_gradient(lambda: np.sum(x**3), x)
    np.testing.assert_array_equal(x, before)


@pytest.mark.parametrize(
    ("f", "x", "error", "words"),
    [
        (lambda: 0.0, [1.0, 2.0], TypeError, "float numpy array"),
        (lambda: 0.0, np.array([1, 2]), TypeError, "dtype int"),
        ("not a function", np.zeros(2), TypeError, "function"),
    ],
)
def test_numerical_gradient_rejects_bad_input(f, x, error, words):
    with pytest.raises(error, match=words):
        numerical_gradient(f, x)


def test_relative_error_is_scale_free():
    a = np.array([1.0, 2.0])
    assert relative_error(a, a) == 0.0
    assert relative_error(np.zeros(3), np.zeros(3)) == 0.0
    assert np.isclose(relative_error(1e-6 * a, 1.1e-6 * a), relative_error(a, 1.1 * a))


def test_relative_error_rejects_mismatched_shapes():
    with pytest.raises(ValueError, match=r"same shape.*\(2,\).*\(3,\)"):
        relative_error(np.zeros(2), np.zeros(3))

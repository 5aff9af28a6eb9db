import numpy as np
import pytest

from nnbook import numerical_gradient, relative_error, sigmoid, sigmoid_prime


def test_sigmoid_known_values():
    np.testing.assert_allclose(sigmoid(0.0), 0.5)
    np.testing.assert_allclose(sigmoid(np.log(3.0)), 0.75)
    np.testing.assert_allclose(sigmoid(-np.log(3.0)), 0.25)


def test_sigmoid_keeps_shape_and_returns_a_scalar_for_a_scalar():
    assert sigmoid(np.zeros((2, 3, 4))).shape == (2, 3, 4)
    assert np.ndim(sigmoid(1.0)) == 0


def test_sigmoid_is_symmetric():
    z = np.linspace(-30, 30, 121)
    np.testing.assert_allclose(sigmoid(-z), 1 - sigmoid(z), atol=1e-15)


@pytest.mark.parametrize("z", [-1000.0, -745.0, 745.0, 1000.0])
def test_sigmoid_does_not_overflow(z):
    # filterwarnings = error turns an overflow warning into a failure
    value = sigmoid(z)
    assert 0.0 <= value <= 1.0


def test_sigmoid_prime_matches_finite_differences():
    z = np.linspace(-8, 8, 33)
    x = z.copy()
    # the sum's gradient is the element-wise derivative
    estimate = numerical_gradient(lambda: np.sum(sigmoid(x)), x)
    assert relative_error(sigmoid_prime(z), estimate) < 1e-9


def test_sigmoid_prime_peaks_at_a_quarter():
    z = np.linspace(-5, 5, 1001)
    assert np.isclose(sigmoid_prime(z).max(), 0.25)
    assert np.argmax(sigmoid_prime(z)) == 500

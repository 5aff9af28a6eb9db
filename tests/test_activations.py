import numpy as np
import pytest

from nnbook import (
    log_softmax,
    numerical_gradient,
    relative_error,
    relu,
    relu_prime,
    sigmoid,
    sigmoid_prime,
    softmax,
    softmax_jacobian,
    tanh,
    tanh_prime,
)


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


# -- tanh and the ReLU -----------------------------------------------------------


def test_tanh_is_a_rescaled_sigmoid_and_its_slope_matches():
    z = np.linspace(-6, 6, 49)
    np.testing.assert_allclose(tanh(z), 2 * sigmoid(2 * z) - 1, atol=1e-15)
    x = z.copy()
    estimate = numerical_gradient(lambda: np.sum(tanh(x)), x)
    assert relative_error(tanh_prime(z), estimate) < 1e-9
    assert np.ndim(tanh(0.5)) == 0
    assert tanh_prime(0.0) == 1.0


def test_relu_and_its_slope_away_from_the_kink():
    z = np.array([-3.0, -0.5, 0.0, 0.25, 4.0])
    np.testing.assert_array_equal(relu(z), [0.0, 0.0, 0.0, 0.25, 4.0])
    np.testing.assert_array_equal(relu_prime(z), [0.0, 0.0, 0.0, 1.0, 1.0])
    x = np.array([-2.0, -0.3, 0.7, 3.0])  # no entry within eps of the kink
    estimate = numerical_gradient(lambda: np.sum(relu(x)), x)
    np.testing.assert_allclose(relu_prime(x), estimate, atol=1e-9)
    assert np.ndim(relu(-1.0)) == 0


# -- the softmax -------------------------------------------------------------------


def test_softmax_rows_are_distributions_and_keep_the_order():
    rng = np.random.default_rng(0)
    Z = rng.normal(size=(5, 4))
    P = softmax(Z)
    assert P.shape == (5, 4)
    assert np.all(P > 0)
    np.testing.assert_allclose(P.sum(axis=1), 1.0)
    np.testing.assert_array_equal(P.argmax(axis=1), Z.argmax(axis=1))
    np.testing.assert_allclose(P[2], softmax(Z[2]))  # one example, 1-D


def test_softmax_is_the_formula_and_ignores_a_shift():
    z = np.array([1.0, 2.0, 0.5, -1.0])
    np.testing.assert_allclose(softmax(z), np.exp(z) / np.exp(z).sum())
    np.testing.assert_allclose(softmax(z + 100.0), softmax(z))


@pytest.mark.parametrize("big", [1000.0, 1e6, -1000.0])
def test_softmax_and_log_softmax_are_stable(big):
    # filterwarnings = error turns an overflow warning into a failure
    z = np.array([big, 0.0, -3.0])
    p = softmax(z)
    assert np.all(np.isfinite(p))
    assert np.isclose(p.sum(), 1.0)
    log_p = log_softmax(z)
    assert np.all(np.isfinite(log_p))
    np.testing.assert_allclose(log_softmax(np.array([1000.0, 0.0]))[1], -1000.0)


def test_softmax_of_two_classes_is_the_sigmoid_of_the_difference():
    z = np.array([0.7, -1.2])
    np.testing.assert_allclose(softmax(z)[0], sigmoid(z[0] - z[1]))


def test_softmax_jacobian_matches_finite_differences():
    z = np.array([1.0, 2.0, 0.5, -1.0])
    J = softmax_jacobian(z)
    assert J.shape == (4, 4)
    p = softmax(z)
    np.testing.assert_allclose(J, np.diag(p) - np.outer(p, p))
    eps = 1e-6
    columns = [
        (softmax(z + eps * e) - softmax(z - eps * e)) / (2 * eps) for e in np.eye(4)
    ]
    np.testing.assert_allclose(J, np.stack(columns, axis=1), atol=1e-10)
    np.testing.assert_allclose(J, J.T)
    np.testing.assert_allclose(J.sum(axis=1), 0.0, atol=1e-16)


@pytest.mark.parametrize(
    ("z", "words"),
    [
        (np.zeros((2, 3)), r"1-D array; got shape \(2, 3\)"),
        (1.0, r"at least one entry.*got shape \(\)"),
    ],
)
def test_softmax_jacobian_wants_one_example(z, words):
    with pytest.raises(ValueError, match=words):
        softmax_jacobian(z)


def test_softmax_rejects_an_empty_last_axis():
    with pytest.raises(ValueError, match=r"at least one entry.*\(3, 0\)"):
        softmax(np.zeros((3, 0)))

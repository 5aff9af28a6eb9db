import itertools

import numpy as np
import pytest

from nnbook import (
    DivergenceError,
    fit_line,
    gradient_descent,
    line_loss,
    line_loss_gradient,
    newton,
    noisy_line,
    numerical_gradient,
    relative_error,
)

# -- gradient descent ----------------------------------------------------------


def test_gradient_descent_on_a_parabola_shrinks_geometrically():
    # L(t) = t^2 / 2 has gradient t, so each step multiplies t by 1 - eta
    path = gradient_descent(lambda t: t, 1.0, learning_rate=0.25, steps=4)
    np.testing.assert_allclose(path, 0.75 ** np.arange(5))


def test_gradient_descent_takes_vectors_and_returns_the_whole_path():
    target = np.array([1.0, -2.0])
    path = gradient_descent(
        lambda p: p - target, [0.0, 0.0], learning_rate=0.5, steps=30
    )
    assert path.shape == (31, 2)
    np.testing.assert_array_equal(path[0], [0.0, 0.0])
    np.testing.assert_allclose(path[-1], target, atol=1e-8)


def test_gradient_descent_stops_at_the_tolerance():
    path = gradient_descent(lambda t: t, 1.0, learning_rate=0.5, steps=1000, tol=1e-3)
    assert abs(path[-1]) <= 1e-3 < abs(path[-2])
    assert len(path) == 11  # 0.5**10 < 1e-3 < 0.5**9


def test_gradient_descent_does_not_let_the_gradient_change_the_path():
    def gradient(p):
        g = p.copy()
        p[:] = 99.0  # a careless gradient that writes into its argument
        return g

    path = gradient_descent(gradient, [1.0, 1.0], learning_rate=0.5, steps=2)
    np.testing.assert_allclose(path, [[1, 1], [0.5, 0.5], [0.25, 0.25]])


def test_too_large_a_learning_rate_grows_and_then_diverges():
    path = gradient_descent(lambda t: t, 1.0, learning_rate=3.0, steps=10)
    np.testing.assert_allclose(np.abs(path), 2.0 ** np.arange(11))
    with pytest.raises(DivergenceError, match="diverged at step"):
        gradient_descent(lambda t: t, 1.0, learning_rate=3.0, steps=2000)


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"gradient": 3}, TypeError, "gradient must be a function"),
        ({"start": [[0.0]]}, ValueError, "start must be a number or a 1-D array"),
        ({"start": np.nan}, ValueError, "start must be finite"),
        (
            {"learning_rate": -1.0},
            ValueError,
            "learning_rate must be a finite number > 0",
        ),
        ({"steps": -1}, ValueError, "steps must be at least 0"),
        ({"steps": 2.5}, TypeError, "steps must be an integer"),
        ({"tol": 0.0}, ValueError, "tol must be a finite number > 0"),
        ({"gradient": lambda t: [t, t]}, ValueError, "the shape of start"),
    ],
)
def test_gradient_descent_rejects_bad_arguments(kwargs, error, words):
    arguments = {"gradient": lambda t: t, "start": 1.0, "learning_rate": 0.1}
    arguments |= {"steps": 5} | kwargs
    with pytest.raises(error, match=words):
        gradient_descent(arguments.pop("gradient"), arguments.pop("start"), **arguments)


# -- the line fit ------------------------------------------------------------------


def test_line_loss_is_half_the_mean_squared_error():
    x, y = np.array([0.0, 1.0, 2.0]), np.array([1.0, 2.0, 7.0])
    # residuals of y = 2x + 1: 0, -1, 2
    assert line_loss((2.0, 1.0), x, y) == pytest.approx((0 + 1 + 4) / 6)


def test_line_loss_takes_a_grid_of_parameters():
    x, y = noisy_line(10, slope=1.0, intercept=0.0, noise=0.1, seed=0)
    M, C = np.meshgrid(np.linspace(-1, 3, 5), np.linspace(-2, 2, 4))
    grid = line_loss((M, C), x, y)
    assert grid.shape == (4, 5)
    assert grid[1, 3] == pytest.approx(line_loss((M[1, 3], C[1, 3]), x, y))


def test_line_loss_gradient_matches_finite_differences():
    x, y = noisy_line(20, slope=2.0, intercept=1.0, noise=0.3, seed=1)
    theta = np.array([0.3, -0.7])
    estimate = numerical_gradient(lambda: line_loss(theta, x, y), theta)
    assert relative_error(line_loss_gradient(theta, x, y), estimate) < 1e-9


def test_fit_line_agrees_with_least_squares():
    x, y = noisy_line(30, slope=2.0, intercept=1.0, noise=0.3, seed=0)
    path = fit_line(x, y, learning_rate=0.5, steps=5000, tol=1e-10)
    A = np.column_stack([x, np.ones_like(x)])
    best, *_ = np.linalg.lstsq(A, y)
    np.testing.assert_allclose(path[-1], best, atol=1e-8)


def test_fit_line_rejects_mismatched_data():
    with pytest.raises(ValueError, match="same length"):
        fit_line([0.0, 1.0, 2.0], [1.0, 2.0], learning_rate=0.1, steps=5)
    with pytest.raises(ValueError, match=r"start must be the pair \(m, c\)"):
        fit_line([0.0, 1.0], [1.0, 2.0], learning_rate=0.1, steps=5, start=[0.0])


# -- Newton's method -------------------------------------------------------------


def test_newton_finds_the_square_root_of_16():
    path = newton(lambda x: x**2 - 16, lambda x: 2 * x, 1.0)
    np.testing.assert_allclose(path[:4], [1.0, 8.5, 5.19117647, 4.13666472])
    assert path[-1] == 4.0


def test_newton_from_a_negative_start_finds_the_negative_root():
    path = newton(lambda x: x**2 - 16, lambda x: 2 * x, -0.5)
    assert path[-1] == pytest.approx(-4.0)


def test_newton_converges_quadratically():
    errors = np.abs(newton(lambda x: x**2 - 2, lambda x: 2 * x, 1.0) - np.sqrt(2))
    # each error is about the square of the one before, over 2 sqrt(2)
    for before, after in itertools.pairwise(errors[1:5]):
        assert after == pytest.approx(before**2 / (2 * np.sqrt(2)), rel=0.2)


def test_newton_stops_at_an_exact_root():
    path = newton(lambda x: x - 3.0, lambda x: 1.0, 3.0)
    np.testing.assert_array_equal(path, [3.0])


def test_newton_reports_a_flat_tangent():
    with pytest.raises(ZeroDivisionError, match=r"f'\(x\) is 0 at x = 0\.0"):
        newton(lambda x: x**2 - 16, lambda x: 2 * x, 0.0)


def test_newton_rejects_bad_arguments():
    with pytest.raises(TypeError, match="f_prime must be a function"):
        newton(lambda x: x, 1.0, 0.0)
    with pytest.raises(ValueError, match="start must be a single number"):
        newton(lambda x: x, lambda x: 1.0, [1.0, 2.0])

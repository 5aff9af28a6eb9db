import numpy as np

from nnbook import (
    numerical_gradient,
    quadratic_cost,
    quadratic_cost_gradient,
    relative_error,
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

"""nnbook: the small numpy package behind *The Maths behind Neural Networks*.

Every function follows a chapter of the book; its docstring gives the formula
and the chapter and equation where it is derived.
"""

from nnbook.activations import sigmoid, sigmoid_prime
from nnbook.costs import quadratic_cost, quadratic_cost_gradient
from nnbook.data import (
    Digits,
    load_digits,
    logic_gate,
    noisy_line,
    one_hot,
    separable_points,
    stratified_split,
)
from nnbook.gradcheck import check_network_gradients, numerical_gradient, relative_error
from nnbook.network import DivergenceError, Network, TrainingHistory
from nnbook.optimisation import (
    fit_line,
    gradient_descent,
    line_loss,
    line_loss_gradient,
    newton,
)
from nnbook.perceptron import Perceptron, PerceptronHistory

__all__ = [
    "Digits",
    "DivergenceError",
    "Network",
    "Perceptron",
    "PerceptronHistory",
    "TrainingHistory",
    "check_network_gradients",
    "fit_line",
    "gradient_descent",
    "line_loss",
    "line_loss_gradient",
    "load_digits",
    "logic_gate",
    "newton",
    "noisy_line",
    "numerical_gradient",
    "one_hot",
    "quadratic_cost",
    "quadratic_cost_gradient",
    "relative_error",
    "separable_points",
    "sigmoid",
    "sigmoid_prime",
    "stratified_split",
]

__version__ = "0.1.0"

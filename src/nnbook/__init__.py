"""nnbook: the small numpy package behind *The Maths behind Neural Networks*.

Every function follows a chapter of the book; its docstring gives the formula
and the chapter and equation where it is derived.
"""

from nnbook.activations import sigmoid, sigmoid_prime
from nnbook.costs import quadratic_cost, quadratic_cost_gradient
from nnbook.gradcheck import check_network_gradients, numerical_gradient, relative_error
from nnbook.network import DivergenceError, Network, TrainingHistory

__all__ = [
    "DivergenceError",
    "Network",
    "TrainingHistory",
    "check_network_gradients",
    "numerical_gradient",
    "quadratic_cost",
    "quadratic_cost_gradient",
    "relative_error",
    "sigmoid",
    "sigmoid_prime",
]

__version__ = "0.1.0"

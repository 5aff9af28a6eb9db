"""nnbook: the small numpy package behind *The Maths behind Neural Networks*.

Every function follows a chapter of the book; its docstring gives the formula
and the chapter and equation where it is derived.
"""

from nnbook.activations import sigmoid, sigmoid_prime
from nnbook.costs import quadratic_cost, quadratic_cost_gradient
from nnbook.data import Digits, load_digits, one_hot, stratified_split
from nnbook.gradcheck import check_network_gradients, numerical_gradient, relative_error
from nnbook.network import DivergenceError, Network, TrainingHistory

__all__ = [
    "Digits",
    "DivergenceError",
    "Network",
    "TrainingHistory",
    "check_network_gradients",
    "load_digits",
    "numerical_gradient",
    "one_hot",
    "quadratic_cost",
    "quadratic_cost_gradient",
    "relative_error",
    "sigmoid",
    "sigmoid_prime",
    "stratified_split",
]

__version__ = "0.1.0"

"""nnbook: the small numpy package behind *The Maths behind Neural Networks*.

Every function follows a chapter of the book; its docstring gives the formula
and the chapter and equation where it is derived.
"""

from nnbook.activations import (
    log_softmax,
    relu,
    relu_prime,
    sigmoid,
    sigmoid_prime,
    softmax,
    softmax_jacobian,
    tanh,
    tanh_prime,
)
from nnbook.autodiff import Tensor
from nnbook.conv import (
    Conv2d,
    ConvNet,
    Dense,
    Flatten,
    MaxPool2d,
    ReLU,
    conv2d,
    conv2d_backward,
)
from nnbook.costs import (
    binary_cross_entropy,
    binary_cross_entropy_gradient,
    cross_entropy,
    cross_entropy_gradient,
    quadratic_cost,
    quadratic_cost_gradient,
)
from nnbook.data import (
    Digits,
    load_digits,
    logic_gate,
    noisy_line,
    one_hot,
    separable_points,
    shift_images,
    stratified_split,
)
from nnbook.gradcheck import check_network_gradients, numerical_gradient, relative_error
from nnbook.network import Network
from nnbook.optimisation import (
    fit_line,
    gradient_descent,
    line_loss,
    line_loss_gradient,
    newton,
)
from nnbook.optimisers import SGD, Adam, RMSprop
from nnbook.perceptron import Perceptron, PerceptronHistory
from nnbook.scaled_dot_product import (
    AttentionClassifier,
    attention,
    attention_backward,
    attention_weights,
)
from nnbook.training import DivergenceError, TrainingHistory

__all__ = [
    "SGD",
    "Adam",
    "AttentionClassifier",
    "Conv2d",
    "ConvNet",
    "Dense",
    "Digits",
    "DivergenceError",
    "Flatten",
    "MaxPool2d",
    "Network",
    "Perceptron",
    "PerceptronHistory",
    "RMSprop",
    "ReLU",
    "Tensor",
    "TrainingHistory",
    "attention",
    "attention_backward",
    "attention_weights",
    "binary_cross_entropy",
    "binary_cross_entropy_gradient",
    "check_network_gradients",
    "conv2d",
    "conv2d_backward",
    "cross_entropy",
    "cross_entropy_gradient",
    "fit_line",
    "gradient_descent",
    "line_loss",
    "line_loss_gradient",
    "load_digits",
    "log_softmax",
    "logic_gate",
    "newton",
    "noisy_line",
    "numerical_gradient",
    "one_hot",
    "quadratic_cost",
    "quadratic_cost_gradient",
    "relative_error",
    "relu",
    "relu_prime",
    "separable_points",
    "shift_images",
    "sigmoid",
    "sigmoid_prime",
    "softmax",
    "softmax_jacobian",
    "stratified_split",
    "tanh",
    "tanh_prime",
]

__version__ = "0.1.0"

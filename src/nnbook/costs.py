"""Cost functions, each written next to its gradient.

Arrays hold one example per row. The cost of a batch is the mean of the
per-example costs, so the number does not grow with the batch size.

The quadratic cost (chapter 4) takes the outputs ``a^L``. The two
cross-entropies (chapter 7) take the weighted inputs ``z^L`` of the output
layer instead, the *logits*: computed from them, the logarithm of a
probability never meets a probability that has rounded to 0. Each gradient
is taken with respect to what its cost takes.
"""

import numpy as np

from nnbook.activations import log_softmax, sigmoid, softmax


def _pair(A, Y, first="A"):
    """Return ``A`` and ``Y`` as 2-D float arrays of the same shape, or raise."""
    A = np.atleast_2d(np.asarray(A, dtype=float))
    Y = np.atleast_2d(np.asarray(Y, dtype=float))
    if A.shape != Y.shape:
        raise ValueError(
            f"{first} and Y must have the same shape, one example per row; "
            f"got {A.shape} and {Y.shape}"
        )
    return A, Y


def quadratic_cost(A, Y):
    """Return the mean quadratic cost of the outputs ``A`` against targets ``Y``.

    For one example the cost is

    .. math:: C = \\tfrac12 \\lVert y - a^L \\rVert^2
              = \\tfrac12 \\sum_j (y_j - a^L_j)^2,

    and for a batch (one example per row) it is the mean of those costs.
    1-D arrays are treated as a single example. Returns a Python float.

    Chapter 4, equation (4.5).
    """
    A = np.atleast_2d(A)
    Y = np.atleast_2d(Y)
    return float(0.5 * np.sum((Y - A) ** 2) / A.shape[0])


def quadratic_cost_gradient(A, Y):
    """Return the gradient of one example's quadratic cost with respect to ``a^L``.

    .. math:: \\nabla_a C = a^L - y

    The 1/2 in the cost is there to cancel the 2 of the square, which is why
    the result has no factor. The array keeps the shape of ``A``: one row per
    example, each row the gradient of that example's own cost.

    Chapter 4, equation (4.9); chapter 5, equation (5.6).
    """
    return A - Y


def cross_entropy(Z, Y):
    """Return the mean cross-entropy of ``softmax(Z)`` against the targets ``Y``.

    For one example with logits ``z`` (the weighted inputs ``z^L``) and
    probabilities ``p = softmax(z)``,

    .. math:: L = -\\sum_j y_j \\log p_j ,

    which for a one-hot target of class ``c`` is ``-log p_c``. The logarithm
    comes from :func:`nnbook.log_softmax`, the log-sum-exp form, so nothing
    overflows and no ``log(0)`` is taken, even for logits of 1000. For a
    batch (one example per row) the result is the mean of the rows' losses.
    Each row of ``Y`` should be one-hot, or at least hold probabilities that
    sum to 1. Returns a Python float.

    Chapter 7, equations (7.6) and (7.7).
    """
    Z, Y = _pair(Z, Y, "Z")
    return float(-np.sum(Y * log_softmax(Z)) / Z.shape[0])


def cross_entropy_gradient(Z, Y):
    """Return the gradient of one example's cross-entropy with respect to ``z``.

    .. math:: \\frac{\\partial L}{\\partial z} = p - y,
              \\qquad p = \\operatorname{softmax}(z)

    The Jacobian of the softmax and the ``1/p`` of the logarithm cancel, and
    what is left is "probabilities minus targets". The derivation uses that
    the targets of a row sum to 1, as a one-hot row does. One row per
    example, each the gradient of that example's own loss.

    Chapter 7, equation (7.8).
    """
    Z, Y = _pair(Z, Y, "Z")
    return softmax(Z) - Y


def binary_cross_entropy(Z, Y):
    """Return the mean binary cross-entropy of sigmoid outputs against ``Y``.

    Each output neuron ``j``, with activation ``a_j = sigma(z_j)``, answers a
    yes-or-no question of its own, with target ``y_j`` between 0 and 1:

    .. math:: C = -\\sum_j \\left[ y_j \\log a_j + (1 - y_j) \\log (1 - a_j) \\right].

    It is computed from the logits: since ``log a = -log(1 + e^{-z})`` and
    ``log(1 - a) = -log(1 + e^{z})``, the sum is
    ``sum_j log(1 + e^{z_j}) - y_j z_j``, with ``numpy.logaddexp(0, z)`` for
    ``log(1 + e^z)``, which neither overflows nor takes ``log(0)``. The mean
    over the rows of a batch. Returns a Python float.

    Chapter 7, equation (7.10).
    """
    Z, Y = _pair(Z, Y, "Z")
    return float(np.sum(np.logaddexp(0.0, Z) - Y * Z) / Z.shape[0])


def binary_cross_entropy_gradient(Z, Y):
    """Return the gradient of one example's binary cross-entropy with respect to ``z``.

    .. math:: \\frac{\\partial C}{\\partial z} = \\sigma(z) - y = a - y

    The slope ``sigma'(z) = a (1 - a)`` of the sigmoid cancels against the
    ``1 / (a (1 - a))`` of the logarithms, as in chapter 7's softmax case.

    Chapter 7, equation (7.11).
    """
    Z, Y = _pair(Z, Y, "Z")
    return sigmoid(Z) - Y

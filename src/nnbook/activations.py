"""Activation functions, each written next to its derivative.

Chapter 4 introduces the sigmoid and derives its derivative; every later
chapter reuses these two functions.
"""

import numpy as np


def sigmoid(z):
    """Return the logistic sigmoid of ``z``, element-wise.

    .. math:: \\sigma(z) = \\frac{1}{1 + e^{-z}}

    ``z`` may be a number or an array of any shape; the result has the same
    shape, with every entry strictly between 0 and 1 (up to rounding).

    Written as is, ``exp(-z)`` overflows for ``z`` below about -709. For a
    negative ``z`` we multiply the top and the bottom by ``e^{z}``, which
    gives the same value as ``e^{z} / (1 + e^{z})``. Both branches only ever
    exponentiate ``-|z|``, so no input overflows.

    Chapter 4, equation (4.3).
    """
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))[()]


def sigmoid_prime(z):
    """Return the derivative of the sigmoid at ``z``, element-wise.

    .. math:: \\sigma'(z) = \\sigma(z)\\,(1 - \\sigma(z))

    Note that the argument is ``z``, the weighted input, not the activation
    ``a = sigma(z)``. When ``a`` is already known, ``a * (1 - a)`` is the same
    number; :meth:`nnbook.Network.backprop` uses that shortcut.

    Chapter 4, equation (4.4).
    """
    s = sigmoid(z)
    return s * (1.0 - s)

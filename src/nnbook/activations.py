"""Activation functions, each written next to its derivative.

Chapter 4 introduces the sigmoid and derives its derivative; every later
chapter reuses these two functions.
"""

import numpy as np


def sigmoid(z):
    """Return the logistic sigmoid of ``z``, element-wise.

    .. math:: \\sigma(z) = \\frac{1}{1 + e^{-z}}

    ``z`` may be a number or an array of any shape; the result has the same
    shape, with every entry between 0 and 1.

    The code is the formula as written. For ``z`` below about -709,
    ``exp(-z)`` is too large for a float and becomes ``inf``; then
    ``1 / (1 + inf)`` is ``0.0``, which is the right limit, so the overflow
    warning is silenced rather than avoided. (An earlier version avoided it
    with two branches, one for each sign of ``z``; profiling chapter 6's
    training showed that the branches made the sigmoid three times slower,
    and it was the most expensive line of a training run.)

    Chapter 4, equation (4.3).
    """
    z = np.asarray(z, dtype=float)
    with np.errstate(over="ignore"):
        return (1.0 / (1.0 + np.exp(-z)))[()]


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

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

    The code is the formula, worked from the inside out in one new array.
    For ``z`` below about -709, ``exp(-z)`` is too large for a float and
    becomes ``inf``; then ``1 / (1 + inf)`` is ``0.0``, which is the right
    limit, so the overflow warning is silenced rather than avoided.

    Two choices come from profiling chapter 6's training, where the sigmoid
    was the most expensive line. An earlier version avoided the overflow with
    two branches, one for each sign of ``z``, which made it three times
    slower. And writing ``1 / (1 + np.exp(-z))`` makes four temporary arrays
    where one will do: for an array of megabytes each new one is fresh memory
    from the operating system, which costs more than the arithmetic.

    Chapter 4, equation (4.3).
    """
    a = np.array(z, dtype=float)  # a copy of z: the one new array
    np.negative(a, out=a)  # -z
    with np.errstate(over="ignore"):
        np.exp(a, out=a)  # e^{-z}
    a += 1.0  # 1 + e^{-z}
    np.reciprocal(a, out=a)  # 1 / (1 + e^{-z})
    return a[()]  # a number for a number, an array for an array


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

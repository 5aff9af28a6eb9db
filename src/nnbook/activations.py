"""Activation functions, each written next to its derivative.

Chapter 4 introduces the sigmoid and derives its derivative; every later
chapter reuses these two functions. The hyperbolic tangent comes up in the
exercises of chapters 4 and 5, the softmax and its Jacobian in chapter 7, and
the rectified linear unit in chapter 8.
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


def tanh(z):
    """Return the hyperbolic tangent of ``z``, element-wise.

    .. math:: \\tanh z = \\frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}

    Like the sigmoid it squashes, but into the interval from -1 to 1, and it
    is 0 at 0. It is a rescaled sigmoid: ``tanh(z) = 2 sigma(2 z) - 1``.

    Chapter 4, exercise 4.3; chapter 5, exercise 5.2.
    """
    return np.tanh(np.asarray(z, dtype=float))[()]


def tanh_prime(z):
    """Return the derivative of ``tanh`` at ``z``, element-wise.

    .. math:: \\tanh'(z) = 1 - \\tanh^2 z

    As for the sigmoid, the slope can be read off the activation
    ``a = tanh(z)`` as ``1 - a**2``; :class:`nnbook.Network` does that.

    Chapter 4, exercise 4.3.
    """
    a = tanh(z)
    return 1.0 - a * a


def relu(z):
    """Return the rectified linear unit of ``z``, element-wise.

    .. math:: \\operatorname{relu}(z) = \\max(0, z)

    It passes positive inputs unchanged and sets negative ones to 0. For
    ``z > 0`` its slope is 1 however large ``z`` grows, so a ReLU neuron
    never saturates on that side: the slope it hands back to the layers
    below does not shrink as ``z`` grows, as the sigmoid's does.

    Chapter 8, equation (8.8).
    """
    return np.maximum(np.asarray(z, dtype=float), 0.0)[()]


def relu_prime(z):
    """Return the derivative of ``relu`` at ``z``: 1 where ``z > 0``, else 0.

    At ``z = 0`` the function has a kink and no derivative; like PyTorch we
    use 0 there. The slope can be read off the activation as well, since
    ``relu(z) > 0`` exactly when ``z > 0``.

    Chapter 8, equation (8.8).
    """
    return (np.asarray(z, dtype=float) > 0).astype(float)[()]


# -- chapter 7: softmax ---------------------------------------------------------


def _logits(z):
    """Return ``z`` as a float array with at least one axis, or raise.

    Like the sigmoid, the softmax does not look for NaN: it is called on
    every batch of a training run, and a NaN shows in the result anyway.
    """
    z = np.asarray(z, dtype=float)
    if z.ndim == 0 or z.shape[-1] == 0:
        raise ValueError(
            "z must have at least one entry along its last axis (the "
            f"outputs of one example); got shape {z.shape}"
        )
    return z


def softmax(z):
    """Return the softmax of ``z`` along its last axis.

    .. math:: p_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}

    Every entry of the result is positive and each row (each slice along the
    last axis) sums to 1, so a row is a probability distribution over the
    classes. A 1-D ``z`` is one example; a 2-D ``z`` holds one example per
    row, as everywhere in ``nnbook``.

    The largest entry of each row is subtracted before the exponential. The
    softmax does not change when the same number is added to every entry, and
    after the shift every exponent is at most 0, so ``e^{z_j}`` can no longer
    overflow: logits of 1000 give a correct answer instead of ``nan``.

    Chapter 7, equations (7.1) and (7.2).
    """
    z = _logits(z)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def log_softmax(z):
    """Return the logarithm of the softmax of ``z`` along its last axis.

    .. math:: \\log p_j = z_j - \\log \\sum_k e^{z_k}
              = (z_j - m) - \\log \\sum_k e^{z_k - m},
              \\quad m = \\max_k z_k

    This is the *log-sum-exp* form: it never takes the logarithm of a
    probability that has underflowed to 0, so a very unlikely class gets a
    large negative number instead of ``-inf``. The cross-entropy uses it.

    Chapter 7, equation (7.7).
    """
    z = _logits(z)
    shifted = z - z.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def softmax_jacobian(z):
    """Return the Jacobian of the softmax at ``z``, one example: ``diag(p) - p p^T``.

    .. math:: \\frac{\\partial p_i}{\\partial z_j} = p_i (\\delta_{ij} - p_j)

    ``z`` must be 1-D with ``n`` entries; the result is ``n x n``, with
    ``dp_i / dz_j`` in row ``i`` and column ``j``. Unlike the diagonal
    Jacobian of an element-wise activation (chapter 5, (5.3)), every entry
    may be non-zero: each output of the softmax depends on every input. The
    matrix is symmetric and each of its rows sums to 0.

    Chapter 7, equations (7.3) and (7.4).
    """
    z = _logits(z)
    if z.ndim != 1:
        raise ValueError(
            "softmax_jacobian takes the logits of one example, a 1-D array; "
            f"got shape {z.shape}"
        )
    p = softmax(z)
    return np.diag(p) - np.outer(p, p)

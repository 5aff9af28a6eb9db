"""Checking derivatives numerically, with central differences.

A derivative worked out by hand (or by backpropagation) is a claim; a finite
difference is an experiment that tests it. For a small step ``eps``,

    f'(x) ~ (f(x + eps) - f(x - eps)) / (2 eps),

with an error that shrinks like ``eps**2`` until rounding takes over. The book
uses these functions wherever it derives a derivative. Appendix: Checking
gradients (docs/appendix-gradient-checking.md) derives the step and the
thresholds, equations (A.1) to (A.8).
"""

import numpy as np

from nnbook._checks import as_positive_float


def numerical_gradient(f, x, *, eps=1e-5):
    """Return the central-difference estimate of the gradient of ``f`` at ``x``.

    ``f`` takes no argument and returns a number that depends on the array
    ``x``, which is nudged in place, one entry at a time, by ``+eps`` and
    ``-eps`` and then restored. The result has the shape of ``x``; entry
    ``i`` is ``(f(x + eps e_i) - f(x - eps e_i)) / (2 eps)``.

    Nudging in place is what lets ``f`` be, say, ``lambda: net.cost(X, Y)``
    with ``x`` one of ``net.weights``. The default ``eps = 1e-5`` is near the
    best step against rounding, the cube root of float64's machine epsilon
    (about 6e-6).
    Appendix: Checking gradients, equations (A.2) and (A.5).
    """
    if not callable(f):
        raise TypeError(f"f must be a function of no arguments; got {type(f).__name__}")
    if not (isinstance(x, np.ndarray) and x.dtype.kind == "f"):
        raise TypeError(
            "x must be a float numpy array that f reads (it is nudged in "
            f"place); got {type(x).__name__}"
            + (f" with dtype {x.dtype}" if isinstance(x, np.ndarray) else "")
        )
    eps = as_positive_float("eps", eps)
    grad = np.empty_like(x)
    for i in np.ndindex(x.shape):
        original = x[i]
        x[i] = original + eps
        f_plus = f()
        x[i] = original - eps
        f_minus = f()
        x[i] = original
        grad[i] = (f_plus - f_minus) / (2 * eps)
    return grad


def relative_error(a, b):
    """Return ``||a - b|| / (||a|| + ||b||)``, a scale-free distance.

    The norms are Euclidean, over all the entries of the arrays. 0 means
    equal, 1 is the most it can be (one array zero, or ``b = -a``); it does
    not change when both arrays are scaled by the same factor. A correct
    gradient against a central difference with ``eps = 1e-5`` lands at about
    1e-11 for a single function of size 1 and about 1e-9 for a network's
    cost, which is why the book's checks use 1e-9 to 1e-7. Two zero arrays
    are at distance 0. Appendix: Checking gradients, equation (A.3).
    """
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if a.shape != b.shape:
        raise ValueError(
            f"a and b must have the same shape; got {a.shape} and {b.shape}"
        )
    scale = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if scale == 0 else float(np.linalg.norm(a - b) / scale)


def check_network_gradients(net, X, Y, *, eps=1e-5):
    """Return the largest relative error of ``net.backprop`` against finite differences.

    Every weight matrix and bias vector of ``net`` is compared, one array at
    a time, with :func:`numerical_gradient` applied to ``net.cost(X, Y)``.
    A correct backward pass gives about 1e-9 on the book's networks, a wrong
    one 1e-2 or more. Appendix: Checking gradients, equations (A.7), (A.8).
    """
    grad_weights, grad_biases = net.backprop(X, Y)
    errors = []
    for params, grads in ((net.weights, grad_weights), (net.biases, grad_biases)):
        for p, g in zip(params, grads):
            estimate = numerical_gradient(lambda: net.cost(X, Y), p, eps=eps)
            errors.append(relative_error(g, estimate))
    return max(errors)

"""Following derivatives downhill: Newton's method and gradient descent.

Chapter 3 starts from Newton's method for a root of a function of one
variable, then minimises a loss of several parameters by gradient descent,
and fits a straight line that way. Every routine returns the whole path of
its iterates, so that the chapter and its figures can look at each step.
"""

import numpy as np

from nnbook._checks import as_int, as_numeric_array, as_positive_float
from nnbook.training import DivergenceError


def _check_function(name, f):
    if not callable(f):
        raise TypeError(f"{name} must be a function; got {type(f).__name__}")


def gradient_descent(gradient, start, *, learning_rate, steps, tol=None):
    """Return the path of gradient descent from ``start``.

    Each step moves the point ``theta`` against the gradient,

    .. math:: \\theta \\leftarrow \\theta - \\eta \\, \\nabla L(\\theta),

    where ``gradient(theta)`` returns ``∇L(theta)`` and ``eta`` is
    ``learning_rate``. ``start`` is a number or a 1-D array; ``gradient``
    receives and returns the same kind. At most ``steps`` steps are taken;
    with ``tol``, descent stops as soon as the gradient's length
    ``||∇L(theta)||`` is at most ``tol``.

    Returns an array whose row ``k`` is the point after ``k`` steps (row 0
    is ``start``): shape ``(k + 1,)`` for a number, ``(k + 1, d)`` for a
    vector of length ``d``. Raises :class:`DivergenceError` when the point
    or its gradient stops being finite, the sign of a learning rate far too
    large. Chapter 3, equation (3.4).
    """
    _check_function("gradient", gradient)
    theta = as_numeric_array("start", start)
    if theta.ndim > 1:
        raise ValueError(f"start must be a number or a 1-D array; got {theta.shape}")
    eta = as_positive_float("learning_rate", learning_rate)
    steps = as_int("steps", steps, minimum=0)
    if tol is not None:
        tol = as_positive_float("tol", tol)
    path = [theta]
    for step in range(1, steps + 1):
        with np.errstate(over="ignore", invalid="ignore"):
            grad = np.asarray(gradient(theta.copy()[()]), dtype=float)
            if grad.shape != theta.shape:
                raise ValueError(
                    f"gradient must return the shape of start, {theta.shape}; "
                    f"got {grad.shape}"
                )
            if tol is not None and np.linalg.norm(grad) <= tol:
                break
            theta = theta - eta * grad
        if not (np.isfinite(theta).all() and np.isfinite(grad).all()):
            raise DivergenceError(
                f"gradient descent diverged at step {step}: the point is no "
                f"longer finite; learning_rate={learning_rate} is probably too "
                "large"
            )
        path.append(theta)
    return np.array(path)


def line_loss(theta, x, y):
    """Return the loss of the line ``y = m x + c`` on the points ``(x, y)``.

    ``theta`` is ``(m, c)``. The loss is half the mean squared error,

    .. math:: L(m, c) = \\frac{1}{2n} \\sum_{i=1}^{n} \\bigl(y_i - (m x_i + c)\\bigr)^2,

    the mean of the book's quadratic costs over the points. ``m`` and ``c``
    may also be arrays of the same shape (a grid, for contour plots); the
    result then has that shape. Chapter 3, equation (3.2).
    """
    m, c = theta
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    m, c = np.asarray(m, dtype=float)[..., None], np.asarray(c, dtype=float)[..., None]
    return (0.5 * np.mean((y - (m * x + c)) ** 2, axis=-1))[()]


def line_loss_gradient(theta, x, y):
    """Return the gradient of :func:`line_loss` at ``theta = (m, c)``.

    With the residuals ``r_i = m x_i + c - y_i``,

    .. math:: \\nabla L = \\begin{bmatrix} \\partial L / \\partial m \\\\
              \\partial L / \\partial c \\end{bmatrix}
              = \\frac{1}{n} \\sum_{i=1}^{n} \\begin{bmatrix} r_i x_i \\\\
              r_i \\end{bmatrix}.

    Returns an array of length 2. Chapter 3, equation (3.3).
    """
    m, c = theta
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    r = m * x + c - y
    return np.array([np.mean(r * x), np.mean(r)])


def fit_line(x, y, *, learning_rate, steps, start=(0.0, 0.0), tol=None):
    """Fit ``y = m x + c`` by gradient descent on :func:`line_loss`.

    ``x`` and ``y`` are 1-D arrays of the same length. Returns the path of
    ``(m, c)`` from :func:`gradient_descent`, one row per step; its last row
    is the fitted line. Chapter 3, section "Fitting a line".
    """
    x = as_numeric_array("x", x)
    y = as_numeric_array("y", y)
    if x.ndim != 1 or x.shape != y.shape or len(x) < 2:
        raise ValueError(
            "x and y must be 1-D arrays of the same length, at least 2; got "
            f"shapes {x.shape} and {y.shape}"
        )
    start = as_numeric_array("start", start)
    if start.shape != (2,):
        raise ValueError(f"start must be the pair (m, c); got shape {start.shape}")
    return gradient_descent(
        lambda theta: line_loss_gradient(theta, x, y),
        start,
        learning_rate=learning_rate,
        steps=steps,
        tol=tol,
    )


def newton(f, f_prime, start, *, steps=50, tol=1e-12):
    """Return the iterates of Newton's method for a root of ``f``.

    From ``x_0 = start``, each step follows the tangent of ``f`` at ``x_n``
    down to where it crosses zero,

    .. math:: x_{n+1} = x_n - \\frac{f(x_n)}{f'(x_n)},

    where ``f_prime`` is the derivative ``f'``. The iteration stops when a
    step moves ``x`` by at most ``tol``, when ``f(x)`` is exactly 0, or after
    ``steps`` steps. Returns a 1-D array of ``x_0, x_1, ...``. Raises
    ``ZeroDivisionError`` when ``f'(x_n)`` is 0 (a flat tangent never meets
    the axis). Chapter 3, equation (3.1).
    """
    _check_function("f", f)
    _check_function("f_prime", f_prime)
    x = as_numeric_array("start", start)
    if x.ndim != 0:
        raise ValueError(f"start must be a single number; got shape {x.shape}")
    x = float(x)
    steps = as_int("steps", steps, minimum=0)
    tol = as_positive_float("tol", tol)
    path = [x]
    for _ in range(steps):
        fx, slope = float(f(x)), float(f_prime(x))
        if fx == 0:
            break
        if slope == 0:
            raise ZeroDivisionError(
                f"f'(x) is 0 at x = {x}: the tangent there is flat and never "
                "crosses zero; start somewhere else"
            )
        step = fx / slope
        x -= step
        if not np.isfinite(x):
            raise DivergenceError(f"Newton's method left the finite numbers at {x}")
        path.append(x)
        if abs(step) <= tol:
            break
    return np.array(path)

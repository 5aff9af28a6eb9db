"""Small data sets for the book's examples, made by code and seeded.

Chapter 1 uses the logic gates, chapter 2 a linearly separable set of points
whose margin is known in advance, and chapter 3 points scattered around a
straight line. Inputs come back with one example per row, as everywhere in
``nnbook``.
"""

import numbers

import numpy as np

from nnbook._checks import as_int, as_numeric_array

_GATE_INPUTS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
_GATE_OUTPUTS = {
    "and": np.array([0, 0, 0, 1]),
    "or": np.array([0, 1, 1, 1]),
    "xor": np.array([0, 1, 1, 0]),
}


def _number(name, value, *, minimum=None):
    """Return ``value`` as a finite float (at least ``minimum``), or raise."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(
            f"{name} must be a number; got {type(value).__name__} {value!r}"
        )
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name} must be finite; got {value}")
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be at least {minimum}; got {value}")
    return value


def logic_gate(name):
    """Return ``(X, y)``, the truth table of the logic gate ``name``.

    ``name`` is ``"and"``, ``"or"`` or ``"xor"`` (in any case). ``X`` holds
    the four inputs ``(0, 0), (0, 1), (1, 0), (1, 1)``, one per row, as
    floats; ``y`` holds the gate's outputs as the integers 0 and 1.

    Chapter 1, section "Logic gates".
    """
    if not isinstance(name, str):
        raise TypeError(
            f"name must be a string such as 'and'; got {type(name).__name__} {name!r}"
        )
    key = name.lower()
    if key not in _GATE_OUTPUTS:
        known = ", ".join(repr(k) for k in _GATE_OUTPUTS)
        raise ValueError(f"unknown logic gate {name!r}; expected one of {known}")
    return _GATE_INPUTS.copy(), _GATE_OUTPUTS[key].copy()


def separable_points(n, *, w, b, margin, seed=None):
    """Return ``(X, y)``: ``n`` points of the plane on either side of a line.

    The line is ``w . x + b = 0``. The points are drawn uniformly from the
    square ``[-2, 2] x [-2, 2]``; a point closer to the line than ``margin``
    is drawn again, so that every point keeps at least that distance:

    .. math:: \\frac{|w \\cdot x_i + b|}{\\lVert w \\rVert} \\ge \\text{margin}.

    The label is 1 on the side where ``w . x + b > 0`` and 0 on the other.
    ``n // 2`` of the points are labelled 1 and the others 0, in a random
    order, so both classes are always present. ``seed`` makes the draw
    repeatable.

    Chapter 2, sections "Training until no mistakes" and "Why the
    perceptron stops".
    """
    n = as_int("n", n, minimum=2)
    w = as_numeric_array("w", w)
    if w.shape != (2,) or not np.any(w):
        raise ValueError(f"w must be a non-zero vector of length 2; got {w.tolist()}")
    b = _number("b", b)
    margin = _number("margin", margin, minimum=0.0)
    norm = np.linalg.norm(w)
    # the signed distance is linear, so its extremes on the square are corners
    corners = np.array([[-2, -2], [-2, 2], [2, -2], [2, 2]])
    distances = (corners @ w + b) / norm
    if distances.max() <= margin or distances.min() >= -margin:
        raise ValueError(
            f"the line {w.tolist()} . x + {b} = 0 with margin {margin} leaves no "
            "room for one of the two classes in the square [-2, 2] x [-2, 2]"
        )
    rng = np.random.default_rng(seed)
    classes = []
    for count, side in ((n // 2, 1.0), (n - n // 2, -1.0)):
        found = np.empty((0, 2))
        while len(found) < count:
            candidates = rng.uniform(-2.0, 2.0, size=(count, 2))
            keep = side * (candidates @ w + b) / norm >= margin
            found = np.concatenate([found, candidates[keep]])
        classes.append(found[:count])
    y = np.repeat([1, 0], [n // 2, n - n // 2])
    order = rng.permutation(n)  # mix the two classes
    return np.concatenate(classes)[order], y[order]


def noisy_line(n, *, slope, intercept, noise, seed=None):
    """Return ``(x, y)``: ``n`` points scattered around a straight line.

    ``x`` is drawn uniformly from ``[0, 2]`` and

    .. math:: y_i = \\text{slope}\\, x_i + \\text{intercept} + \\varepsilon_i,

    with each ``eps_i`` drawn from a normal distribution with mean 0 and
    standard deviation ``noise``. Both are 1-D arrays of length ``n``.
    ``seed`` makes the draw repeatable.

    Chapter 3, section "Fitting a line".
    """
    n = as_int("n", n, minimum=2)
    slope = _number("slope", slope)
    intercept = _number("intercept", intercept)
    noise = _number("noise", noise, minimum=0.0)
    rng = np.random.default_rng(seed)
    x = rng.uniform(0.0, 2.0, size=n)
    y = slope * x + intercept + noise * rng.standard_normal(n)
    return x, y

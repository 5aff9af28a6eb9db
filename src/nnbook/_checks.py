"""Input checks shared by the public functions.

Every check raises an error whose message names the argument, what was
expected and what came, so that a reader who passes the wrong thing learns
what to fix instead of meeting a numpy traceback from deep inside.
"""

import numbers

import numpy as np


def as_numeric_array(name, value):
    """Return ``value`` as a float64 array, or raise a clear error.

    Raises TypeError for non-numeric input (strings, objects, complex numbers,
    None) and ValueError for ragged nested lists and for NaN or infinity.
    """
    try:
        array = np.asarray(value)
    except ValueError as error:  # ragged nested lists
        raise ValueError(
            f"{name} must be a rectangular array of numbers; "
            f"got a ragged {type(value).__name__} ({error})"
        ) from None
    if array.dtype.kind not in "biuf":
        raise TypeError(
            f"{name} must hold real numbers; got {type(value).__name__} "
            f"with dtype {array.dtype}"
        )
    array = array.astype(float, copy=False)
    bad = ~np.isfinite(array)
    if bad.any():
        where = tuple(int(i) for i in np.argwhere(bad)[0])
        raise ValueError(
            f"{name} must be finite; it holds {int(bad.sum())} NaN or "
            f"infinite value(s), the first at index {where}"
        )
    return array


def as_batch(name, value, width):
    """Return ``value`` as an ``(n, width)`` float array and whether it was 1-D.

    A 1-D array of length ``width`` is one example and becomes one row.
    """
    array = as_numeric_array(name, value)
    one_example = array.ndim == 1
    if one_example:
        array = array[np.newaxis, :]
    if array.ndim != 2 or array.shape[1] != width:
        raise ValueError(
            f"{name} must have shape (n, {width}), one example per row, "
            f"or ({width},) for a single example; got shape "
            f"{np.shape(value)}"
        )
    if array.shape[0] == 0:
        raise ValueError(f"{name} must hold at least one example; got 0 rows")
    return array, one_example


def check_same_rows(x_name, X, y_name, Y):
    """Raise ValueError unless ``X`` and ``Y`` have the same number of rows."""
    if X.shape[0] != Y.shape[0]:
        raise ValueError(
            f"{x_name} and {y_name} must have one row per example each; got "
            f"{X.shape[0]} rows in {x_name} and {Y.shape[0]} in {y_name}"
        )


def as_int(name, value, *, minimum):
    """Return ``value`` as an int at least ``minimum``, or raise a clear error."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(
            f"{name} must be an integer; got {type(value).__name__} {value!r}"
        )
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}; got {value}")
    return int(value)


def as_positive_float(name, value):
    """Return ``value`` as a finite float greater than 0, or raise."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number; got {type(value).__name__}")
    value = float(value)
    if not (np.isfinite(value) and value > 0):
        raise ValueError(f"{name} must be a finite number > 0; got {value}")
    return value

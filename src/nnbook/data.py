"""Small data sets for the book's examples, made by code and seeded.

Chapter 1 uses the logic gates, chapter 2 a linearly separable set of points
whose margin is known in advance, and chapter 3 points scattered around a
straight line. Chapter 6 loads the 8x8 handwritten digits that ship with
scikit-learn (no download), split into a training and a test set, and chapter
10 moves them by whole pixels to make more training images. Inputs come back
with one example per row, as everywhere in ``nnbook``.
"""

import numbers
from typing import NamedTuple

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


# -- chapter 6: the 8x8 handwritten digits ----------------------------------------


def one_hot(labels, num_classes):
    """Return the one-hot rows of the integer ``labels``.

    Row ``i`` of the result, of shape ``(len(labels), num_classes)``, is 1 in
    column ``labels[i]`` and 0 elsewhere: the target ``y`` that asks output
    neuron ``labels[i]`` to fire and every other one to stay silent.

    Chapter 6.
    """
    num_classes = as_int("num_classes", num_classes, minimum=1)
    labels = np.asarray(labels)
    if labels.ndim != 1 or labels.dtype.kind not in "iu":
        raise TypeError(
            "labels must be a 1-D array of integers, one class per example; "
            f"got shape {labels.shape} with dtype {labels.dtype}"
        )
    if labels.size and (labels.min() < 0 or labels.max() >= num_classes):
        raise ValueError(
            f"labels must lie in 0..{num_classes - 1} for num_classes="
            f"{num_classes}; got values from {labels.min()} to {labels.max()}"
        )
    Y = np.zeros((labels.size, num_classes))
    Y[np.arange(labels.size), labels] = 1.0
    return Y


def stratified_split(labels, *, test_size, seed):
    """Return ``(train_index, test_index)``, a seeded split that keeps class shares.

    Each class is shuffled on its own with ``np.random.default_rng(seed)``
    and ``round(test_size * count)`` of its examples go to the test set, so
    both sets hold the classes in (almost) the proportions of the whole. Both
    index arrays are sorted.

    Chapter 6.
    """
    labels = np.asarray(labels)
    if labels.ndim != 1:
        raise ValueError(f"labels must be 1-D; got shape {labels.shape}")
    if isinstance(test_size, bool) or not (
        isinstance(test_size, int | float) and 0 < test_size < 1
    ):
        raise ValueError(
            f"test_size must be a fraction strictly between 0 and 1; got {test_size!r}"
        )
    rng = np.random.default_rng(seed)
    test = []
    for label in np.unique(labels):
        members = rng.permutation(np.flatnonzero(labels == label))
        test.append(members[: round(test_size * members.size)])
    test = np.sort(np.concatenate(test))
    train = np.setdiff1d(np.arange(labels.size), test)
    return train, test


class Digits(NamedTuple):
    """The 8x8 digits split into training, test and validation sets.

    See :func:`load_digits`; the validation set is empty (no rows) unless a
    ``validation_size`` is asked for.
    """

    X_train: np.ndarray  # (n_train, 64), pixels scaled to [0, 1]
    X_test: np.ndarray  # (n_test, 64)
    Y_train: np.ndarray  # (n_train, 10), one-hot targets
    Y_test: np.ndarray  # (n_test, 10)
    labels_train: np.ndarray  # (n_train,), the digit 0..9 of each row
    labels_test: np.ndarray  # (n_test,)
    X_val: np.ndarray = np.empty((0, 64))  # (n_val, 64)
    Y_val: np.ndarray = np.empty((0, 10))  # (n_val, 10)
    labels_val: np.ndarray = np.empty(0, dtype=np.int64)  # (n_val,)


def load_digits(*, test_size=0.25, validation_size=0.0, seed=0):
    """Return scikit-learn's 8x8 handwritten digits as a seeded, stratified split.

    The 1,797 images ship with scikit-learn (no download). Each image is a
    row of 64 pixels, read line by line, with values 0 to 16 that are divided
    by 16 so that every input lies in [0, 1]. :func:`stratified_split` puts
    ``test_size`` of each digit into the test set; then, if
    ``validation_size`` is not 0, that fraction of the whole (taken from what
    is left, again per digit and with the same ``seed``) into the validation
    set. The test set is the same whatever ``validation_size`` is. The
    targets are the :func:`one_hot` rows of the labels. Returns a
    :class:`Digits` tuple.

    Chapter 6.
    """
    if isinstance(validation_size, bool) or not (
        isinstance(validation_size, int | float) and validation_size >= 0
    ):
        raise ValueError(
            f"validation_size must be a fraction of at least 0; got {validation_size!r}"
        )
    if isinstance(test_size, int | float) and test_size + validation_size >= 1:
        raise ValueError(
            f"test_size + validation_size must be below 1, so that some images "
            f"are left to train on; got {test_size} + {validation_size}"
        )
    try:
        from sklearn.datasets import load_digits as sklearn_load_digits
    except ImportError:  # pragma: no cover - scikit-learn is in the book's extra
        raise ImportError(
            "load_digits needs scikit-learn, which ships the data set: "
            "pip install scikit-learn (or nnbook[book])"
        ) from None
    data = sklearn_load_digits()
    X = data.data / 16.0
    labels = data.target.astype(np.int64)
    train, test = stratified_split(labels, test_size=test_size, seed=seed)
    val = np.empty(0, dtype=np.int64)
    if validation_size:
        share = validation_size / (1 - test_size)
        kept, held = stratified_split(labels[train], test_size=share, seed=seed)
        train, val = train[kept], train[held]
    return Digits(
        X_train=X[train],
        X_test=X[test],
        Y_train=one_hot(labels[train], 10),
        Y_test=one_hot(labels[test], 10),
        labels_train=labels[train],
        labels_test=labels[test],
        X_val=X[val],
        Y_val=one_hot(labels[val], 10),
        labels_val=labels[val],
    )


# -- chapter 10: more training images by moving them ------------------------------


def _shift(name, value, size):
    """Return the shift ``value`` as an int that leaves some of ``size`` pixels."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(
            f"{name} must be a whole number of pixels; got "
            f"{type(value).__name__} {value!r}"
        )
    if abs(value) >= size:
        raise ValueError(
            f"{name} must lie between {-(size - 1)} and {size - 1} for images "
            f"{size} pixels across, or nothing of the image is left; got {value}"
        )
    return int(value)


def shift_images(images, *, down=0, right=0):
    """Return ``images`` moved ``down`` rows and ``right`` columns, with blanks let in.

    The last two axes of ``images`` are the rows and the columns of each
    image, so a single ``(H, W)`` image, a batch ``(N, H, W)`` and chapter
    8's ``(N, C, H, W)`` all work. Entry ``[..., r, s]`` of the result is

    .. math:: x'_{r,s} = x_{r - \\text{down},\\, s - \\text{right}}

    where that pixel lies inside the image, and 0 (no ink) where it does
    not: pixels moved over the edge are lost, blank ones come in at the
    opposite edge. Negative shifts move up and to the left. The result is a
    new float array of the same shape. Chapter 10, data augmentation (the
    one-pixel moves of chapter 8's experiment, as training images).
    """
    images = as_numeric_array("images", images)
    if images.ndim < 2:
        raise ValueError(
            "images must have at least 2 axes, the rows and the columns of "
            f"each image last; got shape {images.shape}"
        )
    rows, columns = images.shape[-2:]
    down = _shift("down", down, rows)
    right = _shift("right", right, columns)
    # the rows (and columns) that receive pixels, and those they come from
    to_rows, from_rows = _overlap(down, rows)
    to_columns, from_columns = _overlap(right, columns)
    moved = np.zeros_like(images)
    moved[..., to_rows, to_columns] = images[..., from_rows, from_columns]
    return moved


def _overlap(shift, size):
    """Return the slices ``(to, from)`` of an axis of ``size`` moved by ``shift``."""
    if shift >= 0:
        return slice(shift, size), slice(0, size - shift)
    return slice(0, size + shift), slice(-shift, size)

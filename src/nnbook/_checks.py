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


def _as_float(name, value):
    """Return the real number ``value`` as a float; refuse booleans and others."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number; got {type(value).__name__}")
    return float(value)


def as_positive_float(name, value):
    """Return ``value`` as a finite float greater than 0, or raise."""
    value = _as_float(name, value)
    if not (np.isfinite(value) and value > 0):
        raise ValueError(f"{name} must be a finite number > 0; got {value}")
    return value


def as_nonnegative_float(name, value):
    """Return ``value`` as a finite float of at least 0, or raise."""
    value = _as_float(name, value)
    if not (np.isfinite(value) and value >= 0):
        raise ValueError(f"{name} must be a finite number >= 0; got {value}")
    return value


def as_fraction(name, value):
    """Return ``value`` as a float from 0 up to, but not including, 1, or raise."""
    value = _as_float(name, value)
    if not 0 <= value < 1:
        raise ValueError(
            f"{name} must be at least 0 and less than 1 (0 <= {name} < 1); got {value}"
        )
    return value


# -- the arguments of a Network (network.py) ----------------------------------------


def check_sizes(sizes):
    """Return the layer widths ``sizes`` as a list of ints of at least 1."""
    try:
        sizes = list(sizes)
    except TypeError:
        raise TypeError(
            f"sizes must be a list of layer widths such as [2, 3, 1]; "
            f"got {type(sizes).__name__} {sizes!r}"
        ) from None
    if len(sizes) < 2:
        raise ValueError(
            "sizes must list at least two layers (an input and an output), "
            f"such as [2, 1]; got {sizes!r}"
        )
    return [as_int(f"sizes[{i}]", n, minimum=1) for i, n in enumerate(sizes)]


def check_name(argument, value, known):
    """Return ``value`` if it is one of the strings ``known``, or raise."""
    names = ", ".join(repr(name) for name in known)
    if not isinstance(value, str):
        raise TypeError(
            f"{argument} must be a string, one of {names}; got "
            f"{type(value).__name__} {value!r}"
        )
    if value not in known:
        hint = ""
        if argument == "activation" and value == "softmax":
            hint = " (the softmax is for the output layer: use output='softmax')"
        raise ValueError(f"unknown {argument} {value!r}; expected one of {names}{hint}")
    return value


def check_combination(sizes, output, cost):
    """Raise ValueError for an output layer and a cost that cannot go together."""
    if output == "softmax" and sizes[-1] < 2:
        raise ValueError(
            "output='softmax' needs at least two output neurons: the softmax "
            f"of a single number is always 1; sizes {sizes} ends with "
            f"{sizes[-1]} (for a yes-or-no answer use output='sigmoid')"
        )
    if cost == "cross_entropy" and output not in ("sigmoid", "softmax"):
        raise ValueError(
            "cost='cross_entropy' needs outputs that are probabilities, from "
            f"output='sigmoid' or output='softmax'; got output={output!r}, "
            "whose outputs are not between 0 and 1 (use cost='quadratic')"
        )


def as_dropout(dropout, sizes):
    """Return the dropout probability, from 0 up to 1 (excluded), or raise."""
    dropout = as_fraction("dropout", dropout)
    if dropout and len(sizes) < 3:
        raise ValueError(
            f"dropout applies to the hidden layers, and sizes {sizes} has none; "
            "leave dropout at 0 or add a hidden layer"
        )
    return dropout


def check_parameters(sizes, weights, biases):
    """Make sure the lists ``weights`` and ``biases`` still fit ``sizes``.

    Readers may edit the arrays or replace them, even with lists of numbers.
    A wrong shape, or a NaN, is reported here rather than as a
    matrix-product error later. An entry that is already an array of floats
    is left alone; one that is not (a list, an integer array) is replaced by
    its float array, once, so that training can update it in place.
    """
    L = len(sizes) - 1
    for name, params in (("weights", weights), ("biases", biases)):
        if len(params) != L:
            raise ValueError(
                f"net.{name} must hold {L} arrays for sizes {sizes}; got {len(params)}"
            )
    for l in range(1, L + 1):
        for name, params, shape in (
            ("weights", weights, (sizes[l], sizes[l - 1])),
            ("biases", biases, (sizes[l],)),
        ):
            value = as_numeric_array(f"net.{name}[{l - 1}]", params[l - 1])
            if value is not params[l - 1]:
                params[l - 1] = value
            if value.shape != shape:
                raise ValueError(
                    f"net.{name}[{l - 1}] (layer {l}) must have shape "
                    f"{shape} for sizes {sizes}; got {value.shape}"
                )


def check_probabilities(Y, output):
    """Make sure the targets ``Y`` suit the cross-entropy after ``output``.

    With a softmax output, the derivation of ``delta^L = a^L - y`` uses
    that each target row sums to 1 (chapter 7, (7.8)); with sigmoid
    outputs, each target is the probability of a yes, between 0 and 1.
    """
    softmax_output = output == "softmax"
    bad = ((Y < 0) | (Y > 1)).any(axis=1)
    if softmax_output:
        bad |= ~np.isclose(Y.sum(axis=1), 1.0)
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        kind = (
            "a probability distribution (entries from 0 to 1 that sum to "
            "1), such as a one-hot row"
            if softmax_output
            else "made of probabilities, numbers from 0 to 1"
        )
        raise ValueError(
            f"with output={output!r} and cost='cross_entropy', "
            f"each row of Y must be {kind}; row {row} is {Y[row].tolist()}"
        )


def class_rows(Y):
    """Return, for each row of the 2-D targets ``Y``, whether it names a class.

    A row names a class when it is one-hot (a single 1, the rest 0); with one
    output neuron, when it is 0 or 1. Other targets, such as chapter 4's 0.2,
    are not classes.
    """
    binary = np.isin(Y, (0.0, 1.0)).all(axis=1)
    return binary if Y.shape[1] == 1 else binary & (Y.sum(axis=1) == 1)


def labels_of_targets(Y):
    """Return the class of each row of the 2-D targets ``Y``, or None if some
    row names no class."""
    if not class_rows(Y).all():
        return None
    return Y[:, 0].astype(np.int64) if Y.shape[1] == 1 else Y.argmax(axis=1)


def as_labels(name, Y, X, n_out):
    """Return the class of each example (row of ``X``) that ``Y`` describes.

    ``Y`` is either a 1-D array of integer labels, one per example, or the
    target rows, shaped ``(n, n_out)``, that are one-hot (with one output
    neuron: 0 or 1).
    """
    classes = max(n_out, 2)
    n = X.shape[0]
    try:
        labels = np.asarray(Y)
    except ValueError:  # a ragged list: as_batch below says so
        labels = np.empty(0)
    if labels.ndim == 1 and labels.dtype.kind in "iu":
        if labels.shape[0] != n:
            raise ValueError(
                f"{name} holds {labels.shape[0]} labels for {n} examples; "
                "give one label per row of X"
            )
        if labels.size and (labels.min() < 0 or labels.max() >= classes):
            raise ValueError(
                f"{name} must hold labels from 0 to {classes - 1}; got "
                f"values from {labels.min()} to {labels.max()}"
            )
        return labels.astype(np.int64, copy=False)
    try:
        Y, _ = as_batch(name, Y, n_out)
    except ValueError as error:
        raise ValueError(
            f"{error} (class labels must be a 1-D array of integers)"
        ) from None
    check_same_rows("X", X, name, Y)
    labels = labels_of_targets(Y)
    if labels is None:
        kind = "0 or 1" if n_out == 1 else "one-hot (a single 1, the rest 0)"
        row = int(np.flatnonzero(~class_rows(Y))[0])
        raise ValueError(
            f"{name} must hold classes: integer labels of shape (n,), or "
            f"target rows of shape (n, {n_out}) that are {kind}; "
            f"row {row} is {Y[row].tolist()}"
        )
    return labels


def class_labels(name, Y, n, classes):
    """Return the classes of ``n`` images that ``Y`` names, for ConvNet and
    AttentionClassifier: integer labels of shape ``(n,)`` or one-hot rows of
    shape ``(n, classes)``."""
    Y = np.asarray(Y)
    if Y.ndim == 1 and Y.dtype.kind in "iu":
        if Y.shape != (n,) or (Y.size and (Y.min() < 0 or Y.max() >= classes)):
            raise ValueError(
                f"{name} must hold {n} integer labels from 0 to "
                f"{classes - 1}; got shape {Y.shape}"
                + (f", values {Y.min()} to {Y.max()}" if Y.size else "")
            )
        return Y.astype(np.int64)
    Y = as_numeric_array(name, Y)
    one_hot = np.isin(Y, (0.0, 1.0)).all(axis=-1) & (Y.sum(axis=-1) == 1)
    if Y.shape != (n, classes) or not one_hot.all():
        raise ValueError(
            f"{name} must be integer labels of shape ({n},) or one-hot "
            f"rows of shape ({n}, {classes}); got shape {Y.shape}"
        )
    return Y.argmax(axis=1)


def probability_targets(Y, shape):
    """Return ``Y`` as targets of the cross-entropy of a softmax output: an
    array of ``shape`` (images, classes) whose rows are distributions."""
    Y = as_numeric_array("Y", Y)
    if Y.shape != shape:
        raise ValueError(
            f"Y must have shape {shape}, one target row per image "
            f"and one column per class; got {Y.shape}"
        )
    if (Y < 0).any() or not np.allclose(Y.sum(axis=1), 1.0):
        raise ValueError(
            "each row of Y must be a probability distribution, such as a "
            "one-hot row (the cross-entropy needs it, chapter 7)"
        )
    return Y


def check_pair(name, value):
    """Return ``value`` as the pair ``(X_val, Y_val)``, or raise TypeError."""
    if not (isinstance(value, tuple | list) and len(value) == 2):
        length = f" of length {len(value)}" if hasattr(value, "__len__") else ""
        raise TypeError(
            f"{name} must be a pair (X_val, Y_val); got {type(value).__name__}{length}"
        )
    return value


def as_masks(masks, sizes, n):
    """Return ``masks``, one dropout mask per hidden layer, as float arrays.

    Mask ``l - 1`` multiplies the activations ``a^l`` of hidden layer ``l``
    for a batch of ``n`` examples, so it has shape ``(n, sizes[l])``.
    """
    hidden = sizes[1:-1]
    if not isinstance(masks, list | tuple) or len(masks) != len(hidden):
        count = f" of length {len(masks)}" if hasattr(masks, "__len__") else ""
        raise TypeError(
            f"masks must be a list of {len(hidden)} arrays, one per hidden "
            f"layer of sizes {sizes}; got {type(masks).__name__}{count}"
        )
    checked = []
    for l, (mask, width) in enumerate(zip(masks, hidden), start=1):
        mask = as_numeric_array(f"masks[{l - 1}]", mask)
        if mask.shape != (n, width):
            raise ValueError(
                f"masks[{l - 1}] (hidden layer {l}) must have shape "
                f"({n}, {width}), one row per example; got {mask.shape}"
            )
        checked.append(mask)
    return checked

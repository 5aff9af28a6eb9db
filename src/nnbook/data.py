"""Small data sets for the chapters, made or loaded without any download.

Every function returns plain numpy arrays with one example per row, ready for
:class:`nnbook.Network`, and takes an explicit ``seed`` wherever it shuffles.
"""

from typing import NamedTuple

import numpy as np

from nnbook._checks import as_int

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
    """The 8x8 digits split into a training and a test set (see :func:`load_digits`)."""

    X_train: np.ndarray  # (n_train, 64), pixels scaled to [0, 1]
    X_test: np.ndarray  # (n_test, 64)
    Y_train: np.ndarray  # (n_train, 10), one-hot targets
    Y_test: np.ndarray  # (n_test, 10)
    labels_train: np.ndarray  # (n_train,), the digit 0..9 of each row
    labels_test: np.ndarray  # (n_test,)


def load_digits(*, test_size=0.25, seed=0):
    """Return scikit-learn's 8x8 handwritten digits as a seeded, stratified split.

    The 1,797 images ship with scikit-learn (no download). Each image is a
    row of 64 pixels, read line by line, with values 0 to 16 that are divided
    by 16 so that every input lies in [0, 1]. :func:`stratified_split` puts
    ``test_size`` of each digit into the test set; the targets are the
    :func:`one_hot` rows of the labels. Returns a :class:`Digits` tuple.

    Chapter 6.
    """
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
    return Digits(
        X_train=X[train],
        X_test=X[test],
        Y_train=one_hot(labels[train], 10),
        Y_test=one_hot(labels[test], 10),
        labels_train=labels[train],
        labels_test=labels[test],
    )

"""Rosenblatt's perceptron: a step of a weighted sum, trained by its own rule.

The perceptron of chapters 1 and 2 has a weight vector ``w`` and a bias
``b``. Its weighted input is ``z = w . x + b`` and its output is

    y_hat = 1 if z > 0 else 0,

so labels are 0 and 1 throughout. Folding the bias in as ``w_0 = b`` with a
constant input ``x_0 = 1`` turns ``w . x + b`` into a single dot product;
the record of training keeps the weights in that folded form,
``(w_0, w_1, ..., w_n) = (b, w_1, ..., w_n)``.
"""

from dataclasses import dataclass

import numpy as np

from nnbook._checks import as_batch, as_int, as_numeric_array, as_positive_float


@dataclass
class PerceptronHistory:
    """What :meth:`Perceptron.fit` records.

    ``weights`` has one row per state of the perceptron, in the folded form
    ``(b, w_1, ..., w_n)``: row 0 holds the weights before training and row
    ``k`` those after the ``k``-th update. ``mistakes[k - 1]`` is the index
    (a row of ``X``) of the example that caused update ``k``. ``epochs`` is
    the number of passes over the data, and ``converged`` says whether the
    last pass made no mistake.
    """

    weights: np.ndarray
    mistakes: list
    epochs: int
    converged: bool

    @property
    def updates(self):
        """The number of updates, one per mistake."""
        return len(self.mistakes)


def as_labels(name, value, rows):
    """Return ``value`` as a 1-D int array of 0s and 1s of length ``rows``."""
    labels = as_numeric_array(name, value)
    if labels.ndim != 1 or labels.shape[0] != rows:
        raise ValueError(
            f"{name} must be a 1-D array with one label per row of X ({rows}); "
            f"got shape {labels.shape}"
        )
    bad = (labels != 0) & (labels != 1)
    if bad.any():
        first = int(np.flatnonzero(bad)[0])
        raise ValueError(
            f"{name} must hold only the labels 0 and 1 (the perceptron's "
            f"outputs); got {labels[first]:g} at index {first}"
        )
    return labels.astype(int)


class Perceptron:
    """A perceptron with ``n_inputs`` inputs, its weights and bias starting at 0.

    ``w`` (shape ``(n_inputs,)``) and ``b`` (a float) may be set by hand, as
    chapter 1 does for the logic gates, or learned with :meth:`fit`.
    ``learning_rate`` is the ``eta`` of the perceptron rule (2.2).
    """

    def __init__(self, n_inputs, *, learning_rate=1.0):
        self.n_inputs = as_int("n_inputs", n_inputs, minimum=1)
        self.learning_rate = as_positive_float("learning_rate", learning_rate)
        self.w = np.zeros(self.n_inputs)
        self.b = 0.0

    def __repr__(self):
        return f"Perceptron({self.n_inputs}, learning_rate={self.learning_rate})"

    def _check(self, X):
        w = as_numeric_array("w", self.w)
        if w.shape != (self.n_inputs,):
            raise ValueError(
                f"w must have shape ({self.n_inputs},); got {np.shape(self.w)}"
            )
        b = as_numeric_array("b", self.b)
        if b.ndim != 0:
            raise ValueError(f"b must be a single number; got shape {b.shape}")
        self.w, self.b = w, float(b)
        return as_batch("X", X, self.n_inputs)

    def weighted_input(self, X):
        """Return ``z = w . x + b`` for each row ``x`` of ``X``.

        A 1-D ``X`` is one example and gives a float. With the bias folded
        in, this is the single dot product of chapter 1, equation (1.6).
        """
        X, one = self._check(X)
        z = X @ self.w + self.b
        return float(z[0]) if one else z

    def predict(self, X):
        """Return the output 1 where ``w . x + b > 0`` and 0 elsewhere.

        The result is an int array with one entry per row of ``X``, or a
        single integer for a 1-D ``X``. Chapter 1, equation (1.5).
        """
        z = self.weighted_input(X)
        return (np.asarray(z) > 0).astype(int)[()]

    def fit(self, X, y, *, epochs=100, seed=None):
        """Train by the perceptron rule; return a :class:`PerceptronHistory`.

        Each epoch visits the rows of ``X`` in order (or in a fresh random
        order from ``np.random.default_rng(seed)`` when ``seed`` is given).
        For an example ``x`` with label ``y`` and output ``y_hat``, the rule

        .. math:: w \\leftarrow w + \\eta\\,(y - \\hat y)\\, x, \\qquad
                  b \\leftarrow b + \\eta\\,(y - \\hat y)

        changes nothing when the output is right, adds ``eta x`` for a missed
        1 and subtracts it for a false 1. Training stops after the first
        epoch without a mistake, or after ``epochs`` epochs. The weights are
        updated in place, starting from their current values (0 for a new
        perceptron, as Novikoff's bound assumes). Chapter 2, equation (2.2).
        """
        X, _ = self._check(X)
        y = as_labels("y", y, X.shape[0])
        epochs = as_int("epochs", epochs, minimum=1)
        rng = None if seed is None else np.random.default_rng(seed)
        eta = self.learning_rate
        weights = [np.concatenate([[self.b], self.w])]
        mistakes, converged, epoch = [], False, 0
        while epoch < epochs and not converged:
            epoch += 1
            order = range(len(y)) if rng is None else rng.permutation(len(y))
            converged = True
            for i in order:
                y_hat = int(X[i] @ self.w + self.b > 0)
                if y_hat != y[i]:
                    self.w = self.w + eta * (y[i] - y_hat) * X[i]
                    self.b = self.b + eta * (y[i] - y_hat)
                    weights.append(np.concatenate([[self.b], self.w]))
                    mistakes.append(int(i))
                    converged = False
        return PerceptronHistory(np.array(weights), mistakes, epoch, converged)

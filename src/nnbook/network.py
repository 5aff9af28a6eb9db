"""A fully connected network of sigmoid neurons with the quadratic cost.

The notation is the book's (see the Notation page). Layers are numbered
``0..L``; ``a^0 = x`` is the input and ``a^L`` the output. Layer ``l`` has

    z^l = W^l a^{l-1} + b^l,        a^l = sigma(z^l).

Python lists start at 0 while the book's layers with weights start at 1, so
``weights[l - 1]`` holds ``W^l`` and ``biases[l - 1]`` holds ``b^l``.

A batch is a 2-D array with one example per row. Row ``i`` of ``A_prev`` is
``(a^{l-1})^T`` for example ``i``, so the whole layer is
``A = sigmoid(A_prev @ W.T + b)``: the transpose of ``z = W a + b`` applied
to every row at once.
"""

from dataclasses import dataclass, field

import numpy as np

from nnbook._checks import (
    as_batch,
    as_int,
    as_numeric_array,
    as_positive_float,
    check_same_rows,
)
from nnbook.activations import sigmoid
from nnbook.costs import quadratic_cost, quadratic_cost_gradient


class DivergenceError(FloatingPointError):
    """Raised when training produces a cost that is NaN or infinite."""


@dataclass
class TrainingHistory:
    """What :meth:`Network.train` records, one entry per epoch.

    ``cost`` holds the mean quadratic cost over the whole training set,
    measured after each epoch.
    """

    cost: list = field(default_factory=list)


def _check_sizes(sizes):
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


class Network:
    """A sigmoid network trained on the quadratic cost (chapters 4 to 6).

    ``Network([2, 3, 1])`` has two inputs, one hidden layer of three neurons
    and one output neuron. ``weights[l - 1]`` is ``W^l`` with shape
    ``(sizes[l], sizes[l - 1])``, so entry ``[j, k]`` is ``w^l_{jk}``, the
    weight from neuron ``k`` of layer ``l - 1`` to neuron ``j`` of layer ``l``.
    ``biases[l - 1]`` is ``b^l`` with shape ``(sizes[l],)``.

    The weights start as draws from a normal distribution with standard
    deviation ``1 / sqrt(n_in)``, so that every ``z`` starts near the steep
    middle of the sigmoid whatever the layer's width; the biases start at 0.
    ``seed`` makes the draws repeatable. Both lists can be edited or replaced
    element by element to load known parameters, as chapter 4 does with a
    worked example.
    """

    def __init__(self, sizes, *, seed=None):
        self.sizes = _check_sizes(sizes)
        rng = np.random.default_rng(seed)
        pairs = zip(self.sizes[:-1], self.sizes[1:])
        self.weights = [
            rng.standard_normal((n_out, n_in)) / np.sqrt(n_in) for n_in, n_out in pairs
        ]
        self.biases = [np.zeros(n_out) for n_out in self.sizes[1:]]

    def __repr__(self):
        return f"Network({self.sizes})"

    # -- the maths, without checks: chapters 4 and 5 -------------------------

    def _forward(self, X):
        """Return the lists ``zs`` and ``activations`` for the batch ``X``.

        ``activations[0]`` is ``X`` itself, so ``activations[l]`` is ``a^l``
        and ``zs[l - 1]`` is ``z^l``, both with one row per example.
        """
        activations = [X]
        zs = []
        for W, b in zip(self.weights, self.biases):
            z = activations[-1] @ W.T + b  # z^l = W^l a^{l-1} + b^l, per row
            zs.append(z)
            activations.append(sigmoid(z))  # a^l = sigma(z^l)
        return zs, activations

    def _backprop(self, X, Y):
        """Return the gradients of the mean cost for a checked batch."""
        _, activations = self._forward(X)
        n = X.shape[0]
        grad_weights = [None] * len(self.weights)
        grad_biases = [None] * len(self.biases)
        # sigma'(z^l) = a^l (1 - a^l): the activations already hold sigma(z).
        a = activations[-1]
        delta = quadratic_cost_gradient(a, Y) * a * (1 - a)  # (BP1)
        for l in range(len(self.weights), 0, -1):  # the book's l = L, ..., 1
            grad_weights[l - 1] = delta.T @ activations[l - 1] / n  # (BP4)
            grad_biases[l - 1] = delta.sum(axis=0) / n  # (BP3)
            if l > 1:
                a = activations[l - 1]
                delta = (delta @ self.weights[l - 1]) * a * (1 - a)  # (BP2)
        return grad_weights, grad_biases

    # -- the public interface, with checks ------------------------------------

    def _check_parameters(self):
        """Make sure ``weights`` and ``biases`` still fit ``sizes``.

        Readers may replace the arrays (for instance with lists of numbers).
        Each one is converted to a float array once, and a wrong shape is
        reported here rather than as a matrix-product error later.
        """
        L = len(self.sizes) - 1
        for name, params in (("weights", self.weights), ("biases", self.biases)):
            if len(params) != L:
                raise ValueError(
                    f"net.{name} must hold {L} arrays for sizes {self.sizes}; "
                    f"got {len(params)}"
                )
        for l in range(1, L + 1):
            for name, params, shape in (
                ("weights", self.weights, (self.sizes[l], self.sizes[l - 1])),
                ("biases", self.biases, (self.sizes[l],)),
            ):
                value = params[l - 1]
                # converts lists, checks for NaN; float arrays stay the same object
                value = as_numeric_array(f"net.{name}[{l - 1}]", value)
                params[l - 1] = value
                if value.shape != shape:
                    raise ValueError(
                        f"net.{name}[{l - 1}] (layer {l}) must have shape "
                        f"{shape} for sizes {self.sizes}; got {value.shape}"
                    )

    def _check_data(self, X, *Y):
        self._check_parameters()
        X, one = as_batch("X", X, self.sizes[0])
        if not Y:
            return X, one
        (Y,) = Y
        Y, _ = as_batch("Y", Y, self.sizes[-1])
        check_same_rows("X", X, "Y", Y)
        return X, Y

    def forward(self, X):
        """Return the network's output ``a^L`` for the inputs ``X``.

        ``X`` has shape ``(n, sizes[0])`` and the result ``(n, sizes[-1])``;
        a 1-D ``X`` of length ``sizes[0]`` is one example and gives a 1-D
        output. Chapter 4, equations (4.1) and (4.2).
        """
        X, one = self._check_data(X)
        output = self._forward(X)[1][-1]
        return output[0] if one else output

    def forward_trace(self, X):
        """Return ``(zs, activations)``, every layer's ``z`` and ``a`` for ``X``.

        ``activations[0]`` is the input, ``activations[l]`` is ``a^l`` and
        ``zs[l - 1]`` is ``z^l``, each with one row per example (a 1-D ``X``
        counts as one row). Chapters 4 and 5 read intermediate values here.
        """
        X, _ = self._check_data(X)
        return self._forward(X)

    def cost(self, X, Y):
        """Return the mean quadratic cost of the network on inputs ``X``, targets ``Y``.

        Chapter 4, equation (4.5).
        """
        X, Y = self._check_data(X, Y)
        return quadratic_cost(self._forward(X)[1][-1], Y)

    def backprop(self, X, Y):
        """Return ``(grad_weights, grad_biases)`` of the mean cost over ``X``.

        One example's cost is ``0.5 * ||y - a^L||^2``; the cost of the batch
        is the mean over its rows. The two lists are shaped like ``weights``
        and ``biases``: ``grad_weights[l - 1][j, k]`` is
        ``dC / dw^l_{jk}``. The four steps are the equations (BP1) to (BP4)
        of chapter 5; chapter 4 derives them for one neuron per layer.
        """
        X, Y = self._check_data(X, Y)
        return self._backprop(X, Y)

    def train(self, X, Y, *, epochs, learning_rate, batch_size, seed=None):
        """Train by mini-batch stochastic gradient descent; return the history.

        Each epoch shuffles the rows of ``X`` and ``Y`` (with
        ``np.random.default_rng(seed)``), cuts them into batches of
        ``batch_size`` rows (the last one may be smaller) and, for each batch,
        takes one step ``W <- W - learning_rate * dC/dW`` (and the same for
        ``b``) with the gradient of the batch's mean cost. The whole batch goes
        through the network at once, as one matrix per layer.

        The parameters are updated in place. Returns a
        :class:`TrainingHistory` whose ``cost`` lists the mean cost on the
        whole of ``X`` after each epoch. Raises :class:`DivergenceError` as
        soon as that cost is NaN or infinite, which happens when the learning
        rate is far too large. Chapter 4, equation (4.6); chapter 6.
        """
        X, Y = self._check_data(X, Y)
        epochs = as_int("epochs", epochs, minimum=0)
        eta = as_positive_float("learning_rate", learning_rate)
        batch_size = as_int("batch_size", batch_size, minimum=1)
        rng = np.random.default_rng(seed)
        history = TrainingHistory()
        n = X.shape[0]
        for epoch in range(1, epochs + 1):
            order = rng.permutation(n)
            # huge steps overflow to inf and then NaN; the check below reports it
            with np.errstate(over="ignore", invalid="ignore"):
                for start in range(0, n, batch_size):
                    batch = order[start : start + batch_size]
                    grad_w, grad_b = self._backprop(X[batch], Y[batch])
                    for W, b, gW, gb in zip(self.weights, self.biases, grad_w, grad_b):
                        W -= eta * gW
                        b -= eta * gb
                cost = quadratic_cost(self._forward(X)[1][-1], Y)
            if not np.isfinite(cost):
                raise DivergenceError(
                    f"training diverged in epoch {epoch}: the cost became "
                    f"{cost}; learning_rate={learning_rate} is probably too large"
                )
            history.cost.append(cost)
        return history

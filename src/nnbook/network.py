"""A fully connected network: sigmoid neurons and the quadratic cost by default.

The notation is the book's (see the Notation page). Layers are numbered
``0..L``; ``a^0 = x`` is the input and ``a^L`` the output. Layer ``l`` has

    z^l = W^l a^{l-1} + b^l,        a^l = sigma(z^l).

Chapters 4 to 6 use the sigmoid everywhere and the quadratic cost. Chapter 7
gives the output layer a softmax and the cost a cross-entropy; the hidden
layers may also use tanh or the ReLU. Only two lines of the backward pass
depend on these choices: the output error (BP1), and the slope of the hidden
activation in (BP2).

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
from nnbook.activations import relu, sigmoid, softmax, tanh
from nnbook.costs import (
    binary_cross_entropy,
    cross_entropy,
    quadratic_cost,
    quadratic_cost_gradient,
)

# The activations a layer may use: the function, and its slope written in
# terms of the function's output a, so that the backward pass can read
# sigma'(z) off the activations that the forward pass stored.
ACTIVATIONS = {
    "sigmoid": (sigmoid, lambda a: a * (1 - a)),  # chapter 4, (4.4)
    "tanh": (tanh, lambda a: 1 - a * a),  # chapter 4, exercise 4.3
    "relu": (relu, lambda a: a > 0),  # chapter 8, (8.8): 1 where z > 0
}
# The output layer may use any of them, or the softmax, whose slope is a full
# Jacobian (chapter 7, (7.4)) rather than one number per neuron.
OUTPUTS = {name: function for name, (function, _) in ACTIVATIONS.items()}
OUTPUTS["softmax"] = softmax
COSTS = ["quadratic", "cross_entropy"]


class DivergenceError(FloatingPointError):
    """Raised when training produces a cost that is NaN or infinite."""


@dataclass
class TrainingHistory:
    """What :meth:`Network.train` records, one entry per epoch.

    ``cost`` holds the mean cost (quadratic or cross-entropy, the network's
    own) over the whole training set, measured after each epoch.
    ``accuracy`` holds the fraction of training examples that
    :meth:`Network.predict` classifies right; it is recorded only when the
    targets are classes (one-hot rows, or 0 and 1 for a single output
    neuron) and stays empty otherwise. ``validation_cost`` and
    ``validation_accuracy`` are the same two measures on the ``validation``
    set, when one is given.
    """

    cost: list = field(default_factory=list)
    accuracy: list = field(default_factory=list)
    validation_cost: list = field(default_factory=list)
    validation_accuracy: list = field(default_factory=list)


def _class_rows(Y):
    """Return, for each row of the 2-D targets ``Y``, whether it names a class.

    A row names a class when it is one-hot (a single 1, the rest 0); with one
    output neuron, when it is 0 or 1. Other targets, such as chapter 4's 0.2,
    are not classes.
    """
    binary = np.isin(Y, (0.0, 1.0)).all(axis=1)
    return binary if Y.shape[1] == 1 else binary & (Y.sum(axis=1) == 1)


def _labels_of_targets(Y):
    """Return the class of each row of the 2-D targets ``Y``, or None if some
    row names no class."""
    if not _class_rows(Y).all():
        return None
    return Y[:, 0].astype(np.int64) if Y.shape[1] == 1 else Y.argmax(axis=1)


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


def _check_name(argument, value, known):
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


def _check_combination(sizes, output, cost):
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


class Network:
    """A fully connected network trained by gradient descent (chapters 4 to 7).

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

    The other arguments choose the functions (chapter 7):

    - ``activation``, the activation of the hidden layers: ``"sigmoid"`` (the
      default), ``"tanh"`` or ``"relu"``;
    - ``output``, the activation of the output layer: one of the same three
      or ``"softmax"``; by default the same as ``activation``;
    - ``cost``: ``"quadratic"`` (the default), ``0.5 * ||y - a^L||^2``, or
      ``"cross_entropy"``. With a softmax output the cross-entropy is
      ``-sum_j y_j log p_j`` and each target row must be a probability
      distribution, such as a one-hot row; with sigmoid outputs it is the
      binary cross-entropy of each output neuron, with targets between 0
      and 1. In both cases the output error is ``a^L - y``.

    Two combinations are refused with a ValueError: a softmax output with a
    single output neuron (its output would always be 1), and the
    cross-entropy with a tanh or ReLU output, whose outputs are not
    probabilities. The weights start the same way whatever the functions, so
    networks that differ only in them start from the same weights.
    """

    def __init__(
        self,
        sizes,
        *,
        activation="sigmoid",
        output=None,
        cost="quadratic",
        seed=None,
    ):
        self.sizes = _check_sizes(sizes)
        self._activation = _check_name("activation", activation, list(ACTIVATIONS))
        self._output_name = _check_name(
            "output", activation if output is None else output, list(OUTPUTS)
        )
        self._cost_name = _check_name("cost", cost, COSTS)
        _check_combination(self.sizes, self._output_name, self._cost_name)
        # the functions themselves, looked up once (the softmax has no slope
        # of this kind: see _output_error)
        self._sigma, self._sigma_prime = ACTIVATIONS[self._activation]
        self._sigma_out = OUTPUTS[self._output_name]
        self._sigma_out_prime = ACTIVATIONS.get(self._output_name, (None, None))[1]
        rng = np.random.default_rng(seed)
        pairs = zip(self.sizes[:-1], self.sizes[1:])
        self.weights = [
            rng.standard_normal((n_out, n_in)) / np.sqrt(n_in) for n_in, n_out in pairs
        ]
        self.biases = [np.zeros(n_out) for n_out in self.sizes[1:]]

    def __repr__(self):
        options = [
            f"{name}={value!r}"
            for name, value, default in (
                ("activation", self.activation, "sigmoid"),
                ("output", self.output, self.activation),
                ("cost", self.cost_name, "quadratic"),
            )
            if value != default
        ]
        return f"Network({', '.join([str(self.sizes), *options])})"

    @property
    def activation(self):
        """The activation of the hidden layers: 'sigmoid', 'tanh' or 'relu'."""
        return self._activation

    @property
    def output(self):
        """The activation of the output layer: 'softmax' or a hidden one."""
        return self._output_name

    @property
    def cost_name(self):
        """The cost the network learns from: 'quadratic' or 'cross_entropy'."""
        return self._cost_name

    # -- the maths, without checks: chapters 4 and 5 -------------------------

    def _forward(self, X):
        """Return the lists ``zs`` and ``activations`` for the batch ``X``.

        ``activations[0]`` is ``X`` itself, so ``activations[l]`` is ``a^l``
        and ``zs[l - 1]`` is ``z^l``, both with one row per example.
        """
        L = len(self.weights)
        activations = [X]
        zs = []
        for l, (W, b) in enumerate(zip(self.weights, self.biases), start=1):
            z = activations[-1] @ W.T + b  # z^l = W^l a^{l-1} + b^l, per row
            zs.append(z)
            sigma = self._sigma_out if l == L else self._sigma
            activations.append(sigma(z))  # a^l = sigma(z^l)
        return zs, activations

    def _output_error(self, a, Y):
        """Return ``delta^L`` for each row of the outputs ``a`` and targets ``Y``.

        This is (BP1), ``delta^L = nabla_a C ⊙ sigma'(z^L)``, in the form that
        the output activation and the cost give it (chapter 7):

        - a cross-entropy, after a softmax or after sigmoids: ``a^L - y``, the
          slope of the output activation cancels ((7.8) and (7.11));
        - the quadratic cost after a softmax: the softmax's Jacobian is full,
          so ``nabla_a C = a^L - y`` is multiplied by it, ``J^T g =
          p ⊙ (g - p . g)`` ((7.5), without building ``J``);
        - the quadratic cost after an element-wise activation: chapter 5's
          Hadamard product, with ``sigma'`` read off the activations.
        """
        if self._cost_name == "cross_entropy":
            return a - Y  # (7.8), (7.11)
        g = quadratic_cost_gradient(a, Y)  # nabla_a C = a^L - y
        if self._output_name == "softmax":
            return a * (g - np.sum(a * g, axis=1, keepdims=True))  # (7.5)
        return g * self._sigma_out_prime(a)  # (BP1)

    def _cost(self, Z, A, Y):
        """Return the mean cost of the outputs: ``Z`` and ``A`` are ``z^L`` and ``a^L``.

        The cross-entropies are computed from ``z^L`` (the logits), which is
        where they are stable (chapter 7); the quadratic cost from ``a^L``.
        """
        if self._cost_name == "quadratic":
            return quadratic_cost(A, Y)
        if self._output_name == "softmax":
            return cross_entropy(Z, Y)
        return binary_cross_entropy(Z, Y)

    def _backprop(self, X, Y):
        """Return the gradients of the mean cost for a checked batch.

        The lines marked (BP1) to (BP4) are chapter 5's equations in their
        batch form, (5.6) to (5.9): ``delta`` holds the matrix ``D^l``, whose
        row ``i`` is the error ``delta^l`` of example ``i`` divided by ``n``.
        Only (BP1) depends on the output activation and the cost (see
        ``_output_error``), and (BP2) on the hidden activation.
        Two details save work without changing the maths:

        - ``sigma'(z^l)`` is computed from the activations that the forward
          pass has already computed, as ``a^l (1 - a^l)`` for the sigmoid
          (chapter 4, (4.4));
        - the mean over the batch is taken once, by dividing the output
          error by ``n``: every gradient below is linear in ``delta^L``, so
          all of them inherit the ``1/n`` (chapter 5, the batch form).
        """
        _, activations = self._forward(X)
        grad_weights = [None] * len(self.weights)
        grad_biases = [None] * len(self.biases)
        delta = self._output_error(activations[-1], Y) / X.shape[0]  # (BP1)
        for l in range(len(self.weights), 0, -1):  # the book's l = L, ..., 1
            grad_weights[l - 1] = delta.T @ activations[l - 1]  # (BP4)
            grad_biases[l - 1] = delta.sum(axis=0)  # (BP3)
            if l > 1:
                a = activations[l - 1]
                delta = (delta @ self.weights[l - 1]) * self._sigma_prime(a)  # (BP2)
        return grad_weights, grad_biases

    def _output(self, X, rows=256):
        """Return ``(z^L, a^L)`` for the checked batch ``X``, ``rows`` rows at a time.

        The results are the last of ``self._forward(X)``. For a large ``X``
        (a whole training set), a single pass makes arrays of megabytes, and
        each new one is fresh memory from the operating system; in blocks of
        a few hundred rows the arrays stay small and their memory is reused.
        Profiling chapter 6's training showed that this halves the time of
        the cost measured after every epoch.
        """
        zs, activations = [], []
        for i in range(0, len(X), rows):
            z, a = self._forward(X[i : i + rows])
            zs.append(z[-1])
            activations.append(a[-1])
        return np.concatenate(zs), np.concatenate(activations)

    def _classes(self, A):
        """Return the class of each row of the outputs ``A`` (see ``predict``)."""
        if A.shape[1] == 1:
            return (A[:, 0] >= 0.5).astype(np.int64)
        return A.argmax(axis=1)

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
        if self._cost_name == "cross_entropy":
            self._check_probabilities(Y)
        return X, Y

    def _check_probabilities(self, Y):
        """Make sure the targets ``Y`` suit the cross-entropy.

        With a softmax output, the derivation of ``delta^L = a^L - y`` uses
        that each target row sums to 1 (chapter 7, (7.8)); with sigmoid
        outputs, each target is the probability of a yes, between 0 and 1.
        """
        softmax_output = self._output_name == "softmax"
        bad = (Y < 0) | (Y > 1)
        if softmax_output:
            bad = bad.any(axis=1) | ~np.isclose(Y.sum(axis=1), 1.0)
        else:
            bad = bad.any(axis=1)
        if bad.any():
            row = int(np.flatnonzero(bad)[0])
            kind = (
                "a probability distribution (entries from 0 to 1 that sum to "
                "1), such as a one-hot row"
                if softmax_output
                else "made of probabilities, numbers from 0 to 1"
            )
            raise ValueError(
                f"with output={self._output_name!r} and cost='cross_entropy', "
                f"each row of Y must be {kind}; row {row} is {Y[row].tolist()}"
            )

    def _check_labels(self, name, Y, X):
        """Return the class of each example (row of ``X``) that ``Y`` describes.

        ``Y`` is either a 1-D array of integer labels, one per example, or
        the target rows, shaped ``(n, sizes[-1])``, that are one-hot (with one
        output neuron: 0 or 1).
        """
        n_out = self.sizes[-1]
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
        labels = _labels_of_targets(Y)
        if labels is None:
            kind = "0 or 1" if n_out == 1 else "one-hot (a single 1, the rest 0)"
            row = int(np.flatnonzero(~_class_rows(Y))[0])
            raise ValueError(
                f"{name} must hold classes: integer labels of shape (n,), or "
                f"target rows of shape (n, {n_out}) that are {kind}; "
                f"row {row} is {Y[row].tolist()}"
            )
        return labels

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
        """Return the mean cost of the network on inputs ``X``, targets ``Y``.

        The quadratic cost, chapter 4, equation (4.5), unless the network was
        made with ``cost="cross_entropy"``: chapter 7, (7.6) after a softmax
        output, (7.10) after sigmoid outputs.
        """
        X, Y = self._check_data(X, Y)
        return self._cost(*self._output(X), Y)

    def backprop(self, X, Y):
        """Return ``(grad_weights, grad_biases)`` of the mean cost over ``X``.

        One example's cost is ``0.5 * ||y - a^L||^2``, or its cross-entropy
        (see :meth:`cost`); the cost of the batch is the mean over its rows.
        The two lists are shaped like ``weights`` and ``biases``:
        ``grad_weights[l - 1][j, k]`` is ``dC / dw^l_{jk}``. The four steps
        are the equations (BP1) to (BP4) of chapter 5; chapter 4 derives them
        for one neuron per layer, chapter 7 gives (BP1) for the softmax and
        the cross-entropy.
        """
        X, Y = self._check_data(X, Y)
        return self._backprop(X, Y)

    def predict(self, X):
        """Return the class the network chooses for each row of ``X``.

        The class is the index of the output neuron with the largest
        activation, ``argmax_j a^L_j``. A network with a single output neuron
        answers yes or no instead: class 1 when ``a^L >= 0.5``, else 0.
        Returns an integer array of shape ``(n,)``, or one int for a 1-D
        ``X`` (a single example). Chapter 6.
        """
        X, one = self._check_data(X)
        classes = self._classes(self._output(X)[1])
        return int(classes[0]) if one else classes

    def accuracy(self, X, Y):
        """Return the fraction of the examples ``X`` that ``predict`` gets right.

        ``Y`` says what is right, in one of two forms: a 1-D array of integer
        labels, one class per row of ``X`` (``0 .. sizes[-1] - 1``, or 0 and
        1 for a single output neuron); or the target rows, shaped
        ``(n, sizes[-1])``, each one-hot (or 0 or 1 for a single output
        neuron). Anything else, such as float labels or targets that name no
        class, raises ValueError or TypeError. Chapter 6.
        """
        X, _ = self._check_data(X)
        labels = self._check_labels("Y", Y, X)
        return float(np.mean(self._classes(self._output(X)[1]) == labels))

    def _check_validation(self, validation):
        """Return ``(X_val, Y_val, labels_val)`` for ``train``'s ``validation``."""
        if not (isinstance(validation, tuple | list) and len(validation) == 2):
            raise TypeError(
                "validation must be a pair (X_val, Y_val); got "
                f"{type(validation).__name__}"
                + (
                    f" of length {len(validation)}"
                    if hasattr(validation, "__len__")
                    else ""
                )
            )
        X_val, _ = as_batch("validation X", validation[0], self.sizes[0])
        labels = self._check_labels("validation Y", validation[1], X_val)
        # the targets that the labels stand for, to measure the cost
        if self.sizes[-1] == 1:
            Y_val = labels[:, np.newaxis].astype(float)
        else:
            Y_val = np.eye(self.sizes[-1])[labels]
        return X_val, Y_val, labels

    def train(
        self, X, Y, *, epochs, learning_rate, batch_size, seed=None, validation=None
    ):
        """Train by mini-batch stochastic gradient descent; return the history.

        Each epoch shuffles the rows of ``X`` and ``Y`` (with
        ``np.random.default_rng(seed)``), cuts them into batches of
        ``batch_size`` rows (the last one may be smaller) and, for each batch,
        takes one step ``W <- W - learning_rate * dC/dW`` (and the same for
        ``b``) with the gradient of the batch's mean cost. The whole batch goes
        through the network at once, as one matrix per layer.

        ``validation``, a pair ``(X_val, Y_val)`` of examples kept out of
        training, is measured after each epoch; ``Y_val`` holds classes, as
        integer labels or one-hot rows (see :meth:`accuracy`).

        The parameters are updated in place. Returns a
        :class:`TrainingHistory`: ``cost`` lists the mean cost on the whole
        of ``X`` after each epoch, ``accuracy`` the fraction of ``X``
        classified right (when ``Y`` holds classes), and the ``validation_``
        lists the same for the validation set. Raises
        :class:`DivergenceError` as soon as the cost is NaN or infinite,
        which happens when the learning rate is far too large.
        Chapter 4, equation (4.6); chapter 6.
        """
        X, Y = self._check_data(X, Y)
        epochs = as_int("epochs", epochs, minimum=0)
        eta = as_positive_float("learning_rate", learning_rate)
        batch_size = as_int("batch_size", batch_size, minimum=1)
        if validation is not None:
            X_val, Y_val, labels_val = self._check_validation(validation)
        labels = _labels_of_targets(Y)  # None when Y holds no classes
        rng = np.random.default_rng(seed)
        history = TrainingHistory()
        n = X.shape[0]
        for epoch in range(1, epochs + 1):
            order = rng.permutation(n)
            X_shuffled, Y_shuffled = X[order], Y[order]  # batches are then views
            # huge steps overflow to inf and then NaN; the check below reports it
            with np.errstate(over="ignore", invalid="ignore"):
                for start in range(0, n, batch_size):
                    grad_w, grad_b = self._backprop(
                        X_shuffled[start : start + batch_size],
                        Y_shuffled[start : start + batch_size],
                    )
                    for W, b, gW, gb in zip(self.weights, self.biases, grad_w, grad_b):
                        W -= eta * gW
                        b -= eta * gb
                Z, A = self._output(X)
                cost = self._cost(Z, A, Y)
            if not np.isfinite(cost):
                raise DivergenceError(
                    f"training diverged in epoch {epoch}: the cost became "
                    f"{cost}; learning_rate={learning_rate} is probably too large"
                )
            history.cost.append(cost)
            if labels is not None:
                history.accuracy.append(float(np.mean(self._classes(A) == labels)))
            if validation is not None:
                Z_val, A_val = self._output(X_val)
                history.validation_cost.append(self._cost(Z_val, A_val, Y_val))
                history.validation_accuracy.append(
                    float(np.mean(self._classes(A_val) == labels_val))
                )
        return history

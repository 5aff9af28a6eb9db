"""A fully connected network: sigmoid neurons and the quadratic cost by default.

The notation is the book's (see the Notation page). Layers are numbered
``0..L``; ``a^0 = x`` is the input and ``a^L`` the output. Layer ``l`` has

    z^l = W^l a^{l-1} + b^l,        a^l = sigma(z^l).

Chapters 4 to 6 use the sigmoid everywhere and the quadratic cost. Chapter 7
gives the output layer a softmax and the cost a cross-entropy; the hidden
layers may also use tanh or the ReLU. Only two lines of the backward pass
depend on these choices: the output error (5.6), and the slope of the hidden
activation in (5.7).

Python lists start at 0 while the book's layers with weights start at 1, so
``weights[l - 1]`` holds ``W^l`` and ``biases[l - 1]`` holds ``b^l``.

A batch is a 2-D array with one example per row. Row ``i`` of ``A_prev`` is
``(a^{l-1})^T`` for example ``i``, so the whole layer is
``A = sigmoid(A_prev @ W.T + b)``: the transpose of ``z = W a + b`` applied
to every row at once.

Chapter 10 adds dropout to the hidden layers: in training, each hidden
activation is multiplied by a random mask. The checks of the arguments live
in ``nnbook._checks`` and the training loop, which ``ConvNet`` shares, in
``nnbook.training``, so that this module is the maths and its interface.
"""

import numpy as np

from nnbook import _checks as checks
from nnbook.activations import relu, sigmoid, softmax, tanh
from nnbook.costs import (
    binary_cross_entropy,
    cross_entropy,
    quadratic_cost,
    quadratic_cost_gradient,
)
from nnbook.training import DivergenceError, TrainingHistory, train

__all__ = ["DivergenceError", "Network", "TrainingHistory"]  # the last two: training.py

# The activations a layer may use: the function, and its slope written in
# terms of the function's output a, so that the backward pass can read
# sigma'(z) off the activations that the forward pass stored. The second
# function takes a = sigma(z), not z: it is sigma'(z) = a (1 - a) for the
# sigmoid, never sigma'(a) (chapter 4, (4.4)), hence its name below,
# slope_from_activation, unlike nnbook.sigmoid_prime(z), which takes z.
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

    ``dropout``, a probability ``p`` with ``0 <= p < 1`` (0 by default),
    switches each hidden neuron off with probability ``p`` on every training
    step, independently for each example (chapter 10, equation (10.5)). It
    is *inverted* dropout: the neurons that stay on are multiplied by
    ``1 / (1 - p)``, so that each activation keeps its mean and the network
    needs no rescaling afterwards. Only :meth:`train` drops neurons, with
    masks drawn from its own ``seed``; ``forward``, ``cost``, ``backprop``,
    ``predict`` and ``accuracy`` use the whole network, unless given
    ``masks`` to apply (see :meth:`dropout_masks`).
    """

    def __init__(
        self,
        sizes,
        *,
        activation="sigmoid",
        output=None,
        cost="quadratic",
        dropout=0.0,
        seed=None,
    ):
        self.sizes = checks.check_sizes(sizes)
        self._activation = checks.check_name(
            "activation", activation, list(ACTIVATIONS)
        )
        self._output_name = checks.check_name(
            "output", activation if output is None else output, list(OUTPUTS)
        )
        self._cost_name = checks.check_name("cost", cost, COSTS)
        checks.check_combination(self.sizes, self._output_name, self._cost_name)
        self._dropout = checks.as_dropout(dropout, self.sizes)
        # the functions themselves, looked up once (the softmax has no slope
        # of this kind: see _output_error)
        self._sigma, self._slope_from_activation = ACTIVATIONS[self._activation]
        self._sigma_out = OUTPUTS[self._output_name]
        self._output_slope_from_activation = ACTIVATIONS.get(
            self._output_name, (None, None)
        )[1]
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
                ("dropout", self.dropout, 0.0),
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

    @property
    def dropout(self):
        """The probability that training switches a hidden neuron off."""
        return self._dropout

    @property
    def params(self):
        """Every parameter array, layer by layer: ``[W^1, b^1, W^2, b^2, ...]``.

        The arrays themselves, not copies, in the order of
        :class:`nnbook.ConvNet`'s ``params`` and of PyTorch's
        ``parameters()``, for an optimiser's ``step`` to update in place.
        """
        checks.check_parameters(self.sizes, self.weights, self.biases)
        return [p for W, b in zip(self.weights, self.biases) for p in (W, b)]

    # -- the maths, without checks: chapters 4, 5 and 10 ---------------------

    def _forward(self, X, masks=None):
        """Return the lists ``zs`` and ``activations`` for the batch ``X``.

        ``activations[0]`` is ``X`` itself, so ``activations[l]`` is ``a^l``
        and ``zs[l - 1]`` is ``z^l``, both with one row per example. With
        ``masks``, the activations of hidden layer ``l`` are multiplied by
        ``masks[l - 1]``: dropout (chapter 10).
        """
        L = len(self.weights)
        activations = [X]
        zs = []
        for l, (W, b) in enumerate(zip(self.weights, self.biases), start=1):
            z = activations[-1] @ W.T + b  # z^l = W^l a^{l-1} + b^l, per row
            zs.append(z)
            if l == L:
                activations.append(self._sigma_out(z))  # a^L = sigma(z^L)
            elif masks is None:
                activations.append(self._sigma(z))  # a^l = sigma(z^l)
            else:
                activations.append(self._sigma(z) * masks[l - 1])  # dropped
        return zs, activations

    def _output_error(self, a, Y):
        """Return ``delta^L`` for each row of the outputs ``a`` and targets ``Y``.

        This is (5.6), ``delta^L = nabla_a C ⊙ sigma'(z^L)``, in the form that
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
        return g * self._output_slope_from_activation(a)  # (5.6): sigma'(z^L)

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

    def _backprop(self, X, Y, masks=None):
        """Return the gradients of the mean cost for a checked batch.

        The lines marked (5.10) to (5.13) are chapter 5's batch form of its
        equations (5.6) to (5.9): ``delta`` holds the matrix ``D^l``, whose
        row ``i`` is the error ``delta^l`` of example ``i`` divided by ``n``.
        Only (5.10) depends on the output activation and the cost (see
        ``_output_error``), and (5.11) on the hidden activation.
        Two details save work without changing the maths:

        - ``sigma'(z^l)`` is computed from the activations that the forward
          pass has already computed, as ``a^l (1 - a^l)`` for the sigmoid
          (chapter 4, (4.4));
        - the mean over the batch is taken once, by dividing the output
          error by ``n``: every gradient below is linear in ``delta^L``, so
          all of them inherit the ``1/n`` (chapter 5, the batch form).

        With dropout ``masks``, a hidden layer passes on ``sigma(z^l) ⊙ m^l``,
        so the error goes back through the mask as well as through the slope,
        ``delta^l = (delta^{l+1} W^{l+1}) ⊙ m^l ⊙ sigma'(z^l)``, and the slope
        is read off ``sigma(z^l)`` before the mask (chapter 10).
        """
        zs, activations = self._forward(X, masks)
        grad_weights = [None] * len(self.weights)
        grad_biases = [None] * len(self.biases)
        delta = self._output_error(activations[-1], Y) / X.shape[0]  # (5.10)
        for l in range(len(self.weights), 0, -1):  # the book's l = L, ..., 1
            grad_weights[l - 1] = delta.T @ activations[l - 1]  # (5.13)
            grad_biases[l - 1] = delta.sum(axis=0)  # (5.12)
            if l > 1:
                a = activations[l - 1]
                delta = delta @ self.weights[l - 1]
                if masks is not None:
                    delta = delta * masks[l - 2]  # back through the mask
                    a = self._sigma(zs[l - 2])  # a^{l-1} before the mask
                delta = delta * self._slope_from_activation(a)  # (5.11)
        return grad_weights, grad_biases

    def _output(self, X, masks=None, rows=256):
        """Return ``(z^L, a^L)`` for the checked batch ``X``, ``rows`` rows at a time.

        The results are the last of ``self._forward(X, masks)``. In blocks of
        a few hundred rows the arrays stay small and their memory is reused,
        which halves the time of the cost that training measures after every
        epoch on a whole training set.
        """
        zs, activations = [], []
        for i in range(0, len(X), rows):
            block = None if masks is None else [m[i : i + rows] for m in masks]
            z, a = self._forward(X[i : i + rows], block)
            zs.append(z[-1])
            activations.append(a[-1])
        return np.concatenate(zs), np.concatenate(activations)

    def _classes(self, A):
        """Return the class of each row of the outputs ``A`` (see ``predict``)."""
        if A.shape[1] == 1:
            return (A[:, 0] >= 0.5).astype(np.int64)
        return A.argmax(axis=1)

    def _masks(self, n, rng):
        """Return inverted-dropout masks for ``n`` examples (see ``dropout_masks``)."""
        keep = 1 - self._dropout
        return [(rng.random((n, width)) < keep) / keep for width in self.sizes[1:-1]]

    # -- what the training loop asks of a network (nnbook.training) ----------

    def _gradients(self, X, Y, rng):
        """Return the gradients of a training batch, in the order of ``params``.

        With dropout, each batch gets masks of its own, drawn from ``rng``.
        """
        if self._dropout:
            grad_w, grad_b = self._backprop(X, Y, self._masks(X.shape[0], rng))
        else:
            grad_w, grad_b = self._backprop(X, Y)
        return [g for gW, gb in zip(grad_w, grad_b) for g in (gW, gb)]

    def _measure(self, X, Y, labels):
        """Return the mean cost on ``X`` and the fraction of ``labels`` right."""
        Z, A = self._output(X)
        cost = self._cost(Z, A, Y)
        if labels is None:
            return cost, None
        return cost, float(np.mean(self._classes(A) == labels))

    # -- the public interface, with checks ------------------------------------

    def _check_data(self, X, *Y, masks=None):
        """Return ``(X, one, masks)``, or ``(X, Y, masks)`` when ``Y`` is given.

        All three checked: ``one`` says whether ``X`` was a single example,
        ``masks`` (None unless given) must fit the rows of ``X``.
        """
        checks.check_parameters(self.sizes, self.weights, self.biases)
        X, one = checks.as_batch("X", X, self.sizes[0])
        if masks is not None:
            masks = checks.as_masks(masks, self.sizes, X.shape[0])
        if not Y:
            return X, one, masks
        (Y,) = Y
        Y, _ = checks.as_batch("Y", Y, self.sizes[-1])
        checks.check_same_rows("X", X, "Y", Y)
        if self._cost_name == "cross_entropy":
            checks.check_probabilities(Y, self._output_name)
        return X, Y, masks

    def dropout_masks(self, n, rng):
        """Return one inverted-dropout mask per hidden layer, for ``n`` examples.

        Mask ``l - 1`` has shape ``(n, sizes[l])``: each entry is 0 with
        probability ``p = dropout`` (the neuron is off for that example) and
        ``1 / (1 - p)`` otherwise, drawn from ``rng``, a
        ``np.random.Generator``. :meth:`train` draws a new set for every
        batch this way; passed as ``masks`` to :meth:`forward`,
        :meth:`cost` or :meth:`backprop`, one fixed set makes a training
        step repeatable, to check its gradient by finite differences.
        Chapter 10.
        """
        n = checks.as_int("n", n, minimum=1)
        if not isinstance(rng, np.random.Generator):
            raise TypeError(
                "rng must be a np.random.Generator, such as "
                f"np.random.default_rng(0); got {type(rng).__name__}"
            )
        return self._masks(n, rng)

    def forward(self, X, *, masks=None):
        """Return the network's output ``a^L`` for the inputs ``X``.

        ``X`` has shape ``(n, sizes[0])`` and the result ``(n, sizes[-1])``;
        a 1-D ``X`` of length ``sizes[0]`` is one example and gives a 1-D
        output. Chapter 4, equations (4.1) and (4.2). ``masks`` applies
        dropout masks to the hidden layers (see :meth:`dropout_masks`).
        """
        X, one, masks = self._check_data(X, masks=masks)
        output = self._forward(X, masks)[1][-1]
        return output[0] if one else output

    def forward_trace(self, X, *, masks=None):
        """Return ``(zs, activations)``, every layer's ``z`` and ``a`` for ``X``.

        ``activations[0]`` is the input, ``activations[l]`` is ``a^l`` and
        ``zs[l - 1]`` is ``z^l``, each with one row per example (a 1-D ``X``
        counts as one row). Chapters 4 and 5 read intermediate values here.
        With ``masks``, the hidden activations are those after dropout.
        """
        X, _, masks = self._check_data(X, masks=masks)
        return self._forward(X, masks)

    def cost(self, X, Y, *, masks=None):
        """Return the mean cost of the network on inputs ``X``, targets ``Y``.

        The quadratic cost, chapter 4, equation (4.5), unless the network was
        made with ``cost="cross_entropy"``: chapter 7, (7.6) after a softmax
        output, (7.10) after sigmoid outputs. ``masks`` applies dropout
        masks to the hidden layers (see :meth:`dropout_masks`).
        """
        X, Y, masks = self._check_data(X, Y, masks=masks)
        return self._cost(*self._output(X, masks), Y)

    def backprop(self, X, Y, *, masks=None):
        """Return ``(grad_weights, grad_biases)`` of the mean cost over ``X``.

        One example's cost is ``0.5 * ||y - a^L||^2``, or its cross-entropy
        (see :meth:`cost`); the cost of the batch is the mean over its rows.
        The two lists are shaped like ``weights`` and ``biases``:
        ``grad_weights[l - 1][j, k]`` is ``dC / dw^l_{jk}``. The four steps
        are the equations (5.6) to (5.9) of chapter 5; chapter 4 derives them
        for one neuron per layer, chapter 7 gives (5.6) for the softmax and
        the cross-entropy. With ``masks``, the gradients are those of
        ``cost(X, Y, masks=masks)``, through the dropout masks (chapter 10,
        (10.7)).
        """
        X, Y, masks = self._check_data(X, Y, masks=masks)
        return self._backprop(X, Y, masks)

    def predict(self, X):
        """Return the class the network chooses for each row of ``X``.

        The class is the index of the output neuron with the largest
        activation, ``argmax_j a^L_j``. A network with a single output neuron
        answers yes or no instead: class 1 when ``a^L >= 0.5``, else 0.
        Returns an integer array of shape ``(n,)``, or one int for a 1-D
        ``X`` (a single example). Chapter 6.
        """
        X, one, _ = self._check_data(X)
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
        X, _, _ = self._check_data(X)
        labels = checks.as_labels("Y", Y, X, self.sizes[-1])
        return float(np.mean(self._classes(self._output(X)[1]) == labels))

    def train(
        self,
        X,
        Y,
        *,
        epochs,
        batch_size,
        learning_rate=None,
        optimizer=None,
        seed=None,
        validation=None,
    ):
        """Train by mini-batch stochastic gradient descent; return the history.

        Each epoch shuffles the rows of ``X`` and ``Y`` (with
        ``np.random.default_rng(seed)``), cuts them into batches of
        ``batch_size`` rows (the last one may be smaller) and, for each batch,
        takes one step ``W <- W - learning_rate * dC/dW`` (and the same for
        ``b``) with the gradient of the batch's mean cost. The whole batch goes
        through the network at once, as one matrix per layer.

        Instead of ``learning_rate``, ``optimizer`` may choose the step: an
        optimiser such as ``nnbook.Adam(0.001)``, which brings its own
        learning rate and keeps its state from one call of ``train`` to the
        next (chapter 9). Exactly one of the two must be given. With
        ``dropout``, every batch gets new masks, drawn from the same ``seed``.

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
        X, Y, _ = self._check_data(X, Y)
        if validation is not None:
            validation = self._check_validation(validation)
        return train(
            self,
            (X, Y, checks.labels_of_targets(Y)),  # no labels if Y holds no classes
            epochs=epochs,
            batch_size=batch_size,
            learning_rate=learning_rate,
            optimizer=optimizer,
            seed=seed,
            validation=validation,
        )

    def _check_validation(self, validation):
        """Return ``(X_val, Y_val, labels_val)`` for ``train``'s ``validation``."""
        X_val, Y_val = checks.check_pair("validation", validation)
        X_val, _ = checks.as_batch("validation X", X_val, self.sizes[0])
        labels = checks.as_labels("validation Y", Y_val, X_val, self.sizes[-1])
        # the targets that the labels stand for, to measure the cost
        if self.sizes[-1] == 1:
            Y_val = labels[:, np.newaxis].astype(float)
        else:
            Y_val = np.eye(self.sizes[-1])[labels]
        return X_val, Y_val, labels

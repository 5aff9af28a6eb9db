"""Convolutions, and the layers of a small convolutional network (chapter 8).

Arrays follow PyTorch's layouts, so that results can be compared with it
directly. A batch of images ``x`` has shape ``(N, C_in, H, W)``: ``N``
examples, each with ``C_in`` channels of ``H`` rows and ``W`` columns. The
filters ``w`` of a layer have shape ``(C_out, C_in, kH, kW)``: one filter per
output channel, each with one ``kH x kW`` slice per input channel; the
receiving channel comes first, as the receiving neuron does in ``w^l_{jk}``.
The biases ``b`` have shape ``(C_out,)``, one per filter.

Every "convolution" here is, as in every deep learning library, a
*cross-correlation*: the filter is slid over the image without being flipped,
"valid" (only where it fits entirely) and with stride 1. The sums over the
positions are vectorised the same way throughout:
``numpy.lib.stride_tricks.sliding_window_view`` gives every window of the
input as a view, without copying, and ``numpy.tensordot`` multiplies the
windows by the filters and sums over channels and filter offsets, one matrix
product in all (the method known as *im2col*).
"""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from nnbook._checks import (
    as_int,
    as_numeric_array,
    check_pair,
    class_labels,
    probability_targets,
)
from nnbook.activations import softmax
from nnbook.costs import cross_entropy
from nnbook.training import train


def _windows(x, kH, kW):
    """Return every ``kH x kW`` window of the images ``x``, as a view.

    The result has shape ``(N, C, H - kH + 1, W - kW + 1, kH, kW)``: entry
    ``[n, c, i, j]`` is the window whose top-left corner is pixel ``(i, j)``
    of channel ``c`` of image ``n``, so ``[n, c, i, j, p, q]`` is
    ``x[n, c, i + p, j + q]``.
    """
    return sliding_window_view(x, (kH, kW), axis=(2, 3))


def _conv2d(x, w, b=None):
    """The maths of :func:`conv2d`, without checks."""
    windows = _windows(x, *w.shape[2:])  # (N, C_in, H', W', kH, kW)
    # z[n, i, j, k] = sum over c, p, q of windows[n, c, i, j, p, q] w[k, c, p, q]
    z = np.tensordot(windows, w, axes=([1, 4, 5], [1, 2, 3]))  # (N, H', W', C_out)
    z = z.transpose(0, 3, 1, 2)  # (N, C_out, H', W'), PyTorch's layout
    if b is not None:
        z = z + b[:, np.newaxis, np.newaxis]
    return z


def _conv2d_parameter_gradients(x, delta, kH, kW):
    """Return ``(grad_w, grad_b)`` for the input ``x`` and the error ``delta``."""
    windows = _windows(x, kH, kW)  # (N, C_in, H', W', kH, kW)
    # grad_w[k, c, p, q] = sum over n, i, j of delta[n, k, i, j] x[n, c, i+p, j+q]
    grad_w = np.tensordot(delta, windows, axes=([0, 2, 3], [0, 2, 3]))  # (8.6)
    grad_b = delta.sum(axis=(0, 2, 3))  # (8.5)
    return grad_w, grad_b


def _conv2d_input_gradient(w, delta):
    """Return ``grad_x`` for the filters ``w`` and the error ``delta``: (8.7).

    (8.7) is the full convolution of the error with the filters. Computed as
    written, as a correlation of the zero-padded error with the flipped
    filters, it would build the im2col matrix of the padded error, ``kH kW``
    times its size. The same sum is cheaper the other way round: one
    ``tensordot`` gives what each output ``(i, j)`` sends back to each pixel
    ``(i + p, j + q)`` of its window, and a loop over the filter's offsets
    (not over pixels) adds those contributions up where they belong. This
    scatter, the reverse of im2col, is known as *col2im*.
    """
    N, _, H_out, W_out = delta.shape
    _, C_in, kH, kW = w.shape
    # sent[n, i, j, c, p, q] = sum over k of delta[n, k, i, j] w[k, c, p, q]
    sent = np.tensordot(delta, w, axes=([1], [0]))  # (N, H', W', C_in, kH, kW)
    sent = sent.transpose(0, 3, 4, 5, 1, 2)  # (N, C_in, kH, kW, H', W')
    grad_x = np.zeros((N, C_in, H_out + kH - 1, W_out + kW - 1))
    for p in range(kH):
        for q in range(kW):
            grad_x[:, :, p : p + H_out, q : q + W_out] += sent[:, :, p, q]
    return grad_x


def _check_images(name, x):
    x = as_numeric_array(name, x)
    if x.ndim != 4:
        raise ValueError(
            f"{name} must have 4 axes, (N, C, H, W): examples, channels, rows, "
            f"columns; got shape {x.shape} (a single grey image h x w is "
            f"{name}[np.newaxis, np.newaxis])"
        )
    return x


def _check_conv(x, w, b=None):
    x = _check_images("x", x)
    w = as_numeric_array("w", w)
    if w.ndim != 4:
        raise ValueError(
            "w must have 4 axes, (C_out, C_in, kH, kW): one filter per output "
            f"channel; got shape {w.shape}"
        )
    if w.shape[1] != x.shape[1]:
        raise ValueError(
            f"w has {w.shape[1]} input channel(s) (its axis 1) but x has "
            f"{x.shape[1]} (its axis 1); w must have shape "
            f"(C_out, {x.shape[1]}, kH, kW) for this x"
        )
    if w.shape[2] > x.shape[2] or w.shape[3] > x.shape[3] or 0 in w.shape[2:]:
        raise ValueError(
            f"a {w.shape[2]} x {w.shape[3]} filter does not fit in "
            f"{x.shape[2]} x {x.shape[3]} images (a valid correlation needs "
            "1 <= kH <= H and 1 <= kW <= W)"
        )
    if b is not None:
        b = as_numeric_array("b", b)
        if b.shape != (w.shape[0],):
            raise ValueError(
                f"b must have shape ({w.shape[0]},), one bias per filter; got {b.shape}"
            )
    return x, w, b


def conv2d(x, w, b=None):
    """Return the valid cross-correlation of the images ``x`` with the filters ``w``.

    .. math:: z_{k,i,j} = \\sum_c \\sum_{p,q} w_{k,c,p,q}\\, x_{c,i+p,j+q} + b_k

    for each image of the batch. ``x`` is ``(N, C_in, H, W)``, ``w`` is
    ``(C_out, C_in, kH, kW)`` and the optional ``b`` is ``(C_out,)``; the
    result is ``(N, C_out, H - kH + 1, W - kW + 1)``: output channel ``k`` is
    the *feature map* of filter ``k``. Stride 1, no padding, the filter not
    flipped, as ``torch.nn.functional.conv2d`` computes it.

    Chapter 8, equations (8.1), (8.2) and (8.4).
    """
    x, w, b = _check_conv(x, w, b)
    return _conv2d(x, w, b)


def conv2d_backward(x, w, grad_out):
    """Return ``(grad_x, grad_w, grad_b)``: a cost's gradients through :func:`conv2d`.

    ``grad_out`` is the gradient of the cost with respect to the output
    ``z = conv2d(x, w, b)``, the error ``delta`` of the layer, with the shape
    of ``z``. Then, with sums over the examples ``n`` and the output
    positions ``i, j``:

    - ``grad_b[k] = sum delta[n, k, i, j]``, (8.5): each bias is added at
      every position;
    - ``grad_w[k, c] = sum_n x[n, c] ⋆ delta[n, k]``, (8.6): the valid
      cross-correlation of the input with the error, a ``kH x kW`` result;
    - ``grad_x[n, c] = sum_k delta[n, k] * w[k, c]``, (8.7): the *full*
      convolution of the error with the filter, that is the correlation of
      the zero-padded error with the filter flipped in both directions; it
      has the shape of ``x``. It is computed by scattering each output's
      error back over its window (col2im), which gives the same sum.

    Chapter 8, equations (8.5), (8.6) and (8.7).
    """
    x, w, _ = _check_conv(x, w)
    delta = as_numeric_array("grad_out", grad_out)
    N, _, H, W = x.shape
    C_out, _, kH, kW = w.shape
    expected = (N, C_out, H - kH + 1, W - kW + 1)
    if delta.shape != expected:
        raise ValueError(
            f"grad_out must have the shape of conv2d(x, w), {expected}; "
            f"got {delta.shape}"
        )
    grad_w, grad_b = _conv2d_parameter_gradients(x, delta, *w.shape[2:])
    return _conv2d_input_gradient(w, delta), grad_w, grad_b


# -- layers -----------------------------------------------------------------------
# Each layer has
# - ``params``, the list of its parameter arrays (empty for most);
# - ``forward(x)``, which returns the layer's output and what its backward
#   pass will need (``saved``);
# - ``parameter_gradients(saved, delta)``: given ``delta``, the gradient of the
#   cost with respect to the layer's output, the gradients of ``params``, as
#   (5.8) and (5.9) give them for a dense layer;
# - ``input_gradient(saved, delta)``: the gradient with respect to the layer's
#   input, which the layer below needs, as (5.7) passes the error back.


class Conv2d:
    """A convolutional layer: ``C_in`` channels in, ``C_out`` feature maps out.

    ``w`` starts as normal draws with standard deviation ``1 / sqrt(C_in kH
    kW)``, one over the square root of the number of inputs of each output,
    as :class:`nnbook.Network` does for its weights; ``b`` starts at 0.
    Chapter 8.
    """

    def __init__(self, in_channels, out_channels, size, *, rng):
        in_channels = as_int("in_channels", in_channels, minimum=1)
        out_channels = as_int("out_channels", out_channels, minimum=1)
        size = as_int("size", size, minimum=1)
        fan_in = in_channels * size * size
        shape = (out_channels, in_channels, size, size)
        self.w = rng.standard_normal(shape) / np.sqrt(fan_in)
        self.b = np.zeros(out_channels)

    def __repr__(self):
        out_channels, in_channels, size, _ = self.w.shape
        return f"Conv2d({in_channels}, {out_channels}, {size})"

    @property
    def params(self):
        return [self.w, self.b]

    def forward(self, x):
        return _conv2d(x, self.w, self.b), x

    def parameter_gradients(self, x, delta):
        return list(_conv2d_parameter_gradients(x, delta, *self.w.shape[2:]))

    def input_gradient(self, x, delta):
        return _conv2d_input_gradient(self.w, delta)


class ReLU:
    """The rectified linear unit, ``max(0, z)``, applied to every entry.

    Its slope is 1 where the input is positive and 0 elsewhere, which can be
    read off the output: ``a > 0`` exactly when ``z > 0``. Chapter 8, (8.8).
    """

    params = ()  # no parameters

    def __repr__(self):
        return "ReLU()"

    def forward(self, z):
        a = np.maximum(z, 0.0)
        return a, a

    def parameter_gradients(self, a, grad):
        return []

    def input_gradient(self, a, grad):
        return grad * (a > 0)


class MaxPool2d:
    """Max pooling: each ``size x size`` block of a map becomes its largest entry.

    ``H`` and ``W`` must be multiples of ``size``. The backward pass sends the
    gradient of each block's output to the entry that was the largest (the
    first of them, should several be equal) and 0 to the others: nudging any
    other entry a little does not change the maximum. Chapter 8, (8.9).
    """

    params = ()  # no parameters

    def __init__(self, size=2):
        self.size = as_int("size", size, minimum=1)

    def __repr__(self):
        return f"MaxPool2d({self.size})"

    def _blocks(self, x):
        """Return ``x`` as ``(N, C, H/s, W/s, s*s)``: one row per block."""
        N, C, H, W = x.shape
        s = self.size
        if H % s or W % s:
            raise ValueError(
                f"MaxPool2d({s}) needs feature maps whose height and width are "
                f"multiples of {s}; got {H} x {W}"
            )
        blocks = x.reshape(N, C, H // s, s, W // s, s).transpose(0, 1, 2, 4, 3, 5)
        return blocks.reshape(N, C, H // s, W // s, s * s)

    def forward(self, x):
        blocks = self._blocks(x)
        winner = blocks.argmax(axis=-1)  # which entry of each block is largest
        return blocks.max(axis=-1), (x.shape, winner)

    def parameter_gradients(self, saved, grad):
        return []

    def input_gradient(self, saved, grad):
        (N, C, H, W), winner = saved
        s = self.size
        # each block's gradient goes to its winner, 0 to the other entries
        is_winner = winner[..., np.newaxis] == np.arange(s * s)
        blocks = is_winner * grad[..., np.newaxis]  # (N, C, H/s, W/s, s*s)
        grad_x = blocks.reshape(N, C, H // s, W // s, s, s).transpose(0, 1, 2, 4, 3, 5)
        return grad_x.reshape(N, C, H, W)


class Flatten:
    """Turn each example's feature maps ``(C, H, W)`` into one row of numbers."""

    params = ()  # no parameters

    def __repr__(self):
        return "Flatten()"

    def forward(self, x):
        return x.reshape(len(x), -1), x.shape

    def parameter_gradients(self, shape, grad):
        return []

    def input_gradient(self, shape, grad):
        return grad.reshape(shape)


class Dense:
    """A fully connected layer, ``z = W a + b`` for each row, as in chapter 5.

    ``W`` has shape ``(n_out, n_in)`` and starts like :class:`nnbook.Network`'s
    weights; ``b`` starts at 0. Its backward pass is (5.7) without the
    activation's slope, (5.8) and (5.9), in their batch form (5.11) to (5.13).
    """

    def __init__(self, n_in, n_out, *, rng):
        n_in = as_int("n_in", n_in, minimum=1)
        n_out = as_int("n_out", n_out, minimum=1)
        self.W = rng.standard_normal((n_out, n_in)) / np.sqrt(n_in)
        self.b = np.zeros(n_out)

    def __repr__(self):
        return f"Dense({self.W.shape[1]}, {self.W.shape[0]})"

    @property
    def params(self):
        return [self.W, self.b]

    def forward(self, a):
        return a @ self.W.T + self.b, a

    def parameter_gradients(self, a, delta):
        return [delta.T @ a, delta.sum(axis=0)]  # (5.13), (5.12)

    def input_gradient(self, a, delta):
        return delta @ self.W  # (5.11), before the activation's slope


# -- the network -------------------------------------------------------------------


class ConvNet:
    """A stack of layers with a softmax output and the cross-entropy cost.

    ``layers`` are applied in order to a batch of images ``(N, C, H, W)``;
    the last one must give one row of logits per example, one per class. The
    network's output is their softmax and its cost the mean cross-entropy,
    so the error of the logits is ``(p - y) / n`` for a batch of ``n``
    (chapter 7, (7.8) and (7.9)). The backward pass takes the layers in
    reverse order: each computes the gradients of its parameters from the
    gradient of the cost with respect to its output, and turns that into the
    gradient with respect to its input, which it hands on to the layer below.

    The parameters are the arrays of the layers, in order (``params``);
    ``backprop`` returns their gradients in the same order. Chapter 8.
    """

    def __init__(self, layers):
        self.layers = list(layers)
        for i, layer in enumerate(self.layers):
            methods = ("forward", "parameter_gradients", "input_gradient")
            if not all(hasattr(layer, name) for name in methods):
                raise TypeError(
                    f"layers[{i}] must be a layer such as nnbook.Conv2d or "
                    "nnbook.Dense (with forward, parameter_gradients and "
                    f"input_gradient); got {type(layer).__name__}"
                )
        if not self.layers:
            raise ValueError("a ConvNet needs at least one layer; got none")

    def __repr__(self):
        return f"ConvNet({self.layers})"

    @property
    def params(self):
        """Every parameter array of the layers, in order (views, not copies)."""
        return [p for layer in self.layers for p in layer.params]

    # -- the maths, without checks -------------------------------------------------

    def _forward(self, X):
        """Return the logits of the batch ``X`` and what each layer saved."""
        saved = []
        for layer in self.layers:
            X, s = layer.forward(X)
            saved.append(s)
        return X, saved

    def _backprop(self, X, Y):
        logits, saved = self._forward(X)
        delta = (softmax(logits) - Y) / len(X)  # chapter 7, (7.8) and (7.9)
        grads = []
        for i in range(len(self.layers) - 1, -1, -1):  # the last layer first
            layer = self.layers[i]
            grads = layer.parameter_gradients(saved[i], delta) + grads
            if i > 0:  # nothing below the first layer needs its input gradient
                delta = layer.input_gradient(saved[i], delta)
        return grads

    # -- checks ------------------------------------------------------------------------

    def _check_data(self, X, Y=None):
        X = _check_images("X", X)
        if len(X) == 0:
            raise ValueError("X must hold at least one example; got 0 images")
        # the layers treat each image on its own, so the first one tells the
        # shape of the logits without a forward pass of the whole batch
        first = self._forward(X[:1])[0]
        if first.ndim != 2:
            raise ValueError(
                "the last layer must give one row of logits per example; it "
                f"gives shape {(len(X), *first.shape[1:])} (end with Flatten and Dense)"
            )
        shape = (len(X), first.shape[1])
        if Y is None:
            return X, shape
        return X, shape, probability_targets(Y, shape)

    # -- the public interface ----------------------------------------------------------

    def forward(self, X):
        """Return the probabilities ``softmax(logits)``, one row per image of ``X``."""
        X, _ = self._check_data(X)
        return softmax(self._forward(X)[0])

    def cost(self, X, Y):
        """Return the mean cross-entropy of the network on ``X`` with targets ``Y``.

        ``Y`` holds one row per image, one-hot. Chapter 7, (7.6).
        """
        X, _, Y = self._check_data(X, Y)
        return cross_entropy(self._forward(X)[0], Y)

    def backprop(self, X, Y):
        """Return the gradients of the mean cost, one array per entry of ``params``."""
        X, _, Y = self._check_data(X, Y)
        return self._backprop(X, Y)

    def predict(self, X):
        """Return the class of each image: the index of its largest logit."""
        X, _ = self._check_data(X)
        return self._forward(X)[0].argmax(axis=1)

    def accuracy(self, X, Y):
        """Return the fraction of the images ``X`` classified right.

        ``Y`` gives the classes as integer labels or as one-hot rows.
        """
        X, shape = self._check_data(X)
        labels = class_labels("Y", Y, *shape)
        return float(np.mean(self._forward(X)[0].argmax(axis=1) == labels))

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

        The same loop as :meth:`nnbook.Network.train` (``nnbook.training``):
        each epoch shuffles the examples with ``np.random.default_rng(seed)``,
        takes one step ``p <- p - learning_rate * dC/dp`` for every parameter
        and every batch of ``batch_size`` images (or the step of
        ``optimizer``, such as ``nnbook.Adam(0.001)``, instead), then records
        the cost and the accuracy on ``X`` (and on ``validation = (X_val,
        Y_val)`` if given) in a :class:`nnbook.TrainingHistory`. ``Y`` holds
        one-hot rows.
        """
        X, shape, Y = self._check_data(X, Y)
        labels = class_labels("Y", Y, *shape)
        if validation is not None:
            X_val, Y_val = check_pair("validation", validation)
            X_val, shape_val = self._check_data(X_val)
            labels_val = class_labels("validation Y", Y_val, *shape_val)
            validation = (X_val, np.eye(shape_val[1])[labels_val], labels_val)
        return train(
            self,
            (X, Y, labels),
            epochs=epochs,
            batch_size=batch_size,
            learning_rate=learning_rate,
            optimizer=optimizer,
            seed=seed,
            validation=validation,
        )

    # -- what the training loop asks of a network (nnbook.training) ------------------

    def _gradients(self, X, Y, rng):
        """Return the gradients of a training batch, in the order of ``params``."""
        return self._backprop(X, Y)

    def _measure(self, X, Y, labels):
        """Return the mean cost on ``X`` and the fraction of ``labels`` right."""
        logits = self._forward(X)[0]
        return cross_entropy(logits, Y), float(np.mean(logits.argmax(axis=1) == labels))

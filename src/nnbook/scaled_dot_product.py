"""Scaled dot-product attention, its backward pass, and a small classifier (chapter 12).

Attention mixes the rows of a matrix ``V`` (the *values*), one mixture per
row of ``Q`` (the *queries*), with weights that say how well each query
matches each row of ``K`` (the *keys*):

    S = Q K^T / sqrt(d),   P = softmax of each row of S,   O = P V,

where ``d`` is the width of a query and of a key. Arrays hold one token per
row: ``Q`` is ``(..., n_q, d)``, ``K`` is ``(..., n_k, d)`` and ``V`` is
``(..., n_k, d_v)``; the result ``O`` is ``(..., n_q, d_v)``. The leading
axes, if any, are batch axes, and they *broadcast* as in ``numpy.matmul``:
a single ``K`` of shape ``(n_k, d)`` and ``V`` of shape ``(n_k, d_v)``
may serve a whole batch of queries, say. A mask, True where query ``i``
may attend to key ``j``, has the shape ``(..., n_q, n_k)``, and its batch
axes broadcast too (one causal mask for the whole batch); masked keys get
a weight of exactly 0.

The backward pass goes through the three steps in reverse: through the
product ``O = P V``, through the softmax of each row (chapter 7's Jacobian,
applied without building it, (7.5)), and through ``S = Q K^T / sqrt(d)``.
Where a batch axis was broadcast, the gradient is summed over it, so that
each gradient has the shape of its input.

:class:`AttentionClassifier` reads a digit as a sequence of its rows with
one layer of self-attention, and trains with the loop of
:class:`nnbook.Network`. Chapter 12, equations (12.1) to (12.14).
"""

import numpy as np

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


def _check_tokens(name, value, axes):
    """Return ``value`` as a float array of at least two axes, ``axes`` named."""
    array = as_numeric_array(name, value)
    if array.ndim < 2:
        raise ValueError(
            f"{name} must have at least 2 axes, ({axes}), one token per row, "
            f"with any batch axes in front; got shape {array.shape}"
        )
    if 0 in array.shape[-2:]:
        raise ValueError(
            f"{name} must hold at least one token of at least one number, "
            f"shape (..., {axes}); got shape {array.shape}"
        )
    return array


def _check_inputs(Q, K, V, mask):
    """Check the arguments of :func:`attention`; return them and the batch shape."""
    Q = _check_tokens("Q", Q, "n_q, d")
    K = _check_tokens("K", K, "n_k, d")
    V = _check_tokens("V", V, "n_k, d_v")
    if K.shape[-1] != Q.shape[-1]:
        raise ValueError(
            "K must have the width d of Q, since each score is a dot product "
            f"of a query and a key; Q has d = {Q.shape[-1]} (shape {Q.shape}) "
            f"but K has {K.shape[-1]} (shape {K.shape})"
        )
    if V.shape[-2] != K.shape[-2]:
        raise ValueError(
            "V must have one row per key, as many rows as K; K has "
            f"n_k = {K.shape[-2]} (shape {K.shape}) but V has {V.shape[-2]} "
            f"(shape {V.shape})"
        )
    try:
        batch = np.broadcast_shapes(Q.shape[:-2], K.shape[:-2], V.shape[:-2])
    except ValueError:
        raise ValueError(
            "the batch axes of Q, K and V (all but the last two) must "
            "broadcast against each other, as in numpy.matmul; got shapes "
            f"{Q.shape}, {K.shape} and {V.shape}"
        ) from None
    n_q, n_k = Q.shape[-2], K.shape[-2]
    if mask is not None:
        mask = _check_mask(mask, (*batch, n_q, n_k))
    return Q, K, V, mask, batch


def _check_mask(mask, shape):
    """Return ``mask`` as a boolean array that broadcasts to ``shape``, or raise."""
    if not isinstance(mask, np.ndarray):
        mask = np.asarray(mask)
    if mask.dtype != bool:
        raise TypeError(
            "mask must be a boolean array, True where a query may attend to a "
            f"key; got dtype {mask.dtype} (compare with a number to make one, "
            "such as mask == 1)"
        )
    n_q, n_k = shape[-2:]
    fits = mask.ndim >= 2 and mask.shape[-2:] == (n_q, n_k)
    if fits:
        try:
            fits = np.broadcast_shapes(mask.shape, shape) == shape
        except ValueError:
            fits = False
    if not fits:
        raise ValueError(
            f"mask must have the shape {shape}, one row per query and one "
            f"column per key (its batch axes may be 1 or absent); got "
            f"{mask.shape}"
        )
    empty = ~mask.any(axis=-1)  # in the mask's own axes, before broadcasting
    if empty.any():
        *batch, row = (int(i) for i in np.argwhere(empty)[0])
        where = f" in the batch entry {tuple(batch)}" if batch else ""
        raise ValueError(
            f"every query needs at least one key to attend to, but row {row} "
            f"of the mask is all False{where}; a softmax over no keys is "
            "undefined"
        )
    return mask


def _weights(Q, K, mask):
    """Return the attention weights ``P``, without checks: (12.2) and (12.3)."""
    d = Q.shape[-1]
    S = Q @ np.swapaxes(K, -1, -2) / np.sqrt(d)  # (12.2)
    if mask is not None:
        S = np.where(mask, S, -np.inf)  # (12.10): e^{-inf} is exactly 0
    S = S - S.max(axis=-1, keepdims=True)  # the row's largest score, (7.2)
    E = np.exp(S)
    return E / E.sum(axis=-1, keepdims=True)  # (12.3)


def _sum_to_shape(grad, shape):
    """Sum ``grad`` over the axes that broadcasting added or stretched."""
    extra = grad.ndim - len(shape)
    grad = grad.sum(axis=tuple(range(extra))) if extra else grad
    stretched = tuple(i for i, n in enumerate(shape) if n == 1 and grad.shape[i] != 1)
    return grad.sum(axis=stretched, keepdims=True) if stretched else grad


def _backward(Q, K, V, P, G):
    """Return ``(dQ, dK, dV)`` from the weights ``P`` and ``G = dC/dO``."""
    d = Q.shape[-1]
    dV = np.swapaxes(P, -1, -2) @ G  # (12.6)
    dP = G @ np.swapaxes(V, -1, -2)  # (12.7)
    dS = P * (dP - np.sum(dP * P, axis=-1, keepdims=True))  # (12.8)
    dQ = dS @ K / np.sqrt(d)  # (12.9)
    dK = np.swapaxes(dS, -1, -2) @ Q / np.sqrt(d)  # (12.9)
    return tuple(_sum_to_shape(g, x.shape) for g, x in ((dQ, Q), (dK, K), (dV, V)))


def attention_weights(Q, K, mask=None):
    """Return the attention weights ``P = softmax(Q K^T / sqrt(d))``, row by row.

    .. math:: S = \\frac{Q K^T}{\\sqrt d}, \\qquad
              P_{ij} = \\frac{e^{S_{ij}}}{\\sum_k e^{S_{ik}}}

    ``Q`` is ``(..., n_q, d)`` and ``K`` is ``(..., n_k, d)``; the result is
    ``(..., n_q, n_k)``, and each of its rows is a probability distribution
    over the keys. With a boolean ``mask`` of shape ``(..., n_q, n_k)``, the
    scores where it is False are set to ``-inf`` before the softmax, so
    those weights are exactly 0 and the others share the whole weight of
    their row. Each row's largest score is subtracted before the
    exponential, as chapter 7 does for the softmax, (7.2).

    Chapter 12, equations (12.2), (12.3) and (12.10).
    """
    Q = _check_tokens("Q", Q, "n_q, d")
    K = _check_tokens("K", K, "n_k, d")
    V = np.zeros((*K.shape[:-1], 1))  # a stand-in, so that the checks apply
    Q, K, _, mask, _ = _check_inputs(Q, K, V, mask)
    return _weights(Q, K, mask)


def attention(Q, K, V, mask=None):
    """Return scaled dot-product attention, ``softmax(Q K^T / sqrt(d)) V``.

    .. math:: O = P V, \\qquad P = \\operatorname{softmax}\\!\\left(
              \\frac{Q K^T}{\\sqrt d}\\right) \\text{ row by row}

    ``Q`` is ``(..., n_q, d)``, ``K`` is ``(..., n_k, d)`` and ``V`` is
    ``(..., n_k, d_v)``: one query, key or value per row. Row ``i`` of the
    result, ``(..., n_q, d_v)``, is the mean of the rows of ``V`` weighted
    by row ``i`` of :func:`attention_weights`. Any leading (batch) axes
    broadcast as in ``numpy.matmul``. ``mask``, if given, is a boolean array
    of shape ``(..., n_q, n_k)``, True where query ``i`` may attend to key
    ``j``; every query must be allowed at least one key.

    Raises ValueError for shapes that do not fit together, a query with
    nothing to attend to and NaN or infinite inputs; TypeError for a mask
    that is not boolean and for inputs that are not numbers.

    Chapter 12, equations (12.1) to (12.4) and (12.10).
    """
    Q, K, V, mask, _ = _check_inputs(Q, K, V, mask)
    return _weights(Q, K, mask) @ V  # (12.4)


def attention_backward(Q, K, V, grad_out, mask=None):
    """Return ``(dQ, dK, dV)``, a cost's gradients through :func:`attention`.

    ``grad_out`` is ``G = dC/dO``, the gradient of the cost with respect to
    the output ``O = attention(Q, K, V, mask)``, with the shape of ``O``.
    With ``P`` the attention weights and ``d`` the width of ``Q``:

    - ``dV = P^T G``, (12.6);
    - ``dP = G V^T``, (12.7);
    - ``dS = P * (dP - rowsum(dP * P))``, (12.8): the softmax's Jacobian of
      chapter 7 applied to each row, as in (7.5), without building it;
    - ``dQ = dS K / sqrt(d)`` and ``dK = dS^T Q / sqrt(d)``, (12.9).

    Masked entries have ``P = 0``, so their ``dS`` is 0: a key gets no
    gradient from a query that may not see it. Each gradient has the shape
    of its input; over a batch axis that broadcasting stretched, it is
    summed.

    Chapter 12, equations (12.6) to (12.9).
    """
    Q, K, V, mask, batch = _check_inputs(Q, K, V, mask)
    G = as_numeric_array("grad_out", grad_out)
    expected = (*batch, Q.shape[-2], V.shape[-1])
    if G.shape != expected:
        raise ValueError(
            "grad_out must have the shape of attention(Q, K, V), "
            f"(..., n_q, d_v) = {expected}; got {G.shape}"
        )
    return _backward(Q, K, V, _weights(Q, K, mask), G)


# -- a classifier that reads a digit row by row -------------------------------------


class AttentionClassifier:
    """One layer of self-attention that reads an image as a sequence of rows.

    Each image of ``tokens x width`` pixels (8 x 8 for the digits) is a
    sequence of ``tokens`` rows, its *tokens*; row ``r`` holds the ``width``
    pixels of image row ``r``. For each image, with the tokens as the rows
    of ``X`` (``tokens x width``) and one row per token in every matrix
    below, the network

    - embeds each row and adds the embedding of its position, (12.11):
      ``A1 = X W_in^T + b_in + E``, a ``tokens x d`` matrix;
    - lets every token attend to every token (self-attention, no mask) and
      adds the result to ``A1`` (a *residual* connection), (12.12):
      ``A2 = A1 + attention(A1 W_Q^T, A1 W_K^T, A1 W_V^T)``;
    - applies one ReLU layer of ``hidden`` neurons to each token on its
      own, (12.13): ``A3 = relu(A2 W_ff^T + b_ff)``;
    - takes the mean ``a`` of the rows of ``A3`` and gives the logits
      ``z = W_out a + b_out``, (12.14), whose softmax is the output, with
      the cross-entropy as the cost (chapter 7).

    ``params`` lists the arrays named in ``names``, in that order. The
    matrices start as normal draws with standard deviation one over the
    square root of their number of inputs, as :class:`nnbook.Network`'s
    weights do (``E``, whose rows are added to ``d``-wide tokens, with
    ``1 / sqrt(d)``), the biases at 0. ``backprop`` returns the gradients of
    the mean cost in the order of ``params``; ``train`` is the training loop
    of :class:`nnbook.Network` (``nnbook.training``).

    ``X`` holds one image per row, flattened (``(N, tokens * width)``, as
    :func:`nnbook.load_digits` gives them) or not (``(N, tokens, width)``).

    Chapter 12, equations (12.11) to (12.14).
    """

    names = ("W_in", "b_in", "E", "W_Q", "W_K", "W_V", "W_ff", "b_ff", "W_out", "b_out")

    def __init__(self, d=16, hidden=64, *, tokens=8, width=8, classes=10, seed=None):
        self.d = as_int("d", d, minimum=1)
        self.hidden = as_int("hidden", hidden, minimum=1)
        self.tokens = as_int("tokens", tokens, minimum=1)
        self.width = as_int("width", width, minimum=1)
        self.classes = as_int("classes", classes, minimum=2)
        rng = np.random.default_rng(seed)
        for name, shape in self._shapes().items():
            if len(shape) == 1:  # a bias
                setattr(self, name, np.zeros(shape))
            else:
                fan_in = self.d if name == "E" else shape[1]
                setattr(self, name, rng.standard_normal(shape) / np.sqrt(fan_in))

    def _shapes(self):
        """The shape of each parameter, by name, in the order of ``names``."""
        d, m, c = self.d, self.hidden, self.classes
        shapes = [(d, self.width), (d,), (self.tokens, d), (d, d), (d, d), (d, d)]
        shapes += [(m, d), (m,), (c, m), (c,)]
        return dict(zip(self.names, shapes))

    def __repr__(self):
        return (
            f"AttentionClassifier(d={self.d}, hidden={self.hidden}, "
            f"tokens={self.tokens}, width={self.width}, classes={self.classes})"
        )

    @property
    def params(self):
        """The parameter arrays, in the order of ``names`` (the arrays, not copies)."""
        return [getattr(self, name) for name in self.names]

    # -- the maths, without checks ----------------------------------------------
    # The dense maps act on every token alike, so they work on the tokens of
    # the whole batch as one matrix of N * tokens rows; only attention needs
    # the images apart, as arrays (N, tokens, d).

    def _forward(self, X):
        """Return the logits of the images ``X`` and what the backward pass needs."""
        N, t, d = len(X), self.tokens, self.d
        X = X.reshape(N * t, self.width)  # one token per row
        A1 = (X @ self.W_in.T + self.b_in).reshape(N, t, d) + self.E  # (12.11)
        A1 = A1.reshape(N * t, d)
        Q, K, V = ((A1 @ W.T).reshape(N, t, d) for W in (self.W_Q, self.W_K, self.W_V))
        P = _weights(Q, K, None)  # (12.2), (12.3)
        A2 = A1 + (P @ V).reshape(N * t, d)  # (12.12), (12.4)
        A3 = np.maximum(A2 @ self.W_ff.T + self.b_ff, 0.0)  # (12.13)
        a = A3.reshape(N, t, self.hidden).mean(axis=1)  # the mean over the tokens
        logits = a @ self.W_out.T + self.b_out  # (12.14)
        return logits, (X, A1, Q, K, V, P, A2, A3, a)

    def _backprop(self, X, Y):
        logits, (X, A1, Q, K, V, P, A2, A3, a) = self._forward(X)
        N, t, d = len(Y), self.tokens, self.d
        delta = (softmax(logits) - Y) / N  # chapter 7, (7.9)
        # the mean over the tokens hands each token 1/t of the error of a
        da = delta @ self.W_out  # (5.11), before any activation
        D3 = np.repeat(da / t, t, axis=0) * (A3 > 0)  # the ReLU's slope, (8.8)
        D2 = D3 @ self.W_ff  # dC/dA2
        # the residual connection hands dC/dA2 on unchanged to the attention's
        # output (its G) and to A1
        dQ, dK, dV = (
            g.reshape(N * t, d) for g in _backward(Q, K, V, P, D2.reshape(N, t, d))
        )
        # A1 is used four times: the residual path and the three projections
        D1 = D2 + dQ @ self.W_Q + dK @ self.W_K + dV @ self.W_V
        return [
            D1.T @ X,  # W_in, (5.13), summed over the tokens too
            D1.sum(axis=0),  # b_in, (5.12)
            D1.reshape(N, t, d).sum(axis=0),  # E: one row per position
            dQ.T @ A1,  # W_Q
            dK.T @ A1,  # W_K
            dV.T @ A1,  # W_V
            D3.T @ A2,  # W_ff
            D3.sum(axis=0),  # b_ff
            delta.T @ a,  # W_out
            delta.sum(axis=0),  # b_out
        ]

    # -- checks ---------------------------------------------------------------

    def _check_parameters(self):
        for name, shape in self._shapes().items():
            value = as_numeric_array(f"net.{name}", getattr(self, name))
            if value.shape != shape:
                raise ValueError(
                    f"net.{name} must have shape {shape} for {self!r}; got "
                    f"{value.shape}"
                )
            if value is not getattr(self, name):
                setattr(self, name, value)

    def _check_images(self, X):
        self._check_parameters()
        X = as_numeric_array("X", X)
        t, w = self.tokens, self.width
        if X.ndim == 2 and X.shape[1] == t * w:
            X = X.reshape(len(X), t, w)
        if X.ndim != 3 or X.shape[1:] != (t, w):
            raise ValueError(
                f"X must hold one image per row, of shape (N, {t * w}) or "
                f"(N, {t}, {w}): {t} rows of {w} pixels; got shape {X.shape}"
            )
        if len(X) == 0:
            raise ValueError("X must hold at least one image; got 0")
        return X

    def _check_targets(self, X, Y):
        return probability_targets(Y, (len(X), self.classes))

    # -- the public interface -------------------------------------------------

    def forward(self, X):
        """Return the probabilities, one row of ``classes`` per image of ``X``."""
        return softmax(self._forward(self._check_images(X))[0])

    def weights(self, X):
        """Return the attention weights ``P``, ``(N, tokens, tokens)``, for ``X``.

        Row ``i`` of ``P[n]`` says how much token (image row) ``i`` of image
        ``n`` takes from each token ``j``; each row sums to 1.
        """
        return self._forward(self._check_images(X))[1][5]  # P

    def cost(self, X, Y):
        """Return the mean cross-entropy on ``X`` with the one-hot targets ``Y``."""
        X = self._check_images(X)
        return cross_entropy(self._forward(X)[0], self._check_targets(X, Y))

    def backprop(self, X, Y):
        """Return the gradients of the mean cost, one array per entry of ``params``."""
        X = self._check_images(X)
        return self._backprop(X, self._check_targets(X, Y))

    def predict(self, X):
        """Return the class of each image: the index of its largest logit."""
        return self._forward(self._check_images(X))[0].argmax(axis=1)

    def accuracy(self, X, Y):
        """Return the fraction of ``X`` classified right; ``Y``: labels or one-hot."""
        X = self._check_images(X)
        labels = class_labels("Y", Y, len(X), self.classes)
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
        """Train by mini-batch gradient descent; return the history.

        The loop of :meth:`nnbook.Network.train` (``nnbook.training``): each
        epoch shuffles the images with ``np.random.default_rng(seed)`` and
        hands the gradient of each batch of ``batch_size`` to the optimiser
        (``optimizer``, such as ``nnbook.Adam(0.01)``, or plain gradient
        descent with ``learning_rate``), then records the cost and the
        accuracy on ``X`` (and on ``validation = (X_val, Y_val)``) in a
        :class:`nnbook.TrainingHistory`. ``Y`` holds one-hot rows.
        """
        X = self._check_images(X)
        Y = self._check_targets(X, Y)
        labels = class_labels("Y", Y, len(X), self.classes)
        if validation is not None:
            X_val, Y_val = check_pair("validation", validation)
            X_val = self._check_images(X_val)
            labels_val = class_labels("validation Y", Y_val, len(X_val), self.classes)
            validation = (X_val, np.eye(self.classes)[labels_val], labels_val)
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

    # -- what the training loop asks of a network (nnbook.training) ---------------

    def _gradients(self, X, Y, rng):
        """Return the gradients of a training batch, in the order of ``params``."""
        return self._backprop(X, Y)

    def _measure(self, X, Y, labels):
        """Return the mean cost on ``X`` and the fraction of ``labels`` right."""
        logits = self._forward(X)[0]
        right = None if labels is None else float(np.mean(logits.argmax(1) == labels))
        return cross_entropy(logits, Y), right

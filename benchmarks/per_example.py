"""The classic implementation: backpropagation one example at a time.

This is how the well-known teaching implementations of the 2010s train a
network, Michael Nielsen's ``network.py`` (for his book *Neural Networks and
Deep Learning*, 2015) among them: within a mini-batch, a Python loop takes
the examples one by one, runs the forward and the backward pass on a single
column vector ``x``, and adds up the gradients; after the loop the summed
gradient, divided by the batch size, makes one step of gradient descent.

The algorithm is exactly :meth:`nnbook.Network.train`'s: the same equations
(BP1) to (BP4) of chapter 5, the same shuffling with the same ``seed``, the
same mean over the batch, the same cost recorded after each epoch. Only the
loop differs, which is what the benchmark measures. Chapter 6 shows that the
two give the same gradients. With ``output="softmax"`` the output layer is a
softmax and the cost the cross-entropy, as in chapter 7: only the output
activation, the first line of the backward pass, (7.8), and the cost change.
"""

import numpy as np

from nnbook import cross_entropy, sigmoid, softmax


class PerExampleNetwork:
    """A sigmoid network with the quadratic cost, trained one example at a time.

    ``weights`` and ``biases`` are copied from lists shaped like those of
    :class:`nnbook.Network`; the biases are kept as columns, as on paper.
    ``output="softmax"`` gives the network a softmax output layer and the
    cross-entropy cost instead (chapter 7).
    """

    def __init__(self, weights, biases, *, output="sigmoid"):
        if output not in ("sigmoid", "softmax"):
            raise ValueError(f"output must be 'sigmoid' or 'softmax'; got {output!r}")
        self.weights = [np.array(W, dtype=float) for W in weights]
        self.biases = [np.array(b, dtype=float).reshape(-1, 1) for b in biases]
        self.softmax = output == "softmax"

    def _activations(self, x):
        """Return ``[a^0, ..., a^L]`` for one example, a column vector ``x``."""
        activations = [x]
        L = len(self.weights)
        for l, (W, b) in enumerate(zip(self.weights, self.biases), start=1):
            z = W @ activations[-1] + b
            last_softmax = self.softmax and l == L
            # a column: the softmax runs down axis 0, nnbook's along the last
            activations.append(softmax(z.T).T if last_softmax else sigmoid(z))
        return activations

    def feedforward(self, x):
        """Return ``a^L`` for one example, a column vector ``x``."""
        return self._activations(x)[-1]

    def backprop(self, x, y):
        """Return the gradients of one example's cost; ``x`` and ``y`` are columns.

        Nielsen's version calls ``sigmoid_prime(z)``, which computes the
        sigmoid again; like nnbook and chapter 6's loop, this one reads
        ``sigma'(z) = a (1 - a)`` off the stored activations, so that the
        benchmark compares the loops and nothing else.
        """
        activations = self._activations(x)
        L = len(self.weights)
        grad_w, grad_b = [None] * L, [None] * L
        a = activations[-1]
        # (BP1): a - y for the softmax with the cross-entropy, (7.8); for
        # sigmoids with the quadratic cost, with sigma'(z) = a (1 - a)
        delta = a - y if self.softmax else (a - y) * a * (1 - a)
        for l in range(L, 0, -1):  # the book's layers L, ..., 1
            grad_b[l - 1] = delta  # (BP3)
            grad_w[l - 1] = delta @ activations[l - 1].T  # (BP4)
            if l > 1:
                a = activations[l - 1]
                delta = (self.weights[l - 1].T @ delta) * a * (1 - a)  # (BP2)
        return grad_w, grad_b

    def batch_gradients(self, X, Y):
        """Return the mean gradients over the rows of ``X`` and ``Y``, by a loop."""
        sum_w = [np.zeros_like(W) for W in self.weights]
        sum_b = [np.zeros_like(b) for b in self.biases]
        for x, y in zip(X, Y):
            grad_w, grad_b = self.backprop(x[:, np.newaxis], y[:, np.newaxis])
            for s, g in zip(sum_w, grad_w):
                s += g
            for s, g in zip(sum_b, grad_b):
                s += g
        n = len(X)
        return [s / n for s in sum_w], [s / n for s in sum_b]

    def cost(self, X, Y):
        """Return the mean cost over the rows of ``X``, one example at a time."""
        total = 0.0
        for x, y in zip(X, Y):
            if self.softmax:  # the cross-entropy, from the logits
                a = x[:, np.newaxis]
                for W, b in zip(self.weights[:-1], self.biases[:-1]):
                    a = sigmoid(W @ a + b)
                z = self.weights[-1] @ a + self.biases[-1]
                total += cross_entropy(z.T, y[np.newaxis])
            else:
                a = self.feedforward(x[:, np.newaxis])
                total += 0.5 * float(np.sum((y[:, np.newaxis] - a) ** 2))
        return total / len(X)

    def train(self, X, Y, *, epochs, learning_rate, batch_size, seed=None):
        """Train by mini-batch SGD, as ``nnbook.Network.train``; return the costs."""
        rng = np.random.default_rng(seed)
        costs = []
        n = len(X)
        for _ in range(epochs):
            order = rng.permutation(n)
            for start in range(0, n, batch_size):
                batch = order[start : start + batch_size]
                grad_w, grad_b = self.batch_gradients(X[batch], Y[batch])
                for W, g in zip(self.weights, grad_w):
                    W -= learning_rate * g
                for b, g in zip(self.biases, grad_b):
                    b -= learning_rate * g
            costs.append(self.cost(X, Y))
        return costs

    def predict(self, X):
        """Return the index of the largest output for each row of ``X``."""
        return np.array([int(np.argmax(self.feedforward(x[:, np.newaxis]))) for x in X])

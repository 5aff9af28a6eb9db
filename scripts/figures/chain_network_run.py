"""The real training run behind the chain-rule figures of chapter 4.

The chain network has one neuron per layer, ``a^0 -> a^1 -> a^2``. It is
trained with nnbook on the single example below; the figures show its state
after ``STEPS`` steps of gradient descent. Chapter 4 repeats this run in a
code block, so every number drawn in the GIFs can be checked on the page.
"""

import numpy as np

import nnbook

SIZES = [1, 1, 1]
SEED = 1
X = np.array([[1.5]])  # a^0
Y = np.array([[0.2]])  # y
LEARNING_RATE = 1.0
STEPS = 5


def trained_chain_network():
    """Return the chain network after ``STEPS`` steps of gradient descent."""
    net = nnbook.Network(SIZES, seed=SEED)
    net.train(X, Y, epochs=STEPS, learning_rate=LEARNING_RATE, batch_size=1, seed=0)
    return net


def chain_values(net, *, dw1=0.0, dw2=0.0):
    """Return every quantity of the chain as floats, with optional nudges.

    ``dw1`` and ``dw2`` are added to ``w^1`` and ``w^2`` before the forward
    pass. The local derivatives are those of chapter 4, equations (1.1) to
    (2.3.2), evaluated at the nudged point.
    """
    a0, y = float(X[0, 0]), float(Y[0, 0])
    w1 = float(net.weights[0][0, 0]) + dw1
    w2 = float(net.weights[1][0, 0]) + dw2
    b1, b2 = float(net.biases[0][0]), float(net.biases[1][0])
    z1 = w1 * a0 + b1
    a1 = float(nnbook.sigmoid(z1))
    z2 = w2 * a1 + b2
    a2 = float(nnbook.sigmoid(z2))
    return {
        "a0": a0, "y": y, "w1": w1, "b1": b1, "z1": z1, "a1": a1,
        "w2": w2, "b2": b2, "z2": z2, "a2": a2,
        "C": 0.5 * (y - a2) ** 2,
        "dz2_dw2": a1,                          # (1.1)
        "da2_dz2": float(nnbook.sigmoid_prime(z2)),  # (1.2)
        "dC_da2": a2 - y,                       # (1.3)
        "dz1_dw1": a0,                          # (2.1)
        "da1_dz1": float(nnbook.sigmoid_prime(z1)),  # (2.2)
        "dz2_da1": w2,
    }  # fmt: skip

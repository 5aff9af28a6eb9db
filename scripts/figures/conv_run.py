"""The real training run behind chapter 8's figures: a small convolutional network.

Chapter 8 trains this network on scikit-learn's 8x8 digits, with chapter 6's
split and the seeds and hyper-parameters below, and repeats the very run in
a code block, so every number a figure shows can be checked on the page:
16 filters of 3 by 3 pixels, a ReLU, 2 by 2 max pooling, and a dense layer
from the 16 pooled maps of 3 by 3 to the 10 logits, with a softmax output
and the cross-entropy cost. The run takes a few seconds; it is made once
per build and shared by the figures that need it.
"""

import functools

import numpy as np

import nnbook

TEST_SIZE = 0.25
SPLIT_SEED = 0
FILTERS, SIZE = 16, 3
SEED = 0  # the initial weights (one generator for all the layers)
SHUFFLE_SEED = 0
EPOCHS = 30
LEARNING_RATE = 0.3
BATCH_SIZE = 10


def images(X):
    """Return rows of 64 pixels as a batch of 8x8 grey images, (N, 1, 8, 8)."""
    return X.reshape(-1, 1, 8, 8)


def build(seed=SEED):
    """Return the untrained network, its weights drawn with ``seed``."""
    rng = np.random.default_rng(seed)
    return nnbook.ConvNet(
        [
            nnbook.Conv2d(1, FILTERS, SIZE, rng=rng),  # 16 maps of 6 x 6
            nnbook.ReLU(),
            nnbook.MaxPool2d(2),  # 16 maps of 3 x 3
            nnbook.Flatten(),  # 144 numbers
            nnbook.Dense(FILTERS * 9, 10, rng=rng),  # 10 logits
        ]
    )


@functools.cache
def trained_convnet():
    """Return ``(net, history, data)`` after chapter 8's training run.

    The result is shared: callers must not change the network.
    """
    data = nnbook.load_digits(test_size=TEST_SIZE, seed=SPLIT_SEED)
    net = build()
    history = net.train(
        images(data.X_train),
        data.Y_train,
        epochs=EPOCHS,
        learning_rate=LEARNING_RATE,
        batch_size=BATCH_SIZE,
        seed=SHUFFLE_SEED,
        validation=(images(data.X_test), data.labels_test),
    )
    return net, history, data

"""The real training run behind chapter 6's figures.

Chapter 6 trains a 64-30-10 sigmoid network with the quadratic cost on
scikit-learn's 8x8 digits, with the split, seeds and hyper-parameters below,
and repeats this very run in a code block, so every number that a figure
shows can be checked on the page. The run takes about a second; it is made
once per build and shared by the figures that need it.
"""

import functools

import nnbook

TEST_SIZE = 0.25  # a stratified 75/25 split
SPLIT_SEED = 0
SIZES = [64, 30, 10]
SEED = 0  # the initial weights
SHUFFLE_SEED = 0  # the order of the examples in each epoch
EPOCHS = 50
LEARNING_RATE = 4.0
BATCH_SIZE = 10


@functools.cache
def trained_digits_network():
    """Return ``(net, history, data)`` after chapter 6's training run.

    The result is shared: callers must not change the network.
    """
    data = nnbook.load_digits(test_size=TEST_SIZE, seed=SPLIT_SEED)
    net = nnbook.Network(SIZES, seed=SEED)
    history = net.train(
        data.X_train,
        data.Y_train,
        epochs=EPOCHS,
        learning_rate=LEARNING_RATE,
        batch_size=BATCH_SIZE,
        seed=SHUFFLE_SEED,
        validation=(data.X_test, data.labels_test),
    )
    return net, history, data

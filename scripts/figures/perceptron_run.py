"""The real training run behind the perceptron figures of chapter 2.

Chapter 2 repeats this run in a code block (the same data, the same order of
the examples), so every boundary drawn in the figures is one the page checks.
"""

import nnbook

# 40 points labelled by the side of x_1 + 2 x_2 - 1 = 0, none closer than 0.2
N, W_TRUE, B_TRUE, MARGIN, SEED = 40, (1.0, 2.0), -1.0, 0.2, 2
# the drawn square: the square [-2, 2] x [-2, 2] of the points, and a rim
BOX = (-2.15, 2.15, -2.15, 2.15)


def trained_perceptron():
    """Return ``(X, y, perceptron, history)`` after training to no mistakes."""
    X, y = nnbook.separable_points(
        N, w=list(W_TRUE), b=B_TRUE, margin=MARGIN, seed=SEED
    )
    perceptron = nnbook.Perceptron(2)
    history = perceptron.fit(X, y)
    assert history.converged, "the chapter's run must end without mistakes"
    return X, y, perceptron, history

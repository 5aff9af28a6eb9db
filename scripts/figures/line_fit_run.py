"""The real runs behind the line-fitting figures of chapter 3.

The data, the start and the learning rates are the chapter's, so the paths
drawn in the figures are those its code blocks check.
"""

import numpy as np

import nnbook

N, SLOPE, INTERCEPT, NOISE, SEED = 30, 2.0, 1.0, 0.3, 0
START = (0.0, 2.0)  # the flat line y = 2
RATES = {0.05: "too small", 0.5: "about right", 0.9: "too large"}
STEPS = 50


def points():
    """Return ``(x, y)``, the chapter's 30 points around y = 2x + 1."""
    return nnbook.noisy_line(
        N, slope=SLOPE, intercept=INTERCEPT, noise=NOISE, seed=SEED
    )


def descent(x, y, learning_rate, steps=STEPS):
    """Return the path of (m, c) and the loss after each step."""
    path = nnbook.fit_line(x, y, learning_rate=learning_rate, steps=steps, start=START)
    return path, nnbook.line_loss(path.T, x, y)


def least_squares(x, y):
    """Return the exact best (m, c), from numpy's least squares."""
    best, *_ = np.linalg.lstsq(np.column_stack([x, np.ones_like(x)]), y)
    return best

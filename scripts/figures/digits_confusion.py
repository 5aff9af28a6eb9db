"""The confusion matrix of chapter 6's digits network on the test set.

Row i, column j counts the test images of digit i that the network reads as
j: the diagonal holds the right answers, every other number a mistake.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import to_rgb

from scripts.figures._style import BLUE, RED, save_png, style
from scripts.figures.digits_run import trained_digits_network

FILENAME = "digits-confusion.png"


def compute():
    """Return the 10x10 matrix of counts, true digits in rows."""
    net, _, data = trained_digits_network()
    predicted = net.predict(data.X_test)
    counts = np.zeros((10, 10), dtype=int)
    np.add.at(counts, (data.labels_test, predicted), 1)
    return counts


def draw(counts):
    # right answers in blue, mistakes in red; the colour deepens with the count
    image = np.ones((10, 10, 3))
    for (i, j), count in np.ndenumerate(counts):
        if count:
            colour = np.array(to_rgb(BLUE if i == j else RED))
            strength = 0.35 if i == j else min(0.35 + 0.2 * count, 1.0)
            image[i, j] = 1 - strength * (1 - colour)
    with style():
        fig, ax = plt.subplots(figsize=(6, 5.6))
        ax.imshow(image)
        for (i, j), count in np.ndenumerate(counts):
            if count:
                ax.text(j, i, str(count), ha="center", va="center", fontsize=13)
        ax.set_xticks(range(10))
        ax.set_yticks(range(10))
        ax.set_xlabel("the network's answer")
        ax.set_ylabel("the true digit")
        ax.xaxis.set_label_position("top")
        ax.xaxis.tick_top()
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        ax.set_xticks(np.arange(-0.5, 10), minor=True)
        ax.set_yticks(np.arange(-0.5, 10), minor=True)
        ax.grid(which="minor", color="#DDDDDD", lw=0.8)
        ax.tick_params(which="minor", length=0)
        fig.tight_layout()
    return fig


def make(path, *, fast=False):
    save_png(draw(compute()), path)

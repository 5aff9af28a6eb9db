"""The cost and the accuracy of chapter 6's digits network, epoch by epoch.

Two panels from the same run (digits_run): the mean quadratic cost on the
training and the test set, and the fraction of each set classified right.
"""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures._style import BLUE, ORANGE, save_png, style
from scripts.figures.digits_run import trained_digits_network

FILENAME = "digits-training-curves.png"


def compute():
    """Return the four curves of the history as arrays, with the epochs."""
    _, history, _ = trained_digits_network()
    return {
        "epoch": np.arange(1, len(history.cost) + 1),
        "train_cost": np.array(history.cost),
        "test_cost": np.array(history.validation_cost),
        "train_accuracy": 100 * np.array(history.accuracy),
        "test_accuracy": 100 * np.array(history.validation_accuracy),
    }


def draw(data):
    with style():
        fig, (cost, accuracy) = plt.subplots(1, 2, figsize=(7.2, 3.6))
        epoch = data["epoch"]
        cost.plot(epoch, data["train_cost"], color=BLUE, lw=2, label="training")
        cost.plot(epoch, data["test_cost"], color=ORANGE, lw=2, label="test")
        cost.set_yscale("log")
        cost.set_xlabel("epoch")
        cost.set_title("cost $C$ (log scale)", fontsize=13)
        cost.legend(frameon=False)
        accuracy.plot(epoch, data["train_accuracy"], color=BLUE, lw=2)
        accuracy.plot(epoch, data["test_accuracy"], color=ORANGE, lw=2)
        accuracy.set_ylim(90, 100)
        accuracy.set_xlabel("epoch")
        accuracy.set_title("accuracy (%)", fontsize=13)
        accuracy.text(
            epoch[-1],
            data["test_accuracy"][-1] - 0.6,
            f"test {data['test_accuracy'][-1]:.1f}%",
            color=ORANGE,
            ha="right",
            va="top",
        )
        for ax in (cost, accuracy):
            ax.grid(alpha=0.3)
        fig.tight_layout()
    return fig


def make(path, *, fast=False):
    save_png(draw(compute()), path)

"""The learning slowdown of saturated sigmoids, in two real runs (chapter 7).

Left: the output of one sigmoid neuron, started at 0.993 with the target 0,
step by step, with the quadratic cost and with the cross-entropy. Right: the
test accuracy of the digits network started with saturated output neurons,
epoch by epoch, with the quadratic cost and with the two cross-entropies.
The runs are those of slowdown_run.
"""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures._style import BLUE, GREEN, ORANGE, save_png, style
from scripts.figures.slowdown_run import saturated_digits, saturated_neuron

FILENAME = "slowdown-curves.png"
COLOURS = {
    "quadratic": BLUE,
    "cross_entropy": ORANGE,
    "sigmoid, quadratic cost": BLUE,
    "sigmoid, cross-entropy": ORANGE,
    "softmax, cross-entropy": GREEN,
}


def compute():
    return {"neuron": saturated_neuron(), "digits": saturated_digits()}


def draw(data):
    with style():
        fig, (left, right) = plt.subplots(1, 2, figsize=(7.2, 4.0))
        for cost, outputs in data["neuron"].items():
            name = "quadratic" if cost == "quadratic" else "cross-entropy"
            left.plot(outputs, color=COLOURS[cost], lw=2.5, label=name)
        left.axhline(0.5, color="#999999", lw=1, ls=":")
        left.set_xlabel("gradient descent step")
        left.set_title("one neuron: output $a$ (target 0)", fontsize=13)
        left.set_ylim(0, 1.02)
        left.legend(
            frameon=False, loc="center", bbox_to_anchor=(0.5, 0.68), fontsize=12
        )

        for label, accuracy in data["digits"].items():
            epochs = np.arange(1, len(accuracy) + 1)
            right.plot(epochs, accuracy, color=COLOURS[label], lw=2.5, label=label)
        right.set_xlabel("epoch")
        right.set_title("digits: test accuracy (%)", fontsize=13)
        right.set_ylim(0, 100)
        right.legend(frameon=False, loc="center right", fontsize=11)
        for ax in (left, right):
            ax.grid(alpha=0.3)
        fig.tight_layout()
    return fig


def make(path, *, fast=False):
    save_png(draw(compute()), path)

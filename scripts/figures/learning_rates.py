"""The loss of the line fit for three learning rates (chapter 3).

Three real runs of ``nnbook.fit_line`` from the chapter's start, 50 steps
each: too small a rate crawls, a good one converges, too large a one
diverges. The dashed line is the least-squares minimum.
"""

import matplotlib.pyplot as plt
import numpy as np

import nnbook
from scripts.figures._style import BLUE, GREEN, GREY, RED, save_png, style
from scripts.figures.line_fit_run import RATES, descent, least_squares, points

FILENAME = "learning-rates.png"

COLOURS = [BLUE, GREEN, RED]


def compute():
    """Return the loss after each step for each rate, and the minimum."""
    x, y = points()
    losses = {eta: descent(x, y, eta)[1] for eta in RATES}
    lowest = nnbook.line_loss(least_squares(x, y), x, y)
    assert np.all(np.diff(losses[max(RATES)]) > 0), "the large rate must diverge"
    return {"losses": losses, "lowest": lowest}


def draw(data):
    fig, ax = plt.subplots(figsize=(7.2, 4.6))
    fig.subplots_adjust(left=0.13, right=0.97, bottom=0.14, top=0.95)
    ax.set_yscale("log")
    for (eta, loss), colour in zip(data["losses"].items(), COLOURS):
        ax.plot(loss, color=colour, lw=3, label=rf"$\eta = {eta}$, {RATES[eta]}")
    ax.legend(loc="upper left", fontsize=16, frameon=False)
    ax.axhline(data["lowest"], color=GREY, lw=1.5, ls=(0, (6, 4)))
    ax.text(len(loss) - 1, data["lowest"] * 0.85, "least-squares minimum",
            color=GREY, fontsize=14, ha="right", va="top")  # fmt: skip
    ax.set_ylim(0.015, None)
    ax.set_xlim(0, len(loss) - 1)
    ax.set_xlabel("step", fontsize=17)
    ax.set_ylabel("loss $L(m, c)$", fontsize=17)
    return fig


def make(path, *, fast=False):
    with style():
        save_png(draw(compute()), path)

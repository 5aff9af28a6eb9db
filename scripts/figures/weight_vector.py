"""The trained perceptron's weight vector, at right angles to its boundary.

The weights are those at the end of the real training run of chapter 2
(``perceptron_run``). The arrow starts at the point of the boundary closest
to the origin and shows the direction of w (the unit vector w / ||w||,
enlarged, since w itself is longer than the picture).
"""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures._plane import draw_perceptron, draw_points, square_axes
from scripts.figures._style import BLUE, ORANGE, PURPLE, save_png, style
from scripts.figures.perceptron_run import BOX, trained_perceptron

FILENAME = "weight-vector.png"

ARROW = 1.3  # drawn length of the unit vector along w


def compute():
    """Return the data, the learned (b, w) and the foot of the arrow."""
    X, y, perceptron, _ = trained_perceptron()
    w, b = perceptron.w, perceptron.b
    unit = w / np.linalg.norm(w)
    foot = -b * w / (w @ w)  # the point of w . x + b = 0 closest to the origin
    assert np.isclose(w @ foot + b, 0.0)
    return {"X": X, "y": y, "w": w, "b": b, "unit": unit, "foot": foot}


def draw(data):
    w, b, unit, foot = data["w"], data["b"], data["unit"], data["foot"]
    along = np.array([unit[1], -unit[0]])  # a direction within the boundary
    fig, ax = plt.subplots(figsize=(7.2, 7.0))
    fig.subplots_adjust(left=0.09, right=0.97, bottom=0.08, top=0.9)
    square_axes(ax, BOX)
    draw_perceptron(ax, np.concatenate([[b], w]), BOX)
    draw_points(ax, data["X"], data["y"], size=70, alpha=0.35)

    tip = foot + ARROW * unit
    ax.annotate("", xy=tip, xytext=foot,
                arrowprops={"arrowstyle": "-|>,head_length=0.8,head_width=0.4",
                            "color": PURPLE, "lw": 4, "shrinkA": 0,
                            "shrinkB": 0})  # fmt: skip
    ax.text(tip[0] - 0.12, tip[1] + 0.05, r"$w\,/\,\|w\|$", color=PURPLE,
            fontsize=22, ha="right", va="bottom",
            bbox={"fc": "white", "ec": "none", "alpha": 0.8, "pad": 2})  # fmt: skip
    size = 0.2
    corner = [foot + size * along, foot + size * (along + unit), foot + size * unit]
    ax.plot(*np.array(corner).T, color="black", lw=2)

    ax.text(0.0, 1.02, r"shaded: $w \cdot x + b > 0$, output 1", color=ORANGE,
            fontsize=17, transform=ax.transAxes)  # fmt: skip
    ax.text(1.0, 1.02, r"white: output 0", color=BLUE, fontsize=17, ha="right",
            transform=ax.transAxes)  # fmt: skip
    ax.set_title(rf"learned: $w = ({w[0]:.2f},\ {w[1]:.2f}),\ b = {b:.2f}$",
                 fontsize=18, loc="left", pad=30)  # fmt: skip
    ax.set_xlabel("$x_1$", fontsize=18, labelpad=2)
    ax.set_ylabel("$x_2$", fontsize=18, labelpad=2)
    return fig


def make(path, *, fast=False):
    with style():
        save_png(draw(compute()), path)

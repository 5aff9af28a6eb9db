"""AND, OR and XOR with their separating lines, where they exist (chapter 1).

The thick lines are the chapter's perceptrons (w = (1, 1) with b = -1.5 for
AND and -0.5 for OR), checked against the truth tables with nnbook. The thin
lines are a seeded sample of the lines that the chapter's grid search finds
(among those that keep clear of the points, so that none seems to touch
one); for XOR it finds none.
"""

import matplotlib.pyplot as plt
import numpy as np

import nnbook
from scripts.figures._plane import draw_perceptron, draw_points, square_axes
from scripts.figures._style import GREY, RED, save_png, style

FILENAME = "logic-gates.png"

GATES = {"and": -1.5, "or": -0.5, "xor": None}  # the chapter's biases
BOX = (-0.5, 1.5, -0.5, 1.5)
SAMPLE = 8  # thin lines drawn per separable gate


def grid_lines():
    """The chapter's grid: every (w1, w2, b) with 81 values in [-2, 2]."""
    grid = np.linspace(-2.0, 2.0, 81)
    w1, w2, b = np.meshgrid(grid, grid, grid, indexing="ij")
    return np.column_stack([w1.ravel(), w2.ravel(), b.ravel()])


def compute():
    """Return, per gate, its points, its perceptron and the lines found."""
    lines = grid_lines()
    rng = np.random.default_rng(0)
    gates = {}
    for name, bias in GATES.items():
        X, y = nnbook.logic_gate(name)
        outputs = lines[:, :2] @ X.T + lines[:, 2:] > 0
        found = lines[np.all(outputs == y, axis=1)]
        perceptron = None
        if bias is not None:
            gate = nnbook.Perceptron(2)
            gate.w[...], gate.b = [1.0, 1.0], bias
            assert np.array_equal(gate.predict(X), y), name
            perceptron = np.array([bias, 1.0, 1.0])  # folded (b, w1, w2)
        # for the picture, only lines that keep clear of all four points
        distance = np.abs(found[:, :2] @ X.T + found[:, 2:]) / np.linalg.norm(
            found[:, :2], axis=1, keepdims=True
        )
        clear = found[distance.min(axis=1) > 0.12]
        sample = []
        if len(clear):
            sample = clear[rng.choice(len(clear), SAMPLE, replace=False)]
        gates[name] = {"X": X, "y": y, "perceptron": perceptron,
                       "count": len(found), "sample": sample}  # fmt: skip
    return {"gates": gates, "searched": len(lines)}


def draw(data):
    fig, axes = plt.subplots(1, 3, figsize=(7.2, 3.6))
    fig.subplots_adjust(left=0.03, right=0.99, bottom=0.25, top=0.89, wspace=0.12)
    for ax, (name, gate) in zip(axes, data["gates"].items()):
        square_axes(ax, BOX)
        ax.set_xticks([0, 1])
        ax.set_yticks([0, 1])
        ax.tick_params(labelsize=13)
        if name != "and":
            ax.set_yticklabels([])
        for w1, w2, b in gate["sample"]:
            # the folded weights of a grid line are (b, w1, w2)
            draw_perceptron(ax, (b, w1, w2), BOX, shade=None, lw=1, color="#AAAAAA")
        if gate["perceptron"] is not None:
            draw_perceptron(ax, gate["perceptron"], BOX)
        draw_points(ax, gate["X"], gate["y"], size=160)
        ax.set_title(name.upper(), fontsize=19, fontweight="bold")
        count = gate["count"]
        ax.set_xlabel(f"{count:,} lines found" if count else "no line found",
                      fontsize=15, color=GREY if count else RED)  # fmt: skip
    fig.text(0.5, 0.03, f"out of {data['searched']:,} lines searched",
             ha="center", fontsize=14, color=GREY)  # fmt: skip
    return fig


def make(path, *, fast=False):
    with style():
        save_png(draw(compute()), path)

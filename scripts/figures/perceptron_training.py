"""The perceptron's boundary moving during its real training run (chapter 2).

One frame per state of the run in ``perceptron_run``: the start (all weights
0, every output 0), then the boundary after each update, with the example
that caused the update ringed, and a last frame once an epoch passes without
a mistake.
"""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures._plane import (
    boundary_segment,
    draw_perceptron,
    draw_points,
    ring,
    square_axes,
)
from scripts.figures._style import GREY, RED, held_durations, render, save_gif, style
from scripts.figures.perceptron_run import B_TRUE, BOX, W_TRUE, trained_perceptron

FILENAME = "perceptron-training.gif"

# every frame shorter than the 1.5 s after which the browser test looks again
FIRST_MS, STEP_MS, LAST_MS = 1200, 650, 1200
FAST_UPDATES = 3


def compute(*, fast=False):
    """Return the data and, per frame, the weights and what to say about them."""
    X, y, _, history = trained_perceptron()
    X_folded = np.column_stack([np.ones(len(X)), X])
    count = history.updates
    shown = range(1, (FAST_UPDATES if fast else count) + 1)
    frames = [(history.weights[0], None, "start: all weights 0, every output 0")]
    for k in shown:
        i = history.mistakes[k - 1]
        kind = "missed 1" if y[i] == 1 else "false 1"
        frames.append((history.weights[k], X[i], f"update {k} of {count}: a {kind}"))
    last = f"epoch {history.epochs}: no mistakes, training stops"
    frames.append((history.weights[-1], None, last))
    return {
        "X": X,
        "y": y,
        "frames": [
            {"weights": w, "ring": ring, "title": title,
             "wrong": int(np.sum((X_folded @ w > 0) != y))}
            for w, ring, title in frames
        ],
    }  # fmt: skip


def draw(data):
    fig, ax = plt.subplots(figsize=(7.2, 7.0))
    fig.subplots_adjust(left=0.09, right=0.97, bottom=0.08, top=0.9)
    frames = []
    true_line = boundary_segment((B_TRUE, *W_TRUE), BOX)
    for frame in data["frames"]:
        ax.clear()
        square_axes(ax, BOX)
        ax.plot(*true_line.T, color=GREY, lw=1.5, ls=(0, (6, 5)))
        draw_perceptron(ax, frame["weights"], BOX)
        draw_points(ax, data["X"], data["y"], size=90)
        if frame["ring"] is not None:
            ring(ax, frame["ring"])
        b, w1, w2 = frame["weights"]
        ax.set_title(frame["title"], fontsize=18, loc="left", pad=30)
        ax.text(0.0, 1.02, f"w = ({w1:.2f}, {w2:.2f}),  b = {b:.2f}",
                transform=ax.transAxes, fontsize=16, color=GREY)  # fmt: skip
        wrong = frame["wrong"]
        ax.text(1.0, 1.02, f"misclassified: {wrong}", transform=ax.transAxes,
                fontsize=16, ha="right", color=RED if wrong else GREY)  # fmt: skip
        ax.set_xlabel("$x_1$", fontsize=18, labelpad=2)
        ax.set_ylabel("$x_2$", fontsize=18, labelpad=2)
        frames.append(render(fig))
    plt.close(fig)
    return frames


def make(path, *, fast=False):
    with style():
        frames = draw(compute(fast=fast))
    durations = held_durations(
        len(frames), first_ms=FIRST_MS, step_ms=STEP_MS, last_ms=LAST_MS
    )
    save_gif(frames, path, durations=durations)

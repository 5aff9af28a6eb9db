"""Gradient descent on the contours of the line fit's loss (chapter 3).

Left, the contour lines of L(m, c) with the path of the chapter's run
(learning rate 0.5 from the flat line y = 2), one step per frame; right, the data
and the line of the current step.
"""

import matplotlib.pyplot as plt
import numpy as np

import nnbook
from scripts.figures._style import (
    BLUE,
    GREY,
    ORANGE,
    RED,
    held_durations,
    render,
    save_gif,
    style,
)
from scripts.figures.line_fit_run import descent, least_squares, points

FILENAME = "gradient-descent-contours.gif"

RATE = 0.5
STEPS = 50
SHOWN = [*range(20), *range(20, STEPS + 1, 3)]  # every step, then every third
FAST_SHOWN = [0, 1, 2, 3]
FIRST_MS, STEP_MS, LAST_MS = 1200, 280, 1200
M_RANGE, C_RANGE = (-0.3, 2.7), (0.4, 3.0)


def compute(*, fast=False):
    """Return the points, the loss on a grid, the path and the best line."""
    x, y = points()
    shown = FAST_SHOWN if fast else SHOWN
    path, losses = descent(x, y, RATE, steps=shown[-1])
    M, C = np.meshgrid(np.linspace(*M_RANGE, 160), np.linspace(*C_RANGE, 120))
    return {
        "x": x, "y": y, "path": path, "losses": losses, "shown": shown,
        "grid": (M, C, nnbook.line_loss((M, C), x, y)),
        "best": least_squares(x, y),
    }  # fmt: skip


def draw(data):
    x, y, path, best = data["x"], data["y"], data["path"], data["best"]
    fig = plt.figure(figsize=(7.2, 4.0))
    left = fig.add_axes((0.09, 0.15, 0.42, 0.7))
    right = fig.add_axes((0.63, 0.15, 0.35, 0.7))
    M, C, L = data["grid"]
    levels = np.geomspace(L.min() * 1.15, L.max(), 12)
    left.contour(M, C, L, levels=levels, colors=GREY, linewidths=1)
    left.plot(*best, "x", color="black", ms=12, mew=3, zorder=7)
    left.text(2.65, 2.92, r"$\times$ least squares", ha="right", va="top", fontsize=13)
    left.set_xlabel("slope $m$", fontsize=16)
    left.set_ylabel("intercept $c$", fontsize=16)
    left.set_xlim(*M_RANGE)
    left.set_ylim(*C_RANGE)
    (trail,) = left.plot([], [], "-o", color=ORANGE, lw=2, ms=5, zorder=4)
    (here,) = left.plot([], [], "o", color=RED, ms=10, zorder=6)

    right.scatter(x, y, s=25, color=BLUE, zorder=3)
    right.set_xlim(0, 2)
    right.set_ylim(-0.5, 6)
    right.set_xlabel("$x$", fontsize=16)
    right.set_ylabel("$y$", fontsize=16)
    ends = np.array([0.0, 2.0])
    (line,) = right.plot([], [], color=RED, lw=3)
    title = fig.text(0.5, 0.96, "", ha="center", va="top", fontsize=17)

    frames = []
    for k in data["shown"]:
        m, c = path[k]
        trail.set_data(path[: k + 1, 0], path[: k + 1, 1])
        here.set_data([m], [c])
        line.set_data(ends, m * ends + c)
        title.set_text(
            rf"step {k}:  $m = {m:.3f}$,  $c = {c:.3f}$,  $L = {data['losses'][k]:.4f}$"
        )
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

"""Newton's method on f(x) = x^2 - 16 from x_0 = 1 (chapter 3).

The guesses come from ``nnbook.newton``. Each dashed segment is the tangent
at a guess, followed down to where it crosses zero, which is the next guess.
An inset magnifies the last steps, which are too close to 4 to tell apart at
full scale.
"""

import itertools

import matplotlib.pyplot as plt
import numpy as np

import nnbook
from scripts.figures._style import BLUE, GREY, ORANGE, RED, save_png, style

FILENAME = "newton.png"

START = 1.0
SHOWN = 5  # guesses x_0 ... x_4 are drawn


def f(x):
    return x**2 - 16


def f_prime(x):
    return 2 * x


def compute():
    """Return the guesses of the real run (the chapter's ``path``)."""
    path = nnbook.newton(f, f_prime, START)
    assert path[-1] == 4.0
    return {"guesses": path[:SHOWN]}


def draw_steps(ax, guesses, *, first, labelled, fontsize, dy):
    """Draw the tangent steps between ``guesses``, the first being ``x_first``."""
    for x_n, x_next in itertools.pairwise(guesses):
        ax.plot([x_n, x_next], [f(x_n), 0.0], color=ORANGE, lw=2.2, ls=(0, (5, 3)))
    for n, x_n in enumerate(guesses, start=first):
        ax.plot([x_n, x_n], [0.0, f(x_n)], color=GREY, lw=1.2, ls=":")
        ax.plot([x_n], [f(x_n)], "o", color=ORANGE, ms=7, zorder=4)
        ax.plot([x_n], [0.0], "o", color=RED, ms=7, zorder=5)
        if n in labelled:
            ax.text(x_n, dy, f"$x_{n}$", color=RED, fontsize=fontsize, ha="center",
                    va="top" if dy < 0 else "bottom")  # fmt: skip


def draw(data):
    guesses = data["guesses"]
    fig = plt.figure(figsize=(7.2, 5.0))
    ax = fig.add_axes((0.08, 0.12, 0.58, 0.68))
    xs = np.linspace(0, 9, 400)
    ax.plot(xs, f(xs), color=BLUE, lw=3)
    ax.axhline(0, color="black", lw=1)
    draw_steps(ax, guesses, first=0, labelled={0, 1, 2}, fontsize=18, dy=-3)
    ax.set_xlim(0, 9)
    ax.set_ylim(-20, 62)
    ax.set_xlabel("$x$", fontsize=18)
    ax.text(0.3, 48, "$f(x) = x^2 - 16$", color=BLUE, fontsize=18)
    fig.text(0.5, 0.97, r"$x_{n+1} = x_n - f(x_n)\,/\,f'(x_n)$,  from $x_0 = 1$",
             fontsize=18, ha="center", va="top")  # fmt: skip
    values = ",  ".join(f"$x_{n} = {g:.5g}$" for n, g in enumerate(guesses) if n)
    fig.text(0.5, 0.885, values, color=RED, fontsize=15, ha="center", va="top")

    zoom = fig.add_axes((0.75, 0.12, 0.23, 0.68))
    near = np.linspace(3.98, 4.16, 100)
    zoom.plot(near, f(near), color=BLUE, lw=2.5)
    zoom.axhline(0, color="black", lw=1)
    draw_steps(zoom, guesses[3:], first=3, labelled={3, 4}, fontsize=17, dy=-0.08)
    zoom.set_xlim(3.98, 4.16)
    zoom.set_ylim(-0.6, 1.4)
    zoom.set_xticks([4.0, 4.1])
    zoom.set_yticks([0, 1])
    zoom.tick_params(labelsize=13)
    zoom.set_xlabel("$x$, near 4", fontsize=16)
    return fig


def make(path, *, fast=False):
    with style():
        save_png(draw(compute()), path)

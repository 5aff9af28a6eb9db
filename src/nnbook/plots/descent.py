"""The figures of chapter 3: Newton's method and gradient descent.

Each function draws what the page computed (Newton's guesses, the path of a
descent and its losses, the losses for several learning rates) and returns a
``matplotlib`` Figure, or the RGB frames of a GIF; the page saves them with
``nnbook.plots.style``.
"""

import itertools

import numpy as np

from nnbook.plots.style import BLUE, GREEN, GREY, ORANGE, RED, figure, render, style


def _newton_steps(ax, f, guesses, *, first, labelled, fontsize, dy):
    """Draw the tangent steps between ``guesses``, the first being ``x_first``."""
    for x_n, x_next in itertools.pairwise(guesses):
        ax.plot([x_n, x_next], [f(x_n), 0.0], color=ORANGE, lw=2.2, ls=(0, (5, 3)))
    for n, x_n in enumerate(guesses, start=first):
        ax.plot([x_n, x_n], [0.0, f(x_n)], color=GREY, lw=1.2, ls=":")
        ax.plot([x_n], [f(x_n)], "o", color=ORANGE, ms=7, zorder=4)
        ax.plot([x_n], [0.0], "o", color=RED, ms=7, zorder=5)
        if n in labelled:
            ax.text(
                x_n,
                dy,
                f"$x_{n}$",
                color=RED,
                fontsize=fontsize,
                ha="center",
                va="top" if dy < 0 else "bottom",
            )


def newton(f, guesses, *, label, view=(0, 9, -20, 62), zoom=(3.98, 4.16, -0.6, 1.4)):
    """Draw the tangent steps of Newton's method on the graph of ``f``.

    ``guesses`` are ``x_0, x_1, ...`` as the page computed them (five fit);
    ``label`` names the curve. ``view`` is ``(x_min, x_max, y_min, y_max)``
    of the main plot; the inset shows ``zoom`` of the same kind, near the
    root, with the guesses from ``x_3`` on. The defaults fit the chapter's
    ``x^2 - 16`` from ``x_0 = 1``.
    """
    guesses = [float(g) for g in guesses]
    if len(guesses) < 4:
        raise ValueError(
            f"Newton's figure needs at least 4 guesses; got {len(guesses)}"
        )
    with style():
        fig, ax = figure(7.2, 5.0)
        ax.set_position((0.08, 0.12, 0.58, 0.68))
        xs = np.linspace(view[0], view[1], 400)
        ax.plot(xs, f(xs), color=BLUE, lw=3)
        ax.axhline(0, color="black", lw=1)
        _newton_steps(ax, f, guesses, first=0, labelled={0, 1, 2}, fontsize=18, dy=-3)
        ax.set_xlim(view[0], view[1])
        ax.set_ylim(view[2], view[3])
        # fixed ticks: a locator would count the room for them when the page
        # saves the figure, outside the book's style
        ax.set_xticks(np.arange(view[0], view[1] + 1, 2))
        ax.set_xlabel("$x$", fontsize=18)
        ax.text(0.3, 48, label, color=BLUE, fontsize=18)
        fig.text(
            0.5,
            0.97,
            rf"$x_{{n+1}} = x_n - f(x_n)\,/\,f'(x_n)$,  from $x_0 = {guesses[0]:g}$",
            fontsize=18,
            ha="center",
            va="top",
        )
        values = ",  ".join(f"$x_{n} = {g:.5g}$" for n, g in enumerate(guesses) if n)
        fig.text(0.5, 0.885, values, color=RED, fontsize=15, ha="center", va="top")

        inset = fig.add_axes((0.75, 0.12, 0.23, 0.68))
        near = np.linspace(zoom[0], zoom[1], 100)
        inset.plot(near, f(near), color=BLUE, lw=2.5)
        inset.axhline(0, color="black", lw=1)
        _newton_steps(
            inset, f, guesses[3:], first=3, labelled={3, 4}, fontsize=17, dy=-0.08
        )
        inset.set_xlim(zoom[0], zoom[1])
        inset.set_ylim(zoom[2], zoom[3])
        inset.set_xticks([4.0, 4.1])
        inset.set_yticks([0, 1])
        inset.tick_params(labelsize=13)
        inset.set_xlabel("$x$, near 4", fontsize=16)
    return fig


def descent_frames(x, y, path, losses, shown, *, grid, best):
    """Return the frames of a descent on the contours of the line fit's loss.

    Left, the contour lines of the loss, ``grid = (M, C, L)`` (slopes,
    intercepts and the loss on a mesh), the least-squares ``best`` (m, c)
    and the ``path`` of (m, c) up to the current step; right, the points
    ``(x, y)`` and the current line. One frame per step in ``shown``;
    ``losses[k]`` is the loss after step ``k``.
    """
    path, losses = np.asarray(path, dtype=float), np.asarray(losses, dtype=float)
    if path.ndim != 2 or path.shape[1] != 2 or losses.shape != (len(path),):
        raise ValueError(
            f"the path needs rows (m, c) and one loss per row; "
            f"got path {path.shape} and losses {losses.shape}"
        )
    if max(shown) >= len(path):
        raise ValueError(f"step {max(shown)} is not on a path of {len(path)} points")
    M, C, L = grid
    frames = []
    with style():
        fig, left = figure(7.2, 4.0)
        left.set_position((0.09, 0.15, 0.42, 0.7))
        right = fig.add_axes((0.63, 0.15, 0.35, 0.7))
        levels = np.geomspace(L.min() * 1.15, L.max(), 12)
        left.contour(M, C, L, levels=levels, colors=GREY, linewidths=1)
        left.plot(*best, "x", color="black", ms=12, mew=3, zorder=7)
        left.text(
            M.max() - 0.05,
            C.max() - 0.08,
            r"$\times$ least squares",
            ha="right",
            va="top",
            fontsize=13,
        )
        left.set_xlabel("slope $m$", fontsize=16)
        left.set_ylabel("intercept $c$", fontsize=16)
        left.set_xlim(M.min(), M.max())
        left.set_ylim(C.min(), C.max())
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

        for k in shown:
            m, c = path[k]
            trail.set_data(path[: k + 1, 0], path[: k + 1, 1])
            here.set_data([m], [c])
            line.set_data(ends, m * ends + c)
            title.set_text(
                rf"step {k}:  $m = {m:.3f}$,  $c = {c:.3f}$,  $L = {losses[k]:.4f}$"
            )
            frames.append(render(fig))
    return frames


def learning_rates(losses, lowest, *, names=None):
    """Draw the loss after each step for several learning rates, on a log scale.

    ``losses`` maps a learning rate to the losses of its run (the start,
    then one per step); ``lowest`` is the least-squares minimum, drawn
    dashed; ``names`` may map a rate to a word for the legend.
    """
    lengths = {len(run) for run in losses.values()}
    if len(lengths) != 1:
        raise ValueError(f"the runs must have the same length; got {sorted(lengths)}")
    (steps,) = lengths
    names = names or {}
    with style():
        fig, ax = figure(7.2, 4.6)
        fig.subplots_adjust(left=0.13, right=0.97, bottom=0.14, top=0.95)
        ax.set_yscale("log")
        for (eta, run), colour in zip(
            losses.items(), itertools.cycle([BLUE, GREEN, RED])
        ):
            label = rf"$\eta = {eta}$" + (f", {names[eta]}" if eta in names else "")
            ax.plot(run, color=colour, lw=3, label=label)
        ax.legend(loc="upper left", fontsize=16, frameon=False)
        ax.axhline(lowest, color=GREY, lw=1.5, ls=(0, (6, 4)))
        ax.text(
            steps - 1,
            lowest * 0.85,
            "least-squares minimum",
            color=GREY,
            fontsize=14,
            ha="right",
            va="top",
        )
        ax.set_ylim(0.015, None)
        ax.set_xlim(0, steps - 1)
        ax.set_xlabel("step", fontsize=17)
        ax.set_ylabel("loss $L(m, c)$", fontsize=17)
    return fig

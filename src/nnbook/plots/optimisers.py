"""Chapter 9's figures: optimisers on a bowl, on a saddle and on the digits.

``path_frames`` animates the paths that several optimisers took on the
contours of one loss of two parameters, next to their distances from the
minimum; ``saddle`` draws paths near a saddle point and their losses;
``learning_curves`` the validation curves of several optimisers, the mean
over seeds with the range shaded; ``layer_spread`` the size of the
activations and of the gradients, layer by layer, of deep stacks started in
different ways. Every number drawn is one the page computed and passes in;
nothing here trains or steps.
"""

import numpy as np

from nnbook.plots.style import (
    BLUE,
    GREEN,
    GREY,
    ORANGE,
    PURPLE,
    RED,
    figure,
    render,
    style,
)

# the colours of the curves, in the order the page lists them
COLOURS = (BLUE, ORANGE, GREEN, RED, PURPLE)


def _colours(runs, what):
    """Pair each item of the dict ``runs`` with its colour, or raise."""
    if not 1 <= len(runs) <= len(COLOURS):
        raise ValueError(
            f"{what} must map 1 to {len(COLOURS)} names to runs; got {len(runs)}"
        )
    return zip(runs.items(), COLOURS)


def _paths(paths):
    """Return ``paths`` as float arrays of rows (x, y), of one length, or raise."""
    arrays = {name: np.asarray(path, dtype=float) for name, path in paths.items()}
    shapes = {name: path.shape for name, path in arrays.items()}
    if len(set(shapes.values())) != 1 or any(
        len(s) != 2 or s[1] != 2 for s in shapes.values()
    ):
        raise ValueError(
            f"every path needs the same number of rows (x, y); got {shapes}"
        )
    return arrays


def _contours(ax, grid, levels):
    """Draw the contour lines of ``grid = (X, Y, F)`` and fit the axes to it."""
    X, Y, F = grid
    ax.contour(X, Y, F, levels=levels, colors=GREY, linewidths=1, linestyles="solid")
    ax.set_xlim(X.min(), X.max())
    ax.set_ylim(Y.min(), Y.max())


def path_frames(paths, shown, *, grid, best, labels=("slope $m$", "intercept $c$")):
    """Return the frames of several optimisers' paths on the same contours.

    ``paths`` maps a name (a panel's title, broken into two lines at its
    first comma) to the points ``(x, y)`` an optimiser visited, its start
    first, all of the same length (two to four paths); ``grid = (X, Y, F)``
    is the loss on a mesh and ``best`` its minimum. Left, one small panel
    per path, the contours and the path up to the current step; right,
    every path's distance from ``best`` (log scale) up to the current step.
    One frame per step in ``shown``.
    """
    paths = _paths(paths)
    if not 2 <= len(paths) <= 4:
        raise ValueError(f"the figure has room for 2 to 4 paths; got {len(paths)}")
    steps = len(next(iter(paths.values()))) - 1
    if max(shown) > steps:
        raise ValueError(f"step {max(shown)} is not on paths of {steps} steps")
    best = np.asarray(best, dtype=float)
    distances = {n: np.linalg.norm(p - best, axis=1) for n, p in paths.items()}
    levels = np.geomspace(grid[2].min() * 1.15, grid[2].max(), 10)
    frames = []
    with style():
        fig, unused = figure(7.2, 5.0)
        unused.remove()  # the panels below take their places on a grid
        cells = fig.add_gridspec(
            2,
            3,
            width_ratios=(1, 1, 1.5),
            left=0.08,
            right=0.96,
            bottom=0.12,
            top=0.84,
            wspace=0.45,
            hspace=0.6,
        )
        right = fig.add_subplot(cells[:, 2])
        right.set_yscale("log")
        right.set_xlim(0, steps)
        low = min(d[d > 0].min() for d in distances.values())
        high = max(d.max() for d in distances.values())
        right.set_ylim(max(low, 1e-16) / 3, high * 3)
        right.set_xlabel("step", fontsize=14)
        right.set_title("distance from the minimum", fontsize=12)
        right.grid(alpha=0.3)
        artists = []
        for n, ((name, path), colour) in enumerate(_colours(paths, "paths")):
            ax = fig.add_subplot(cells[n // 2, n % 2])
            _contours(ax, grid, levels)
            ax.plot(*best, "x", color="black", ms=8, mew=2.5, zorder=7)
            ax.set_title(name.replace(", ", "\n", 1), fontsize=11, color=colour)
            ax.tick_params(labelsize=9)
            if n // 2 == 1:
                ax.set_xlabel(labels[0], fontsize=11)
            if n % 2 == 0:
                ax.set_ylabel(labels[1], fontsize=11)
            (trail,) = ax.plot([], [], "-o", color=colour, lw=1.8, ms=2.5, zorder=4)
            (here,) = ax.plot([], [], "o", color=colour, ms=6, zorder=6)
            (curve,) = right.plot([], [], color=colour, lw=2.5)
            artists.append((trail, here, curve, path, distances[name]))
        title = fig.text(0.5, 0.97, "", ha="center", va="top", fontsize=16)
        for k in shown:
            for trail, here, curve, path, distance in artists:
                trail.set_data(path[: k + 1, 0], path[: k + 1, 1])
                here.set_data(path[k : k + 1, 0], path[k : k + 1, 1])
                curve.set_data(np.arange(k + 1), distance[: k + 1])
            title.set_text(f"step {k}")
            frames.append(render(fig))
    return frames


def saddle(paths, losses, *, grid, saddle_point=(0.0, 0.0)):
    """Draw paths near a saddle point (left) and their losses (right).

    ``paths`` maps a name to the points ``(x, y)`` of a run, ``losses`` the
    same names to the loss after each step (the start first); ``grid = (X,
    Y, F)`` is the loss on a mesh, drawn as contours around the
    ``saddle_point``, marked with a cross.
    """
    paths = _paths(paths)
    if set(losses) != set(paths):
        raise ValueError(
            f"losses must name the same runs as paths, {sorted(paths)}; "
            f"got {sorted(losses)}"
        )
    F = grid[2]
    with style():
        fig, (left, right) = figure(7.2, 4.0, ncols=2)
        _contours(left, grid, np.linspace(F.min() + 0.02, F.max(), 14))
        left.plot(*saddle_point, "x", color="black", ms=12, mew=3, zorder=7)
        left.set_xlabel("$x$", fontsize=15)
        left.set_ylabel("$y$", fontsize=15)
        left.set_title("paths", fontsize=14)
        # each path a little thinner than the one before, so that a path
        # drawn over another leaves it visible
        for n, ((name, path), colour) in enumerate(_colours(paths, "paths")):
            width = 4.5 - n
            left.plot(path[:, 0], path[:, 1], "-", color=colour, lw=width, zorder=4)
            left.plot(*path[0], "o", color=colour, ms=7, zorder=5)
            right.plot(np.asarray(losses[name]), color=colour, lw=width, label=name)
        # room above the curves for the legend
        low = min(np.min(values) for values in losses.values())
        high = max(np.max(values) for values in losses.values())
        right.set_ylim(low - 0.05 * (high - low), high + 0.8 * (high - low))
        right.set_xlabel("step", fontsize=15)
        right.set_title("loss $f(x, y)$", fontsize=14)
        right.legend(frameon=False, fontsize=10, loc="upper right", handlelength=1.2)
        right.grid(alpha=0.3)
        fig.tight_layout()
    return fig


def learning_curves(accuracy, cost, *, accuracy_limits=(80, 100)):
    """Draw validation curves: the mean over seeds, the range shaded.

    ``accuracy`` and ``cost`` map the same names to arrays of shape
    ``(seeds, epochs)``: the validation accuracy (a fraction, drawn in %)
    and the validation cost (log scale) after each epoch of each seed's run.
    ``accuracy_limits`` is the range of the accuracy axis, in %.
    """
    if list(accuracy) != list(cost):
        raise ValueError(
            f"accuracy and cost must name the same runs in the same order; "
            f"got {list(accuracy)} and {list(cost)}"
        )
    runs = {
        name: (100 * np.asarray(accuracy[name], float), np.asarray(cost[name], float))
        for name in accuracy
    }
    for name, (acc, c) in runs.items():
        if acc.ndim != 2 or acc.shape != c.shape or acc.shape[1] < 2:
            raise ValueError(
                f"the curves of {name!r} must be (seeds, epochs) arrays of one "
                f"shape, with at least 2 epochs; got {acc.shape} and {c.shape}"
            )
    with style():
        fig, (left, right) = figure(7.2, 4.0, ncols=2)
        for (name, (acc, c)), colour in _colours(runs, "accuracy"):
            epochs = np.arange(1, acc.shape[1] + 1)
            for ax, values in ((left, c), (right, acc)):
                ax.fill_between(
                    epochs, values.min(0), values.max(0), color=colour, alpha=0.2, lw=0
                )
                ax.plot(epochs, values.mean(0), color=colour, lw=2.2, label=name)
        left.set_yscale("log")
        left.set_title("validation cost", fontsize=14)
        right.set_ylim(*accuracy_limits)
        right.set_title("validation accuracy (%)", fontsize=14)
        right.legend(frameon=False, fontsize=11, loc="lower right")
        for ax in (left, right):
            ax.set_xlabel("epoch", fontsize=14)
            ax.grid(alpha=0.3)
        fig.tight_layout()
    return fig


def layer_spread(activations, gradients):
    """Draw, layer by layer, the spread of the activations and the gradients.

    ``activations`` maps a name (a stack and how it started) to the standard
    deviation of the activations of each hidden layer, ``gradients`` the
    same names to the norm of the gradient of each weight matrix, from the
    first layer; both on log scales.
    """
    if list(activations) != list(gradients):
        raise ValueError(
            "activations and gradients must name the same stacks in the same "
            f"order; got {list(activations)} and {list(gradients)}"
        )
    with style():
        fig, (left, right) = figure(7.2, 4.2, ncols=2)
        for (name, spread), colour in _colours(activations, "activations"):
            spread = np.asarray(spread, dtype=float)
            norms = np.asarray(gradients[name], dtype=float)
            layers = np.arange(1, spread.size + 1)
            left.plot(layers, spread, "-o", color=colour, lw=2.2, ms=4, label=name)
            layers = np.arange(1, norms.size + 1)
            right.plot(layers, norms, "-o", color=colour, lw=2.2, ms=4)
        left.set_title("std of the activations $a^l$", fontsize=13)
        right.set_title(r"$\|\partial C / \partial W^l\|$", fontsize=13)
        deepest = max(len(norms) for norms in gradients.values())
        for ax in (left, right):
            ax.set_yscale("log")
            ax.set_xticks(range(2, deepest + 1, 2))
            ax.set_xlabel("layer $l$", fontsize=14)
            ax.grid(alpha=0.3)
        fig.legend(
            loc="lower center", ncol=3, frameon=False, fontsize=11, columnspacing=1.2
        )
        fig.tight_layout(rect=(0, 0.13, 1, 1))
    return fig

"""The figures of chapters 1 and 2: dot products, logic gates, perceptrons.

Each function draws what the page computed (its vectors, its grid search,
the record of its training run) and returns a ``matplotlib`` Figure, or the
RGB frames of a GIF; the page saves them with ``nnbook.plots.style``.
Weights of a perceptron in the plane are folded, ``(b, w_1, w_2)``.
"""

import numpy as np
from matplotlib.patches import Arc

from nnbook.plots.plane import (
    boundary_segment,
    draw_perceptron,
    draw_points,
    ring,
    square_axes,
)
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

# the square [-2, 2] x [-2, 2] of nnbook.separable_points, and a rim
BOX = (-2.15, 2.15, -2.15, 2.15)
# the unit square of the logic gates, and a rim
GATE_BOX = (-0.5, 1.5, -0.5, 1.5)


def _arrow(ax, tip, color, *, start=(0, 0), lw=3.5, head="0.7,head_width=0.35"):
    ax.annotate(
        "",
        xy=tip,
        xytext=start,
        arrowprops={
            "arrowstyle": f"-|>,head_length={head}",
            "color": color,
            "lw": lw,
            "shrinkA": 0,
            "shrinkB": 0,
        },
    )


def dot_product(u, v, *, angle, shadow):
    """Draw the two faces of ``u . v`` for two vectors of the plane.

    The arrows of ``u`` and ``v`` with the ``angle`` between them (degrees)
    marked by an arc, and the shadow of ``v`` on the line through ``u``, of
    signed length ``shadow`` (``u . v / ||u||``). The limits fit the
    chapter's ``u = (3, 1)`` and ``v = (2, 3)``.
    """
    u, v = np.asarray(u, dtype=float), np.asarray(v, dtype=float)
    if u.shape != (2,) or v.shape != (2,):
        raise ValueError(
            f"u and v must be vectors of the plane; got {u.shape}, {v.shape}"
        )
    unit_u = u / np.linalg.norm(u)
    normal = np.array([unit_u[1], -unit_u[0]])  # points below the line of u
    foot = shadow * unit_u
    dir_u, dir_v = np.degrees(np.arctan2([u[1], v[1]], [u[0], v[0]]))
    with style():
        fig, ax = figure(7.2, 5.0)
        fig.subplots_adjust(left=0.02, right=0.98, bottom=0.02, top=0.98)
        ax.set_xlim(-0.6, 4.4)
        ax.set_ylim(-0.95, 3.45)
        ax.set_aspect("equal")
        ax.set_axis_off()
        ax.axhline(0, color="#DDDDDD", lw=1, zorder=0)
        ax.axvline(0, color="#DDDDDD", lw=1, zorder=0)

        # the line through u, and the drop from the tip of v at right angles
        line = np.column_stack([-0.3 * unit_u, 4.3 * unit_u])
        ax.plot(*line, color="#CCCCCC", lw=1.5)
        ax.plot(*np.column_stack([v, foot]), color=GREY, lw=2, ls=(0, (5, 4)))
        corner = 0.18
        square = [
            foot - corner * unit_u,
            foot - corner * unit_u - corner * normal,
            foot - corner * normal,
        ]
        ax.plot(*np.array(square).T, color=GREY, lw=1.5)

        # the shadow, drawn as a dimension line just below u
        offset = 0.45 * normal
        start, end = offset, foot + offset
        ax.annotate(
            "",
            xy=end,
            xytext=start,
            arrowprops={
                "arrowstyle": "|-|,widthA=0.4,widthB=0.4",
                "color": GREEN,
                "lw": 3,
            },
        )
        middle = (start + end) / 2 + 0.42 * normal
        ax.text(
            *middle,
            rf"$u \cdot v\, /\, \|u\| = {shadow:.2f}$",
            color=GREEN,
            ha="center",
            va="center",
            rotation=dir_u,
            fontsize=17,
        )

        _arrow(ax, u, BLUE)
        _arrow(ax, v, ORANGE)
        ax.text(
            u[0] + 0.12,
            u[1] - 0.05,
            rf"$u = ({u[0]:g}, {u[1]:g})$",
            color=BLUE,
            fontsize=19,
            va="center",
        )
        ax.text(
            v[0] - 0.15,
            v[1],
            rf"$v = ({v[0]:g}, {v[1]:g})$",
            color=ORANGE,
            fontsize=19,
            ha="right",
            va="center",
        )

        arc = Arc((0, 0), 1.6, 1.6, theta1=dir_u, theta2=dir_v, color="black", lw=2)
        ax.add_patch(arc)
        mid = np.radians((dir_u + dir_v) / 2)
        ax.text(
            1.12 * np.cos(mid),
            1.12 * np.sin(mid),
            rf"$\theta = {angle:.1f}°$",
            fontsize=17,
            va="center",
        )

        terms = " + ".join(f"{p:g} \\cdot {q:g}" for p, q in zip(u, v))
        ax.text(
            2.45,
            3.3,
            rf"$u \cdot v = {terms} = {u @ v:g}$"
            "\n"
            r"$\phantom{u \cdot v} = \|u\|\,\|v\| \cos\theta$",
            fontsize=19,
            va="top",
            linespacing=1.6,
        )
    return fig


def logic_gates(tables, boundaries, counts, samples, *, searched):
    """Draw one panel per gate: its truth table and the lines that compute it.

    ``tables`` maps a gate's name to its ``(X, y)``; ``boundaries`` maps the
    gates that a perceptron computes to its ``(w, b)``, drawn thick with the
    side of output 1 shaded; ``samples`` maps each gate to some of the lines
    the grid search found, rows ``(w_1, w_2, b)``, drawn thin; ``counts``
    to the number of lines found, and ``searched`` is the number of lines
    tried.
    """
    if set(counts) != set(tables) or set(samples) != set(tables):
        raise ValueError(
            f"tables, counts and samples must name the same gates; got "
            f"{sorted(tables)}, {sorted(counts)} and {sorted(samples)}"
        )
    with style():
        fig, axes = figure(7.2, 3.6, nrows=1, ncols=len(tables), squeeze=False)
        fig.subplots_adjust(left=0.03, right=0.99, bottom=0.25, top=0.89, wspace=0.12)
        for n, (ax, name) in enumerate(zip(axes[0], tables)):
            X, y = tables[name]
            square_axes(ax, GATE_BOX)
            ax.set_xticks([0, 1])
            ax.set_yticks([0, 1])
            ax.tick_params(labelsize=13)
            if n:
                ax.set_yticklabels([])
            for w1, w2, b in np.reshape(samples[name], (-1, 3)):
                draw_perceptron(
                    ax, (b, w1, w2), GATE_BOX, shade=None, lw=1, color="#AAAAAA"
                )
            if name in boundaries:
                w, b = boundaries[name]
                draw_perceptron(ax, np.concatenate([[b], w]), GATE_BOX)
            draw_points(ax, X, y, size=160)
            ax.set_title(name.upper(), fontsize=19, fontweight="bold")
            count = counts[name]
            ax.set_xlabel(
                f"{count:,} lines found" if count else "no line found",
                fontsize=15,
                color=GREY if count else RED,
            )
        fig.text(
            0.5,
            0.03,
            f"out of {searched:,} lines searched",
            ha="center",
            fontsize=14,
            color=GREY,
        )
    return fig


def training_frames(X, y, history, misclassified, *, true_line, box=BOX):
    """Return the frames of a perceptron's training run, as RGB arrays.

    ``history`` is the ``PerceptronHistory`` of the run on the points ``X``
    with labels ``y``, and ``misclassified[k]`` the number of points that
    the weights after update ``k`` get wrong (``k = 0``: the start). One
    frame for the start, one per update with the example that caused it
    ringed, and a last frame for the epoch without a mistake. The dashed
    line is ``true_line``, the ``(w, b)`` the data were made from.
    """
    weights = np.asarray(history.weights)
    if len(misclassified) != len(weights):
        raise ValueError(
            f"misclassified needs one count per state of the run "
            f"({len(weights)}); got {len(misclassified)}"
        )
    count = history.updates
    states = [(0, None, "start: all weights 0, every output 0")]
    for k in range(1, count + 1):
        i = history.mistakes[k - 1]
        kind = "missed 1" if y[i] == 1 else "false 1"
        states.append((k, X[i], f"update {k} of {count}: a {kind}"))
    states.append((count, None, f"epoch {history.epochs}: no mistakes, training stops"))
    w_true, b_true = true_line
    true_ends = boundary_segment(np.concatenate([[b_true], w_true]), box)

    frames = []
    with style():
        fig, ax = figure(7.2, 7.0)
        fig.subplots_adjust(left=0.09, right=0.97, bottom=0.08, top=0.9)
        for k, ringed, title in states:
            ax.clear()
            square_axes(ax, box)
            ax.plot(*true_ends.T, color=GREY, lw=1.5, ls=(0, (6, 5)))
            draw_perceptron(ax, weights[k], box)
            draw_points(ax, X, y, size=90)
            if ringed is not None:
                ring(ax, ringed)
            b, w1, w2 = weights[k]
            ax.set_title(title, fontsize=18, loc="left", pad=30)
            ax.text(
                0.0,
                1.02,
                f"w = ({w1:.2f}, {w2:.2f}),  b = {b:.2f}",
                transform=ax.transAxes,
                fontsize=16,
                color=GREY,
            )
            wrong = int(misclassified[k])
            ax.text(
                1.0,
                1.02,
                f"misclassified: {wrong}",
                transform=ax.transAxes,
                fontsize=16,
                ha="right",
                color=RED if wrong else GREY,
            )
            ax.set_xlabel("$x_1$", fontsize=18, labelpad=2)
            ax.set_ylabel("$x_2$", fontsize=18, labelpad=2)
            frames.append(render(fig))
    return frames


def weight_vector(X, y, w, b, *, box=BOX, arrow=1.3):
    """Draw a perceptron's boundary with its weight vector at right angles.

    The arrow starts at the point of the boundary closest to the origin and
    shows the direction of ``w`` (the unit vector ``w / ||w||``, drawn
    ``arrow`` long, since ``w`` itself may be longer than the picture). The
    points ``X`` with labels ``y`` are drawn faintly.
    """
    w = np.asarray(w, dtype=float)
    unit = w / np.linalg.norm(w)
    foot = -b * w / (w @ w)  # the point of w . x + b = 0 closest to the origin
    along = np.array([unit[1], -unit[0]])  # a direction within the boundary
    with style():
        fig, ax = figure(7.2, 7.0)
        fig.subplots_adjust(left=0.09, right=0.97, bottom=0.08, top=0.9)
        square_axes(ax, box)
        draw_perceptron(ax, np.concatenate([[b], w]), box)
        draw_points(ax, X, y, size=70, alpha=0.35)

        tip = foot + arrow * unit
        _arrow(ax, tip, PURPLE, start=foot, lw=4, head="0.8,head_width=0.4")
        ax.text(
            tip[0] - 0.12,
            tip[1] + 0.05,
            r"$w\,/\,\|w\|$",
            color=PURPLE,
            fontsize=22,
            ha="right",
            va="bottom",
            bbox={"fc": "white", "ec": "none", "alpha": 0.8, "pad": 2},
        )
        size = 0.2
        corner = [foot + size * along, foot + size * (along + unit), foot + size * unit]
        ax.plot(*np.array(corner).T, color="black", lw=2)

        ax.text(
            0.0,
            1.02,
            r"shaded: $w \cdot x + b > 0$, output 1",
            color=ORANGE,
            fontsize=17,
            transform=ax.transAxes,
        )
        ax.text(
            1.0,
            1.02,
            r"white: output 0",
            color=BLUE,
            fontsize=17,
            ha="right",
            transform=ax.transAxes,
        )
        ax.set_title(
            rf"learned: $w = ({w[0]:.2f},\ {w[1]:.2f}),\ b = {b:.2f}$",
            fontsize=18,
            loc="left",
            pad=30,
        )
        ax.set_xlabel("$x_1$", fontsize=18, labelpad=2)
        ax.set_ylabel("$x_2$", fontsize=18, labelpad=2)
    return fig

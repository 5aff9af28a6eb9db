"""Drawing helpers for points and perceptron boundaries in the plane.

Chapters 1 and 2 draw the same things again and again: labelled points, the
line ``w . x + b = 0`` of a perceptron and the half of the plane where its
output is 1. The geometry is computed exactly (the half-plane is clipped
from the plotted rectangle as a polygon), so no contour routine guesses it.
"""

import numpy as np
from matplotlib.patches import Polygon

from scripts.figures._style import BLUE, GREY, ORANGE, RED


def _z(w_folded, points):
    """The weighted input ``b + w_1 x_1 + w_2 x_2`` of each point (rows)."""
    return w_folded[0] + points @ w_folded[1:]


def half_plane(w_folded, box):
    """Return the corners of the part of ``box`` where ``w . x + b > 0``.

    ``w_folded`` is ``(b, w_1, w_2)``; ``box`` is ``(x_min, x_max, y_min,
    y_max)``. The result is an array of corners in order (possibly empty).
    """
    x0, x1, y0, y1 = box
    corners = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=float)
    z = _z(np.asarray(w_folded, dtype=float), corners)
    kept = []
    for i in range(4):
        j = (i + 1) % 4
        if z[i] > 0:
            kept.append(corners[i])
        if (z[i] > 0) != (z[j] > 0):  # the edge crosses the boundary
            t = z[i] / (z[i] - z[j])
            kept.append(corners[i] + t * (corners[j] - corners[i]))
    return np.array(kept)


def boundary_segment(w_folded, box):
    """Return the two ends of the line ``w . x + b = 0`` inside ``box``, or None."""
    b, w1, w2 = (float(v) for v in w_folded)
    x0, x1, y0, y1 = box
    if w1 == 0 and w2 == 0:
        return None
    if abs(w2) >= abs(w1):  # closer to horizontal: solve for x_2
        xs = np.array([x0, x1])
        ends = np.column_stack([xs, -(b + w1 * xs) / w2])
    else:
        ys = np.array([y0, y1])
        ends = np.column_stack([-(b + w2 * ys) / w1, ys])
    return ends


def draw_perceptron(ax, w_folded, box, *, shade=ORANGE, lw=3.5, color="black"):
    """Shade the side of output 1 and draw the boundary of ``w_folded``."""
    corners = half_plane(w_folded, box)
    if shade is not None and len(corners) >= 3:
        ax.add_patch(Polygon(corners, closed=True, fc=shade, alpha=0.16, lw=0))
    ends = boundary_segment(w_folded, box)
    if ends is not None:
        ax.plot(ends[:, 0], ends[:, 1], color=color, lw=lw, solid_capstyle="butt")


def draw_points(ax, X, y, *, size=70, alpha=1.0):
    """Orange squares for label 1 and blue circles for label 0."""
    ones, zeros = X[y == 1], X[y == 0]
    ax.scatter(
        zeros[:, 0],
        zeros[:, 1],
        s=size,
        marker="o",
        c=BLUE,
        edgecolors="white",
        linewidths=0.8,
        alpha=alpha,
        zorder=3,
    )
    ax.scatter(ones[:, 0], ones[:, 1], s=size, marker="s", c=ORANGE,
               edgecolors="white", linewidths=0.8, alpha=alpha, zorder=3)  # fmt: skip


def ring(ax, point, *, size=420):
    """Circle one point in red."""
    ax.scatter([point[0]], [point[1]], s=size, facecolors="none", edgecolors=RED,
               linewidths=3, zorder=4, clip_on=False)  # fmt: skip


def square_axes(ax, box):
    """Equal scales, the limits of ``box``, light ticks, a light grid."""
    ax.set_xlim(box[0], box[1])
    ax.set_ylim(box[2], box[3])
    ax.set_aspect("equal")
    ax.tick_params(colors=GREY)
    ax.grid(True, color="#E5E5E5", lw=1)
    ax.set_axisbelow(True)

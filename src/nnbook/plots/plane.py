"""Points and perceptron boundaries in the plane (chapters 1 and 2).

Chapters 1 and 2 draw the same things again and again: labelled points, the
line ``w . x + b = 0`` of a perceptron and the half of the plane where its
output is 1. The geometry is computed exactly (the half-plane is clipped
from the plotted rectangle as a polygon), so no contour routine guesses it.
Weights are given folded, as ``(b, w_1, w_2)``, the form in which
``nnbook.Perceptron.fit`` records them.
"""

import numpy as np
from matplotlib.patches import Polygon

from nnbook.plots.style import BLUE, GREY, ORANGE, RED


def _folded(w_folded):
    """Return ``w_folded`` as a float array ``(b, w_1, w_2)``, or raise."""
    w_folded = np.asarray(w_folded, dtype=float)
    if w_folded.shape != (3,):
        raise ValueError(
            f"folded weights of a perceptron in the plane are (b, w_1, w_2); "
            f"got shape {w_folded.shape}"
        )
    return w_folded


def half_plane(w_folded, box):
    """Return the corners of the part of ``box`` where ``w . x + b > 0``.

    ``w_folded`` is ``(b, w_1, w_2)``; ``box`` is ``(x_min, x_max, y_min,
    y_max)``. The result is an array of corners in order (possibly empty).
    """
    w_folded = _folded(w_folded)
    x0, x1, y0, y1 = box
    corners = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=float)
    z = w_folded[0] + corners @ w_folded[1:]
    kept = []
    for i in range(4):
        j = (i + 1) % 4
        if z[i] > 0:
            kept.append(corners[i])
        if (z[i] > 0) != (z[j] > 0):  # the edge crosses the boundary
            t = z[i] / (z[i] - z[j])
            kept.append(corners[i] + t * (corners[j] - corners[i]))
    return np.array(kept).reshape(-1, 2)


def boundary_segment(w_folded, box):
    """Return the ends of the line ``w . x + b = 0`` over ``box``, or None.

    The ends lie on the two sides of ``box`` that the line crosses most
    steeply (left and right for a line closer to horizontal), so the
    segment spans the box; drawing clips what lies beyond it.
    """
    b, w1, w2 = _folded(w_folded)
    x0, x1, y0, y1 = box
    if w1 == 0 and w2 == 0:
        return None
    if abs(w2) >= abs(w1):  # closer to horizontal: solve for x_2
        xs = np.array([x0, x1])
        return np.column_stack([xs, -(b + w1 * xs) / w2])
    ys = np.array([y0, y1])
    return np.column_stack([-(b + w2 * ys) / w1, ys])


def draw_perceptron(ax, w_folded, box, *, shade=ORANGE, lw=3.5, color="black"):
    """Shade the side of output 1 and draw the boundary of ``w_folded``."""
    corners = half_plane(w_folded, box)
    if shade is not None and len(corners) >= 3:
        ax.add_patch(Polygon(corners, closed=True, fc=shade, alpha=0.16, lw=0))
    ends = boundary_segment(w_folded, box)
    if ends is not None:
        ax.plot(ends[:, 0], ends[:, 1], color=color, lw=lw, solid_capstyle="butt")


def draw_points(ax, X, y, *, size=70, alpha=1.0):
    """Draw orange squares for label 1 and blue circles for label 0."""
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    if X.ndim != 2 or X.shape[1] != 2 or y.shape != (len(X),):
        raise ValueError(
            f"points need X of shape (n, 2) and one label per row; "
            f"got X {X.shape} and y {y.shape}"
        )
    for label, marker, colour in ((0, "o", BLUE), (1, "s", ORANGE)):
        chosen = X[y == label]
        ax.scatter(
            chosen[:, 0],
            chosen[:, 1],
            s=size,
            marker=marker,
            c=colour,
            edgecolors="white",
            linewidths=0.8,
            alpha=alpha,
            zorder=3,
        )


def ring(ax, point, *, size=420):
    """Circle one point in red."""
    ax.scatter(
        [point[0]],
        [point[1]],
        s=size,
        facecolors="none",
        edgecolors=RED,
        linewidths=3,
        zorder=4,
        clip_on=False,
    )


def square_axes(ax, box):
    """Set equal scales, the limits of ``box``, light ticks and a light grid."""
    ax.set_xlim(box[0], box[1])
    ax.set_ylim(box[2], box[3])
    ax.set_aspect("equal")
    ax.tick_params(colors=GREY)
    ax.grid(True, color="#E5E5E5", lw=1)
    ax.set_axisbelow(True)

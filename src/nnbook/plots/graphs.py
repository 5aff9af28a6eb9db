"""Diagrams of networks and computational graphs, laid out in pixels.

A diagram is drawn on a canvas whose data coordinates are the pixels of the
final image (``x`` to the right, ``y`` up), so a position or a gap in the
code is what the reader sees, and font sizes are given in pixels too
(``px``), not in points. Nodes are circles or boxes (``Node``), edges are
arrows between their outlines.

An animated diagram changes a few of its artists from frame to frame; an
``Animation`` draws the rest once and, for each frame, only what changed.
Mathtext is slow to lay out (every new string is parsed), so a number that
changes in every frame is written by a ``Readout``: a mathtext symbol laid
out once and the number as plain text in the same font.
"""

import math
import re
from dataclasses import dataclass

import numpy as np
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

from nnbook.plots.style import GREY, RC, figure

DPI = RC["figure.dpi"]


def px(size):
    """Return the font size in points that renders ``size`` pixels tall."""
    return size * 72 / DPI


def decimal(value, digits=3):
    """Format ``value`` with ``digits`` significant digits, trailing zeros
    kept, never in exponent form, with a true minus sign."""
    value = float(value)
    if value == 0:
        return "0"
    places = max(digits - 1 - math.floor(math.log10(abs(value))), 0)
    return f"{value:.{places}f}".replace("-", "\N{MINUS SIGN}")


def canvas(width, height):
    """Return ``(fig, ax)``: a ``width`` x ``height`` pixel image whose data
    coordinates are its pixels. Call it inside ``style()``."""
    fig, ax = figure(width / DPI, height / DPI)
    ax.set_position((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.set_axis_off()
    return fig, ax


@dataclass(frozen=True)
class Node:
    """A node's place and outline: a circle (``r``) or a box (``w`` x ``h``)."""

    x: float
    y: float
    r: float = 0.0
    w: float = 0.0
    h: float = 0.0

    def rim(self, toward):
        """Return the point of the outline on the way to the point ``toward``."""
        dx, dy = toward[0] - self.x, toward[1] - self.y
        if self.r:
            scale = self.r / math.hypot(dx, dy)
        else:  # a box: leave through whichever side the ray meets first
            sx = (self.w / 2) / abs(dx) if dx else math.inf
            sy = (self.h / 2) / abs(dy) if dy else math.inf
            scale = min(sx, sy)
        return self.x + dx * scale, self.y + dy * scale

    @property
    def xy(self):
        return self.x, self.y


def segment(a, b, gap=0.0):
    """Return the visible ends of an edge from node ``a`` to node ``b``,
    stopping ``gap`` pixels short of each outline."""
    p, q = a.rim(b.xy), b.rim(a.xy)
    length = math.hypot(q[0] - p[0], q[1] - p[1])
    # the outlines' points in the order a -> b, or else the nodes overlap
    forward = (q[0] - p[0]) * (b.x - a.x) + (q[1] - p[1]) * (b.y - a.y)
    if forward <= 0 or length <= 2 * gap:
        raise ValueError(f"nodes at {a.xy} and {b.xy} leave no room for an edge")
    ux, uy = (q[0] - p[0]) / length, (q[1] - p[1]) / length
    return (p[0] + gap * ux, p[1] + gap * uy), (q[0] - gap * ux, q[1] - gap * uy)


def along(a, b, t):
    """Return the point a fraction ``t`` along the visible edge ``a -> b``."""
    p, q = segment(a, b)
    return p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])


def arrow(ax, a, b, *, color=GREY, lw=1.5, head=True, gap=2.0, zorder=1):
    """Draw the edge ``a -> b`` between two nodes; return the patch."""
    p, q = segment(a, b, gap)
    patch = FancyArrowPatch(
        p,
        q,
        arrowstyle="-|>" if head else "-",
        mutation_scale=14 + 2 * lw,
        color=color,
        lw=lw,
        shrinkA=0,
        shrinkB=0,
        zorder=zorder,
        capstyle="round",
    )
    ax.add_patch(patch)
    return patch


def circle(ax, node, *, edge, face="white", lw=2.0, zorder=3):
    """Draw a circular node; return the patch."""
    patch = Circle(node.xy, node.r, fc=face, ec=edge, lw=lw, zorder=zorder)
    ax.add_patch(patch)
    return patch


def box(ax, node, *, edge, face="white", lw=2.0, pad=8, zorder=3):
    """Draw a rounded box node; return the patch."""
    patch = FancyBboxPatch(
        (node.x - node.w / 2 + pad, node.y - node.h / 2 + pad),
        node.w - 2 * pad,
        node.h - 2 * pad,
        boxstyle=f"round,pad={pad}",
        fc=face,
        ec=edge,
        lw=lw,
        zorder=zorder,
    )
    ax.add_patch(patch)
    return patch


def label(ax, xy, text, size, *, color="black", ha="center", va="center", **kw):
    """Write ``text`` at ``xy`` with a font ``size`` pixels tall."""
    return ax.text(*xy, text, fontsize=px(size), color=color, ha=ha, va=va, **kw)


class Readout:
    """A label ``symbol = number`` whose number changes from frame to frame.

    ``symbol`` is text or mathtext, such as ``r"$\\Delta z^2$"``, laid out
    once with its equals sign; only the number is written again, by
    ``show(value)``, as plain text: mathtext draws digits in the book's font
    (DejaVu Sans), so it looks the same, and a frame lays out a short plain
    string instead of parsing a new formula. The label is centred on ``xy``
    (its baseline at ``y``) for the widest of the numbers in ``values``, the
    ones it will show, so the equals sign stays in place.
    """

    def __init__(self, ax, xy, symbol, size, values, *, color="black", digits=3):
        self.digits = digits
        # inside mathtext, the equals sign keeps mathtext's spacing
        head = f"{symbol[:-1]} =$" if symbol.endswith("$") else f"{symbol} = "
        self.head = label(ax, xy, head, size, color=color, va="baseline")
        self.number = label(ax, xy, "", size, color=color, va="baseline")
        self.head.set_ha("left")
        self.number.set_ha("left")
        renderer = ax.figure.canvas.get_renderer()
        head = self.head.get_window_extent(renderer).width
        # the book's font has digits of one width: measure each shape once
        shapes = {re.sub("[0-9]", "0", decimal(value, digits)) for value in values}
        widest = 0.0
        for shape in shapes:
            self.number.set_text(shape)
            widest = max(widest, self.number.get_window_extent(renderer).width)
        self.number.set_text("")
        x = xy[0] - (head + widest) / 2
        self.head.set_x(x)
        self.number.set_x(x + head)

    def show(self, value):
        """Write ``value`` as the number of the label."""
        self.number.set_text(decimal(value, self.digits))


class Animation:
    """The frames of a figure in which only the artists of ``layers`` change.

    Each layer is a list of artists, from those that change least often to
    those that change in every frame; the figure's other artists are drawn
    once. The picture of the figure without the layers is kept, and with
    the first layers drawn on it too, so a frame draws the last layer alone
    on a kept picture. After a change to the artists of layer ``i``,
    ``changed(i)`` makes the next frame draw that layer and the ones after
    it again (``changed()``: the whole figure). Each layer is drawn in the
    order of its artists' ``zorder``, on top of everything before it.
    """

    def __init__(self, fig, *layers):
        if not layers:
            raise ValueError("an animation needs at least one layer of artists")
        self.fig = fig
        self.layers = [sorted(layer, key=lambda a: a.get_zorder()) for layer in layers]
        for layer in self.layers:
            for artist in layer:
                artist.set_animated(True)
        # kept[i]: the picture with the layers before layer i drawn on it
        self.kept = [None] * len(self.layers)

    def changed(self, layer=None):
        """Say that artists of ``layer`` (None: any artist) have changed."""
        start = 0 if layer is None else layer + 1
        for i in range(start, len(self.kept)):
            self.kept[i] = None

    def frame(self):
        """Return the figure as it is now, as an RGB uint8 array."""
        canvas = self.fig.canvas
        if self.kept[0] is None:
            canvas.draw()
            self.kept[0] = canvas.copy_from_bbox(self.fig.bbox)
        renderer = canvas.get_renderer()
        for i in range(1, len(self.layers)):
            if self.kept[i] is None:
                canvas.restore_region(self.kept[i - 1])
                for artist in self.layers[i - 1]:
                    artist.draw(renderer)
                self.kept[i] = canvas.copy_from_bbox(self.fig.bbox)
        canvas.restore_region(self.kept[-1])
        for artist in self.layers[-1]:
            artist.draw(renderer)
        return np.asarray(canvas.buffer_rgba())[..., :3].copy()

"""Drawing helpers shared by the diagrams: a canvas measured in pixels, nodes
(circles and boxes) and the arrows between them.

Every diagram is laid out in pixels of the final image (``x`` to the right,
``y`` up), so a position or a gap in the code is what the reader sees, and
font sizes are given in pixels too (``px``), not in points.
"""

import math
from dataclasses import dataclass

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

from scripts.figures._style import GREY, RC

DPI = RC["figure.dpi"]


def px(size):
    """Return the font size in points that renders ``size`` pixels tall."""
    return size * 72 / DPI


def decimal(value, digits=3):
    """Format ``value`` with ``digits`` significant digits, trailing zeros kept,
    never in exponent form, with a true minus sign."""
    if value == 0:
        return "0"
    places = max(digits - 1 - math.floor(math.log10(abs(value))), 0)
    return f"{value:.{places}f}".replace("-", "\N{MINUS SIGN}")


def canvas(width, height):
    """Return ``(fig, ax)``: a ``width`` x ``height`` pixel image whose data
    coordinates are its pixels. Call it inside ``_style.style()``.

    The figure is drawn by Agg directly, outside pyplot, so nothing keeps it
    alive once the caller is done with it.
    """
    fig = Figure(figsize=(width / DPI, height / DPI), dpi=DPI)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
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

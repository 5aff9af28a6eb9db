"""The two faces of the dot product for a = (3, 1) and b = (2, 3) (chapter 1).

The angle between the arrows, the projection of b on the line through a, and
the shadow's signed length a . b / ||a||, all computed with numpy from the
same vectors as the chapter's code blocks.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Arc

from scripts.figures._style import BLUE, GREEN, GREY, ORANGE, save_png, style

FILENAME = "dot-product.png"

A, B = (3.0, 1.0), (2.0, 3.0)


def compute():
    """Return the vectors, the angle, the shadow's length and the foot."""
    a, b = np.array(A), np.array(B)
    norm_a, norm_b = np.linalg.norm(a), np.linalg.norm(b)
    cos_theta = a @ b / (norm_a * norm_b)  # (1.4)
    shadow = a @ b / norm_a  # the signed length of the projection
    return {
        "a": a, "b": b, "dot": float(a @ b),
        "theta": float(np.degrees(np.arccos(cos_theta))),
        "dir_a": float(np.degrees(np.arctan2(a[1], a[0]))),
        "dir_b": float(np.degrees(np.arctan2(b[1], b[0]))),
        "shadow": float(shadow), "foot": shadow * a / norm_a,
    }  # fmt: skip


def arrow(ax, tip, color, *, lw=3.5):
    ax.annotate(
        "",
        xy=tip,
        xytext=(0, 0),
        arrowprops={"arrowstyle": "-|>,head_length=0.7,head_width=0.35",
                    "color": color, "lw": lw, "shrinkA": 0, "shrinkB": 0},
    )  # fmt: skip


def draw(data):
    a, b, foot = data["a"], data["b"], data["foot"]
    unit_a = a / np.linalg.norm(a)
    normal = np.array([unit_a[1], -unit_a[0]])  # points below the line of a
    fig, ax = plt.subplots(figsize=(7.2, 5.0))
    fig.subplots_adjust(left=0.02, right=0.98, bottom=0.02, top=0.98)
    ax.set_xlim(-0.6, 4.4)
    ax.set_ylim(-0.95, 3.45)
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.axhline(0, color="#DDDDDD", lw=1, zorder=0)
    ax.axvline(0, color="#DDDDDD", lw=1, zorder=0)

    # the line through a, and the drop from the tip of b at right angles
    ax.plot(*np.column_stack([-0.3 * unit_a, 4.3 * unit_a]), color="#CCCCCC", lw=1.5)
    ax.plot(*np.column_stack([b, foot]), color=GREY, lw=2, ls=(0, (5, 4)))
    corner = 0.18
    square = [foot - corner * unit_a, foot - corner * unit_a - corner * normal,
              foot - corner * normal]  # fmt: skip
    ax.plot(*np.array(square).T, color=GREY, lw=1.5)

    # the shadow, drawn as a dimension line just below a
    offset = 0.45 * normal
    start, end = offset, foot + offset
    ax.annotate("", xy=end, xytext=start,
                arrowprops={"arrowstyle": "|-|,widthA=0.4,widthB=0.4",
                            "color": GREEN, "lw": 3})  # fmt: skip
    middle = (start + end) / 2 + 0.42 * normal
    ax.text(*middle, rf"$a \cdot b\, /\, \|a\| = {data['shadow']:.2f}$",
            color=GREEN, ha="center", va="center", rotation=data["dir_a"],
            fontsize=17)  # fmt: skip

    arrow(ax, a, BLUE)
    arrow(ax, b, ORANGE)
    ax.text(a[0] + 0.12, a[1] - 0.05, r"$a = (3, 1)$", color=BLUE, fontsize=19,
            va="center")  # fmt: skip
    ax.text(b[0] - 0.15, b[1], r"$b = (2, 3)$", color=ORANGE, fontsize=19,
            ha="right", va="center")  # fmt: skip

    ax.add_patch(Arc((0, 0), 1.6, 1.6, theta1=data["dir_a"], theta2=data["dir_b"],
                     color="black", lw=2))  # fmt: skip
    mid = np.radians((data["dir_a"] + data["dir_b"]) / 2)
    ax.text(1.12 * np.cos(mid), 1.12 * np.sin(mid),
            rf"$\theta = {data['theta']:.1f}°$", fontsize=17, va="center")  # fmt: skip

    ax.text(2.45, 3.3,
            rf"$a \cdot b = 3 \cdot 2 + 1 \cdot 3 = {data['dot']:g}$" "\n"
            r"$\phantom{a \cdot b} = \|a\|\,\|b\| \cos\theta$",
            fontsize=19, va="top", linespacing=1.6)  # fmt: skip
    return fig


def make(path, *, fast=False):
    with style():
        save_png(draw(compute()), path)

"""The chain rule as nudges, on the output layer of the trained chain network.

A nudge ``Δw`` on ``w^2`` moves ``z^2``, then ``a^2``, then the cost ``C``;
each frame measures those changes with a real forward pass and shows the
ratio ``ΔC/Δw``. As the nudge shrinks, the ratio approaches the product of
the local derivatives, ``∂C/∂w^2 = a^1 σ'(z^2) (a^2 - y)`` (chapter 4,
equation (A)).
"""

from itertools import pairwise

import numpy as np

from scripts.figures import _graph as g
from scripts.figures._style import (
    BLUE,
    GREY,
    LIGHT,
    ORANGE,
    held_durations,
    render,
    save_gif,
    style,
)
from scripts.figures.chain_network_run import STEPS, chain_values, trained_chain_network

FILENAME = "chain-rule-nudge.gif"

BIGGEST, SMALLEST = 0.8, 0.001  # the nudges on w^2, shrinking geometrically
FRAMES, FAST_FRAMES = 40, 5
FIRST_MS, STEP_MS, LAST_MS = 1500, 150, 4000

WIDTH, HEIGHT = 720, 690
MAIN_Y, FEED_Y = 460, 570  # rows of the graph
COLUMN = {"w2": 80, "z2": 260, "a2": 440, "C": 620}
FEED_X = {"a1": 120, "b2": 260, "y": 620}
BOX_W, BOX_H = 100, 66
NAMES = {
    "w2": "w^2",
    "a1": "a^1",
    "b2": "b^2",
    "z2": "z^2",
    "a2": "a^2",
    "C": "C",
    "y": "y",
}
PATH = ["w2", "z2", "a2", "C"]  # the nodes the nudge moves
# local derivative of each edge of the path: symbol, its value's name
SLOPES = [
    (r"\partial z^2/\partial w^2 = a^1", "dz2_dw2"),
    (r"\partial a^2/\partial z^2 = \sigma'(z^2)", "da2_dz2"),
    (r"\partial C/\partial a^2 = a^2 - y", "dC_da2"),
]
PLOT = (110, 62, 580, 160)  # left, bottom, width, height of the plot, pixels


def compute(*, fast=False):
    """Return the unnudged values and, per frame, the measured changes."""
    net = trained_chain_network()
    base = chain_values(net)
    count = FAST_FRAMES if fast else FRAMES
    frames = []
    for dw in np.geomspace(BIGGEST, SMALLEST, count):
        nudged = chain_values(net, dw2=float(dw))
        change = {name: nudged[name] - base[name] for name in PATH}
        frames.append({"delta": change, "ratio": change["C"] / change["w2"]})
    product = base["dz2_dw2"] * base["da2_dz2"] * base["dC_da2"]
    return {"base": base, "frames": frames, "product": product, "steps": STEPS}


def draw_static(ax, data):
    """Draw what every frame shares: the graph, the slopes and equation (A)."""
    base = data["base"]
    nodes = {name: g.Node(x, MAIN_Y, w=BOX_W, h=BOX_H) for name, x in COLUMN.items()}
    nodes |= {name: g.Node(x, FEED_Y, w=BOX_W, h=BOX_H) for name, x in FEED_X.items()}
    for source in ("a1", "b2"):
        g.arrow(ax, nodes[source], nodes["z2"])
    g.arrow(ax, nodes["y"], nodes["C"])
    for a, b in pairwise(PATH):
        g.arrow(ax, nodes[a], nodes[b], color=ORANGE, lw=3)
    for name, node in nodes.items():
        moved = name in PATH
        g.box(ax, node, edge=ORANGE if moved else GREY, face="white", lw=2.5)
        g.label(ax, (node.x, node.y + 13), f"${NAMES[name]}$", 24)
        g.label(ax, (node.x, node.y - 16), g.decimal(base[name]), 17, color=GREY)

    g.label(
        ax,
        (WIDTH / 2, HEIGHT - 26),
        f"output layer of the chain network after {data['steps']} training steps",
        18,
        color=GREY,
    )
    g.label(ax, (440, FEED_Y), r"$C = \frac{1}{2}\,(y - a^2)^2$", 22, color=GREY)
    for n, (symbol, key) in enumerate(SLOPES):
        x = (COLUMN[PATH[n]] + COLUMN[PATH[n + 1]]) / 2
        g.label(ax, (x, 356), f"${symbol}$", 18, color=BLUE, va="baseline")
        g.label(ax, (x, 332), g.decimal(base[key]), 18, color=BLUE)
    product = g.decimal(data["product"], 4)
    factors = r" \times ".join(g.decimal(base[key]) for _, key in SLOPES)
    g.label(
        ax,
        (WIDTH / 2, 284),
        rf"(A)  $\partial C/\partial w^2 = {factors} = {product}$",
        20,
        color=BLUE,
    )


def draw(data):
    """Return the RGB frames of the animation for ``data`` from ``compute()``."""
    fig, ax = g.canvas(WIDTH, HEIGHT)
    draw_static(ax, data)

    deltas = {
        name: g.label(ax, (x, MAIN_Y - 58), "", 18, color=ORANGE, va="baseline")
        for name, x in COLUMN.items()
    }
    measured = g.label(ax, (WIDTH / 2, 250), "", 20, color=ORANGE)

    left, bottom, width, height = PLOT
    plot = fig.add_axes((left / WIDTH, bottom / HEIGHT, width / WIDTH, height / HEIGHT))
    dws = [f["delta"]["w2"] for f in data["frames"]]
    ratios = [f["ratio"] for f in data["frames"]]
    plot.set_xscale("log")
    plot.set_xlim(dws[0] * 1.4, dws[-1] / 1.4)  # shrinking nudges to the right
    top = max(*ratios, data["product"])
    span = top - data["product"]
    plot.set_ylim(data["product"] - 0.25 * span, top + 0.15 * span)
    plot.axhline(data["product"], color=BLUE, lw=2, ls="--")
    plot.annotate(
        "(A)",
        (dws[0], data["product"]),
        xytext=(0, -6),
        textcoords="offset pixels",
        ha="center",
        va="top",
        color=BLUE,
        fontsize=g.px(17),
    )
    plot.set_xlabel(r"$\Delta w^2$", fontsize=g.px(18), labelpad=0)
    plot.set_ylabel(r"$\Delta C / \Delta w^2$", fontsize=g.px(18))
    plot.tick_params(labelsize=g.px(15))
    plot.set_facecolor("white")
    plot.grid(True, color=LIGHT, lw=1)
    (trail,) = plot.plot([], [], "o", color=ORANGE, ms=4, alpha=0.6)
    (point,) = plot.plot([], [], "o", color=ORANGE, ms=9)

    frames = []
    for n, frame in enumerate(data["frames"]):
        for name, text in deltas.items():
            symbol = r"\Delta C" if name == "C" else rf"\Delta {NAMES[name]}"
            text.set_text(f"${symbol} = {g.decimal(frame['delta'][name])}$")
        measured.set_text(
            r"measured  $\Delta C / \Delta w^2 = "
            f"{g.decimal(frame['ratio'], 4)}$"
        )
        trail.set_data(dws[: n + 1], ratios[: n + 1])
        point.set_data([dws[n]], [ratios[n]])
        frames.append(render(fig))
    return frames


def make(path, *, fast=False):
    """Build the animation and save it to ``path``."""
    with style():
        frames = draw(compute(fast=fast))
    durations = held_durations(
        len(frames), first_ms=FIRST_MS, step_ms=STEP_MS, last_ms=LAST_MS
    )
    save_gif(frames, path, durations=durations)

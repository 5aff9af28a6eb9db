"""The chain rule through the whole chain: the backward sweep to ``w^1``.

Starting at the cost ``C``, each step goes one edge back and multiplies the
running derivative by that edge's local derivative, until it reaches
``∂C/∂w^1 = a^0 σ'(z^1) w^2 σ'(z^2) (a^2 - y)`` (chapter 4, equation (B)).
The last frame checks it against a nudge ``Δw^1`` measured by a real forward
pass. All numbers are those of the trained chain network.
"""

from itertools import pairwise

from matplotlib.patches import FancyArrowPatch

from scripts.figures import _graph as g
from scripts.figures._style import (
    BLUE,
    GREY,
    ORANGE,
    RED,
    render,
    save_gif,
    style,
)
from scripts.figures.chain_network_run import STEPS, chain_values, trained_chain_network

FILENAME = "chain-rule-backward.gif"

NUDGE = 1e-3  # the Δw^1 of the check in the last frame
PULSE = 4  # frames of a dot running back along each edge (none when fast)
FIRST_MS, PULSE_MS, STEP_MS, LAST_MS = 1500, 90, 1400, 5000

WIDTH, HEIGHT = 760, 500
MAIN_Y, FEED_Y = 292, 402
COLUMN = {"w1": 60, "z1": 188, "a1": 316, "z2": 444, "a2": 572, "C": 700}
FEED_X = {"a0": 60, "b1": 188, "w2": 316, "b2": 444, "y": 700}
FEEDS = {"a0": "z1", "b1": "z1", "w2": "z2", "b2": "z2", "y": "C"}
BOX_W, BOX_H = 84, 64
NAMES = {
    "a0": "a^0",
    "w1": "w^1",
    "b1": "b^1",
    "z1": "z^1",
    "a1": "a^1",
    "w2": "w^2",
    "b2": "b^2",
    "z2": "z^2",
    "a2": "a^2",
    "C": "C",
    "y": "y",
}
CHAIN = ["w1", "z1", "a1", "z2", "a2", "C"]
# each edge of the chain: its local derivative as a formula, and its value's key
LOCAL = {
    ("w1", "z1"): ("a^0", "dz1_dw1"),  # (2.1)
    ("z1", "a1"): (r"\sigma'(z^1)", "da1_dz1"),  # (2.2)
    ("a1", "z2"): ("w^2", "dz2_da1"),  # these two make (2.3.2)
    ("z2", "a2"): (r"\sigma'(z^2)", "da2_dz2"),
    ("a2", "C"): ("a^2 - y", "dC_da2"),  # (2.3.1)
}
ROWS = {"fraction": 190, "formula": 158, "value": 130, "running": 76}
FINAL_ROWS = (76, 34)  # equation (B) takes the place of the running line
BEND = -0.5  # the backward arrows curve under the chain


def partial(top, bottom):
    """Return the mathtext of ``∂top/∂bottom``."""
    return rf"\partial {NAMES[top]}/\partial {NAMES[bottom]}"


def backward_arc(a, b):
    """Return the ends and the control point of the curved arrow from the
    bottom of node ``b`` back to the bottom of node ``a`` (a quadratic Bezier,
    the curve of matplotlib's ``arc3`` connection with ``rad=BEND``)."""
    y = MAIN_Y - BOX_H / 2 - 4
    (x0, y0), (x2, y2) = (COLUMN[b] - 16, y), (COLUMN[a] + 16, y)
    control = ((x0 + x2) / 2 + BEND * (y2 - y0), (y0 + y2) / 2 - BEND * (x2 - x0))
    return (x0, y0), control, (x2, y2)


def on_arc(arc, t):
    """Return the point a fraction ``t`` along the Bezier ``arc``."""
    (x0, y0), (cx, cy), (x2, y2) = arc
    u = 1 - t
    return (
        u * u * x0 + 2 * u * t * cx + t * t * x2,
        u * u * y0 + 2 * u * t * cy + t * t * y2,
    )


def compute():
    """Return the chain's values, the backward steps and the nudge check."""
    net = trained_chain_network()
    base = chain_values(net)
    steps, running = [], 1.0
    for a, b in reversed(list(pairwise(CHAIN))):
        formula, key = LOCAL[a, b]
        previous, running = running, base[key] * running
        steps.append(
            {
                "edge": (a, b),
                "formula": formula,
                "local": base[key],
                "previous": previous,
                "running": running,
            }
        )
    nudged = chain_values(net, dw1=NUDGE)
    return {
        "base": base,
        "steps": steps,
        "product": running,
        "nudge": NUDGE,
        "measured": (nudged["C"] - base["C"]) / NUDGE,
        "training_steps": STEPS,
    }


def draw(data, *, pulse=PULSE):
    """Return ``(frames, durations)`` of the backward sweep for ``data``."""
    base = data["base"]
    fig, ax = g.canvas(WIDTH, HEIGHT)
    nodes = {name: g.Node(x, MAIN_Y, w=BOX_W, h=BOX_H) for name, x in COLUMN.items()}
    nodes |= {name: g.Node(x, FEED_Y, w=BOX_W, h=BOX_H) for name, x in FEED_X.items()}

    g.label(
        ax,
        (WIDTH / 2, HEIGHT - 26),
        f"chain network after {data['training_steps']} training steps",
        18,
        color=GREY,
    )
    g.label(ax, (572, FEED_Y), r"$C = \frac{1}{2}\,(y - a^2)^2$", 20, color=GREY)
    for source, target in FEEDS.items():
        g.arrow(ax, nodes[source], nodes[target])
    arcs, back = {}, {}
    for a, b in pairwise(CHAIN):
        g.arrow(ax, nodes[a], nodes[b], lw=2)
        arcs[a, b] = backward_arc(a, b)
        start, _, end = arcs[a, b]
        back[a, b] = FancyArrowPatch(
            start,
            end,
            connectionstyle=f"arc3,rad={BEND}",
            arrowstyle="-|>",
            mutation_scale=18,
            lw=3,
            visible=False,
        )
        ax.add_patch(back[a, b])
    for name, node in nodes.items():
        g.box(ax, node, edge=GREY, lw=2, pad=7)
        g.label(ax, (node.x, node.y + 12), f"${NAMES[name]}$", 23)
        g.label(ax, (node.x, node.y - 15), g.decimal(base[name]), 16, color=GREY)

    # one column of labels under each edge; read left to right they are the
    # factors of equation (B), so a "×" sits under every inner node
    columns = {}
    for step in data["steps"]:
        a, b = step["edge"]
        x = (COLUMN[a] + COLUMN[b]) / 2
        columns[a, b] = [
            g.label(ax, (x, ROWS["fraction"]), f"${partial(b, a)}$", 18, va="baseline"),
            g.label(
                ax, (x, ROWS["formula"]), f"$= {step['formula']}$", 18, va="baseline"
            ),
            g.label(ax, (x, ROWS["value"]), g.decimal(step["local"]), 19),
        ]
        if b != "C":
            columns[a, b].append(
                g.label(ax, (COLUMN[b], ROWS["value"]), r"$\times$", 19)
            )
    running = g.label(
        ax, (WIDTH / 2, ROWS["running"]), r"backward from $C$ to $w^1$", 21, color=RED
    )
    final = [g.label(ax, (WIDTH / 2, y), "", 21) for y in FINAL_ROWS]
    dot = ax.plot([], [], "o", color=RED, ms=11, zorder=5)[0]

    def show(texts, colour):
        for text in texts:
            text.set_visible(colour is not None)
            if colour is not None:
                text.set_color(colour)

    for texts in columns.values():
        show(texts, None)
    frames, durations = [render(fig)], [FIRST_MS]

    for n, step in enumerate(data["steps"]):
        a, b = step["edge"]
        for done in data["steps"][:n]:
            back[done["edge"]].set_color(BLUE)
            show(columns[done["edge"]], BLUE)
        # a dot runs back from b to a, then the arrow is drawn
        for k in range(pulse):
            x, y = on_arc(arcs[a, b], (k + 0.5) / pulse)
            dot.set_data([x], [y])
            frames.append(render(fig))
            durations.append(PULSE_MS)
        dot.set_data([], [])
        back[a, b].set_visible(True)
        back[a, b].set_color(RED)
        show(columns[a, b], RED)
        reached = rf"\partial C/\partial {NAMES[a]}"
        if n == 0:
            running.set_text(f"${reached} = {g.decimal(step['local'])}$")
        else:
            running.set_text(
                f"${reached} = {g.decimal(step['local'])} \\times "
                f"{g.decimal(step['previous'])} = {g.decimal(step['running'])}$"
            )
        frames.append(render(fig))
        durations.append(STEP_MS)

    last = data["steps"][-1]["edge"]
    back[last].set_color(BLUE)
    show(columns[last], BLUE)
    running.set_visible(False)
    final[0].set_text(
        rf"(B)  $\partial C/\partial w^1 = {g.decimal(data['product'], 4)}$"
    )
    final[0].set_color(BLUE)
    final[1].set_text(
        rf"measured  $\Delta C/\Delta w^1 = {g.decimal(data['measured'], 4)}$"
        rf"   ($\Delta w^1 = {g.decimal(data['nudge'], 1)}$)"
    )
    final[1].set_color(ORANGE)
    frames.append(render(fig))
    durations.append(LAST_MS)
    return frames, durations


def make(path, *, fast=False):
    """Build the animation and save it to ``path``."""
    with style():
        frames, durations = draw(compute(), pulse=0 if fast else PULSE)
    save_gif(frames, path, durations=durations)

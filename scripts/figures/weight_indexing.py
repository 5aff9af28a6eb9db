"""The index notation ``w^l_{jk}``: the weight from neuron ``k`` of layer
``l-1`` to neuron ``j`` of layer ``l``, and its place in the matrix ``W^l``.

Row ``j`` of ``W^l`` holds the weights into neuron ``j``, so the rows of the
matrix are drawn level with the neurons they feed: the product ``W^l a^{l-1}``
gives each neuron its own row (chapter 4, toward many neurons per layer;
chapter 5).
"""

from matplotlib.patches import FancyBboxPatch

from scripts.figures import _graph as g
from scripts.figures._style import BLUE, GREEN, GREY, LIGHT, RED, save_png, style

FILENAME = "weight-indexing.png"

J, K = 2, 3  # the highlighted weight w^l_{JK}
SENDERS, RECEIVERS = 3, 2  # neurons in layers l-1 and l

WIDTH, HEIGHT = 760, 470
HEADER_Y = 440
SENDER_X, RECEIVER_X, INDEX_X = 120, 350, 440
SENDER_Y = [345, 240, 135]  # k = 1, 2, 3
RECEIVER_Y = [292, 188]  # j = 1, 2; also the rows of the matrix
CELL_X = [545, 620, 695]  # the columns of the matrix, k = 1, 2, 3
R = 36


def compute():
    """Return the shape of the two layers and the highlighted index."""
    return {"senders": SENDERS, "receivers": RECEIVERS, "j": J, "k": K}


def draw(data):
    """Return the figure for ``data`` from ``compute()``."""
    fig, ax = g.canvas(WIDTH, HEIGHT)
    senders = [g.Node(SENDER_X, y, r=R) for y in SENDER_Y[: data["senders"]]]
    receivers = [g.Node(RECEIVER_X, y, r=R) for y in RECEIVER_Y[: data["receivers"]]]
    j, k = data["j"], data["k"]
    row_y = RECEIVER_Y[j - 1]

    # a light band ties neuron j to row j of the matrix
    ax.add_patch(
        FancyBboxPatch(
            (RECEIVER_X - R - 8, row_y - 24),
            CELL_X[-1] + 38 - (RECEIVER_X - R - 8),
            48,
            boxstyle="round,pad=6",
            fc=LIGHT,
            ec="none",
            zorder=0,
        )
    )

    for jj, receiver in enumerate(receivers, start=1):
        for kk, sender in enumerate(senders, start=1):
            if (jj, kk) != (j, k):
                g.arrow(ax, sender, receiver, lw=1.2, gap=3)
    sender, receiver = senders[k - 1], receivers[j - 1]
    g.arrow(ax, sender, receiver, color=RED, lw=3.5, gap=3, zorder=2)
    mx, my = g.along(sender, receiver, 0.5)
    g.label(ax, (mx + 8, my - 40), f"$w^l_{{{j}{k}}}$", 30, color=RED)

    for n, node in enumerate(senders, start=1):
        g.circle(ax, node, edge=BLUE, lw=2.5)
        g.label(ax, node.xy, f"$a^{{l-1}}_{n}$", 22)
        g.label(ax, (node.x - R - 12, node.y), f"$k = {n}$", 19, ha="right", color=GREY)
    for n, node in enumerate(receivers, start=1):
        g.circle(ax, node, edge=GREEN, lw=2.5)
        g.label(ax, node.xy, f"$a^l_{n}$", 22)
        g.label(ax, (INDEX_X, node.y), f"$j = {n}$", 19, color=GREY)
    g.label(ax, (SENDER_X, HEADER_Y), "layer $l-1$", 20, color=BLUE)
    g.label(ax, (RECEIVER_X, HEADER_Y), "layer $l$", 20, color=GREEN)

    # the matrix W^l: rows j (level with the neurons), columns k
    for n, x in enumerate(CELL_X, start=1):
        g.label(ax, (x, RECEIVER_Y[0] + 55), f"$k = {n}$", 19, color=GREY)
    for jj, y in enumerate(RECEIVER_Y, start=1):
        for kk, x in enumerate(CELL_X, start=1):
            hit = (jj, kk) == (j, k)
            if hit:
                ax.add_patch(
                    FancyBboxPatch(
                        (x - 24, y - 18),
                        48,
                        36,
                        boxstyle="round,pad=6",
                        fc="white",
                        ec=RED,
                        lw=2.5,
                        zorder=1,
                    )
                )
            g.label(
                ax, (x, y), f"$w^l_{{{jj}{kk}}}$", 24, color=RED if hit else "black"
            )
    top, bottom = RECEIVER_Y[0] + 34, RECEIVER_Y[-1] - 34
    for x, tick in ((CELL_X[0] - 42, 10), (CELL_X[-1] + 42, -10)):
        ax.plot(
            [x + tick, x, x, x + tick],
            [top, top, bottom, bottom],
            color="black",
            lw=2,
            solid_joinstyle="miter",
        )
    shape = rf"$({data['receivers']} \times {data['senders']})$"
    g.label(ax, (CELL_X[1], HEADER_Y), rf"$W^l$  {shape}", 26)

    g.label(
        ax,
        (WIDTH / 2, 42),
        r"$z^l = W^l a^{l-1} + b^l$:     "
        rf"$z^l_{j} = \sum_k\, w^l_{{{j}k}}\, a^{{l-1}}_k + b^l_{j}$",
        22,
    )
    return fig


def make(path, *, fast=False):
    """Draw the diagram and save it to ``path`` (``fast`` changes nothing)."""
    with style():
        save_png(draw(compute()), path)

"""The figures of chapter 4: networks and the chain rule on their graphs.

``network_2_2_2`` draws Matt Mazur's 2-2-2 network with its parameters,
``weight_indexing`` the index notation ``w^l_{jk}``. The two animations run
on the computational graph of chapter 4's chain network, one neuron per
layer: ``nudge_frames`` shows a shrinking nudge of ``w^2`` and the measured
ratio ``ΔC/Δw^2`` closing in on equation (4.10); ``backward_frames`` the sweep
from the cost back to ``w^1`` that multiplies one local derivative per link
into equation (4.14). Every number they draw is one the page computed and
passes in; the animations return ``(frames, durations)`` for ``save_gif``.
"""

from itertools import pairwise

import numpy as np
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from nnbook.plots import graphs as g
from nnbook.plots.style import (
    BLUE,
    GREEN,
    GREY,
    LIGHT,
    ORANGE,
    RED,
    held_durations,
    style,
)

# The names of the chain network's quantities, as mathtext.
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


def _values(values, names, what):
    """Return ``values[name]`` as a float for each of ``names``, or raise."""
    missing = [name for name in names if name not in values]
    if missing:
        raise ValueError(f"{what} needs the values of {missing}")
    return {name: float(values[name]) for name in names}


# -- Mazur's 2-2-2 network -------------------------------------------------

NET_WIDTH, NET_HEIGHT = 760, 500
NET_COLUMNS = [110, 370, 630]  # x of layers 0, 1, 2
NET_ROWS = [340, 140]  # y of neurons 1, 2
NET_R = 32  # neuron radius
NET_LAYERS = [("i", BLUE), ("h", GREEN), ("o", ORANGE)]


def network_2_2_2(net, inputs, targets):
    """Return the figure of a 2-2-2 network with its inputs and targets.

    ``net`` has ``weights`` (two 2x2 matrices, row ``j`` into neuron ``j``)
    and ``biases``, one value per layer as in Mazur's example (each layer's
    biases must be equal). The weights are named ``w_1 .. w_8`` in Mazur's
    order: layer by layer, then by receiving neuron, then by sending neuron.
    """
    weights = [np.asarray(W, dtype=float) for W in net.weights]
    biases = [np.asarray(b, dtype=float) for b in net.biases]
    inputs, targets = np.ravel(inputs), np.ravel(targets)
    if [W.shape for W in weights] != [(2, 2), (2, 2)] or inputs.shape != (2,):
        raise ValueError(
            f"a 2-2-2 network has two 2x2 weight matrices and 2 inputs; got "
            f"{[W.shape for W in weights]} and {inputs.shape}"
        )
    if targets.shape != (2,) or any(b.shape != (2,) or b[0] != b[1] for b in biases):
        raise ValueError("the figure needs 2 targets and one bias value per layer")

    with style():
        fig, ax = g.canvas(NET_WIDTH, NET_HEIGHT)
        neurons = [[g.Node(x, y, r=NET_R) for y in NET_ROWS] for x in NET_COLUMNS]
        # a bias unit sits below the gap it crosses, near the layer it feeds
        units = [g.Node(NET_COLUMNS[l] - 85, 52, r=24) for l in (1, 2)]

        n = 0
        for l, W in enumerate(weights, start=1):
            for j, k in np.ndindex(W.shape):
                n += 1
                a, b = neurons[l - 1][k], neurons[l][j]
                g.arrow(ax, a, b, color=GREY, lw=1.6)
                # near the sending neuron, clear of the crossing in the middle
                g.label(
                    ax,
                    g.along(a, b, 0.38 if j == k else 0.28),
                    rf"$w_{n} = {W[j, k]:.2f}$",
                    18,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none"},
                    zorder=2,
                )

        for l, (unit, b) in enumerate(zip(units, biases, strict=True), start=1):
            for target in neurons[l]:
                g.arrow(ax, unit, target, color=GREY, lw=1.2)
            g.circle(ax, unit, edge=GREY, face="#F4F4F4")
            g.label(ax, unit.xy, f"$b_{l}$", 20)
            g.label(ax, (unit.x - 32, unit.y), f"{b[0]:.2f}", 18, ha="right")

        for l, (letter, colour) in enumerate(NET_LAYERS):
            for n, node in enumerate(neurons[l], start=1):
                g.circle(ax, node, edge=colour, lw=2.5)
                g.label(ax, node.xy, f"${letter}_{n}$", 24)
            g.label(ax, (NET_COLUMNS[l], 470), f"layer {l}", 18, color=GREY)
            g.label(ax, (NET_COLUMNS[l], 436), f"$a^{l}$", 26, color=colour)

        for node, value in zip(neurons[0], inputs, strict=True):
            g.label(ax, (node.x - NET_R - 10, node.y), f"{value:.2f}", 18, ha="right")
        for node, value in zip(neurons[2], targets, strict=True):
            x = node.x + NET_R + 10
            g.label(ax, (x, node.y + 11), "target", 15, ha="left", color=GREY)
            g.label(ax, (x, node.y - 11), f"{value:.2f}", 18, ha="left")
    return fig


# -- the index notation w^l_jk ---------------------------------------------

IDX_WIDTH, IDX_HEIGHT = 760, 470
IDX_HEADER_Y = 440
SENDER_X, RECEIVER_X, INDEX_X = 120, 350, 440
SENDER_Y = [345, 240, 135]  # k = 1, 2, 3
RECEIVER_Y = [292, 188]  # j = 1, 2; also the rows of the matrix
CELL_X = [545, 620, 695]  # the columns of the matrix, k = 1, 2, 3
IDX_R = 36


def weight_indexing(j, k):
    """Return the figure of ``w^l_{jk}`` between a layer of 3 neurons and
    one of 2, and of its place in row ``j``, column ``k`` of ``W^l``."""
    senders, receivers = len(SENDER_Y), len(RECEIVER_Y)
    if not (1 <= j <= receivers and 1 <= k <= senders):
        raise ValueError(
            f"the figure shows W^l of shape ({receivers}, {senders}): "
            f"1 <= j <= {receivers} and 1 <= k <= {senders}; got j={j}, k={k}"
        )
    with style():
        fig, ax = g.canvas(IDX_WIDTH, IDX_HEIGHT)
        _draw_weight_indexing(ax, j, k)
    return fig


def _draw_weight_indexing(ax, j, k):
    senders = [g.Node(SENDER_X, y, r=IDX_R) for y in SENDER_Y]
    receivers = [g.Node(RECEIVER_X, y, r=IDX_R) for y in RECEIVER_Y]
    row_y = RECEIVER_Y[j - 1]

    # a light band ties neuron j to row j of the matrix
    left = RECEIVER_X - IDX_R - 8
    ax.add_patch(
        FancyBboxPatch(
            (left, row_y - 24),
            CELL_X[-1] + 38 - left,
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
        x = node.x - IDX_R - 12
        g.label(ax, (x, node.y), f"$k = {n}$", 19, ha="right", color=GREY)
    for n, node in enumerate(receivers, start=1):
        g.circle(ax, node, edge=GREEN, lw=2.5)
        g.label(ax, node.xy, f"$a^l_{n}$", 22)
        g.label(ax, (INDEX_X, node.y), f"$j = {n}$", 19, color=GREY)
    g.label(ax, (SENDER_X, IDX_HEADER_Y), "layer $l-1$", 20, color=BLUE)
    g.label(ax, (RECEIVER_X, IDX_HEADER_Y), "layer $l$", 20, color=GREEN)

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
            colour = RED if hit else "black"
            g.label(ax, (x, y), f"$w^l_{{{jj}{kk}}}$", 24, color=colour)
    top, bottom = RECEIVER_Y[0] + 34, RECEIVER_Y[-1] - 34
    for x, tick in ((CELL_X[0] - 42, 10), (CELL_X[-1] + 42, -10)):
        ax.plot(
            [x + tick, x, x, x + tick],
            [top, top, bottom, bottom],
            color="black",
            lw=2,
            solid_joinstyle="miter",
        )
    shape = rf"$({len(receivers)} \times {len(senders)})$"
    g.label(ax, (CELL_X[1], IDX_HEADER_Y), rf"$W^l$  {shape}", 26)

    g.label(
        ax,
        (IDX_WIDTH / 2, 42),
        r"$z^l = W^l a^{l-1} + b^l$:     "
        rf"$z^l_{j} = \sum_k\, w^l_{{{j}k}}\, a^{{l-1}}_k + b^l_{j}$",
        22,
    )


# -- the chain rule by nudges (the output neuron of the chain network) -----

NUDGE_WIDTH, NUDGE_HEIGHT = 720, 690
NUDGE_MS = (1500, 150, 4000)  # the first frame, each nudge, the last frame
NUDGE_MAIN_Y, NUDGE_FEED_Y = 460, 570  # rows of the graph
NUDGE_COLUMN = {"w2": 80, "z2": 260, "a2": 440, "C": 620}
NUDGE_FEED_X = {"a1": 120, "b2": 260, "y": 620}
NUDGE_BOX = (100, 66)
NUDGE_PATH = ["w2", "z2", "a2", "C"]  # the nodes the nudge moves
# the local derivative of each edge of the path, (4.7) to (4.9)
NUDGE_SLOPES = [
    r"\partial z^2/\partial w^2 = a^1",
    r"\partial a^2/\partial z^2 = \sigma'(z^2)",
    r"\partial C/\partial a^2 = a^2 - y",
]
NUDGE_PLOT = (110, 62, 580, 160)  # left, bottom, width, height, in pixels


def nudge_frames(values, slopes, product, changes, ratios, *, steps):
    """Return ``(frames, durations)``: shrinking nudges of ``w^2``.

    ``values`` maps ``w2 a1 b2 z2 a2 C y`` to the chain network's numbers;
    ``slopes`` holds the local derivatives (4.7), (4.8), (4.9) and
    ``product`` their product, equation (4.10). Each row of ``changes`` is one
    frame: the measured changes of ``w^2, z^2, a^2, C`` for one nudge, and
    ``ratios`` the measured ``ΔC/Δw^2`` of each. ``steps`` is the number of
    training steps the network has had, for the title.
    """
    names = ["w2", "a1", "b2", "z2", "a2", "C", "y"]
    base = _values(values, names, "nudge_frames")
    changes = np.asarray(changes, dtype=float)
    ratios = np.asarray(ratios, dtype=float)
    if len(slopes) != 3 or changes.ndim != 2 or changes.shape[1] != 4:
        raise ValueError(
            f"nudge_frames needs 3 slopes and changes of shape (frames, 4); "
            f"got {len(slopes)} slopes and changes of shape {changes.shape}"
        )
    if ratios.shape != (len(changes),) or len(changes) < 2:
        raise ValueError(
            f"nudge_frames needs at least 2 frames and one ratio per frame; "
            f"got {len(changes)} frames and {ratios.shape[0]} ratios"
        )

    with style():
        fig, ax = g.canvas(NUDGE_WIDTH, NUDGE_HEIGHT)
        _draw_nudge_graph(ax, base, slopes, product, steps)
        readouts = [
            g.Readout(
                ax,
                (x, NUDGE_MAIN_Y - 58),
                r"$\Delta C$" if name == "C" else rf"$\Delta {NAMES[name]}$",
                18,
                changes[:, n],
                color=ORANGE,
            )
            for n, (name, x) in enumerate(NUDGE_COLUMN.items())
        ]
        measured = g.Readout(
            ax,
            (NUDGE_WIDTH / 2, 243),
            r"measured  $\Delta C / \Delta w^2$",
            20,
            ratios,
            color=ORANGE,
            digits=4,
        )
        trail, point = _draw_nudge_plot(fig, changes[:, 0], ratios, product)

        moving = [trail, point, measured.number]
        moving += [readout.number for readout in readouts]
        animation = g.Animation(fig, moving)
        frames = []
        for n, (change, ratio) in enumerate(zip(changes, ratios, strict=True)):
            for readout, value in zip(readouts, change, strict=True):
                readout.show(value)
            measured.show(ratio)
            trail.set_data(changes[: n + 1, 0], ratios[: n + 1])
            point.set_data([changes[n, 0]], [ratio])
            frames.append(animation.frame())
    first, step, last = NUDGE_MS
    durations = held_durations(len(frames), first_ms=first, step_ms=step, last_ms=last)
    return frames, durations


def _draw_nudge_graph(ax, base, slopes, product, steps):
    """Draw what every frame shares: the graph, the slopes and equation (4.10)."""
    w, h = NUDGE_BOX
    nodes = {k: g.Node(x, NUDGE_MAIN_Y, w=w, h=h) for k, x in NUDGE_COLUMN.items()}
    nodes |= {k: g.Node(x, NUDGE_FEED_Y, w=w, h=h) for k, x in NUDGE_FEED_X.items()}
    for source in ("a1", "b2"):
        g.arrow(ax, nodes[source], nodes["z2"])
    g.arrow(ax, nodes["y"], nodes["C"])
    for a, b in pairwise(NUDGE_PATH):
        g.arrow(ax, nodes[a], nodes[b], color=ORANGE, lw=3)
    for name, node in nodes.items():
        edge = ORANGE if name in NUDGE_PATH else GREY
        g.box(ax, node, edge=edge, face="white", lw=2.5)
        g.label(ax, (node.x, node.y + 13), f"${NAMES[name]}$", 24)
        g.label(ax, (node.x, node.y - 16), g.decimal(base[name]), 17, color=GREY)

    g.label(
        ax,
        (NUDGE_WIDTH / 2, NUDGE_HEIGHT - 26),
        f"output layer of the chain network after {steps} training steps",
        18,
        color=GREY,
    )
    g.label(ax, (440, NUDGE_FEED_Y), r"$C = \frac{1}{2}\,(y - a^2)^2$", 22, color=GREY)
    for n, (symbol, slope) in enumerate(zip(NUDGE_SLOPES, slopes, strict=True)):
        x = (NUDGE_COLUMN[NUDGE_PATH[n]] + NUDGE_COLUMN[NUDGE_PATH[n + 1]]) / 2
        g.label(ax, (x, 356), f"${symbol}$", 18, color=BLUE, va="baseline")
        g.label(ax, (x, 332), g.decimal(slope), 18, color=BLUE)
    factors = r" \times ".join(g.decimal(slope) for slope in slopes)
    g.label(
        ax,
        (NUDGE_WIDTH / 2, 284),
        rf"(4.10)  $\partial C/\partial w^2 = {factors} = {g.decimal(product, 4)}$",
        20,
        color=BLUE,
    )


def _draw_nudge_plot(fig, dws, ratios, product):
    """Draw the axes of ``ΔC/Δw^2`` against the nudge; return the two lines
    (the trail of the ratios so far, and the current one) that move."""
    left, bottom, width, height = NUDGE_PLOT
    plot = fig.add_axes(
        (
            left / NUDGE_WIDTH,
            bottom / NUDGE_HEIGHT,
            width / NUDGE_WIDTH,
            height / NUDGE_HEIGHT,
        )
    )
    plot.set_xscale("log")
    plot.set_xlim(dws[0] * 1.4, dws[-1] / 1.4)  # shrinking nudges to the right
    low, high = min(*ratios, product), max(*ratios, product)
    span = (high - low) or abs(high) or 1.0
    plot.set_ylim(low - 0.25 * span, high + 0.15 * span)
    plot.axhline(product, color=BLUE, lw=2, ls="--")
    plot.annotate(
        "(4.10)",
        (dws[0], product),
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
    return trail, point


# -- the backward sweep through the whole chain network --------------------

BACK_WIDTH, BACK_HEIGHT = 760, 500
BACK_MS = (1500, 90, 1400, 5000)  # first frame, pulse, each link, last frame
PULSE = 4  # frames of a dot running back along each link
BACK_MAIN_Y, BACK_FEED_Y = 292, 402
BACK_COLUMN = {"w1": 60, "z1": 188, "a1": 316, "z2": 444, "a2": 572, "C": 700}
BACK_FEED_X = {"a0": 60, "b1": 188, "w2": 316, "b2": 444, "y": 700}
BACK_FEEDS = {"a0": "z1", "b1": "z1", "w2": "z2", "b2": "z2", "y": "C"}
BACK_BOX = (84, 64)
CHAIN = ["w1", "z1", "a1", "z2", "a2", "C"]
# the local derivative of each link, from the cost back to w^1
BACK_LINKS = [
    (("a2", "C"), "a^2 - y"),  # (4.9)
    (("z2", "a2"), r"\sigma'(z^2)"),  # with the next one, (4.13)
    (("a1", "z2"), "w^2"),
    (("z1", "a1"), r"\sigma'(z^1)"),  # (4.12)
    (("w1", "z1"), "a^0"),  # (4.11)
]
ROWS = {"fraction": 190, "formula": 158, "value": 130, "running": 76}
FINAL_ROWS = (76, 34)  # equation (4.14) takes the place of the running line
BEND = -0.5  # the backward arrows curve under the chain


def backward_frames(values, links, running, measured, *, nudge, steps, pulse=PULSE):
    """Return ``(frames, durations)``: the backward sweep from ``C`` to ``w^1``.

    ``values`` maps ``a0 w1 b1 z1 a1 w2 b2 z2 a2 C y`` to the chain
    network's numbers. ``links`` holds the five local derivatives from the
    cost back to ``w^1`` (``∂C/∂a^2``, ``∂a^2/∂z^2``, ``∂z^2/∂a^1``,
    ``∂a^1/∂z^1``, ``∂z^1/∂w^1``) and ``running`` their running products,
    the last being equation (4.14). ``measured`` is ``ΔC/Δw^1`` for the nudge
    ``nudge``; ``steps`` the network's training steps, for the title. Each
    link takes ``pulse`` frames of a dot running back along it, then one.
    """
    base = _values(values, list(NAMES), "backward_frames")
    links, running = np.ravel(links), np.ravel(running)
    if links.shape != (len(BACK_LINKS),) or running.shape != links.shape:
        raise ValueError(
            f"backward_frames needs {len(BACK_LINKS)} links and as many running "
            f"products; got {links.size} and {running.size}"
        )
    first_ms, pulse_ms, step_ms, last_ms = BACK_MS

    with style():
        fig, ax = g.canvas(BACK_WIDTH, BACK_HEIGHT)
        back, columns, arcs = _draw_backward_graph(ax, base, links, steps)
        running_text = g.label(
            ax,
            (BACK_WIDTH / 2, ROWS["running"]),
            r"backward from $C$ to $w^1$",
            21,
            color=RED,
        )
        final = [g.label(ax, (BACK_WIDTH / 2, y), "", 21) for y in FINAL_ROWS]
        dot = ax.plot([], [], "o", color=RED, ms=11, zorder=5)[0]
        # the dot moves in every frame, the links and their labels change
        # from one link to the next, the graph never
        links_layer = [*back.values(), running_text, *final]
        for texts in columns.values():
            links_layer += texts
        animation = g.Animation(fig, links_layer, [dot])

        def show(texts, colour):
            for text in texts:
                text.set_visible(colour is not None)
                if colour is not None:
                    text.set_color(colour)

        for texts in columns.values():
            show(texts, None)
        frames, durations = [animation.frame()], [first_ms]

        edges = [edge for edge, _ in BACK_LINKS]
        for n, (a, b) in enumerate(edges):
            if n:  # the link before is done
                back[edges[n - 1]].set_color(BLUE)
                show(columns[edges[n - 1]], BLUE)
                animation.changed(0)
            # a dot runs back from b to a, then the arrow is drawn
            for k in range(pulse):
                x, y = _on_arc(arcs[a, b], (k + 0.5) / pulse)
                dot.set_data([x], [y])
                frames.append(animation.frame())
                durations.append(pulse_ms)
            dot.set_data([], [])
            animation.changed(0)
            back[a, b].set_visible(True)
            back[a, b].set_color(RED)
            show(columns[a, b], RED)
            reached = rf"\partial C/\partial {NAMES[a]}"
            if n == 0:
                running_text.set_text(f"${reached} = {g.decimal(links[n])}$")
            else:
                running_text.set_text(
                    f"${reached} = {g.decimal(links[n])} \\times "
                    f"{g.decimal(running[n - 1])} = {g.decimal(running[n])}$"
                )
            frames.append(animation.frame())
            durations.append(step_ms)

        back[edges[-1]].set_color(BLUE)
        show(columns[edges[-1]], BLUE)
        running_text.set_visible(False)
        final[0].set_text(
            rf"(4.14)  $\partial C/\partial w^1 = {g.decimal(running[-1], 4)}$"
        )
        final[0].set_color(BLUE)
        final[1].set_text(
            rf"measured  $\Delta C/\Delta w^1 = {g.decimal(measured, 4)}$"
            rf"   ($\Delta w^1 = {g.decimal(nudge, 1)}$)"
        )
        final[1].set_color(ORANGE)
        animation.changed(0)
        frames.append(animation.frame())
        durations.append(last_ms)
    return frames, durations


def _partial(top, bottom):
    """Return the mathtext of ``∂top/∂bottom``."""
    return rf"\partial {NAMES[top]}/\partial {NAMES[bottom]}"


def _backward_arc(a, b):
    """Return the ends and the control point of the curved arrow from the
    bottom of node ``b`` back to the bottom of node ``a`` (a quadratic Bezier,
    the curve of matplotlib's ``arc3`` connection with ``rad=BEND``)."""
    y = BACK_MAIN_Y - BACK_BOX[1] / 2 - 4
    (x0, y0), (x2, y2) = (BACK_COLUMN[b] - 16, y), (BACK_COLUMN[a] + 16, y)
    control = ((x0 + x2) / 2 + BEND * (y2 - y0), (y0 + y2) / 2 - BEND * (x2 - x0))
    return (x0, y0), control, (x2, y2)


def _on_arc(arc, t):
    """Return the point a fraction ``t`` along the Bezier ``arc``."""
    (x0, y0), (cx, cy), (x2, y2) = arc
    u = 1 - t
    return (
        u * u * x0 + 2 * u * t * cx + t * t * x2,
        u * u * y0 + 2 * u * t * cy + t * t * y2,
    )


def _draw_backward_graph(ax, base, links, steps):
    """Draw what every frame shares, the chain's graph; return the backward
    arrows (hidden), the labels under each link and the arcs, by link."""
    w, h = BACK_BOX
    nodes = {k: g.Node(x, BACK_MAIN_Y, w=w, h=h) for k, x in BACK_COLUMN.items()}
    nodes |= {k: g.Node(x, BACK_FEED_Y, w=w, h=h) for k, x in BACK_FEED_X.items()}

    g.label(
        ax,
        (BACK_WIDTH / 2, BACK_HEIGHT - 26),
        f"chain network after {steps} training steps",
        18,
        color=GREY,
    )
    g.label(ax, (572, BACK_FEED_Y), r"$C = \frac{1}{2}\,(y - a^2)^2$", 20, color=GREY)
    for source, target in BACK_FEEDS.items():
        g.arrow(ax, nodes[source], nodes[target])
    arcs, back = {}, {}
    for a, b in pairwise(CHAIN):
        g.arrow(ax, nodes[a], nodes[b], lw=2)
        arcs[a, b] = _backward_arc(a, b)
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

    # one column of labels under each link; read left to right they are the
    # factors of equation (4.14), so a "×" sits under every inner node
    columns = {}
    for ((a, b), formula), local in zip(BACK_LINKS, links, strict=True):
        x = (BACK_COLUMN[a] + BACK_COLUMN[b]) / 2
        columns[a, b] = [
            g.label(
                ax, (x, ROWS["fraction"]), f"${_partial(b, a)}$", 18, va="baseline"
            ),
            g.label(ax, (x, ROWS["formula"]), f"$= {formula}$", 18, va="baseline"),
            g.label(ax, (x, ROWS["value"]), g.decimal(local), 19),
        ]
        if b != "C":
            times = g.label(ax, (BACK_COLUMN[b], ROWS["value"]), r"$\times$", 19)
            columns[a, b].append(times)
    return back, columns, arcs

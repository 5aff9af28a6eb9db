"""Chapter 11's figure: a computational graph with its values and adjoints.

``computational_graph`` draws the graph ``w, a, b -> z -> a -> C`` of chapter
4's chain network, two layers deep, the layout of chapter 4's backward
animation (``nnbook.plots.chain``), built from the same pieces
(``nnbook.plots.graphs``). Each node shows its name and its forward value;
its *adjoint*, the derivative of the cost with respect to it, is written next
to it in red. The same graph serves chapter 6's network, whose nodes are
matrices: there the page passes shapes and formulas instead of numbers.
"""

from nnbook.plots import graphs as g
from nnbook.plots.style import BLUE, GREY, RED, style

WIDTH, HEIGHT = 760, 430
MAIN_Y, FEED_Y = 170, 300
MAIN_X = {"w1": 70, "z1": 194, "a1": 318, "z2": 442, "a2": 566, "C": 690}
FEED_X = {"a0": 70, "b1": 194, "w2": 318, "b2": 442, "y": 690}
# the inputs of each operation node, in the order of the chain
EDGES = [
    ("w1", "z1"),
    ("a0", "z1"),
    ("b1", "z1"),
    ("z1", "a1"),
    ("a1", "z2"),
    ("w2", "z2"),
    ("b2", "z2"),
    ("z2", "a2"),
    ("a2", "C"),
    ("y", "C"),
]
KEYS = [*MAIN_X, *FEED_X]
BOX = (92, 64)


def _bar(name):
    """Return the mathtext of the adjoint of ``name``: ``z^1`` -> ``\\bar{z}^1``."""
    base, hat, power = name.partition("^")
    return rf"\bar{{{base}}}" + (f"^{{{power}}}" if hat else "")


def _text(value):
    """Return a value as the book writes it: a number to 3 digits, or text."""
    return value if isinstance(value, str) else g.decimal(value)


def computational_graph(names, values, adjoints, *, title, held="value"):
    """Return the figure of the chain's graph with ``values`` and ``adjoints``.

    The three dictionaries are keyed by the nodes ``w1 z1 a1 z2 a2 C`` (the
    main row, left to right) and ``a0 b1 w2 b2 y`` (the row of inputs above
    it). ``names`` holds each node's mathtext, such as ``"z^1"`` or
    ``"W^1"``; ``values`` what the node holds (a number, written to three
    significant digits, or a string such as a shape); ``adjoints`` its
    adjoint ``∂C/∂u``, a number or the mathtext of a formula, for the nodes
    that should show one. ``title`` is written above the graph, and
    ``held`` names what the grey lines are in the legend: ``"value"``, or
    ``"shape"`` when the values are shapes.
    """
    for what, given in (("names", names), ("values", values)):
        missing = [key for key in KEYS if key not in given]
        if missing:
            raise ValueError(f"computational_graph needs {what} of {missing}")
    unknown = sorted(set(adjoints) - set(KEYS))
    if unknown:
        raise ValueError(f"adjoints of nodes that the graph does not have: {unknown}")

    w, h = BOX
    nodes = {key: g.Node(x, MAIN_Y, w=w, h=h) for key, x in MAIN_X.items()}
    nodes |= {key: g.Node(x, FEED_Y, w=w, h=h) for key, x in FEED_X.items()}
    with style():
        fig, ax = g.canvas(WIDTH, HEIGHT)
        g.label(ax, (WIDTH / 2, HEIGHT - 24), title, 19, color=GREY)
        for source, target in EDGES:
            g.arrow(ax, nodes[source], nodes[target], lw=2 if source in MAIN_X else 1.5)
        for key, node in nodes.items():
            operation = key in ("z1", "a1", "z2", "a2", "C")
            g.box(ax, node, edge=BLUE if operation else GREY, lw=2, pad=7)
            g.label(ax, (node.x, node.y + 12), f"${names[key]}$", 22)
            g.label(ax, (node.x, node.y - 15), _text(values[key]), 15, color=GREY)
            if key in adjoints:
                # under the main row, above the row of inputs: clear of the edges
                y = node.y - h / 2 - 22 if key in MAIN_X else node.y + h / 2 + 20
                text = _text(adjoints[key])
                g.label(
                    ax, (node.x, y), f"${_bar(names[key])} = {text}$", 17, color=RED
                )
        g.label(
            ax,
            (WIDTH / 2, 58),
            f"grey: the {held} of each node (forward);  red: its adjoint "
            r"$\bar{u} = \partial C / \partial u$ (backward)",
            15,
            color=GREY,
        )
        g.label(
            ax,
            (WIDTH / 2, 30),
            "blue boxes: operations;  grey boxes: inputs and parameters",
            15,
            color=GREY,
        )
    return fig

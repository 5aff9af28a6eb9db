"""The 2-2-2 network of Matt Mazur's step-by-step backpropagation example.

Inputs i1, i2, hidden neurons h1, h2, outputs o1, o2, one bias per layer,
and the eight weights with their starting values (chapter 4, worked example).
In the book's notation the weights of a layer form the matrix ``W^l`` whose
row ``j`` holds the weights into neuron ``j``; Mazur numbers them w1..w8.
"""

import numpy as np

from scripts.figures import _graph as g
from scripts.figures._style import BLUE, GREEN, GREY, ORANGE, save_png, style

FILENAME = "network-2-2-2.png"

X = [0.05, 0.10]  # i1, i2
TARGETS = [0.01, 0.99]  # o1, o2
W1 = [[0.15, 0.20], [0.25, 0.30]]  # rows h1, h2; columns i1, i2
W2 = [[0.40, 0.45], [0.50, 0.55]]  # rows o1, o2; columns h1, h2
B = [0.35, 0.60]  # b1 (into the hidden layer), b2 (into the output layer)

WIDTH, HEIGHT = 760, 500
COLUMNS = [110, 370, 630]  # x of layers 0, 1, 2
ROWS = [340, 140]  # y of neurons 1, 2
R = 32  # neuron radius
LAYER = [("i", BLUE), ("h", GREEN), ("o", ORANGE)]


def compute():
    """Return the network's numbers as plain data.

    Mazur's ``w1..w8`` run layer by layer, and within a layer by receiving
    neuron, then by sending neuron: ``w_n = W^l[j, k]`` in that order.
    """
    weights = []
    for l, W in enumerate([W1, W2], start=1):
        for j, row in enumerate(np.asarray(W)):
            for k, w in enumerate(row):
                weights.append({"layer": l, "j": j, "k": k, "value": float(w)})
    for n, weight in enumerate(weights, start=1):
        weight["name"] = f"w_{n}"
    return {"x": X, "targets": TARGETS, "weights": weights, "biases": B}


def draw(data):
    """Return the figure of the network for ``data`` from ``compute()``."""
    fig, ax = g.canvas(WIDTH, HEIGHT)
    neurons = [[g.Node(x, y, r=R) for y in ROWS] for x in COLUMNS]
    # a bias unit sits below the gap it crosses, near the layer it feeds
    biases = [g.Node(COLUMNS[l] - 85, 52, r=24) for l in (1, 2)]

    for weight in data["weights"]:
        l, j, k = weight["layer"], weight["j"], weight["k"]
        a, b = neurons[l - 1][k], neurons[l][j]
        g.arrow(ax, a, b, color=GREY, lw=1.6)
        # near the sending neuron, clear of the crossing in the middle
        g.label(
            ax,
            g.along(a, b, 0.38 if j == k else 0.28),
            rf"${weight['name']} = {weight['value']:.2f}$",
            18,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none"},
            zorder=2,
        )

    for l, (bias, value) in enumerate(zip(biases, data["biases"], strict=True), 1):
        for target in neurons[l]:
            g.arrow(ax, bias, target, color=GREY, lw=1.2)
        g.circle(ax, bias, edge=GREY, face="#F4F4F4")
        g.label(ax, bias.xy, f"$b_{l}$", 20)
        g.label(ax, (bias.x - 32, bias.y), f"{value:.2f}", 18, ha="right")

    for l, (letter, colour) in enumerate(LAYER):
        for n, node in enumerate(neurons[l], start=1):
            g.circle(ax, node, edge=colour, lw=2.5)
            g.label(ax, node.xy, f"${letter}_{n}$", 24)
        g.label(ax, (COLUMNS[l], 470), f"layer {l}", 18, color=GREY)
        g.label(ax, (COLUMNS[l], 436), f"$a^{l}$", 26, color=colour)

    for node, value in zip(neurons[0], data["x"], strict=True):
        g.label(ax, (node.x - R - 10, node.y), f"{value:.2f}", 18, ha="right")
    for node, value in zip(neurons[2], data["targets"], strict=True):
        g.label(ax, (node.x + R + 10, node.y + 11), "target", 15, ha="left", color=GREY)
        g.label(ax, (node.x + R + 10, node.y - 11), f"{value:.2f}", 18, ha="left")
    return fig


def make(path, *, fast=False):
    """Draw the network and save it to ``path`` (``fast`` changes nothing)."""
    with style():
        save_png(draw(compute()), path)

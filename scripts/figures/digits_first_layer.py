"""The learned weights into each hidden neuron of chapter 6's digits network.

Row j of W^1 holds the 64 weights from the pixels into hidden neuron j; laid
out as the 8x8 image they come from, it shows which pixels excite the
neuron (orange) and which inhibit it (purple). Each image has its own
symmetric colour scale, so that the pattern shows whatever its size.
"""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures._style import save_png, style
from scripts.figures.digits_run import trained_digits_network

FILENAME = "digits-first-layer.png"
COLUMNS = 6


def compute():
    """Return W^1 reshaped to one 8x8 image per hidden neuron."""
    net, _, _ = trained_digits_network()
    return net.weights[0].reshape(-1, 8, 8)


def draw(images):
    rows = -(-len(images) // COLUMNS)
    with style():
        fig, axes = plt.subplots(rows, COLUMNS, figsize=(7, 1.2 * rows), squeeze=False)
        for ax in axes.flat:
            ax.axis("off")
        for j, (ax, image) in enumerate(zip(axes.flat, images)):
            scale = np.abs(image).max()
            ax.imshow(image, cmap="PuOr_r", vmin=-scale, vmax=scale)
            ax.set_title(f"neuron {j}", fontsize=11, pad=2)
        fig.tight_layout(pad=0.3, h_pad=0.5, w_pad=0.3)
    return fig


def make(path, *, fast=False):
    save_png(draw(compute()), path)

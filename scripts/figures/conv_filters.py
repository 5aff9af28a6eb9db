"""The 16 filters that chapter 8's network learned, and what they see in a digit.

Rows of filters (3 by 3 weights, purple negative, orange positive, all on one
colour scale) alternate with their feature maps after the ReLU on one test
image, a 2 (6 by 6, darker is larger, each map on its own scale, so that
faint maps show too): each map shows where in the image its filter's
pattern occurs. From conv_run.
"""

import matplotlib.pyplot as plt
import numpy as np

import nnbook
from scripts.figures._style import save_png, style
from scripts.figures.conv_run import images, trained_convnet
from scripts.figures.conv_sliding import IMAGE

FILENAME = "conv-filters.png"
COLUMNS = 8


def compute():
    """Return the filters, the digit and the 16 maps relu(x * w + b)."""
    net, _, data = trained_convnet()
    conv = net.layers[0]
    x = images(data.X_test)[IMAGE : IMAGE + 1]
    maps = nnbook.relu(nnbook.conv2d(x, conv.w, conv.b))[0]
    return {"filters": conv.w[:, 0], "maps": maps, "x": x[0, 0]}


def _bare(ax):
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_color("#BBBBBB")


def draw(data):
    filters, maps = data["filters"], data["maps"]
    rows = 2 * -(-len(filters) // COLUMNS)
    w_scale = np.abs(filters).max()
    with style():
        fig, axes = plt.subplots(
            rows, COLUMNS + 1, figsize=(7.2, 1.0 * rows + 0.3),
            gridspec_kw={"width_ratios": [1.3] + [1] * COLUMNS},
        )  # fmt: skip
        for ax in axes.flat:
            _bare(ax)
        for k, (w, m) in enumerate(zip(filters, maps)):
            r, c = 2 * (k // COLUMNS), 1 + k % COLUMNS
            axes[r, c].imshow(w, cmap="PuOr_r", vmin=-w_scale, vmax=w_scale)
            axes[r, c].set_title(f"{k}", fontsize=12, pad=3)
            axes[r + 1, c].imshow(m, cmap="Greys", vmin=0, vmax=max(m.max(), 1e-9))
        for r in range(0, rows, 2):
            axes[r, 0].axis("off")
            axes[r, 0].text(0.5, 0.5, "filter", ha="center", va="center",
                            fontsize=12, transform=axes[r, 0].transAxes)  # fmt: skip
            axes[r + 1, 0].imshow(data["x"], cmap="Greys", vmin=0, vmax=1)
            axes[r + 1, 0].set_xlabel("input", fontsize=11, labelpad=2)
        fig.tight_layout(pad=0.3, h_pad=0.6, w_pad=0.4)
    return fig


def make(path, *, fast=False):
    save_png(draw(compute()), path)

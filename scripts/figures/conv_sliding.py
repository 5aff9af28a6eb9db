"""A learned filter sliding over a digit, building its feature map (chapter 8).

One frame per position of the 3 by 3 window on an 8 by 8 test digit: the
window on the image, the filter, and the 6 by 6 feature map filled in up to
that position, with the value just computed,

    z[i, j] = sum over p, q of w[p, q] x[i + p, j + q] + b,

equation (8.1). The filter is filter 13 of the network that chapter 8
trains (conv_run), which has learned to respond to the lower edge of a
horizontal stroke; the digit is a test image of a 2.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

import nnbook
from scripts.figures._style import ORANGE, held_durations, render, save_gif, style
from scripts.figures.conv_run import images, trained_convnet

FILENAME = "conv-sliding.gif"
FILTER = 13
IMAGE = 3  # the test image: a 2
FIRST_MS, STEP_MS, LAST_MS = 1200, 450, 1200  # each under the browser's 1.5 s
FAST_POSITIONS = 4


def compute(*, fast=False):
    """Return the digit, the filter, its bias and the whole feature map."""
    net, _, data = trained_convnet()
    conv = net.layers[0]
    x = images(data.X_test)[IMAGE : IMAGE + 1]  # (1, 1, 8, 8)
    w, b = conv.w[FILTER : FILTER + 1], conv.b[FILTER : FILTER + 1]
    z = nnbook.conv2d(x, w, b)[0, 0]  # (6, 6)
    positions = list(np.ndindex(z.shape))
    return {
        "x": x[0, 0],
        "w": w[0, 0],
        "b": float(b[0]),
        "z": z,
        "label": int(data.labels_test[IMAGE]),
        "positions": positions[:FAST_POSITIONS] if fast else positions,
    }


def _grid(ax, n):
    ax.set_xticks(np.arange(-0.5, n), minor=True)
    ax.set_yticks(np.arange(-0.5, n), minor=True)
    ax.grid(which="minor", color="#CCCCCC", lw=0.8)
    ax.tick_params(which="both", length=0, labelbottom=False, labelleft=False)
    for spine in ax.spines.values():
        spine.set_visible(False)


def draw(data):
    """Return the RGB frames of the animation."""
    x, w, z = data["x"], data["w"], data["z"]
    k = w.shape[0]
    fig, (image, filt, fmap) = plt.subplots(
        1, 3, figsize=(7.2, 3.5), gridspec_kw={"width_ratios": [8, 4.2, 6]}
    )
    fig.subplots_adjust(left=0.02, right=0.98, top=0.8, bottom=0.2, wspace=0.25)

    image.imshow(x, cmap="Greys", vmin=0, vmax=1)
    _grid(image, 8)
    image.set_title(f"input $x$: a {data['label']}", fontsize=14)
    window = Rectangle((-0.5, -0.5), k, k, fill=False, ec=ORANGE, lw=4)
    image.add_patch(window)

    w_scale = np.abs(w).max()
    filt.imshow(w, cmap="PuOr_r", vmin=-w_scale, vmax=w_scale)
    for (p, q), value in np.ndenumerate(w):
        colour = "white" if abs(value) > 0.55 * w_scale else "black"
        filt.text(q, p, f"{value:.1f}", ha="center", va="center", fontsize=12,
                  color=colour)  # fmt: skip
    _grid(filt, k)
    filt.set_title(f"filter $w$, $b = {data['b']:.2f}$", fontsize=14)
    filt.set_anchor("N")

    z_scale = np.abs(z).max()
    shown = np.full(z.shape, np.nan)  # not computed yet: left blank
    cells = fmap.imshow(shown, cmap="RdBu_r", vmin=-z_scale, vmax=z_scale)
    _grid(fmap, z.shape[0])
    fmap.set_title("feature map $z$", fontsize=14)
    current = Rectangle((-0.5, -0.5), 1, 1, fill=False, ec=ORANGE, lw=4)
    fmap.add_patch(current)
    formula = fig.text(0.5, 0.07, "", ha="center", fontsize=15)

    frames = []
    for i, j in data["positions"]:
        window.set_xy((j - 0.5, i - 0.5))
        current.set_xy((j - 0.5, i - 0.5))
        shown[i, j] = z[i, j]
        cells.set_data(shown)
        formula.set_text(
            rf"$z_{{{i},{j}}} = \sum_{{p,q}}\, w_{{p,q}}\; x_{{{i}+p,\,{j}+q}} + b"
            rf" = {z[i, j]:+.2f}$"
        )
        frames.append(render(fig))
    plt.close(fig)
    return frames


def make(path, *, fast=False):
    with style():
        frames = draw(compute(fast=fast))
    durations = held_durations(
        len(frames), first_ms=FIRST_MS, step_ms=STEP_MS, last_ms=LAST_MS
    )
    save_gif(frames, path, durations=durations)

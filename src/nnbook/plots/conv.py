"""Chapter 8's figures: a filter sliding over a digit, and the learned filters.

``sliding_frames`` returns the frames of an animation, which the page saves
with ``style.save_gif``; ``filters`` returns a figure, saved with
``style.save_png``. Both draw arrays that the page computed.
"""

import numpy as np
from matplotlib.patches import Rectangle

from nnbook.plots.style import ORANGE, figure, heat_map, render, style

FILTER_COLUMNS = 8  # filters per row of the figure of filters


def _grid(ax, n):
    """Draw the cell lines of an ``n x n`` image and hide the ticks."""
    ax.set_xticks(np.arange(-0.5, n), minor=True)
    ax.set_yticks(np.arange(-0.5, n), minor=True)
    ax.grid(which="minor", color="#CCCCCC", lw=0.8)
    ax.tick_params(which="both", length=0, labelbottom=False, labelleft=False)
    for spine in ax.spines.values():
        spine.set_visible(False)


def sliding_frames(x, w, b, z, *, label, positions=None):
    """Return the RGB frames of the filter ``w`` sliding over the image ``x``.

    ``x`` is one grey image (``H x W``), ``w`` one filter (``F x F``) with
    its bias ``b``, and ``z`` the feature map that the page computed from
    them by equation (8.1), of shape ``(H - F + 1, W - F + 1)``. One frame per
    position ``(i, j)`` of ``positions`` (by default every position, row by
    row): the window on the image, the filter with its weights, the feature
    map filled in up to that position, and the sum that gives ``z[i, j]``.
    ``label`` is the digit the image shows, for the title.
    """
    x, w, z = (np.asarray(a, dtype=float) for a in (x, w, z))
    if x.ndim != 2 or w.ndim != 2 or w.shape[0] != w.shape[1]:
        raise ValueError(
            f"x must be one image (H x W) and w one square filter (F x F); "
            f"got shapes {x.shape} and {w.shape}"
        )
    k = w.shape[0]
    expected = (x.shape[0] - k + 1, x.shape[1] - k + 1)
    if z.shape != expected:
        raise ValueError(
            f"for a {x.shape} image and a {w.shape} filter the feature map has "
            f"the shape {expected}, by (8.2); got {z.shape}"
        )
    positions = list(np.ndindex(z.shape) if positions is None else positions)
    with style():
        fig, (image, filt, fmap) = figure(
            7.2, 3.5, ncols=3, gridspec_kw={"width_ratios": [8, 4.2, 6]}
        )
        fig.subplots_adjust(left=0.02, right=0.98, top=0.8, bottom=0.2, wspace=0.25)

        image.imshow(x, cmap="Greys", vmin=0, vmax=1)
        _grid(image, x.shape[0])
        image.set_title(f"input $x$: a {label}", fontsize=14)
        window = Rectangle((-0.5, -0.5), k, k, fill=False, ec=ORANGE, lw=4)
        image.add_patch(window)

        heat_map(filt, w, cmap="PuOr_r", fmt=".1f", light_above=0.55)
        _grid(filt, k)
        filt.set_title(f"filter $w$, $b = {float(b):.2f}$", fontsize=14)
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
        for i, j in positions:
            window.set_xy((j - 0.5, i - 0.5))
            current.set_xy((j - 0.5, i - 0.5))
            shown[i, j] = z[i, j]
            cells.set_data(shown)
            formula.set_text(
                rf"$z_{{{i},{j}}} = \sum_{{p,q}}\, w_{{p,q}}\; x_{{{i}+p,\,{j}+q}}"
                rf" + b = {z[i, j]:+.2f}$"
            )
            frames.append(render(fig))
    return frames


def _bare(ax):
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_color("#BBBBBB")


def filters(weights, maps, x):
    """Draw the filters of a layer, each above its feature map on ``x``.

    ``weights`` has the shape ``(K, F, F)`` (one input channel), ``maps``
    ``(K, H', W')``: the map of each filter on the image ``x``, as the page
    computed it (after the ReLU, say). Rows of filters, purple negative and
    orange positive on one colour scale, alternate with rows of their maps,
    grey, darker for larger values, each on its own scale so that faint
    maps show too; the image is drawn at the start of each row of maps.
    """
    weights, maps, x = (np.asarray(a, dtype=float) for a in (weights, maps, x))
    if weights.ndim != 3 or maps.ndim != 3 or len(maps) != len(weights):
        raise ValueError(
            f"weights must have the shape (K, F, F) and maps (K, H', W'), one "
            f"map per filter; got {weights.shape} and {maps.shape}"
        )
    rows = 2 * -(-len(weights) // FILTER_COLUMNS)
    w_scale = np.abs(weights).max()
    with style():
        fig, axes = figure(
            7.2,
            1.0 * rows + 0.3,
            nrows=rows,
            ncols=FILTER_COLUMNS + 1,
            gridspec_kw={"width_ratios": [1.3] + [1] * FILTER_COLUMNS},
            squeeze=False,
        )
        for ax in axes.flat:
            _bare(ax)
        for k, (w, m) in enumerate(zip(weights, maps)):
            r, c = 2 * (k // FILTER_COLUMNS), 1 + k % FILTER_COLUMNS
            axes[r, c].imshow(w, cmap="PuOr_r", vmin=-w_scale, vmax=w_scale)
            axes[r, c].set_title(f"{k}", fontsize=12, pad=3)
            axes[r + 1, c].imshow(m, cmap="Greys", vmin=0, vmax=max(m.max(), 1e-9))
        for r in range(0, rows, 2):
            axes[r, 0].axis("off")
            axes[r, 0].text(
                0.5,
                0.5,
                "filter",
                ha="center",
                va="center",
                fontsize=12,
                transform=axes[r, 0].transAxes,
            )
            axes[r + 1, 0].imshow(x, cmap="Greys", vmin=0, vmax=1)
            axes[r + 1, 0].set_xlabel("input", fontsize=11, labelpad=2)
        fig.tight_layout(pad=0.3, h_pad=0.6, w_pad=0.4)
    return fig

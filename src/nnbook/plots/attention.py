"""Chapter 12's figures: the 1/sqrt(d) scale, attention maps, learning curves.

Each function draws what the page computed and returns the figure; the page
saves it with ``style.save_png``.
"""

import numpy as np

from nnbook.plots.style import BLUE, GREEN, GREY, ORANGE, figure, style

# The colour of each model in the learning curves, in the order given.
MODEL_COLOURS = (BLUE, GREEN, ORANGE)


def scaling(d, variance, scaled_variance, top, scaled_top):
    """Draw why the scores are divided by ``sqrt(d)``: two panels against ``d``.

    Left: the measured variance of ``q . k`` (``variance``) and of
    ``q . k / sqrt(d)`` (``scaled_variance``) for each width in ``d``, with
    the line ``variance = d`` of (12.5). Right: the mean largest weight of a
    softmax over the scores of one query, without (``top``) and with
    (``scaled_top``) the scale. All five are sequences of the same length.
    """
    d, variance, scaled_variance, top, scaled_top = (
        np.asarray(a, dtype=float)
        for a in (d, variance, scaled_variance, top, scaled_top)
    )
    if d.ndim != 1 or any(
        a.shape != d.shape for a in (variance, scaled_variance, top, scaled_top)
    ):
        raise ValueError(
            "d, variance, scaled_variance, top and scaled_top must be 1-D and "
            f"of one length; got shapes {d.shape}, {variance.shape}, "
            f"{scaled_variance.shape}, {top.shape} and {scaled_top.shape}"
        )
    ticks = [f"{int(v)}" for v in d]
    with style():
        fig, (left, right) = figure(7.2, 3.8, ncols=2)
        left.plot(d, d, color=GREY, lw=2, ls=":", zorder=3, label="$d$, by (12.5)")
        left.plot(d, variance, "o-", color=BLUE, lw=2.5, label=r"$q \cdot k$")
        left.plot(
            d,
            scaled_variance,
            "o-",
            color=ORANGE,
            lw=2.5,
            label=r"$q \cdot k / \sqrt{d}$",
        )
        left.set_xscale("log", base=2)
        left.set_yscale("log", base=2)
        left.set_title("variance of a score", fontsize=13)
        left.legend(frameon=False, fontsize=11, loc="upper left")

        right.plot(d, top, "o-", color=BLUE, lw=2.5, label="unscaled")
        right.plot(
            d, scaled_top, "o-", color=ORANGE, lw=2.5, label=r"divided by $\sqrt{d}$"
        )
        right.set_xscale("log", base=2)
        right.set_ylim(0, 1)
        right.set_title("mean largest weight", fontsize=13)
        right.legend(frameon=False, fontsize=11, loc="lower right")
        for ax in (left, right):
            ax.set_xticks(d, ticks)
            ax.minorticks_off()
            ax.set_xlabel("$d$")
            ax.grid(alpha=0.3)
        left.set_yticks([1, *d], ["1", *ticks])
        fig.tight_layout()
    return fig


def attention_maps(images, weights, labels):
    """Draw each image above its matrix of attention weights.

    ``images`` has the shape ``(k, n, w)``: ``k`` images of ``n`` rows, the
    tokens; ``weights`` ``(k, n, n)``: the weights ``P`` of each image, the
    query row ``i`` down and the key row ``j`` across, all on one colour
    scale from 0 to the largest weight; ``labels`` the ``k`` digits, for the
    titles.
    """
    images, weights = np.asarray(images, dtype=float), np.asarray(weights, dtype=float)
    k = len(images)
    if images.ndim != 3 or weights.shape != (k, images.shape[1], images.shape[1]):
        n = images.shape[1] if images.ndim == 3 else "n"
        raise ValueError(
            f"images must have the shape (k, n, w) and weights (k, n, n), one "
            f"matrix per image; got {images.shape} and {weights.shape} (expected "
            f"weights of shape ({k}, {n}, {n}))"
        )
    if len(labels) != k:
        raise ValueError(f"labels must name the {k} images; got {len(labels)}")
    n = images.shape[1]
    top = weights.max()
    rows = np.arange(n)
    with style():
        fig, axes = figure(7.2, 3.9, nrows=2, ncols=k, squeeze=False)
        for column, (image, P, label) in enumerate(zip(images, weights, labels)):
            picture, matrix = axes[0, column], axes[1, column]
            picture.imshow(image, cmap="Greys", vmin=0, vmax=1)
            picture.set_title(f"a {label}", fontsize=13)
            picture.set_yticks(rows[::2], [str(r) for r in rows[::2]], fontsize=10)
            picture.set_xticks([])
            cells = matrix.imshow(P, cmap="Purples", vmin=0, vmax=top)
            matrix.set_xticks(rows[::2], [str(r) for r in rows[::2]], fontsize=10)
            matrix.set_yticks(rows[::2], [str(r) for r in rows[::2]], fontsize=10)
            matrix.set_xlabel("key row $j$", fontsize=11)
            for ax in (picture, matrix):
                ax.tick_params(length=0)
                for spine in ax.spines.values():
                    spine.set_visible(False)
        axes[0, 0].set_ylabel("image row", fontsize=11)
        axes[1, 0].set_ylabel("query row $i$", fontsize=11)
        fig.tight_layout(h_pad=0.6, w_pad=0.4)
        fig.colorbar(cells, ax=axes[1, :].tolist(), shrink=0.9, pad=0.02)
    return fig


def learning_curves(curves):
    """Draw the validation accuracy of each model, epoch by epoch, in percent.

    ``curves`` maps a model's name to an array ``(seeds, epochs)`` of
    validation accuracies; the line is the mean over the seeds, the band
    spans their lowest and highest values. Up to three models, coloured
    ``MODEL_COLOURS`` in order.
    """
    if not 1 <= len(curves) <= len(MODEL_COLOURS):
        raise ValueError(
            f"curves must map 1 to {len(MODEL_COLOURS)} models to their "
            f"accuracies; got {len(curves)}"
        )
    with style():
        fig, ax = figure(7.2, 3.8)
        for (name, accuracy), colour in zip(curves.items(), MODEL_COLOURS):
            accuracy = 100 * np.asarray(accuracy, dtype=float)
            if accuracy.ndim != 2 or accuracy.size == 0:
                raise ValueError(
                    f"the accuracies of {name!r} must form an array (seeds, "
                    f"epochs); got shape {accuracy.shape}"
                )
            epochs = np.arange(1, accuracy.shape[1] + 1)
            ax.fill_between(
                epochs,
                accuracy.min(axis=0),
                accuracy.max(axis=0),
                color=colour,
                alpha=0.2,
            )
            ax.plot(epochs, accuracy.mean(axis=0), color=colour, lw=2.5, label=name)
        ax.set_xlabel("epoch")
        ax.set_ylabel("validation accuracy (%)")
        ax.set_xticks(epochs[epochs % 5 == 0] if len(epochs) >= 5 else epochs)
        ax.grid(alpha=0.3)
        ax.legend(frameon=False, loc="lower right", fontsize=12)
        fig.tight_layout()
    return fig

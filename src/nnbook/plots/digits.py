"""Chapter 6's figures: what a page trained on the 8x8 digits, drawn.

Each function takes what the page computed (the ``TrainingHistory`` its
``train`` returned, its confusion matrix, its test images and answers, its
network's weights) and returns a ``matplotlib.figure.Figure``; the page
saves it with ``style.save_png``. Nothing here trains or predicts.
"""

import numpy as np
from matplotlib.colors import to_rgb

from nnbook.plots.style import BLUE, ORANGE, RED, figure, style


def training_curves(history, *, held_out="test", accuracy_limits=(90, 100)):
    """Draw the cost (log scale) and the accuracy (%) after each epoch.

    ``history`` is a ``TrainingHistory`` with ``cost``, ``accuracy``,
    ``validation_cost`` and ``validation_accuracy`` (one entry per epoch):
    the training set in blue, the held-out set that ``train`` measured in
    orange, whose last accuracy is written at the end of its curve.
    ``held_out`` names that set in the labels: ``"test"`` when the run is
    the final one of a chosen setting, ``"validation"`` while choosing.
    ``accuracy_limits`` is the range of the accuracy axis, in %.
    """
    curves = {
        "training cost": history.cost,
        f"{held_out} cost": history.validation_cost,
        "training accuracy": history.accuracy,
        f"{held_out} accuracy": history.validation_accuracy,
    }
    lengths = {name: len(values) for name, values in curves.items()}
    if len(set(lengths.values())) != 1 or not lengths["training cost"]:
        raise ValueError(
            "the history needs the same number of epochs, at least one, in "
            f"each of its four curves; got {lengths}"
        )
    epoch = np.arange(1, lengths["training cost"] + 1)
    held_out_accuracy = 100 * np.asarray(history.validation_accuracy)
    with style():
        fig, (cost, accuracy) = figure(7.2, 3.6, ncols=2)
        cost.plot(epoch, history.cost, color=BLUE, lw=2, label="training")
        cost.plot(epoch, history.validation_cost, color=ORANGE, lw=2, label=held_out)
        cost.set_yscale("log")
        cost.set_xlabel("epoch")
        cost.set_title("cost $C$ (log scale)", fontsize=13)
        cost.legend(frameon=False)
        accuracy.plot(epoch, 100 * np.asarray(history.accuracy), color=BLUE, lw=2)
        accuracy.plot(epoch, held_out_accuracy, color=ORANGE, lw=2)
        accuracy.set_ylim(*accuracy_limits)
        accuracy.set_xlabel("epoch")
        accuracy.set_title("accuracy (%)", fontsize=13)
        accuracy.text(
            epoch[-1],
            held_out_accuracy[-1] - 0.06 * (accuracy_limits[1] - accuracy_limits[0]),
            f"{held_out} {held_out_accuracy[-1]:.1f}%",
            color=ORANGE,
            ha="right",
            va="top",
        )
        for ax in (cost, accuracy):
            ax.grid(alpha=0.3)
        fig.tight_layout()
    return fig


def confusion(counts):
    """Draw a confusion matrix: ``counts[i, j]`` images of ``i`` read as ``j``.

    Right answers (the diagonal) in blue, mistakes in red, deeper the more
    there are; every non-zero count is written in its cell.
    """
    counts = np.asarray(counts)
    if counts.ndim != 2 or counts.shape[0] != counts.shape[1]:
        raise ValueError(f"a confusion matrix is square; got shape {counts.shape}")
    n = counts.shape[0]
    image = np.ones((n, n, 3))
    for (i, j), count in np.ndenumerate(counts):
        if count:
            colour = np.array(to_rgb(BLUE if i == j else RED))
            strength = 0.35 if i == j else min(0.35 + 0.2 * count, 1.0)
            image[i, j] = 1 - strength * (1 - colour)
    with style():
        fig, ax = figure(6, 5.6)
        ax.imshow(image)
        for (i, j), count in np.ndenumerate(counts):
            if count:
                ax.text(j, i, str(count), ha="center", va="center", fontsize=13)
        ax.set_xticks(range(n))
        ax.set_yticks(range(n))
        ax.set_xlabel("the network's answer")
        ax.set_ylabel("the true digit")
        ax.xaxis.set_label_position("top")
        ax.xaxis.tick_top()
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        ax.set_xticks(np.arange(-0.5, n), minor=True)
        ax.set_yticks(np.arange(-0.5, n), minor=True)
        ax.grid(which="minor", color="#DDDDDD", lw=0.8)
        ax.tick_params(which="minor", length=0)
        fig.tight_layout()
    return fig


def misclassified(images, true, predicted, *, columns=7):
    """Draw 8x8 images in a grid, each titled ``true → predicted``.

    ``images`` holds one image per row, as 64 pixels or 8x8, with values in
    [0, 1] (dark is ink); ``true`` and ``predicted`` one digit per image.
    """
    images = np.asarray(images, dtype=float).reshape(len(images), 8, 8)
    if not len(images) == len(true) == len(predicted):
        raise ValueError(
            f"one true digit and one answer per image: got {len(images)} "
            f"images, {len(true)} true digits, {len(predicted)} answers"
        )
    rows = max(-(-len(images) // columns), 1)
    with style():
        fig, axes = figure(
            7, 1.35 * rows + 0.1, nrows=rows, ncols=columns, squeeze=False
        )
        for ax in axes.flat:
            ax.axis("off")
        for ax, image, digit, answer in zip(axes.flat, images, true, predicted):
            ax.imshow(image, cmap="gray_r", vmin=0, vmax=1)
            ax.set_title(f"{digit} → {answer}", fontsize=14, color=RED, pad=3)
        fig.tight_layout(pad=0.3, h_pad=0.6, w_pad=0.4)
    return fig


def first_layer(weights, *, columns=6):
    """Draw each row of ``weights`` (hidden neurons by 64 pixels) as 8x8.

    Positive weights in orange, negative in purple, each image on its own
    symmetric scale so that its pattern shows whatever its size.
    """
    weights = np.asarray(weights, dtype=float)
    if weights.ndim != 2 or weights.shape[1] != 64:
        raise ValueError(
            "the first layer's weights have one row of 64 (8x8 pixels) per "
            f"hidden neuron; got shape {weights.shape}"
        )
    images = weights.reshape(-1, 8, 8)
    rows = -(-len(images) // columns)
    with style():
        fig, axes = figure(7, 1.2 * rows, nrows=rows, ncols=columns, squeeze=False)
        for ax in axes.flat:
            ax.axis("off")
        for j, (ax, image) in enumerate(zip(axes.flat, images)):
            scale = np.abs(image).max()
            ax.imshow(image, cmap="PuOr_r", vmin=-scale, vmax=scale)
            ax.set_title(f"neuron {j}", fontsize=11, pad=2)
        fig.tight_layout(pad=0.3, h_pad=0.5, w_pad=0.3)
    return fig

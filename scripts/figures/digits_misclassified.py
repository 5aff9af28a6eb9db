"""Every test image that chapter 6's digits network gets wrong.

Each 8x8 image is shown as the network sees it (pixels in [0, 1], dark is
ink), titled with the true digit and the network's answer.
"""

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures._style import RED, save_png, style
from scripts.figures.digits_run import trained_digits_network

FILENAME = "digits-misclassified.png"
COLUMNS = 7


def compute():
    """Return the wrong images (n, 8, 8), their true digits and the answers."""
    net, _, data = trained_digits_network()
    predicted = net.predict(data.X_test)
    wrong = np.flatnonzero(predicted != data.labels_test)
    return {
        "images": data.X_test[wrong].reshape(-1, 8, 8),
        "true": data.labels_test[wrong],
        "predicted": predicted[wrong],
    }


def draw(data):
    n = len(data["images"])
    rows = -(-n // COLUMNS)
    with style():
        fig, axes = plt.subplots(
            rows, COLUMNS, figsize=(7, 1.35 * rows + 0.1), squeeze=False
        )
        for ax in axes.flat:
            ax.axis("off")
        for ax, image, true, said in zip(
            axes.flat, data["images"], data["true"], data["predicted"]
        ):
            ax.imshow(image, cmap="gray_r", vmin=0, vmax=1)
            ax.set_title(f"{true} → {said}", fontsize=14, color=RED, pad=3)
        fig.tight_layout(pad=0.3, h_pad=0.6, w_pad=0.4)
    return fig


def make(path, *, fast=False):
    save_png(draw(compute()), path)

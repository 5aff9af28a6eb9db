"""The Jacobian of the softmax for four logits, as a heat map.

Chapter 7, equation (7.4): J = diag(p) - p p^T, at the logits the chapter
uses, z = (2, 1, 0.1, -1). Beside it, the probabilities p = softmax(z), so
that the diagonal p_i (1 - p_i) and the entries -p_i p_j can be read off.
"""

import matplotlib.pyplot as plt
import numpy as np

import nnbook
from scripts.figures._style import BLUE, GREY, save_png, style

FILENAME = "softmax-jacobian.png"
LOGITS = (2.0, 1.0, 0.1, -1.0)  # the chapter's example


def compute():
    """Return the logits, their softmax and its Jacobian."""
    z = np.array(LOGITS)
    return {"z": z, "p": nnbook.softmax(z), "J": nnbook.softmax_jacobian(z)}


def draw(data):
    z, p, J = data["z"], data["p"], data["J"]
    n = len(z)
    labels = [f"${i}$" for i in range(n)]  # classes from 0, as in the chapter
    with style():
        fig, (bars, heat) = plt.subplots(
            1, 2, figsize=(7.2, 3.9), gridspec_kw={"width_ratios": [1, 1.9]}
        )
        rows = np.arange(n)
        bars.barh(rows, p, color=BLUE, height=0.6)
        for i, value in enumerate(p):
            bars.text(value + 0.03, i, f"{value:.3f}", va="center", fontsize=13)
        bars.set_yticks(rows, [f"$p_{i}$" for i in range(n)], fontsize=14)
        bars.set_ylim(n - 0.5, -0.5)  # class 0 at the top, as in the matrix
        bars.set_xlim(0, 1)
        bars.set_xticks([0, 0.5, 1], ["0", "0.5", "1"])
        bars.tick_params(axis="y", length=0)
        bars.set_title(r"$p = \mathrm{softmax}(z)$", fontsize=14)
        for i, value in enumerate(z):
            bars.text(0.98, i + 0.36, f"$z_{i} = {value:g}$", ha="right",
                      va="center", fontsize=11, color=GREY)  # fmt: skip

        scale = np.abs(J).max()
        heat.imshow(J, cmap="RdBu_r", vmin=-scale, vmax=scale)
        for (i, j), value in np.ndenumerate(J):
            colour = "white" if abs(value) > 0.6 * scale else "black"
            heat.text(j, i, f"{value:.3f}", ha="center", va="center",
                      fontsize=12, color=colour)  # fmt: skip
        heat.set_xticks(rows, labels)
        heat.set_yticks(rows, labels)
        heat.set_xlabel(r"column $j$: the logit $z_j$ nudged")
        heat.set_ylabel(r"row $i$: the output $p_i$")
        heat.set_title(
            r"$\partial p_i / \partial z_j = p_i\,(\delta_{ij} - p_j)$", fontsize=14
        )
        heat.tick_params(length=0)
        for spine in heat.spines.values():
            spine.set_visible(False)
        fig.tight_layout(w_pad=1.5)
    return fig


def make(path, *, fast=False):
    save_png(draw(compute()), path)

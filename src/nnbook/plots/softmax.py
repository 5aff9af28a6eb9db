"""Chapter 7's figures: the softmax's Jacobian and the learning slowdown.

Each function draws what the page computed and returns the figure; the page
saves it with ``style.save_png``.
"""

import numpy as np

from nnbook.plots.style import BLUE, GREEN, GREY, ORANGE, figure, heat_map, style

# The colour of each curve of the slowdown figure, by its label: blue for
# the quadratic cost, orange and green for the two cross-entropies.
SLOWDOWN_COLOURS = (BLUE, ORANGE, GREEN)


def jacobian(z, p, J):
    """Draw the probabilities ``p`` as bars and the Jacobian ``J`` as a heat map.

    ``z`` holds the logits, ``p = softmax(z)`` and ``J`` the ``n x n``
    Jacobian (7.4), with the output ``p_i`` in row ``i`` and the logit
    ``z_j`` in column ``j``. Each entry is written in its cell.
    """
    z, p, J = (np.asarray(a, dtype=float) for a in (z, p, J))
    n = len(z)
    if p.shape != (n,) or J.shape != (n, n):
        raise ValueError(
            f"for {n} logits p must have shape ({n},) and J ({n}, {n}); "
            f"got {p.shape} and {J.shape}"
        )
    labels = [f"${i}$" for i in range(n)]  # classes from 0, as in chapter 7
    rows = np.arange(n)
    with style():
        fig, (bars, heat) = figure(
            7.2, 3.9, ncols=2, gridspec_kw={"width_ratios": [1, 1.9]}
        )
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
            bars.text(
                0.98,
                i + 0.36,
                f"$z_{i} = {value:g}$",
                ha="right",
                va="center",
                fontsize=11,
                color=GREY,
            )

        heat_map(heat, J, cmap="RdBu_r", fmt=".3f", light_above=0.6)
        heat.set_xticks(rows, labels)
        heat.set_yticks(rows, labels)
        heat.set_xlabel(r"column $j$: the logit $z_j$ nudged")
        heat.set_ylabel(r"row $i$: the output $p_i$")
        heat.set_title(
            r"$\partial p_i / \partial z_j = p_i\,(\delta_{ij} - p_j)$",
            fontsize=14,
        )
        heat.tick_params(length=0)
        for spine in heat.spines.values():
            spine.set_visible(False)
        fig.tight_layout(w_pad=1.5)
    return fig


def slowdown_curves(neuron, digits, *, held_out="validation"):
    """Draw the learning slowdown: one neuron (left), the digits (right).

    ``neuron`` maps a label to the neuron's output before and after each
    step of gradient descent; ``digits`` maps a label to the
    ``TrainingHistory`` of a digits network, whose accuracy on the held-out
    set that ``train`` measured (named by ``held_out`` in the title) is
    drawn epoch by epoch, in percent. The curves of each panel take the colours
    ``SLOWDOWN_COLOURS`` in order: the quadratic cost first.
    """
    for name, runs in (("neuron", neuron), ("digits", digits)):
        if not 1 <= len(runs) <= len(SLOWDOWN_COLOURS):
            raise ValueError(
                f"{name} must map 1 to {len(SLOWDOWN_COLOURS)} labels to "
                f"runs; got {len(runs)}"
            )
    with style():
        fig, (left, right) = figure(7.2, 4.0, ncols=2)
        for (label, outputs), colour in zip(neuron.items(), SLOWDOWN_COLOURS):
            left.plot(np.asarray(outputs), color=colour, lw=2.5, label=label)
        left.axhline(0.5, color="#999999", lw=1, ls=":")
        left.set_xlabel("gradient descent step")
        left.set_title("one neuron: output $a$ (target 0)", fontsize=13)
        left.set_ylim(0, 1.02)
        left.legend(
            frameon=False,
            loc="center",
            bbox_to_anchor=(0.5, 0.68),
            fontsize=12,
        )

        for (label, history), colour in zip(digits.items(), SLOWDOWN_COLOURS):
            accuracy = 100 * np.asarray(history.validation_accuracy)
            if accuracy.size == 0:
                raise ValueError(f"the history of {label!r} has no {held_out} accuracy")
            epochs = np.arange(1, len(accuracy) + 1)
            right.plot(epochs, accuracy, color=colour, lw=2.5, label=label)
        right.set_xlabel("epoch")
        right.set_title(f"digits: {held_out} accuracy (%)", fontsize=13)
        right.set_ylim(0, 100)
        right.legend(frameon=False, loc="center right", fontsize=11)
        for ax in (left, right):
            ax.grid(alpha=0.3)
        fig.tight_layout()
    return fig

"""The performance appendix's figure: times relative to nnbook, as bars.

The page reads the benchmarks' results and hands the ratios over, grouped
in panels; this module only draws them.
"""

import numpy as np

from nnbook.plots.style import BLUE, GREEN, GREY, ORANGE, PURPLE, figure, style

# The colour of each implementation, the same in every panel.
COLOURS = {
    "nnbook": BLUE,
    "per-example loop": ORANGE,
    "PyTorch": GREEN,
    "scikit-learn": PURPLE,
}


def ratios(panels):
    """Draw one panel of horizontal bars per ``(title, bars)`` in ``panels``.

    ``bars`` lists ``(label, ratio, implementation)``, top to bottom: the
    bar's label, its time relative to nnbook's, and the implementation that
    picks its colour (``COLOURS``). All panels share one log scale from 0.05
    to 60, with a dashed line at 1, nnbook's own time.
    """
    panels = [(title, list(bars)) for title, bars in panels]
    if not panels or not all(bars for _, bars in panels):
        raise ValueError("ratios() needs at least one panel, each with a bar")
    unknown = {i for _, bars in panels for _, _, i in bars} - set(COLOURS)
    if unknown:
        raise ValueError(
            f"no colour for {sorted(unknown)}; known: {', '.join(COLOURS)}"
        )
    heights = [len(bars) for _, bars in panels]
    with style():
        fig, axes = figure(
            7.2,
            1.0 + 0.42 * sum(heights) + 0.45 * len(panels),
            nrows=len(panels),
            sharex=True,
            squeeze=False,
            gridspec_kw={"height_ratios": heights},
        )
        for ax, (title, bars) in zip(axes[:, 0], panels):
            labels, values, implementations = zip(*bars[::-1])
            y = np.arange(len(labels))
            colours = [COLOURS[name] for name in implementations]
            ax.barh(y, values, color=colours, height=0.65)
            for yi, value in zip(y, values):
                ax.text(
                    value * 1.06,
                    yi,
                    f"{value:.2f}\N{MULTIPLICATION SIGN}",
                    va="center",
                    fontsize=12,
                )
            ax.set_yticks(y, labels)
            ax.tick_params(axis="y", length=0)
            ax.axvline(1.0, color=GREY, lw=1, ls="--")
            ax.set_title(title, fontsize=13, loc="left")
            ax.set_xscale("log")
            ax.set_xlim(0.05, 60)
        ax.set_xlabel("time relative to nnbook (log scale)")
        ax.set_xticks(
            [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50],
            ["0.1", "0.2", "0.5", "1", "2", "5", "10", "20", "50"],
        )
        fig.tight_layout()
    return fig

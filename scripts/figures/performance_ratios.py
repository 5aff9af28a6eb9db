"""How long an epoch takes, relative to nnbook, for each implementation.

Drawn from the committed results of benchmarks/bench_training.py
(benchmarks/results/training.json), one panel per network. Ratios are shown
rather than times: the times depend on the machine, the ratios much less.
"""

import json

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import ROOT
from scripts.figures._style import BLUE, GREEN, GREY, ORANGE, PURPLE, save_png, style

FILENAME = "performance-ratios.png"
RESULTS = ROOT / "benchmarks" / "results" / "training.json"
COLOURS = {
    "nnbook": BLUE,
    "per-example loop": ORANGE,
    "PyTorch": GREEN,
    "scikit-learn": PURPLE,
}


def compute():
    """Return the panels: a title and ``(name, ratio)`` pairs for each network."""
    report = json.loads(RESULTS.read_text())
    panels = []
    for run in report["runs"].values():
        config = run["config"]
        title = (
            "-".join(map(str, config["sizes"]))
            + f" network, batches of {config['batch_size']}"
        )
        bars = [(name, r["ratio_to_nnbook"]) for name, r in run["results"].items()]
        panels.append((title, bars))
    return {"panels": panels, "cpu": report["machine"]["cpu"]}


def draw(data):
    panels = data["panels"]
    with style():
        fig, axes = plt.subplots(
            len(panels), 1, figsize=(7, 1.1 + 1.55 * len(panels)), sharex=True
        )
        for ax, (title, bars) in zip(np.atleast_1d(axes), panels):
            names = [name for name, _ in bars][::-1]
            ratios = [ratio for _, ratio in bars][::-1]
            y = np.arange(len(names))
            ax.barh(y, ratios, color=[COLOURS[n] for n in names], height=0.65)
            for yi, ratio in zip(y, ratios):
                ax.text(
                    ratio * 1.06,
                    yi,
                    f"{ratio:.2f}\N{MULTIPLICATION SIGN}",
                    va="center",
                    fontsize=12,
                )
            ax.set_yticks(y, names)
            ax.tick_params(axis="y", length=0)
            ax.axvline(1.0, color=GREY, lw=1, ls="--")
            ax.set_title(title, fontsize=13, loc="left")
            ax.set_xscale("log")
            ax.set_xlim(0.3, 60)
        ax.set_xlabel("time per epoch, relative to nnbook (log scale)")
        ax.set_xticks(
            [0.5, 1, 2, 5, 10, 20, 50], ["0.5", "1", "2", "5", "10", "20", "50"]
        )
        fig.tight_layout()
    return fig


def make(path, *, fast=False):
    save_png(draw(compute()), path)

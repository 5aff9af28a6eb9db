"""How long each implementation takes, relative to nnbook.

Drawn from the committed results of the benchmarks: one panel per network
of benchmarks/bench_training.py (benchmarks/results/training.json), with the
time per epoch of each implementation, and one panel for the convolution of
benchmarks/bench_conv.py (benchmarks/results/conv.json), with PyTorch's time
for a forward and a backward pass of each layer. Ratios are shown rather
than times: the times depend on the machine, the ratios much less.
"""

import json

import matplotlib.pyplot as plt
import numpy as np

from scripts.figures import ROOT
from scripts.figures._style import BLUE, GREEN, GREY, ORANGE, PURPLE, save_png, style

FILENAME = "performance-ratios.png"
RESULTS = ROOT / "benchmarks" / "results" / "training.json"
CONV_RESULTS = ROOT / "benchmarks" / "results" / "conv.json"
COLOURS = {
    "nnbook": BLUE,
    "per-example loop": ORANGE,
    "PyTorch": GREEN,
    "scikit-learn": PURPLE,
}


def _layer_label(layer):
    """A short name for a layer of the convolution benchmark."""
    return (
        f"{layer['N']:,} \N{MULTIPLICATION SIGN} {layer['H']}\N{MULTIPLICATION SIGN}"
        f"{layer['W']}, {layer['C_in']} to {layer['C_out']}"
    )


def compute():
    """Return the panels: a title and ``(label, ratio, colour)`` for each bar."""
    report = json.loads(RESULTS.read_text())
    panels = []
    for run in report["runs"].values():
        config = run["config"]
        title = (
            "-".join(map(str, config["sizes"]))
            + (" softmax" if config.get("output") == "softmax" else "")
            + f", batches of {config['batch_size']}"
        )
        bars = [
            (name, r["ratio_to_nnbook"], COLOURS[name])
            for name, r in run["results"].items()
        ]
        panels.append((title, bars))
    conv = json.loads(CONV_RESULTS.read_text())
    bars = [
        (_layer_label(run["layer"]), r["ratio_to_nnbook"], COLOURS["PyTorch"])
        for run in conv["runs"]
        for name, r in run["results"].items()
        if name != "nnbook"
    ]
    panels.append(("convolution: PyTorch, forward + backward", bars))
    return {"panels": panels, "cpu": report["machine"]["cpu"]}


def draw(data):
    panels = data["panels"]
    heights = [len(bars) for _, bars in panels]
    with style():
        fig, axes = plt.subplots(
            len(panels),
            1,
            figsize=(7.2, 1.0 + 0.42 * sum(heights) + 0.45 * len(panels)),
            sharex=True,
            gridspec_kw={"height_ratios": heights},
        )
        for ax, (title, bars) in zip(np.atleast_1d(axes), panels):
            labels = [label for label, _, _ in bars][::-1]
            ratios = [ratio for _, ratio, _ in bars][::-1]
            colours = [colour for _, _, colour in bars][::-1]
            y = np.arange(len(labels))
            ax.barh(y, ratios, color=colours, height=0.65)
            for yi, ratio in zip(y, ratios):
                ax.text(
                    ratio * 1.06,
                    yi,
                    f"{ratio:.2f}\N{MULTIPLICATION SIGN}",
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


def make(path, *, fast=False):
    save_png(draw(compute()), path)

"""The look shared by every figure, and the two ways a figure is saved.

Saving is atomic (a temporary file in the same folder, then ``os.replace``),
so a reader's browser or an interrupted build never sees half a file, and
deterministic: the same inputs give the same bytes.
"""

import contextlib
import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # never a window: figures are only ever saved

import matplotlib.pyplot as plt
import numpy as np
from PIL import Image

# One palette for the whole book (colour-blind safe, after Okabe and Ito).
BLUE = "#0072B2"
ORANGE = "#E69F00"
GREEN = "#009E73"
RED = "#D55E00"
PURPLE = "#CC79A7"
GREY = "#555555"
LIGHT = "#EEEEEE"

RC = {
    "font.family": "DejaVu Sans",  # ships with matplotlib: same glyphs everywhere
    "font.size": 13,
    "mathtext.fontset": "dejavusans",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "svg.hashsalt": "nnbook",
}


def style():
    """Return a context manager that applies the book's look to new figures."""
    return plt.rc_context(RC)


@contextlib.contextmanager
def atomic_path(path):
    """Yield a temporary path next to ``path``; move it into place on success."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.stem}.tmp{path.suffix}")
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def save_png(fig, path, *, dpi=None):
    """Save ``fig`` as a PNG without the timestamp-like metadata, then close it."""
    with atomic_path(path) as tmp:
        fig.savefig(tmp, format="png", dpi=dpi, metadata={"Software": None})
    plt.close(fig)


def render(fig):
    """Return the figure drawn as an RGB uint8 array (for building GIF frames)."""
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba())[..., :3].copy()


def common_colours(frames, count):
    """Return the ``count`` most frequent RGB colours of ``frames`` (uint8 rows).

    Ties are broken by the colour value, so the choice is deterministic.
    """
    counts = np.zeros(1 << 24, dtype=np.int64)
    for frame in frames:
        f = frame.astype(np.uint32)
        counts += np.bincount(
            ((f[..., 0] << 16) | (f[..., 1] << 8) | f[..., 2]).ravel(),
            minlength=1 << 24,
        )
    present = np.flatnonzero(counts)
    top = present[np.argsort(-counts[present], kind="stable")[:count]]
    return np.stack([(top >> 16) & 255, (top >> 8) & 255, top & 255], axis=1).astype(
        np.uint8
    )


def save_gif(frames, path, *, durations, colours=64):
    """Write the RGB ``frames`` as a looping GIF, ``durations`` in milliseconds.

    All frames share one palette: the ``colours`` most frequent colours of the
    frames. Flat diagrams keep their exact white, black and palette colours
    (a median-cut palette would average white into off-white), the colours
    stay steady from frame to frame and the file stays small.
    """
    table = common_colours(frames, colours)
    palette = Image.new("P", (1, 1))
    palette.putpalette(
        np.concatenate([table.ravel(), np.zeros(3 * (256 - len(table)), np.uint8)])
        .astype(np.uint8)
        .tobytes()
    )
    images = [
        Image.fromarray(f).quantize(palette=palette, dither=Image.Dither.NONE)
        for f in frames
    ]
    with atomic_path(path) as tmp:
        images[0].save(
            tmp,
            format="GIF",
            save_all=True,
            append_images=images[1:],
            duration=list(durations),
            loop=0,
            optimize=False,
            disposal=1,
        )

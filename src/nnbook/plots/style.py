"""The look shared by every figure of the book, and the two ways one is saved.

A page computes; a drawing function of ``nnbook.plots`` draws what the page
computed, inside ``style()``, on a figure made by ``figure()``; the page saves
it with ``save_png`` or ``save_gif``. Figures are made with matplotlib's
object interface (``matplotlib.figure.Figure``), never with pyplot: nothing
opens a window, nothing is kept in a global list of figures, and importing
this module changes no setting.

Saving is atomic (a temporary file in the same folder, then ``os.replace``),
so a browser or an interrupted run never sees half a file, and deterministic:
the same figure gives the same bytes. Both savers return a ``Saved`` image,
which a notebook shows as the picture and the page as its path.
"""

import base64
import contextlib
import os
from pathlib import Path

import matplotlib
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
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
    return matplotlib.rc_context(RC)


def figure(width, height, **subplots):
    """Return ``(fig, axes)``: a new figure of ``width`` by ``height`` inches.

    ``subplots`` goes to ``Figure.subplots`` (``nrows``, ``ncols``, ...). Call
    it inside ``style()``.
    """
    fig = Figure(figsize=(width, height))
    FigureCanvasAgg(fig)
    return fig, fig.subplots(**subplots)


def heat_map(ax, values, *, cmap, fmt, light_above, fontsize=12):
    """Draw ``values`` on ``ax`` on a colour scale symmetric about 0, each
    cell labelled with ``fmt``; a label is white where the cell's size is
    above ``light_above`` times the largest, black elsewhere."""
    scale = np.abs(values).max()
    ax.imshow(values, cmap=cmap, vmin=-scale, vmax=scale)
    for (row, column), value in np.ndenumerate(values):
        colour = "white" if abs(value) > light_above * scale else "black"
        ax.text(
            column,
            row,
            format(value, fmt),
            ha="center",
            va="center",
            fontsize=fontsize,
            color=colour,
        )


class Saved:
    """An image file just written: a notebook shows it, a page names it."""

    def __init__(self, path, mime):
        self.path = Path(path)
        self.mime = mime

    def __repr__(self):
        return f"<figure {self.path.as_posix()}>"

    def _repr_mimebundle_(self, include=None, exclude=None):
        data = base64.b64encode(self.path.read_bytes()).decode("ascii")
        return {self.mime: data, "text/plain": repr(self)}


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
    """Save ``fig`` as a PNG without the timestamp-like metadata; return it."""
    # inside style(): ticks are placed when the figure is drawn, by the
    # settings then in force
    with style(), atomic_path(path) as tmp:
        fig.savefig(tmp, format="png", dpi=dpi, metadata={"Software": None})
    return Saved(path, "image/png")


def render(fig):
    """Return the figure drawn as an RGB uint8 array (for building GIF frames)."""
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else None
    canvas = canvas or FigureCanvasAgg(fig)
    with style():
        canvas.draw()
    return np.asarray(canvas.buffer_rgba())[..., :3].copy()


def _rgb(packed):
    """Split colours packed as ``0xRRGGBB`` integers into rows of R, G, B."""
    return np.stack([(packed >> 16) & 255, (packed >> 8) & 255, packed & 255], axis=1)


def palette_colours(present, counts, count):
    """Choose ``count`` colours among the packed colours ``present``.

    ``counts[i]`` is the number of pixels of colour ``present[i]``.
    Greedy and deterministic: first the most frequent colour, then each time
    the colour with the largest (pixels x squared distance to the nearest
    colour already chosen). Big flat areas keep their exact colour, and so
    does a colour used by a few pixels only (a line of text in one frame),
    while the blends of anti-aliasing, close to chosen colours, are dropped.
    """
    weight = np.asarray(counts, dtype=np.float64)
    rgb = _rgb(present).astype(np.float64)
    chosen = [int(np.argmax(weight))]
    nearest = ((rgb - rgb[chosen[0]]) ** 2).sum(axis=1)
    while len(chosen) < min(count, len(present)):
        pick = int(np.argmax(weight * nearest))
        chosen.append(pick)
        nearest = np.minimum(nearest, ((rgb - rgb[pick]) ** 2).sum(axis=1))
    return _rgb(present[chosen]).astype(np.int64)


def held_durations(count, *, first_ms, step_ms, last_ms):
    """Return ``count`` frame durations that hold the first and the last frame.

    The reader sees the starting state, the animation, then the result long
    enough to read it before the loop starts again.
    """
    return [first_ms] + [step_ms] * (count - 2) + [last_ms]


def save_gif(frames, path, *, durations, colours=64):
    """Write the RGB ``frames`` as a looping GIF, ``durations`` in ms; return it.

    All frames share one palette of ``colours`` colours chosen by
    ``palette_colours`` (a median-cut palette averages white into off-white
    and loses colours that few pixels use), every pixel mapped to its
    nearest entry, so the colours stay steady from frame to frame. Pillow's
    ``optimize`` stores each frame as its changed rectangle, with the pixels
    that did not change made transparent: the decoded frames are the same,
    the file several times smaller.
    """
    frames = list(frames)
    if len(frames) < 2 or len(durations) != len(frames):
        raise ValueError(
            f"a GIF needs at least 2 frames and one duration per frame, "
            f"got {len(frames)} frames and {len(durations)} durations"
        )
    packed = np.empty((len(frames), *frames[0].shape[:2]), dtype=np.uint32)
    for n, frame in enumerate(frames):
        f = frame.astype(np.uint32)
        packed[n] = (f[..., 0] << 16) | (f[..., 1] << 8) | f[..., 2]
    present, inverse = np.unique(packed, return_inverse=True)
    counts = np.bincount(inverse.ravel(), minlength=len(present))
    table = palette_colours(present, counts, colours)
    distance = ((_rgb(present)[:, None, :] - table[None, :, :]) ** 2).sum(axis=2)
    index = distance.argmin(axis=1).astype(np.uint8)[inverse].reshape(packed.shape)
    palette = table.astype(np.uint8).tobytes()
    images = []
    for frame in index:
        image = Image.frombytes("P", frame.shape[::-1], frame.tobytes())
        image.putpalette(palette)
        images.append(image)
    with atomic_path(path) as tmp:
        images[0].save(
            tmp,
            format="GIF",
            save_all=True,
            append_images=images[1:],
            duration=list(durations),
            loop=0,
            optimize=True,
            disposal=1,
        )
    return Saved(path, "image/gif")

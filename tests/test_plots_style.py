"""The figures' look and savers (nnbook.plots.style): same input, same bytes."""

import base64

import numpy as np
import pytest
from PIL import Image

from nnbook.plots import style


def line_figure():
    with style.style():
        fig, ax = style.figure(4, 3)
        ax.plot([0, 1, 2], [0, 1, 4], color=style.BLUE)
    return fig


def frames(count=4):
    rng = np.random.default_rng(0)
    base = np.full((30, 40, 3), 255, dtype=np.uint8)
    out = []
    for n in range(count):
        frame = base.copy()
        frame[5:10, 5 + 5 * n : 10 + 5 * n] = (230, 159, 0)  # ORANGE
        frame[20:, :] = rng.integers(0, 3, size=(10, 40, 1)) * 100
        out.append(frame)
    return out


def test_png_is_byte_identical_from_run_to_run(tmp_path):
    first = style.save_png(line_figure(), tmp_path / "a.png")
    second = style.save_png(line_figure(), tmp_path / "b.png")
    assert first.path.read_bytes() == second.path.read_bytes()
    assert b"matplotlib" not in first.path.read_bytes().lower()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.png", "b.png"]


def test_gif_is_byte_identical_and_keeps_every_frame(tmp_path):
    durations = style.held_durations(4, first_ms=500, step_ms=100, last_ms=900)
    first = style.save_gif(frames(), tmp_path / "a.gif", durations=durations)
    second = style.save_gif(frames(), tmp_path / "b.gif", durations=durations)
    assert first.path.read_bytes() == second.path.read_bytes()
    with Image.open(first.path) as image:
        assert image.n_frames == 4
        shown = []
        for index in range(4):
            image.seek(index)
            shown.append(image.info["duration"])
    assert shown == [500, 100, 100, 900]


def test_gif_keeps_a_colour_that_few_pixels_use(tmp_path):
    gif = style.save_gif(frames(), tmp_path / "a.gif", durations=[100] * 4)
    with Image.open(gif.path) as image:
        colours = {rgb for _, rgb in image.convert("RGB").getcolors(4096)}
    assert (230, 159, 0) in colours


def test_gif_needs_frames_and_one_duration_each(tmp_path):
    with pytest.raises(ValueError, match="at least 2 frames and one duration"):
        style.save_gif(frames(3), tmp_path / "a.gif", durations=[100, 100])


def test_a_saved_figure_shows_as_its_picture_in_a_notebook(tmp_path):
    saved = style.save_png(line_figure(), tmp_path / "figures" / "a.png")
    bundle = saved._repr_mimebundle_()
    assert base64.b64decode(bundle["image/png"]) == saved.path.read_bytes()
    assert bundle["text/plain"].endswith("figures/a.png>")


def test_render_gives_the_rgb_pixels_of_the_figure():
    pixels = style.render(line_figure())
    assert pixels.shape == (300, 400, 3)
    assert pixels.dtype == np.uint8

"""The drawing code of chapter 3: nnbook.plots.descent."""

import numpy as np
import pytest
from matplotlib.figure import Figure

from nnbook import fit_line, line_loss, noisy_line
from nnbook.plots import descent as plots


def pixels(fig):
    return tuple(round(v) for v in fig.get_size_inches() * fig.dpi)


def f(x):
    return x**2 - 16


GUESSES = [1.0, 8.5, 5.19, 4.137, 4.002]


def test_newton_draws_the_curve_and_an_inset():
    fig = plots.newton(f, GUESSES, label="$f$")
    assert isinstance(fig, Figure)
    assert pixels(fig) == (720, 500)
    assert len(fig.axes) == 2
    labels = " ".join(t.get_text() for t in fig.texts)
    assert "x_1 = 8.5" in labels
    assert "x_0 = 1" in labels


def test_newton_needs_four_guesses():
    with pytest.raises(ValueError, match="at least 4 guesses"):
        plots.newton(f, GUESSES[:3], label="$f$")


@pytest.fixture(scope="module")
def line_fit():
    x, y = noisy_line(10, slope=2.0, intercept=1.0, noise=0.3, seed=0)
    path = fit_line(x, y, learning_rate=0.5, steps=5, start=(0.0, 2.0))
    M, C = np.meshgrid(np.linspace(-0.3, 2.7, 16), np.linspace(0.4, 3.0, 12))
    grid = M, C, line_loss((M, C), x, y)
    return x, y, path, line_loss(path.T, x, y), grid


def test_descent_frames_give_one_frame_per_shown_step(line_fit):
    x, y, path, losses, grid = line_fit
    frames = plots.descent_frames(x, y, path, losses, [0, 2, 5], grid=grid, best=(2, 1))
    assert len(frames) == 3
    assert {frame.shape for frame in frames} == {(400, 720, 3)}
    assert not np.array_equal(frames[0], frames[-1])


def test_descent_frames_need_one_loss_per_step(line_fit):
    x, y, path, losses, grid = line_fit
    with pytest.raises(ValueError, match="one loss per row"):
        plots.descent_frames(x, y, path, losses[:-1], [0], grid=grid, best=(2, 1))
    with pytest.raises(ValueError, match="not on a path"):
        plots.descent_frames(x, y, path, losses, [6], grid=grid, best=(2, 1))


def test_learning_rates_draw_one_curve_per_rate():
    losses = {0.1: np.geomspace(1, 0.1, 6), 0.9: np.geomspace(1, 100, 6)}
    fig = plots.learning_rates(losses, 0.05, names={0.1: "small"})
    (ax,) = fig.axes
    assert pixels(fig) == (720, 460)
    assert ax.get_yscale() == "log"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [r"$\eta = 0.1$, small", r"$\eta = 0.9$"]


def test_learning_rates_need_runs_of_one_length():
    with pytest.raises(ValueError, match="same length"):
        plots.learning_rates({0.1: np.ones(3), 0.5: np.ones(4)}, 0.5)

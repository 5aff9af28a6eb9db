"""Chapter 9's drawing functions, on small inputs made up for the test."""

import numpy as np
import pytest
from matplotlib.figure import Figure

from nnbook.plots import optimisers as plots


def pixels(fig):
    return tuple(round(v) for v in fig.get_size_inches() * fig.dpi)


@pytest.fixture(scope="module")
def bowl():
    X, Y = np.meshgrid(np.linspace(-2, 2, 21), np.linspace(-2, 2, 21))
    F = X**2 + 10 * Y**2 + 0.1
    steps = np.arange(6)[:, None]
    paths = {
        "gradient descent, η = 0.1": np.hstack([0.8**steps, 0.5**steps]),
        "momentum": np.hstack([0.5**steps, -(0.5**steps)]),
        "Adam": np.hstack([1 - steps / 5, np.zeros((6, 1))]),  # ends on 0
    }
    return paths, (X, Y, F)


def test_path_frames_give_one_frame_per_shown_step(bowl):
    paths, grid = bowl
    frames = plots.path_frames(paths, [0, 2, 5], grid=grid, best=(0, 0))
    assert len(frames) == 3
    assert {frame.shape for frame in frames} == {(500, 720, 3)}
    assert not np.array_equal(frames[0], frames[-1])


def test_path_frames_refuse_paths_of_different_lengths_or_steps_beyond(bowl):
    paths, grid = bowl
    with pytest.raises(ValueError, match="same number of rows"):
        plots.path_frames(
            {"a": np.zeros((3, 2)), "b": np.zeros((4, 2))}, [0], grid=grid, best=(0, 0)
        )
    with pytest.raises(ValueError, match="not on paths of 5 steps"):
        plots.path_frames(paths, [6], grid=grid, best=(0, 0))
    with pytest.raises(ValueError, match="2 to 4 paths"):
        plots.path_frames(dict(list(paths.items())[:1]), [0], grid=grid, best=(0, 0))


def test_saddle_draws_each_path_and_its_loss(bowl):
    paths, grid = bowl
    losses = {name: np.linspace(1, 0, 6) for name in paths}
    fig = plots.saddle(paths, losses, grid=grid)
    assert isinstance(fig, Figure)
    assert pixels(fig) == (720, 400)
    paths_panel, right = fig.axes
    assert len(paths_panel.get_lines()) == 2 * len(paths) + 1  # and the cross
    assert [len(line.get_xdata()) for line in right.get_lines()] == [6, 6, 6]
    labels = [t.get_text() for t in right.get_legend().get_texts()]
    assert labels == list(paths)
    widths = [line.get_linewidth() for line in right.get_lines()]
    assert widths == sorted(widths, reverse=True)  # later paths thinner


def test_saddle_needs_a_loss_for_every_path(bowl):
    paths, grid = bowl
    with pytest.raises(ValueError, match="same runs"):
        plots.saddle(paths, {"Adam": np.ones(6)}, grid=grid)


def test_learning_curves_draw_the_mean_and_shade_the_range():
    accuracy = {"a": [[0.5, 0.9, 0.95], [0.7, 0.9, 0.97]], "b": [[0.8, 0.9, 1.0]] * 2}
    cost = {"a": [[1.0, 0.5, 0.2]] * 2, "b": [[0.5, 0.2, 0.1]] * 2}
    fig = plots.learning_curves(accuracy, cost)
    assert pixels(fig) == (720, 400)
    left, right = fig.axes
    assert left.get_yscale() == "log"
    assert right.get_ylim() == (80, 100)
    mean_a = right.get_lines()[0]
    np.testing.assert_allclose(mean_a.get_xdata(), [1, 2, 3])  # epochs from 1
    np.testing.assert_allclose(mean_a.get_ydata(), [60, 90, 96])  # in percent
    assert len(right.collections) == 2  # one shaded range per optimiser
    labels = [t.get_text() for t in right.get_legend().get_texts()]
    assert labels == ["a", "b"]


def test_learning_curves_refuse_curves_that_do_not_match():
    with pytest.raises(ValueError, match="same runs"):
        plots.learning_curves({"a": [[0.5, 0.6]]}, {"b": [[1.0, 0.5]]})
    with pytest.raises(ValueError, match=r"\(seeds, epochs\)"):
        plots.learning_curves({"a": [0.5, 0.6]}, {"a": [1.0, 0.5]})


def test_layer_spread_draws_two_log_panels_with_one_legend():
    spreads = {"ReLU, He": np.ones(10), "ReLU, std 1": 2.0 ** np.arange(10)}
    norms = {"ReLU, He": np.ones(11), "ReLU, std 1": 3.0 ** np.arange(11)}
    fig = plots.layer_spread(spreads, norms)
    left, right = fig.axes
    assert left.get_yscale() == right.get_yscale() == "log"
    assert [len(line.get_xdata()) for line in right.get_lines()] == [11, 11]
    (legend,) = fig.legends
    assert [t.get_text() for t in legend.get_texts()] == list(spreads)


def test_layer_spread_needs_the_same_stacks_in_both():
    with pytest.raises(ValueError, match="same stacks"):
        plots.layer_spread({"a": [1.0]}, {"b": [1.0]})

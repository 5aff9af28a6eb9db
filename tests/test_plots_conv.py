"""Chapter 8's drawing functions, on small inputs made up for the test."""

import numpy as np
import pytest
from matplotlib.figure import Figure

from nnbook import conv2d
from nnbook.plots import conv as conv_plots


@pytest.fixture
def image_and_filter():
    rng = np.random.default_rng(0)
    x = rng.uniform(size=(5, 5))
    w = rng.normal(size=(3, 3))
    z = conv2d(x[None, None], w[None, None], np.array([0.1]))[0, 0]  # (3, 3)
    return x, w, z


def test_sliding_frames_one_rgb_frame_per_position(image_and_filter):
    x, w, z = image_and_filter
    frames = conv_plots.sliding_frames(x, w, 0.1, z, label=7)
    assert len(frames) == z.size == 9
    assert {frame.shape for frame in frames} == {(350, 720, 3)}
    assert all(frame.dtype == np.uint8 for frame in frames)
    assert not np.array_equal(frames[0], frames[1])  # the window moved


def test_sliding_frames_only_the_positions_asked_for(image_and_filter):
    x, w, z = image_and_filter
    frames = conv_plots.sliding_frames(x, w, 0.1, z, label=7, positions=[(0, 0)])
    assert len(frames) == 1


def test_sliding_frames_refuses_a_feature_map_of_the_wrong_shape(image_and_filter):
    x, w, z = image_and_filter
    with pytest.raises(ValueError, match=r"\(3, 3\), by \(8.2\)"):
        conv_plots.sliding_frames(x, w, 0.1, z[:2], label=7)


def test_filters_draws_a_filter_and_its_map_per_cell():
    rng = np.random.default_rng(1)
    weights, maps = rng.normal(size=(10, 3, 3)), rng.uniform(size=(10, 4, 4))
    fig = conv_plots.filters(weights, maps, rng.uniform(size=(6, 6)))
    assert isinstance(fig, Figure)
    assert tuple(fig.get_size_inches()) == pytest.approx((7.2, 4.3))  # 4 rows
    assert len(fig.axes) == 4 * 9
    titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    assert titles == [str(k) for k in range(10)]
    assert sum(len(ax.images) for ax in fig.axes) == 10 + 10 + 2  # + 2 inputs


def test_filters_refuses_one_map_too_few():
    with pytest.raises(ValueError, match="one map per filter"):
        conv_plots.filters(np.zeros((4, 3, 3)), np.zeros((3, 4, 4)), np.zeros((6, 6)))

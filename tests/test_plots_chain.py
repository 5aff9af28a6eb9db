"""Tests of chapter 4's drawing code: nnbook.plots.graphs and nnbook.plots.chain."""

from itertools import pairwise
from types import SimpleNamespace

import numpy as np
import pytest
from matplotlib.figure import Figure

from nnbook.plots import chain, graphs
from nnbook.plots.style import render, style

CHAIN_VALUES = {
    "a0": 1.5,
    "w1": 0.8,
    "b1": -0.2,
    "z1": 1.0,
    "a1": 0.73,
    "w2": 0.5,
    "b2": -0.4,
    "z2": -0.035,
    "a2": 0.49,
    "C": 0.042,
    "y": 0.2,
}


def mazur(b1=(0.35, 0.35)):
    return SimpleNamespace(
        weights=[np.array([[0.15, 0.2], [0.25, 0.3]]), np.array([[0.4, 0.45]] * 2)],
        biases=[np.array(b1), np.array([0.6, 0.6])],
    )


def pixels(fig):
    width, height = fig.get_size_inches() * fig.dpi
    return round(width), round(height)


# -- graphs ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0.03826, "0.0383"),
        (-0.437, "\N{MINUS SIGN}0.437"),
        (0.8, "0.800"),
        (3.83e-5, "0.0000383"),
        (12.5, "12.5"),
        (1234.5, "1234"),
        (0.0, "0"),
    ],
)
def test_decimal_keeps_significant_digits_without_exponent(value, text):
    assert graphs.decimal(value) == text


def test_canvas_is_measured_in_pixels():
    with style():
        fig, ax = graphs.canvas(300, 200)
    assert isinstance(fig, Figure)
    assert pixels(fig) == (300, 200)
    assert ax.get_xlim() == (0, 300)
    assert ax.get_ylim() == (0, 200)


def test_edges_leave_circles_and_boxes_on_their_outline():
    a, b = graphs.Node(0, 0, r=10), graphs.Node(100, 0, w=40, h=20)
    (x0, y0), (x1, y1) = graphs.segment(a, b)
    assert (x0, y0) == pytest.approx((10, 0))
    assert (x1, y1) == pytest.approx((80, 0))
    assert graphs.along(a, b, 0.5) == pytest.approx((45, 0))


def test_overlapping_nodes_have_no_edge():
    a, b = graphs.Node(0, 0, r=10), graphs.Node(15, 0, r=10)
    with pytest.raises(ValueError, match="no room"):
        graphs.segment(a, b)


def full_drawing(fig, artists):
    """Return ``fig`` drawn whole, ``artists`` included, as an RGB array."""
    for artist in artists:
        artist.set_animated(False)
    picture = render(fig)
    for artist in artists:
        artist.set_animated(True)
    return picture


def test_animation_frames_equal_full_drawings():
    with style():
        fig, ax = graphs.canvas(200, 120)
        graphs.box(ax, graphs.Node(60, 60, w=80, h=60), edge="black")
        text = graphs.label(ax, (60, 60), "", 20)
        (dot,) = ax.plot([], [], "o", ms=10)
        animation = graphs.Animation(fig, [text], [dot])
        for n, word in enumerate(["one", "one", "three"]):
            if word != text.get_text():
                text.set_text(word)
                animation.changed(0)
            dot.set_data([150], [30 + 30 * n])
            frame = animation.frame()
            assert frame.shape == (120, 200, 3)
            assert frame.dtype == np.uint8
            np.testing.assert_array_equal(frame, full_drawing(fig, [text, dot]))


def test_animation_needs_artists_that_change():
    with style():
        fig, _ = graphs.canvas(20, 20)
    with pytest.raises(ValueError, match="at least one layer"):
        graphs.Animation(fig)


def test_readout_keeps_its_equals_sign_in_place():
    values = [0.8, -0.000123, 0.0456]
    with style():
        fig, ax = graphs.canvas(400, 100)
        readout = graphs.Readout(ax, (200, 50), r"$\Delta w$", 18, values)
        renderer = fig.canvas.get_renderer()
        starts = set()
        for value in values:
            readout.show(value)
            assert readout.number.get_text() == graphs.decimal(value)
            starts.add(readout.number.get_window_extent(renderer).x0)
        # the widest number, -0.000123, makes a label centred on x = 200
        readout.show(values[1])
        left = readout.head.get_window_extent(renderer).x0
        right = readout.number.get_window_extent(renderer).x1
    assert len(starts) == 1
    assert (left + right) / 2 == pytest.approx(200, abs=1)


# -- chain -----------------------------------------------------------------


def test_network_2_2_2_is_a_figure_of_its_size():
    fig = chain.network_2_2_2(mazur(), [0.05, 0.1], [0.01, 0.99])
    assert isinstance(fig, Figure)
    assert pixels(fig) == (chain.NET_WIDTH, chain.NET_HEIGHT)
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert {"$w_1 = 0.15$", "$w_8 = 0.45$", "0.35", "0.60", "0.05", "0.99"} <= texts


def test_network_2_2_2_refuses_other_networks():
    with pytest.raises(ValueError, match="one bias value per layer"):
        chain.network_2_2_2(mazur(b1=(0.35, 0.4)), [0.05, 0.1], [0.01, 0.99])
    with pytest.raises(ValueError, match="2x2"):
        chain.network_2_2_2(mazur(), [0.05, 0.1, 0.2], [0.01, 0.99])


def test_weight_indexing_highlights_the_weight_asked_for():
    fig = chain.weight_indexing(1, 2)
    assert pixels(fig) == (chain.IDX_WIDTH, chain.IDX_HEIGHT)
    red = [t.get_text() for t in fig.axes[0].texts if t.get_color() == chain.RED]
    assert "$w^l_{12}$" in red
    with pytest.raises(ValueError, match="1 <= j <= 2"):
        chain.weight_indexing(3, 1)


def nudge_inputs(frames):
    dw = np.geomspace(0.8, 0.001, frames)
    # the cost's change: 0.04 dw to first order, more for a large nudge
    changes = np.column_stack([dw, 0.7 * dw, 0.25 * dw, 0.04 * dw + 0.01 * dw**2])
    return changes, changes[:, 3] / changes[:, 0]


def test_nudge_frames_one_per_nudge_held_at_both_ends():
    changes, ratios = nudge_inputs(3)
    slopes = [0.8, 0.25, 0.2]  # their product is 0.04
    frames, durations = chain.nudge_frames(
        CHAIN_VALUES, slopes, np.prod(slopes), changes, ratios, steps=5
    )
    assert len(frames) == 3
    assert {f.shape for f in frames} == {(chain.NUDGE_HEIGHT, chain.NUDGE_WIDTH, 3)}
    assert durations == list(chain.NUDGE_MS)
    assert not np.array_equal(frames[0], frames[1])


def test_nudge_frames_refuse_mismatched_inputs():
    changes, ratios = nudge_inputs(3)
    with pytest.raises(ValueError, match="one ratio per frame"):
        chain.nudge_frames(CHAIN_VALUES, [1, 2, 3], 6, changes, ratios[:2], steps=5)
    with pytest.raises(ValueError, match=r"shape \(frames, 4\)"):
        chain.nudge_frames(CHAIN_VALUES, [1, 2, 3], 6, changes[:, :3], ratios, steps=5)
    values = {k: v for k, v in CHAIN_VALUES.items() if k != "b2"}
    with pytest.raises(ValueError, match="'b2'"):
        chain.nudge_frames(values, [1, 2, 3], 6, changes, ratios, steps=5)


def test_backward_frames_pulse_along_each_link():
    links = [0.29, 0.25, 0.5, 0.2, 1.5]
    frames, durations = chain.backward_frames(
        CHAIN_VALUES, links, np.cumprod(links), 0.0109, nudge=1e-3, steps=5, pulse=1
    )
    # the start, then per link a pulse and the link drawn, then the result
    assert len(frames) == len(durations) == 1 + 5 * 2 + 1
    assert {f.shape for f in frames} == {(chain.BACK_HEIGHT, chain.BACK_WIDTH, 3)}
    first, pulse, step, last = chain.BACK_MS
    assert durations == [first] + [pulse, step] * 5 + [last]
    assert all(not np.array_equal(a, b) for a, b in pairwise(frames))


def test_backward_frames_need_five_links():
    with pytest.raises(ValueError, match="5 links"):
        chain.backward_frames(
            CHAIN_VALUES, [1, 2, 3, 4], [1, 2, 6, 24], 1, nudge=1e-3, steps=5
        )

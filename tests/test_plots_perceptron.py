"""The drawing code of chapters 1 and 2: nnbook.plots.plane and .perceptron."""

import numpy as np
import pytest
from matplotlib.figure import Figure

from nnbook import Perceptron, logic_gate, separable_points
from nnbook.plots import perceptron as plots
from nnbook.plots.plane import (
    boundary_segment,
    draw_points,
    half_plane,
)
from nnbook.plots.style import figure

BOX = (-1.0, 1.0, -1.0, 1.0)


def area(corners):
    """The area of a polygon, by the shoelace formula."""
    x, y = corners.T
    return abs(x @ np.roll(y, -1) - y @ np.roll(x, -1)) / 2


def pixels(fig):
    return tuple(round(v) for v in fig.get_size_inches() * fig.dpi)


def test_half_plane_is_the_side_of_output_1_clipped_to_the_box():
    right = half_plane((0.0, 1.0, 0.0), BOX)  # x_1 > 0
    assert area(right) == pytest.approx(2.0)
    assert np.all(right[:, 0] >= 0)
    corner = half_plane((-1.0, 1.0, 1.0), BOX)  # x_1 + x_2 > 1: a triangle
    assert len(corner) == 3
    assert area(corner) == pytest.approx(0.5)


def test_half_plane_of_a_line_outside_the_box_is_all_or_nothing():
    assert area(half_plane((10.0, 1.0, 0.0), BOX)) == pytest.approx(4.0)
    assert half_plane((-10.0, 1.0, 0.0), BOX).shape == (0, 2)


@pytest.mark.parametrize("w_folded", [(0.5, 1.0, 2.0), (0.5, 2.0, 1.0), (0, 0, 1)])
def test_boundary_segment_ends_lie_on_the_line(w_folded):
    ends = boundary_segment(w_folded, BOX)
    b, w1, w2 = w_folded
    np.testing.assert_allclose(ends @ [w1, w2] + b, 0.0, atol=1e-12)
    assert not np.allclose(ends[0], ends[1])


def test_boundary_segment_of_zero_weights_is_none():
    assert boundary_segment((1.0, 0.0, 0.0), BOX) is None


def test_folded_weights_must_have_three_entries():
    with pytest.raises(ValueError, match=r"\(b, w_1, w_2\)"):
        half_plane((1.0, 2.0), BOX)


def test_draw_points_needs_one_label_per_point():
    _, ax = figure(2, 2)
    with pytest.raises(ValueError, match="one label per row"):
        draw_points(ax, np.zeros((3, 2)), np.array([0, 1]))


def test_dot_product_draws_one_figure_of_720_by_500_pixels():
    a, b = np.array([3.0, 1.0]), np.array([2.0, 3.0])
    fig = plots.dot_product(a, b, angle=37.9, shadow=2.85)
    assert isinstance(fig, Figure)
    assert pixels(fig) == (720, 500)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert any("37.9" in t for t in texts)
    assert any("2.85" in t for t in texts)


def test_dot_product_needs_vectors_of_the_plane():
    with pytest.raises(ValueError, match="plane"):
        plots.dot_product([1.0, 2.0, 3.0], [1.0, 0.0, 0.0], angle=0, shadow=1)


def gates():
    tables = {name: logic_gate(name) for name in ["and", "or", "xor"]}
    samples = {"and": [[1, 1, -1.5]], "or": np.empty((0, 3)), "xor": []}
    return tables, {"and": ([1.0, 1.0], -1.5)}, {"and": 1, "or": 0, "xor": 0}, samples


def test_logic_gates_draw_one_panel_per_gate():
    tables, boundaries, counts, samples = gates()
    fig = plots.logic_gates(tables, boundaries, counts, samples, searched=10)
    assert [ax.get_title() for ax in fig.axes] == ["AND", "OR", "XOR"]
    assert pixels(fig) == (720, 360)
    assert fig.axes[0].get_xlabel() == "1 lines found"
    assert fig.axes[2].get_xlabel() == "no line found"


def test_logic_gates_refuse_counts_of_other_gates():
    tables, boundaries, counts, samples = gates()
    del counts["xor"]
    with pytest.raises(ValueError, match="same gates"):
        plots.logic_gates(tables, boundaries, counts, samples, searched=10)


def small_run():
    X, y = separable_points(6, w=[1.0, 1.0], b=0.0, margin=0.3, seed=0)
    history = Perceptron(2).fit(X, y)
    folded = np.column_stack([np.ones(len(X)), X])
    wrong = np.sum((folded @ history.weights.T > 0) != y[:, None], axis=0)
    return X, y, history, wrong


def test_training_frames_show_the_start_each_update_and_the_end():
    X, y, history, wrong = small_run()
    frames = plots.training_frames(
        X, y, history, wrong, true_line=(np.array([1.0, 1.0]), 0.0)
    )
    assert len(frames) == history.updates + 2
    assert {frame.shape for frame in frames} == {(700, 720, 3)}
    assert all(frame.dtype == np.uint8 for frame in frames)
    assert not np.array_equal(frames[0], frames[1])


def test_training_frames_need_one_count_per_state():
    X, y, history, wrong = small_run()
    with pytest.raises(ValueError, match="one count per state"):
        plots.training_frames(X, y, history, wrong[:-1], true_line=([1, 1], 0))


def test_weight_vector_titles_the_weights_it_draws():
    X, y, _, _ = small_run()
    fig = plots.weight_vector(X, y, np.array([3.5, 5.58]), -2.0)
    assert pixels(fig) == (720, 700)
    assert "3.50" in fig.axes[0].get_title(loc="left")
    assert "-2.00" in fig.axes[0].get_title(loc="left")

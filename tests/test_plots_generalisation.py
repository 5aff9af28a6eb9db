"""Chapter 10's drawing functions, on small inputs made up for the test."""

import numpy as np
import pytest
from matplotlib.figure import Figure

from nnbook import TrainingHistory
from nnbook.plots import generalisation


def _history(shift, epochs=4):
    ramp = np.linspace(0.5, 0.9, epochs) + shift
    return TrainingHistory(
        cost=list(1 - ramp),
        accuracy=list(ramp),
        validation_cost=list(1.1 - ramp),
        validation_accuracy=list(ramp - 0.05),
    )


def test_learning_curves_draw_the_mean_with_the_range_as_a_band():
    fig = generalisation.learning_curves([_history(0.0), _history(0.02)])
    assert isinstance(fig, Figure)
    assert tuple(fig.get_size_inches()) == pytest.approx((7.2, 3.8))
    accuracy, cost = fig.axes
    assert cost.get_yscale() == "log"
    validation = accuracy.lines[1]
    np.testing.assert_allclose(validation.get_xdata(), [1, 2, 3, 4])
    np.testing.assert_allclose(validation.get_ydata()[[0, -1]], [46, 86])
    assert len(accuracy.collections) == 2  # one band per curve
    band = accuracy.collections[1].get_paths()[0].vertices[:, 1]
    assert band.min() == pytest.approx(45)
    assert band.max() == pytest.approx(87)


def test_learning_curves_mark_the_stopped_epochs_on_the_validation_cost():
    histories = [_history(0.0), _history(0.02)]
    fig = generalisation.learning_curves(histories, stopped=[2, 4])
    marks = fig.axes[1].lines[-1]
    np.testing.assert_allclose(marks.get_xdata(), [2, 4])
    expected = [histories[0].validation_cost[1], histories[1].validation_cost[3]]
    np.testing.assert_allclose(marks.get_ydata(), expected)


def test_learning_curves_refuse_uneven_or_empty_histories():
    with pytest.raises(ValueError, match="at least one"):
        generalisation.learning_curves([])
    uneven = _history(0.0)
    uneven.cost.append(0.0)
    with pytest.raises(ValueError, match="same number of epochs"):
        generalisation.learning_curves([uneven])
    with pytest.raises(ValueError, match="from 1 to 4"):
        generalisation.learning_curves([_history(0.0)], stopped=[5])


def test_penalty_sweep_draws_means_with_ranges_against_even_positions():
    lambdas = [0.0, 1e-3, 3e-3]
    accuracy = np.array([[0.8, 0.9, 0.85], [0.82, 0.92, 0.81]])
    cost = accuracy[::-1]
    fig = generalisation.penalty_sweep(
        lambdas, {"a": accuracy}, {"b": cost, "c": cost}, chosen=1e-3
    )
    assert isinstance(fig, Figure)
    left, right = fig.axes
    mean = left.lines[0]
    np.testing.assert_allclose(mean.get_xdata(), [-0.08, 0.92, 1.92])
    np.testing.assert_allclose(mean.get_ydata(), [81, 91, 83])  # in percent
    labels = [tick.get_text() for tick in left.get_xticklabels()]
    assert labels == ["0", "$10^{-3}$", "$3\\cdot10^{-3}$"]
    assert [t.get_text() for t in right.get_legend().get_texts()] == ["b", "c"]
    chosen = [line for line in right.lines if line.get_linestyle() == ":"]
    assert len(chosen) == 1
    assert chosen[0].get_xdata()[0] == 1


def test_penalty_sweep_refuses_arrays_that_do_not_fit_the_grid():
    with pytest.raises(ValueError, match="3 columns"):
        generalisation.penalty_sweep(
            [0, 1, 2], {"a": np.ones((2, 2))}, {"b": [[1, 1, 1]]}
        )
    with pytest.raises(ValueError, match="1 or 2 labels"):
        generalisation.penalty_sweep([0], {}, {"b": [[1]]})
    with pytest.raises(ValueError, match="chosen"):
        generalisation.penalty_sweep([0], {"a": [[1]]}, {"b": [[1]]}, chosen=5)


def test_shifted_copies_draws_one_titled_image_per_copy_with_answers():
    images = np.zeros((3, 64))
    fig = generalisation.shifted_copies(
        images, ["a", "b", "c"], answers={"plain": [1, 2, 3], "moved": [1, 1, 1]}
    )
    assert isinstance(fig, Figure)
    assert len(fig.axes) == 3
    assert [ax.get_title() for ax in fig.axes] == ["a", "b", "c"]
    assert fig.axes[1].get_xlabel() == "plain: 2\nmoved: 1"
    assert fig.axes[0].images[0].get_array().shape == (8, 8)


def test_shifted_copies_refuses_titles_or_answers_of_the_wrong_length():
    with pytest.raises(ValueError, match="titles"):
        generalisation.shifted_copies(np.zeros((2, 64)), ["a"])
    with pytest.raises(ValueError, match="one answer per image"):
        generalisation.shifted_copies(np.zeros((2, 64)), ["a", "b"], answers={"x": [1]})

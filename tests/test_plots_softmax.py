"""Chapter 7's drawing functions, on small inputs made up for the test."""

import numpy as np
import pytest
from matplotlib.figure import Figure

from nnbook import TrainingHistory, softmax, softmax_jacobian
from nnbook.plots import softmax as softmax_plots


def test_jacobian_draws_bars_and_one_cell_text_per_entry():
    z = np.array([1.0, 0.0, -1.0])
    p, J = softmax(z), softmax_jacobian(z)
    fig = softmax_plots.jacobian(z, p, J)
    assert isinstance(fig, Figure)
    assert tuple(fig.get_size_inches()) == pytest.approx((7.2, 3.9))
    bars, heat = fig.axes
    assert len(bars.patches) == 3
    assert len(heat.images) == 1
    assert heat.images[0].get_array().shape == (3, 3)
    cells = [t.get_text() for t in heat.texts]
    assert cells == [f"{value:.3f}" for value in J.ravel()]


def test_jacobian_refuses_a_matrix_of_the_wrong_size():
    z = np.zeros(3)
    with pytest.raises(ValueError, match=r"J \(3, 3\)"):
        softmax_plots.jacobian(z, softmax(z), np.eye(4))


def history(accuracies):
    return TrainingHistory(validation_accuracy=list(accuracies))


def test_slowdown_curves_draws_one_line_per_run_in_percent():
    neuron = {"quadratic": np.linspace(0.99, 0.4, 11), "cross-entropy": [0.99, 0.1]}
    digits = {"a": history([0.1, 0.1, 0.1]), "b": history([0.5, 0.9, 0.95])}
    fig = softmax_plots.slowdown_curves(neuron, digits)
    assert isinstance(fig, Figure)
    assert tuple(fig.get_size_inches()) == pytest.approx((7.2, 4.0))
    left, right = fig.axes
    assert [len(line.get_xdata()) for line in left.get_lines()[:2]] == [11, 2]
    b = right.get_lines()[1]
    np.testing.assert_allclose(b.get_xdata(), [1, 2, 3])  # epochs from 1
    np.testing.assert_allclose(b.get_ydata(), [50, 90, 95])
    labels = [t.get_text() for t in right.get_legend().get_texts()]
    assert labels == ["a", "b"]


def test_slowdown_curves_refuses_a_history_without_test_accuracy():
    with pytest.raises(ValueError, match="no validation accuracy"):
        softmax_plots.slowdown_curves({"q": [1.0, 0.5]}, {"a": TrainingHistory()})
    with pytest.raises(ValueError, match="1 to 3 labels"):
        softmax_plots.slowdown_curves({}, {"a": history([0.5])})

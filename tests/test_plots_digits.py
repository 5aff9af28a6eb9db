"""The drawing functions of chapter 6's figures, on small made-up inputs."""

import numpy as np
import pytest
from matplotlib.figure import Figure

from nnbook import TrainingHistory
from nnbook.plots import digits


def _history(epochs=4):
    ramp = np.linspace(0.5, 0.9, epochs)
    return TrainingHistory(
        cost=list(1 - ramp),
        accuracy=list(ramp),
        validation_cost=list(1.1 - ramp),
        validation_accuracy=list(ramp - 0.05),
    )


def test_training_curves_has_two_panels_of_the_book_size():
    fig = digits.training_curves(_history())
    assert isinstance(fig, Figure)
    cost, accuracy = fig.axes
    assert tuple(fig.get_size_inches()) == (7.2, 3.6)
    assert cost.get_yscale() == "log"
    assert accuracy.get_ylim() == (90, 100)
    assert [len(line.get_xdata()) for line in cost.lines] == [4, 4]
    np.testing.assert_allclose(
        accuracy.lines[1].get_ydata(), [45, 58.3, 71.7, 85], atol=0.1
    )
    assert accuracy.texts[0].get_text() == "test 85.0%"


def test_training_curves_takes_the_accuracy_range():
    fig = digits.training_curves(_history(), accuracy_limits=(80, 100))
    assert fig.axes[1].get_ylim() == (80, 100)


def test_training_curves_refuses_a_history_without_validation():
    history = _history()
    history.validation_accuracy = []
    with pytest.raises(ValueError, match="same number of epochs"):
        digits.training_curves(history)


def test_confusion_writes_every_non_zero_count():
    counts = np.array([[5, 1, 0], [0, 4, 0], [2, 0, 3]])
    fig = digits.confusion(counts)
    (ax,) = fig.axes
    assert sorted(t.get_text() for t in ax.texts) == ["1", "2", "3", "4", "5"]
    assert tuple(fig.get_size_inches()) == (6, 5.6)


def test_confusion_refuses_a_matrix_that_is_not_square():
    with pytest.raises(ValueError, match="square"):
        digits.confusion(np.zeros((2, 3), dtype=int))


def test_misclassified_titles_each_image_true_then_answer():
    images = np.random.default_rng(0).random((9, 64))
    fig = digits.misclassified(images, range(9), [1] * 9, columns=7)
    titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    assert len(fig.axes) == 14  # two rows of seven
    assert titles[:2] == ["0 → 1", "1 → 1"]
    assert len(titles) == 9


def test_misclassified_refuses_mismatched_lengths():
    with pytest.raises(ValueError, match="one true digit"):
        digits.misclassified(np.zeros((3, 64)), [1, 2], [3, 4, 5])


def test_misclassified_draws_an_empty_grid_when_nothing_is_wrong():
    fig = digits.misclassified(np.zeros((0, 64)), [], [])
    assert len(fig.axes) == 7


def test_first_layer_draws_one_image_per_hidden_neuron():
    weights = np.random.default_rng(0).normal(size=(8, 64))
    fig = digits.first_layer(weights)
    images = [ax for ax in fig.axes if ax.images]
    assert len(images) == 8
    assert len(fig.axes) == 12  # two rows of six
    vmin, vmax = images[0].images[0].get_clim()
    assert vmin == -vmax == -np.abs(weights[0]).max()


def test_first_layer_refuses_weights_that_are_not_8x8_images():
    with pytest.raises(ValueError, match="64"):
        digits.first_layer(np.zeros((30, 63)))

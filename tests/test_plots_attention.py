"""Chapter 12's drawing functions, on small inputs made up for the test."""

import numpy as np
import pytest
from matplotlib.figure import Figure

from nnbook.plots import attention as attention_plots


def test_scaling_draws_the_variances_and_the_largest_weights():
    d = [4, 16, 64]
    fig = attention_plots.scaling(
        d, [4.1, 15.8, 64.5], [1.0, 0.99, 1.01], [0.5, 0.7, 0.9], [0.3] * 3
    )
    assert isinstance(fig, Figure)
    assert tuple(fig.get_size_inches()) == pytest.approx((7.2, 3.8))
    left, right = fig.axes
    assert len(left.get_lines()) == 3  # the line d and the two variances
    np.testing.assert_allclose(left.get_lines()[1].get_ydata(), [4.1, 15.8, 64.5])
    np.testing.assert_allclose(right.get_lines()[0].get_ydata(), [0.5, 0.7, 0.9])
    assert right.get_ylim() == (0, 1)


def test_scaling_refuses_sequences_of_different_lengths():
    with pytest.raises(ValueError, match="of one length"):
        attention_plots.scaling([4, 16], [4, 16], [1, 1], [0.5, 0.6], [0.3])


def test_attention_maps_draws_each_image_above_its_weights():
    rng = np.random.default_rng(0)
    images = rng.random((3, 8, 8))
    weights = rng.dirichlet(np.ones(8), size=(3, 8))
    fig = attention_plots.attention_maps(images, weights, [0, 4, 7])
    assert isinstance(fig, Figure)
    axes = fig.axes[:6]  # then the colour bar
    assert len(fig.axes) == 7
    assert [ax.get_title() for ax in axes[:3]] == ["a 0", "a 4", "a 7"]
    np.testing.assert_allclose(axes[3].images[0].get_array(), weights[0])
    np.testing.assert_allclose(axes[0].images[0].get_array(), images[0])


def test_attention_maps_refuses_weights_that_do_not_fit_the_images():
    with pytest.raises(ValueError, match=r"weights of shape \(2, 8, 8\)"):
        attention_plots.attention_maps(np.zeros((2, 8, 8)), np.zeros((2, 8, 7)), [1, 2])
    with pytest.raises(ValueError, match="labels must name the 2 images"):
        attention_plots.attention_maps(np.zeros((2, 8, 8)), np.zeros((2, 8, 8)), [1])


def test_learning_curves_draws_the_mean_and_a_band_per_model():
    curves = {
        "a": np.array([[0.5, 0.8, 0.9], [0.6, 0.7, 0.95]]),
        "b": np.array([[0.2, 0.4, 0.6]]),
    }
    fig = attention_plots.learning_curves(curves)
    assert isinstance(fig, Figure)
    (ax,) = fig.axes
    a, b = ax.get_lines()
    np.testing.assert_allclose(a.get_xdata(), [1, 2, 3])  # epochs from 1
    np.testing.assert_allclose(a.get_ydata(), [55, 75, 92.5])
    np.testing.assert_allclose(b.get_ydata(), [20, 40, 60])
    assert len(ax.collections) == 2  # one band per model
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["a", "b"]


def test_learning_curves_refuses_what_is_not_seeds_by_epochs():
    with pytest.raises(ValueError, match=r"array \(seeds, epochs\)"):
        attention_plots.learning_curves({"a": [0.5, 0.6]})
    with pytest.raises(ValueError, match="1 to 3 models"):
        attention_plots.learning_curves({})

import numpy as np
import pytest

from nnbook import Perceptron, logic_gate, separable_points


def folded(X):
    """The inputs with the constant x_0 = 1 in front."""
    return np.column_stack([np.ones(len(X)), X])


def test_a_new_perceptron_starts_at_zero_and_outputs_zero():
    p = Perceptron(3)
    np.testing.assert_array_equal(p.w, np.zeros(3))
    assert p.b == 0.0
    # w . x + b = 0 is not > 0, so the output is 0
    np.testing.assert_array_equal(p.predict(np.eye(3)), [0, 0, 0])


def test_predict_is_the_step_of_the_weighted_input():
    p = Perceptron(2)
    p.w[...] = [1.0, 1.0]
    p.b = -1.5
    X, y = logic_gate("and")
    np.testing.assert_allclose(p.weighted_input(X), [-1.5, -0.5, -0.5, 0.5])
    np.testing.assert_array_equal(p.predict(X), y)
    assert p.predict([1.0, 1.0]) == 1
    assert isinstance(p.weighted_input([1.0, 1.0]), float)


def test_the_boundary_itself_gives_zero():
    p = Perceptron(2)
    p.w[...] = [2.0, -1.0]
    p.b = 1.0
    assert p.predict([0.0, 1.0]) == 0  # w . x + b = 0 exactly


@pytest.mark.parametrize("gate", ["and", "or"])
def test_fit_learns_the_separable_gates(gate):
    X, y = logic_gate(gate)
    p = Perceptron(2)
    history = p.fit(X, y)
    assert history.converged
    np.testing.assert_array_equal(p.predict(X), y)


def test_fit_never_converges_on_xor():
    X, y = logic_gate("xor")
    history = Perceptron(2).fit(X, y, epochs=50)
    assert not history.converged
    assert history.epochs == 50
    assert history.updates >= 50  # at least one mistake in every epoch


def test_history_replays_the_perceptron_rule():
    X, y = separable_points(30, w=[1.0, 2.0], b=-1.0, margin=0.2, seed=0)
    p = Perceptron(2, learning_rate=0.5)
    history = p.fit(X, y)
    assert history.weights.shape == (history.updates + 1, 3)
    np.testing.assert_array_equal(history.weights[0], [0.0, 0.0, 0.0])
    np.testing.assert_allclose(history.weights[-1], np.concatenate([[p.b], p.w]))
    Xf = folded(X)
    for k, i in enumerate(history.mistakes):
        before, after = history.weights[k], history.weights[k + 1]
        y_hat = int(before @ Xf[i] > 0)
        assert y_hat != y[i], "an update happened on a correct example"
        np.testing.assert_allclose(after, before + 0.5 * (y[i] - y_hat) * Xf[i])


def test_fit_on_separable_data_respects_novikoffs_bound():
    w_true, b_true, margin = np.array([3.0, -1.0]), 0.5, 0.1
    for seed in range(5):
        X, y = separable_points(50, w=w_true, b=b_true, margin=margin, seed=seed)
        p = Perceptron(2)
        history = p.fit(X, y, epochs=1000)
        assert history.converged
        np.testing.assert_array_equal(p.predict(X), y)
        u = np.concatenate([[b_true], w_true])
        u /= np.linalg.norm(u)
        gamma = ((2 * y - 1) * (folded(X) @ u)).min()
        R = np.linalg.norm(folded(X), axis=1).max()
        assert history.updates <= (R / gamma) ** 2


def test_learning_rate_scales_the_weights_but_not_the_mistakes():
    X, y = separable_points(30, w=[1.0, 2.0], b=-1.0, margin=0.2, seed=2)
    slow, fast = Perceptron(2, learning_rate=0.1), Perceptron(2)
    h_slow, h_fast = slow.fit(X, y), fast.fit(X, y)
    assert h_slow.mistakes == h_fast.mistakes
    np.testing.assert_allclose(h_slow.weights, 0.1 * h_fast.weights)


def test_shuffling_is_repeatable_with_a_seed():
    X, y = separable_points(30, w=[1.0, 2.0], b=-1.0, margin=0.1, seed=1)
    runs = [Perceptron(2).fit(X, y, seed=4).mistakes for _ in range(2)]
    assert runs[0] == runs[1]


BAD_FIT = [
    # (X, y, error, words)
    (
        np.zeros((4, 2)),
        [0, 1, 2, 0],
        ValueError,
        r"only the labels 0 and 1.*2 at index 2",
    ),
    (np.zeros((4, 2)), [-1, 1, 1, -1], ValueError, r"labels 0 and 1.*-1 at index 0"),
    (np.zeros((4, 2)), [0, 1, 1], ValueError, r"one label per row of X \(4\)"),
    (np.zeros((4, 2)), [[0, 1, 1, 0]], ValueError, "must be a 1-D array"),
    (np.zeros((4, 3)), [0, 1, 1, 0], ValueError, r"X must have shape \(n, 2\)"),
    ([[0, 0], [np.nan, 1]], [0, 1], ValueError, "X must be finite"),
    ([[0, 0], [1, 1]], [0, np.nan], ValueError, "y must be finite"),
    ([["a", "b"]], [0], TypeError, "X must hold real numbers"),
]


@pytest.mark.parametrize(("X", "y", "error", "words"), BAD_FIT)
def test_bad_training_data_is_rejected(X, y, error, words):
    with pytest.raises(error, match=words):
        Perceptron(2).fit(X, y)


def test_bad_settings_are_rejected():
    with pytest.raises(ValueError, match="n_inputs must be at least 1"):
        Perceptron(0)
    with pytest.raises(ValueError, match="learning_rate must be a finite number > 0"):
        Perceptron(2, learning_rate=0.0)
    with pytest.raises(ValueError, match="epochs must be at least 1"):
        Perceptron(2).fit(np.zeros((2, 2)), [0, 1], epochs=0)


def test_hand_set_weights_of_the_wrong_shape_are_reported():
    p = Perceptron(2)
    p.w = [1.0, 2.0, 3.0]
    with pytest.raises(ValueError, match=r"w must have shape \(2,\); got \(3,\)"):
        p.predict([0.0, 0.0])
    p.w, p.b = [1.0, 2.0], np.nan
    with pytest.raises(ValueError, match="b must be finite"):
        p.predict([0.0, 0.0])

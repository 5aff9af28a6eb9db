import numpy as np
import pytest

import nnbook
from nnbook import DivergenceError, Network, check_network_gradients


def random_problem(sizes, n, seed):
    rng = np.random.default_rng(seed)
    net = Network(sizes, seed=seed)
    # biases away from zero so that their gradients are exercised too
    for b in net.biases:
        b[:] = rng.normal(size=b.shape)
    X = rng.normal(size=(n, sizes[0]))
    Y = rng.uniform(size=(n, sizes[-1]))
    return net, X, Y


# -- shapes -------------------------------------------------------------------


def test_parameter_shapes_follow_the_notation():
    net = Network([4, 3, 2], seed=0)
    assert [W.shape for W in net.weights] == [(3, 4), (2, 3)]
    assert [b.shape for b in net.biases] == [(3,), (2,)]


def test_forward_takes_a_batch_or_one_example():
    net = Network([4, 3, 2], seed=0)
    X = np.arange(12.0).reshape(3, 4) / 10
    out = net.forward(X)
    assert out.shape == (3, 2)
    one = net.forward(X[1])
    assert one.shape == (2,)
    np.testing.assert_allclose(one, out[1])


def test_forward_is_the_layer_equation():
    net = Network([3, 2], seed=5)
    x = np.array([0.1, -0.2, 0.3])
    z = net.weights[0] @ x + net.biases[0]
    np.testing.assert_allclose(net.forward(x), 1 / (1 + np.exp(-z)))


def test_seed_makes_the_weights_repeatable():
    a, b, c = (
        Network([3, 4, 2], seed=7),
        Network([3, 4, 2], seed=7),
        Network([3, 4, 2], seed=8),
    )
    np.testing.assert_array_equal(a.weights[1], b.weights[1])
    assert not np.array_equal(a.weights[1], c.weights[1])


def test_parameters_can_be_set_in_place_or_replaced():
    net = Network([2, 1], seed=0)
    net.weights[0][...] = [[1.0, 2.0]]
    net.biases[0] = [0.5]  # a list is accepted and converted
    z = 1.0 * 0.1 + 2.0 * 0.2 + 0.5
    np.testing.assert_allclose(net.forward([0.1, 0.2]), [1 / (1 + np.exp(-z))])


# -- gradients -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sizes", "n"),
    [
        ([1, 1, 1], 1),
        ([2, 2, 2], 3),
        ([3, 5, 4, 2], 7),
        ([6, 1], 4),
        ([4, 8, 8, 8, 3], 5),
    ],
)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_backprop_agrees_with_finite_differences(sizes, n, seed):
    net, X, Y = random_problem(sizes, n, seed)
    assert check_network_gradients(net, X, Y) < 1e-7


def test_backprop_of_a_batch_is_the_mean_of_the_examples():
    net, X, Y = random_problem([3, 4, 2], 5, seed=3)
    grad_w, grad_b = net.backprop(X, Y)
    singles = [net.backprop(x, y) for x, y in zip(X, Y)]
    for l in range(2):
        np.testing.assert_allclose(
            grad_w[l], np.mean([g[0][l] for g in singles], axis=0)
        )
        np.testing.assert_allclose(
            grad_b[l], np.mean([g[1][l] for g in singles], axis=0)
        )


def test_backprop_returns_arrays_shaped_like_the_parameters():
    net, X, Y = random_problem([3, 4, 2], 2, seed=0)
    grad_w, grad_b = net.backprop(X, Y)
    assert [g.shape for g in grad_w] == [W.shape for W in net.weights]
    assert [g.shape for g in grad_b] == [b.shape for b in net.biases]


def test_mazur_worked_example():
    """The numbers of Matt Mazur's "A Step by Step Backpropagation Example"."""
    net = Network([2, 2, 2])
    net.weights[0][...] = [[0.15, 0.20], [0.25, 0.30]]
    net.weights[1][...] = [[0.40, 0.45], [0.50, 0.55]]
    net.biases[0][...] = 0.35
    net.biases[1][...] = 0.60
    x, y = np.array([0.05, 0.10]), np.array([0.01, 0.99])
    _, a = net.forward_trace(x)
    np.testing.assert_allclose(a[1][0, 0], 0.593269992, atol=5e-10)
    np.testing.assert_allclose(a[2][0], [0.75136507, 0.772928465], atol=5e-9)
    np.testing.assert_allclose(net.cost(x, y), 0.298371109, atol=5e-10)
    grad_w, _ = net.backprop(x, y)
    np.testing.assert_allclose(grad_w[1][0, 0], 0.082167041, atol=5e-10)
    np.testing.assert_allclose(grad_w[0][0, 0], 0.000438568, atol=5e-10)
    for W, g in zip(net.weights, grad_w):
        W -= 0.5 * g
    np.testing.assert_allclose(
        net.weights[1].ravel(),
        [0.35891648, 0.408666186, 0.511301270, 0.561370121],
        atol=5e-9,
    )
    np.testing.assert_allclose(
        net.weights[0].ravel(),
        [0.149780716, 0.19956143, 0.24975114, 0.29950229],
        atol=5e-9,
    )
    np.testing.assert_allclose(net.cost(x, y), 0.291027774, atol=5e-10)


# -- training --------------------------------------------------------------------


def xor_data():
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    Y = np.array([[0.0], [1.0], [1.0], [0.0]])
    return X, Y


def test_train_learns_xor():
    X, Y = xor_data()
    net = Network([2, 4, 1], seed=0)
    history = net.train(X, Y, epochs=3000, learning_rate=4.0, batch_size=4, seed=0)
    assert len(history.cost) == 3000
    assert history.cost[-1] < 0.01
    np.testing.assert_array_equal(net.forward(X).round(), Y)


def test_train_is_repeatable_with_seeds():
    X, Y = xor_data()
    runs = []
    for _ in range(2):
        net = Network([2, 3, 1], seed=4)
        runs.append(
            net.train(X, Y, epochs=20, learning_rate=1.0, batch_size=3, seed=9).cost
        )
    assert runs[0] == runs[1]


def test_one_full_batch_epoch_is_one_gradient_step():
    X, Y = xor_data()
    net = Network([2, 3, 1], seed=2)
    grad_w, _ = net.backprop(X, Y)
    expected = [W - 0.5 * g for W, g in zip(net.weights, grad_w)]
    net.train(X, Y, epochs=1, learning_rate=0.5, batch_size=4, seed=0)
    for W, E in zip(net.weights, expected):
        np.testing.assert_allclose(W, E)


def test_zero_epochs_change_nothing():
    X, Y = xor_data()
    net = Network([2, 3, 1], seed=2)
    before = [W.copy() for W in net.weights]
    history = net.train(X, Y, epochs=0, learning_rate=1.0, batch_size=2)
    assert history.cost == []
    for W, B in zip(net.weights, before):
        np.testing.assert_array_equal(W, B)


def test_divergence_stops_with_a_clear_error():
    # A sigmoid network saturates before its weights overflow, so we make the
    # steps explode on purpose: every gradient entry becomes infinite.
    class Exploding(Network):
        def _backprop(self, X, Y):
            grad_w, grad_b = super()._backprop(X, Y)
            return [np.full_like(g, np.inf) for g in grad_w], grad_b

    X, Y = xor_data()
    net = Exploding([2, 3, 1], seed=0)
    with pytest.raises(
        DivergenceError, match=r"diverged in epoch 1: the cost became nan"
    ):
        net.train(X, Y, epochs=5, learning_rate=1.0, batch_size=4, seed=0)


# -- bad input ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sizes", "error", "words"),
    [
        ([3], ValueError, r"at least two layers.*\[3\]"),
        ([], ValueError, "at least two layers"),
        ([3, 0, 1], ValueError, r"sizes\[1\] must be at least 1; got 0"),
        ([3, -2], ValueError, r"sizes\[1\] must be at least 1; got -2"),
        ([3, 2.5], TypeError, r"sizes\[1\] must be an integer; got float"),
        ([3, "4"], TypeError, r"sizes\[1\] must be an integer; got str"),
        (3, TypeError, "list of layer widths"),
    ],
)
def test_bad_sizes_are_rejected(sizes, error, words):
    with pytest.raises(error, match=words):
        Network(sizes)


BAD_DATA = [
    # (X, Y, error, words)
    (
        np.zeros((4, 3)),
        np.zeros((4, 1)),
        ValueError,
        r"X must have shape \(n, 2\).*got shape \(4, 3\)",
    ),
    (
        np.zeros((4, 2)),
        np.zeros((4, 2)),
        ValueError,
        r"Y must have shape \(n, 1\).*got shape \(4, 2\)",
    ),
    (np.zeros((4, 2)), np.zeros((3, 1)), ValueError, r"4 rows in X and 3 in Y"),
    (
        np.zeros((2, 2, 2)),
        np.zeros((2, 1)),
        ValueError,
        r"X must have shape.*\(2, 2, 2\)",
    ),
    (np.zeros((0, 2)), np.zeros((0, 1)), ValueError, "at least one example"),
    (
        [[0.0, np.nan]],
        [[1.0]],
        ValueError,
        r"X must be finite.*1 NaN or infinite.*\(0, 1\)",
    ),
    ([[0.0, 1.0]], [[np.inf]], ValueError, r"Y must be finite"),
    ([["a", "b"]], [[1.0]], TypeError, r"X must hold real numbers.*dtype <U1"),
    ([[0.0, 1.0]], None, TypeError, r"Y must hold real numbers.*NoneType"),
    ([[0.0, 1.0], [1.0]], [[1.0], [0.0]], ValueError, "X must be a rectangular array"),
    ([[1j, 0.0]], [[1.0]], TypeError, r"X must hold real numbers.*complex"),
]


@pytest.mark.parametrize(("X", "Y", "error", "words"), BAD_DATA)
def test_bad_data_is_rejected_by_backprop_and_train(X, Y, error, words):
    net = Network([2, 3, 1], seed=0)
    with pytest.raises(error, match=words):
        net.backprop(X, Y)
    with pytest.raises(error, match=words):
        net.train(X, Y, epochs=1, learning_rate=1.0, batch_size=1)
    with pytest.raises(error, match=words):
        net.cost(X, Y)


@pytest.mark.parametrize(
    ("X", "error", "words"),
    [
        (np.zeros(3), ValueError, r"X must have shape \(n, 2\).*got shape \(3,\)"),
        ([[np.nan, 0.0]], ValueError, "X must be finite"),
        ("hello", TypeError, "X must hold real numbers"),
    ],
)
def test_bad_inputs_are_rejected_by_forward(X, error, words):
    with pytest.raises(error, match=words):
        Network([2, 3, 1], seed=0).forward(X)


@pytest.mark.parametrize(
    ("options", "error", "words"),
    [
        ({"batch_size": 0}, ValueError, "batch_size must be at least 1; got 0"),
        ({"batch_size": 2.0}, TypeError, "batch_size must be an integer"),
        (
            {"learning_rate": 0.0},
            ValueError,
            r"learning_rate must be a finite number > 0; got 0.0",
        ),
        (
            {"learning_rate": -1},
            ValueError,
            "learning_rate must be a finite number > 0",
        ),
        (
            {"learning_rate": np.nan},
            ValueError,
            "learning_rate must be a finite number > 0",
        ),
        (
            {"learning_rate": "fast"},
            TypeError,
            "learning_rate must be a number; got str",
        ),
        ({"epochs": -1}, ValueError, "epochs must be at least 0; got -1"),
        ({"epochs": True}, TypeError, "epochs must be an integer; got bool"),
    ],
)
def test_bad_training_options_are_rejected(options, error, words):
    X, Y = xor_data()
    settings = {"epochs": 1, "learning_rate": 1.0, "batch_size": 2, **options}
    with pytest.raises(error, match=words):
        Network([2, 3, 1], seed=0).train(X, Y, **settings)


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (
            lambda net: net.weights.__setitem__(0, np.zeros((2, 3))),
            r"weights\[0\] \(layer 1\) must have shape \(3, 2\).*got \(2, 3\)",
        ),
        (
            lambda net: net.biases.__setitem__(1, np.zeros(2)),
            r"biases\[1\] \(layer 2\) must have shape \(1,\).*got \(2,\)",
        ),
        (lambda net: net.weights.pop(), r"net.weights must hold 2 arrays.*got 1"),
        (
            lambda net: net.weights[0].__setitem__((0, 0), np.nan),
            r"net.weights\[0\] must be finite",
        ),
    ],
)
def test_broken_parameters_are_reported(edit, words):
    net = Network([2, 3, 1], seed=0)
    edit(net)
    with pytest.raises(ValueError, match=words):
        net.forward([0.0, 1.0])


def test_the_package_exports_the_core_api():
    for name in ["sigmoid", "sigmoid_prime", "Network", "numerical_gradient"]:
        assert hasattr(nnbook, name)


# -- classes: predict, accuracy, validation ------------------------------------


def classifier():
    """A [2, 3, 3] network whose classes we can work out by hand."""
    net = Network([2, 3, 3], seed=0)
    X = np.array([[0.0, 1.0], [1.0, 0.0], [0.5, 0.5], [2.0, -1.0]])
    return net, X, net.forward(X).argmax(axis=1)


def test_predict_is_the_argmax_of_the_output():
    net, X, expected = classifier()
    np.testing.assert_array_equal(net.predict(X), expected)
    assert net.predict(X[1]) == expected[1]
    assert isinstance(net.predict(X[1]), int)


def test_predict_with_one_output_neuron_thresholds_at_a_half():
    net = Network([2, 1], seed=0)
    net.weights[0][...] = [[1.0, -1.0]]
    X = np.array([[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]])  # z = 1, -1, 0
    np.testing.assert_array_equal(net.predict(X), [1, 0, 1])


def test_accuracy_takes_labels_or_one_hot_rows():
    net, X, expected = classifier()
    labels = expected.copy()
    labels[0] = (labels[0] + 1) % 3  # one wrong out of four
    assert net.accuracy(X, labels) == 0.75
    assert net.accuracy(X, np.eye(3)[labels]) == 0.75
    assert net.accuracy(X, labels.tolist()) == 0.75
    assert net.accuracy(X[1], [expected[1]]) == 1.0


def test_accuracy_with_one_output_neuron():
    X, Y = xor_data()
    net = Network([2, 4, 1], seed=0)
    net.train(X, Y, epochs=3000, learning_rate=4.0, batch_size=4, seed=0)
    assert net.accuracy(X, Y) == 1.0
    assert net.accuracy(X, np.array([0, 1, 1, 0])) == 1.0
    assert net.accuracy(X, np.array([1, 0, 0, 1])) == 0.0


@pytest.mark.parametrize(
    ("Y", "error", "words"),
    [
        (np.array([0, 1, 2]), ValueError, r"Y holds 3 labels for 4 examples"),
        (np.array([0, 1, 2, 3]), ValueError, r"labels from 0 to 2; got .* 0 to 3"),
        (np.array([0, -1, 2, 1]), ValueError, r"labels from 0 to 2"),
        (
            np.array([0.0, 1.0, 2.0, 1.0]),
            ValueError,
            r"Y must have shape \(n, 3\).*class labels must be a 1-D array of int",
        ),
        (
            np.full((4, 3), 1 / 3),
            ValueError,
            r"one-hot \(a single 1, the rest 0\); row 0 is \[0.33",
        ),
        (
            np.array([[1, 0, 0], [0, 1, 0], [1, 1, 0], [0, 0, 1]]),
            ValueError,
            r"row 2 is \[1.0, 1.0, 0.0\]",
        ),
        (np.eye(3)[[0, 1, 2]], ValueError, r"4 rows in X and 3 in Y"),
        (np.zeros((4, 2)), ValueError, r"Y must have shape \(n, 3\)"),
        (None, TypeError, "Y must hold real numbers"),
        ([[0, 1], [1]], ValueError, "Y must be a rectangular array"),
    ],
)
def test_accuracy_rejects_what_names_no_class(Y, error, words):
    net, X, _ = classifier()
    with pytest.raises(error, match=words):
        net.accuracy(X, Y)


def test_accuracy_with_one_output_wants_zero_or_one():
    net = Network([2, 1], seed=0)
    with pytest.raises(ValueError, match="that are 0 or 1; row 1 is"):
        net.accuracy(np.zeros((2, 2)), [[1.0], [0.5]])
    with pytest.raises(ValueError, match="labels from 0 to 1"):
        net.accuracy(np.zeros((2, 2)), np.array([0, 2]))


def test_train_records_training_and_validation_accuracy():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(60, 2))
    labels = (X[:, 0] + X[:, 1] > 0).astype(int) + (X[:, 0] > 1)  # 3 classes
    Y = np.eye(3)[labels]
    net = Network([2, 8, 3], seed=0)
    history = net.train(
        X[:40], Y[:40], epochs=30, learning_rate=3.0, batch_size=5, seed=0,
        validation=(X[40:], labels[40:]),
    )  # fmt: skip
    for values in vars(history).values():
        assert len(values) == 30
    assert history.accuracy[-1] == net.accuracy(X[:40], Y[:40])
    assert history.validation_accuracy[-1] == net.accuracy(X[40:], labels[40:])
    assert history.validation_cost[-1] == pytest.approx(net.cost(X[40:], Y[40:]))
    assert history.accuracy[-1] > 0.8


def test_validation_as_one_hot_rows_gives_the_same_history():
    X, Y = xor_data()
    runs = []
    for Y_val in (Y, np.array([0, 1, 1, 0])):
        net = Network([2, 3, 1], seed=1)
        runs.append(
            net.train(X, Y, epochs=5, learning_rate=1.0, batch_size=2, seed=0,
                      validation=(X, Y_val))
        )  # fmt: skip
    assert runs[0] == runs[1]
    assert runs[0].validation_cost == runs[0].cost
    assert runs[0].validation_accuracy == runs[0].accuracy


def test_training_accuracy_is_left_empty_for_targets_that_are_not_classes():
    net = Network([1, 1, 1], seed=1)
    history = net.train([[1.5]], [[0.2]], epochs=3, learning_rate=1.0, batch_size=1)
    assert len(history.cost) == 3
    assert history.accuracy == []
    assert history.validation_accuracy == history.validation_cost == []


def test_validation_does_not_change_the_training():
    X, Y = xor_data()
    a, b = Network([2, 3, 1], seed=4), Network([2, 3, 1], seed=4)
    a.train(X, Y, epochs=10, learning_rate=2.0, batch_size=3, seed=2)
    b.train(X, Y, epochs=10, learning_rate=2.0, batch_size=3, seed=2,
            validation=(X[:2], Y[:2]))  # fmt: skip
    for W, V in zip(a.weights, b.weights):
        np.testing.assert_array_equal(W, V)


@pytest.mark.parametrize(
    ("validation", "error", "words"),
    [
        (np.zeros((4, 2)), TypeError, r"validation must be a pair \(X_val, Y_val\)"),
        ((np.zeros((4, 2)),), TypeError, r"pair \(X_val, Y_val\); got tuple of len"),
        ((np.zeros((4, 3)), np.zeros((4, 1))), ValueError, r"validation X must have"),
        ((np.zeros((4, 2)), np.full((4, 1), 0.5)), ValueError, r"validation Y must"),
        ((np.zeros((4, 2)), np.array([0, 1])), ValueError, r"validation Y holds 2"),
    ],
)
def test_bad_validation_sets_are_rejected(validation, error, words):
    X, Y = xor_data()
    with pytest.raises(error, match=words):
        Network([2, 3, 1], seed=0).train(
            X, Y, epochs=1, learning_rate=1.0, batch_size=2, validation=validation
        )


# -- activations, outputs and costs (chapter 7) ----------------------------------

COMBINATIONS = [
    (activation, output, cost)
    for activation in ("sigmoid", "tanh", "relu")
    for output in ("sigmoid", "tanh", "relu", "softmax")
    for cost in ("quadratic", "cross_entropy")
    if not (cost == "cross_entropy" and output in ("tanh", "relu"))
]


def targets_for(output, n, width, rng):
    """Targets that suit the output: one-hot rows for a softmax, else in [0, 1]."""
    if output == "softmax":
        return np.eye(width)[rng.integers(0, width, size=n)]
    return rng.uniform(size=(n, width))


@pytest.mark.parametrize(("activation", "output", "cost"), COMBINATIONS)
@pytest.mark.parametrize("seed", [0, 1])
def test_backprop_agrees_with_finite_differences_for_every_combination(
    activation, output, cost, seed
):
    rng = np.random.default_rng(seed)
    sizes = [3, 5, 4, 3]
    net = Network(sizes, activation=activation, output=output, cost=cost, seed=seed)
    for b in net.biases:
        b[:] = rng.normal(size=b.shape)
    X = rng.normal(size=(6, 3))
    Y = targets_for(output, 6, 3, rng)
    zs, _ = net.forward_trace(X)
    # finite differences are meaningless across a kink of the ReLU
    assert min(np.abs(z).min() for z in zs) > 1e-4  # eps is 1e-5
    assert check_network_gradients(net, X, Y) < 1e-7


def test_the_defaults_are_chapter_fours_network():
    net = Network([2, 3, 1], seed=0)
    assert (net.activation, net.output, net.cost_name) == (
        "sigmoid",
        "sigmoid",
        "quadratic",
    )
    assert repr(net) == "Network([2, 3, 1])"


def test_the_output_follows_the_hidden_activation_unless_given():
    assert Network([2, 3, 2], activation="tanh").output == "tanh"
    net = Network([2, 3, 2], activation="relu", output="softmax", cost="cross_entropy")
    assert net.output == "softmax"
    assert repr(net) == (
        "Network([2, 3, 2], activation='relu', output='softmax', cost='cross_entropy')"
    )


def test_the_functions_do_not_change_the_initial_weights():
    a = Network([4, 5, 3], seed=3)
    b = Network([4, 5, 3], activation="relu", output="softmax", seed=3)
    for W, V in zip(a.weights + a.biases, b.weights + b.biases):
        np.testing.assert_array_equal(W, V)


@pytest.mark.parametrize(
    ("activation", "output"),
    [("sigmoid", "sigmoid"), ("tanh", "tanh"), ("relu", "relu"), ("tanh", "softmax")],
)
def test_forward_applies_the_chosen_functions(activation, output):
    net = Network([3, 4, 2], activation=activation, output=output, seed=1)
    x = np.array([0.5, -1.0, 2.0])
    functions = {
        "sigmoid": nnbook.sigmoid,
        "tanh": np.tanh,
        "relu": lambda z: np.maximum(z, 0),
        "softmax": nnbook.softmax,
    }
    hidden = functions[activation](net.weights[0] @ x + net.biases[0])
    expected = functions[output](net.weights[1] @ hidden + net.biases[1])
    np.testing.assert_allclose(net.forward(x), expected)


def test_softmax_cross_entropy_output_error_is_a_minus_y():
    rng = np.random.default_rng(2)
    net = Network([4, 6, 3], output="softmax", cost="cross_entropy", seed=2)
    X, Y = rng.normal(size=(5, 4)), np.eye(3)[[0, 2, 1, 1, 0]]
    _, grad_b = net.backprop(X, Y)
    A = net.forward(X)
    np.testing.assert_allclose(A.sum(axis=1), 1.0)
    np.testing.assert_allclose(grad_b[1], (A - Y).mean(axis=0))  # (5.8) of (7.8)
    Z = net.forward_trace(X)[0][-1]
    assert net.cost(X, Y) == pytest.approx(nnbook.cross_entropy(Z, Y))


def test_sigmoid_cross_entropy_is_the_binary_cross_entropy():
    rng = np.random.default_rng(3)
    net = Network([2, 3, 2], cost="cross_entropy", seed=3)
    X, Y = rng.normal(size=(4, 2)), rng.uniform(size=(4, 2))
    Z = net.forward_trace(X)[0][-1]
    assert net.cost(X, Y) == pytest.approx(nnbook.binary_cross_entropy(Z, Y))
    _, grad_b = net.backprop(X, Y)
    np.testing.assert_allclose(grad_b[1], (net.forward(X) - Y).mean(axis=0))


def test_cross_entropy_cost_is_stable_when_saturated():
    net = Network([1, 2], output="softmax", cost="cross_entropy")
    net.weights[0][...] = [[1000.0], [-1000.0]]
    assert net.cost([[1.0]], [[0.0, 1.0]]) == pytest.approx(2000.0)
    sig = Network([1, 1], cost="cross_entropy")
    sig.weights[0][...] = 800.0
    assert sig.cost([[1.0]], [[0.0]]) == pytest.approx(800.0)


def test_softmax_network_trains_and_predicts_classes():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(90, 2))
    labels = (X[:, 0] > 0).astype(int) + (X[:, 1] > 0.5)
    net = Network([2, 8, 3], output="softmax", cost="cross_entropy", seed=0)
    history = net.train(
        X, np.eye(3)[labels], epochs=40, learning_rate=0.5, batch_size=10, seed=0
    )
    assert history.cost[-1] < history.cost[0]
    assert net.accuracy(X, labels) > 0.9
    np.testing.assert_array_equal(net.predict(X), net.forward(X).argmax(axis=1))


@pytest.mark.parametrize(
    ("options", "error", "words"),
    [
        (
            {"activation": "softmax"},
            ValueError,
            r"unknown activation 'softmax'; expected one of 'sigmoid', 'tanh', "
            r"'relu' \(the softmax is for the output layer: use output='softmax'\)",
        ),
        ({"activation": "linear"}, ValueError, r"unknown activation 'linear'"),
        (
            {"output": "identity"},
            ValueError,
            r"unknown output 'identity'; expected one of 'sigmoid', 'tanh', "
            r"'relu', 'softmax'",
        ),
        (
            {"cost": "hinge"},
            ValueError,
            r"unknown cost 'hinge'; expected one of 'quadratic', 'cross_entropy'",
        ),
        ({"cost": None}, TypeError, r"cost must be a string.*got NoneType"),
        ({"activation": 3}, TypeError, r"activation must be a string.*got int 3"),
    ],
)
def test_unknown_functions_are_rejected_with_the_known_names(options, error, words):
    with pytest.raises(error, match=words):
        Network([2, 3, 2], **options)


@pytest.mark.parametrize(
    ("sizes", "options", "words"),
    [
        (
            [2, 3, 1],
            {"output": "softmax"},
            r"output='softmax' needs at least two output neurons.*always 1",
        ),
        (
            [2, 3, 2],
            {"activation": "relu", "cost": "cross_entropy"},
            r"cost='cross_entropy' needs outputs that are probabilities.*"
            r"got output='relu'",
        ),
        (
            [2, 3, 2],
            {"output": "tanh", "cost": "cross_entropy"},
            r"got output='tanh', whose outputs are not between 0 and 1",
        ),
    ],
)
def test_impossible_combinations_are_rejected(sizes, options, words):
    with pytest.raises(ValueError, match=words):
        Network(sizes, **options)


def test_cross_entropy_targets_must_be_probabilities():
    soft = Network([2, 3, 3], output="softmax", cost="cross_entropy", seed=0)
    with pytest.raises(ValueError, match=r"probability distribution.*row 1 is"):
        soft.cost(np.zeros((2, 2)), [[1.0, 0.0, 0.0], [0.5, 0.0, 0.0]])
    with pytest.raises(ValueError, match=r"row 0 is \[2.0, -1.0, 0.0\]"):
        soft.backprop(np.zeros((1, 2)), [[2.0, -1.0, 0.0]])
    soft.cost(np.zeros((1, 2)), [[0.2, 0.3, 0.5]])  # a soft target is fine
    binary = Network([2, 3, 2], cost="cross_entropy", seed=0)
    with pytest.raises(ValueError, match=r"made of probabilities.*row 0"):
        binary.train(
            np.zeros((1, 2)), [[1.5, 0.0]], epochs=1, learning_rate=1.0, batch_size=1
        )
    Network([2, 3, 2], seed=0).cost(np.zeros((1, 2)), [[1.5, 0.0]])  # quadratic


def test_function_choices_are_read_only():
    net = Network([2, 3, 2], seed=0)
    with pytest.raises(AttributeError):
        net.output = "softmax"

import ast
from pathlib import Path

import numpy as np
import pytest

import nnbook
from nnbook import (
    SGD,
    Adam,
    Conv2d,
    ConvNet,
    Dense,
    DivergenceError,
    Flatten,
    MaxPool2d,
    Network,
    ReLU,
    RMSprop,
    TrainingHistory,
    numerical_gradient,
    relative_error,
)

SRC = Path(__file__).resolve().parents[1] / "src" / "nnbook"


def xor_data():
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    return X, np.array([[0.0], [1.0], [1.0], [0.0]])


def classes_data(n=60, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 4))
    labels = (X[:, 0] + X[:, 1] > 0).astype(int) + (X[:, 2] > 0.5)
    return X, np.eye(3)[labels], labels


def small_convnet(seed=0, n=12):
    rng = np.random.default_rng(seed)
    net = ConvNet(
        [
            Conv2d(1, 3, 3, rng=rng),
            ReLU(),
            MaxPool2d(2),
            Flatten(),
            Dense(12, 4, rng=rng),
        ]
    )
    X = rng.normal(size=(n, 1, 6, 6))
    return net, X, np.eye(4)[rng.integers(0, 4, size=n)]


# -- today's loop, written out with the public methods ------------------------------


def sgd_by_hand(net, X, Y, *, epochs, learning_rate, batch_size, seed, validation=None):
    """The loop as Network.train and ConvNet.train ran it before the optimisers.

    The step is written out as ``p -= eta * g``; cost and accuracy are the
    public methods' own.
    """
    rng = np.random.default_rng(seed)
    history = TrainingHistory()
    params = (
        net.params
        if isinstance(net, ConvNet)
        else [p for W, b in zip(net.weights, net.biases) for p in (W, b)]
    )
    for _ in range(epochs):
        order = rng.permutation(len(X))
        for start in range(0, len(X), batch_size):
            batch = order[start : start + batch_size]
            grads = net.backprop(X[batch], Y[batch])
            if not isinstance(net, ConvNet):
                grads = [g for gW, gb in zip(*grads) for g in (gW, gb)]
            for p, g in zip(params, grads):
                p -= learning_rate * g
        history.cost.append(net.cost(X, Y))
        one_hot = np.isin(Y, (0.0, 1.0)).all() and (Y.sum(axis=1) == 1).all()
        labels = Y.argmax(axis=1) if one_hot else None
        if labels is not None:
            history.accuracy.append(net.accuracy(X, labels))
        if validation is not None:
            X_val, labels_val = validation
            Y_val = np.eye(max(len(Y[0]), 2))[labels_val][:, -len(Y[0]) :]
            history.validation_cost.append(net.cost(X_val, Y_val))
            history.validation_accuracy.append(net.accuracy(X_val, labels_val))
    return history


NETWORKS = [
    ({}, 2.0, 5),
    ({"output": "softmax", "cost": "cross_entropy"}, 0.5, 7),
    ({"activation": "relu", "output": "softmax", "cost": "cross_entropy"}, 0.1, 60),
    ({"activation": "tanh", "output": "sigmoid", "cost": "cross_entropy"}, 0.3, 8),
]


@pytest.mark.parametrize(("options", "eta", "batch_size"), NETWORKS)
def test_plain_learning_rate_gives_todays_training_bit_for_bit(
    options, eta, batch_size
):
    X, Y, labels = classes_data()
    runs = []
    for by_hand in (False, True):
        net = Network([4, 6, 5, 3], seed=1, **options)
        settings = {"epochs": 4, "learning_rate": eta, "batch_size": batch_size}
        settings.update(seed=3, validation=(X[:20], labels[:20]))
        train = sgd_by_hand if by_hand else Network.train
        runs.append((train(net, X, Y, **settings), net.weights + net.biases))
    (history, params), (expected_history, expected_params) = runs
    assert history == expected_history
    for p, e in zip(params, expected_params):
        np.testing.assert_array_equal(p, e)


def test_plain_learning_rate_without_classes_gives_todays_training():
    rng = np.random.default_rng(2)
    X, Y = rng.normal(size=(9, 2)), rng.uniform(size=(9, 2))
    a, b = Network([2, 3, 2], seed=0), Network([2, 3, 2], seed=0)
    history = a.train(X, Y, epochs=3, learning_rate=1.0, batch_size=4, seed=1)
    expected = sgd_by_hand(b, X, Y, epochs=3, learning_rate=1.0, batch_size=4, seed=1)
    assert history == expected
    assert history.accuracy == []
    for p, e in zip(a.weights + a.biases, b.weights + b.biases):
        np.testing.assert_array_equal(p, e)


def test_convnet_plain_learning_rate_gives_todays_training_bit_for_bit():
    runs = []
    for by_hand in (False, True):
        net, X, Y = small_convnet(seed=4)
        settings = {"epochs": 3, "learning_rate": 0.2, "batch_size": 5, "seed": 1}
        settings["validation"] = (X[:4], Y[:4].argmax(1))
        train = sgd_by_hand if by_hand else ConvNet.train
        runs.append((train(net, X, Y, **settings), net.params))
    (history, params), (expected_history, expected_params) = runs
    assert history == expected_history
    for p, e in zip(params, expected_params):
        np.testing.assert_array_equal(p, e)


def test_optimizer_sgd_is_the_same_as_learning_rate():
    X, Y, _ = classes_data()
    a, b = Network([4, 5, 3], seed=0), Network([4, 5, 3], seed=0)
    settings = {"epochs": 3, "batch_size": 6, "seed": 2}
    assert a.train(X, Y, learning_rate=1.5, **settings) == b.train(
        X, Y, optimizer=SGD(1.5), **settings
    )
    for p, q in zip(a.params, b.params):
        np.testing.assert_array_equal(p, q)


# -- the optimisers through the loop ---------------------------------------------


def steps_by_hand(net, X, Y, optimiser, *, epochs, batch_size, seed):
    """Train with ``optimiser`` by hand: shuffle, backprop, step."""
    rng = np.random.default_rng(seed)
    for _ in range(epochs):
        order = rng.permutation(len(X))
        for start in range(0, len(X), batch_size):
            batch = order[start : start + batch_size]
            grads = net.backprop(X[batch], Y[batch])
            if isinstance(net, Network):
                grads = [g for gW, gb in zip(*grads) for g in (gW, gb)]
            optimiser.step(net.params, grads)


@pytest.mark.parametrize(
    "make",
    [
        lambda: SGD(0.3, momentum=0.9, weight_decay=1e-3),
        lambda: RMSprop(0.01),
        lambda: Adam(0.01, weight_decay=1e-4),
    ],
)
def test_network_trains_with_an_optimiser_step_by_step(make):
    X, Y, _ = classes_data()
    a, b = Network([4, 6, 3], seed=0), Network([4, 6, 3], seed=0)
    history = a.train(X, Y, epochs=3, batch_size=8, seed=5, optimizer=make())
    steps_by_hand(b, X, Y, make(), epochs=3, batch_size=8, seed=5)
    for p, q in zip(a.params, b.params):
        np.testing.assert_array_equal(p, q)
    assert history.cost[-1] == a.cost(X, Y)


def test_convnet_trains_with_an_optimiser_step_by_step():
    (a, X, Y), (b, _, _) = small_convnet(seed=1), small_convnet(seed=1)
    history = a.train(X, Y, epochs=4, batch_size=3, seed=2, optimizer=Adam(0.01))
    steps_by_hand(b, X, Y, Adam(0.01), epochs=4, batch_size=3, seed=2)
    for p, q in zip(a.params, b.params):
        np.testing.assert_array_equal(p, q)
    assert history.cost[-1] < history.cost[0]
    assert history.accuracy[-1] == a.accuracy(X, Y)


def test_adam_learns_xor():
    X, Y = xor_data()
    net = Network([2, 4, 1], seed=0)
    history = net.train(X, Y, epochs=500, batch_size=4, seed=0, optimizer=Adam(0.05))
    assert history.cost[-1] < 0.01
    np.testing.assert_array_equal(net.forward(X).round(), Y)


def test_an_optimiser_keeps_its_state_from_one_call_of_train_to_the_next():
    X, Y = xor_data()
    net, opt = Network([2, 3, 1], seed=0), Adam(0.01)
    net.train(X, Y, epochs=2, batch_size=2, optimizer=opt)
    net.train(X, Y, epochs=1, batch_size=2, optimizer=opt)
    assert opt.t == 6


def test_an_optimiser_of_another_network_is_refused():
    X, Y = xor_data()
    opt = Adam(0.01)
    Network([2, 3, 1], seed=0).train(X, Y, epochs=1, batch_size=4, optimizer=opt)
    other = Network([2, 5, 1], seed=0)
    with pytest.raises(ValueError, match=r"this Adam was made for 4 parameter arrays"):
        other.train(X, Y, epochs=1, batch_size=4, optimizer=opt)


@pytest.mark.parametrize(
    ("options", "error", "words"),
    [
        ({}, TypeError, r"needs a learning_rate= .* or an optimizer= .*got neither"),
        (
            {"learning_rate": 0.1, "optimizer": SGD(0.1)},
            TypeError,
            r"a learning_rate= or an optimizer=, not both",
        ),
        ({"optimizer": "adam"}, TypeError, r"optimizer must be an optimiser.*got str"),
        ({"optimizer": Adam}, TypeError, r"such as Adam\(0.001\); got the class"),
    ],
)
def test_learning_rate_or_optimizer_exactly_one(options, error, words):
    X, Y = xor_data()
    with pytest.raises(error, match=words):
        Network([2, 3, 1], seed=0).train(X, Y, epochs=1, batch_size=2, **options)
    net, X, Y = small_convnet()
    with pytest.raises(error, match=words):
        net.train(X, Y, epochs=1, batch_size=2, **options)


# -- divergence and history ------------------------------------------------------


class ExplodingNetwork(Network):
    def _backprop(self, X, Y, masks=None):
        grad_w, grad_b = super()._backprop(X, Y, masks)
        return [np.full_like(g, np.inf) for g in grad_w], grad_b


class ExplodingConvNet(ConvNet):
    def _backprop(self, X, Y):
        return [np.full_like(g, np.inf) for g in super()._backprop(X, Y)]


def test_divergence_names_the_learning_rate_or_the_optimiser():
    X, Y = xor_data()
    net = ExplodingNetwork([2, 3, 1], seed=0)
    with pytest.raises(DivergenceError, match=r"epoch 1.*learning_rate=2 is probably"):
        net.train(X, Y, epochs=3, learning_rate=2, batch_size=4)
    net = ExplodingNetwork([2, 3, 1], seed=0)
    with pytest.raises(DivergenceError, match=r"learning rate of Adam\(0.1\) is"):
        net.train(X, Y, epochs=3, batch_size=4, optimizer=Adam(0.1))


def test_convnet_divergence_stops_with_a_clear_error():
    _, X, Y = small_convnet()
    net = ExplodingConvNet(small_convnet()[0].layers)
    with pytest.raises(DivergenceError, match=r"diverged in epoch 1: the cost became"):
        net.train(X, Y, epochs=2, learning_rate=0.1, batch_size=4)


def test_history_has_one_entry_per_epoch_for_both_networks():
    X, Y, labels = classes_data()
    net = Network([4, 5, 3], seed=0)
    history = net.train(X, Y, epochs=4, batch_size=10, optimizer=RMSprop(0.01),
                        validation=(X[:10], labels[:10]))  # fmt: skip
    assert all(len(values) == 4 for values in vars(history).values())
    assert history.validation_accuracy[-1] == net.accuracy(X[:10], labels[:10])
    conv, X, Y = small_convnet()
    history = conv.train(X, Y, epochs=2, batch_size=4, learning_rate=0.1,
                         validation=(X[:3], Y[:3]))  # fmt: skip
    assert all(len(values) == 2 for values in vars(history).values())
    assert history.validation_cost[-1] == pytest.approx(conv.cost(X[:3], Y[:3]))


def test_the_history_and_the_error_live_in_the_training_module():
    assert nnbook.TrainingHistory is nnbook.training.TrainingHistory
    assert nnbook.DivergenceError is nnbook.training.DivergenceError
    assert nnbook.network.TrainingHistory is nnbook.training.TrainingHistory
    assert nnbook.network.DivergenceError is nnbook.training.DivergenceError


@pytest.mark.parametrize("module", ["optimisation.py", "conv.py", "training.py"])
def test_modules_before_and_beside_the_network_do_not_import_it(module):
    tree = ast.parse((SRC / module).read_text("utf8"))
    imported = {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    }
    assert "nnbook.network" not in imported


def test_the_network_lists_its_parameters_layer_by_layer():
    net = Network([3, 4, 2], seed=0)
    params = net.params
    assert [p.shape for p in params] == [(4, 3), (4,), (2, 4), (2,)]
    assert params[0] is net.weights[0]
    assert params[3] is net.biases[1]


def test_replaced_parameters_are_converted_once_and_kept_otherwise():
    net = Network([2, 1], seed=0)
    W = net.weights[0]
    net.forward([0.0, 1.0])
    assert net.weights[0] is W  # an array of floats is left as it is
    net.biases[0] = [0.5]
    net.forward([0.0, 1.0])
    b = net.biases[0]
    assert isinstance(b, np.ndarray)
    assert b.dtype == float
    net.forward([0.0, 1.0])
    assert net.biases[0] is b


# -- dropout ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"activation": "tanh"},
        {"activation": "relu", "output": "softmax", "cost": "cross_entropy"},
        {"output": "sigmoid", "cost": "cross_entropy"},
    ],
)
@pytest.mark.parametrize("seed", [0, 1])
def test_dropout_gradients_agree_with_finite_differences_for_a_fixed_mask(
    options, seed
):
    rng = np.random.default_rng(seed)
    net = Network([4, 6, 5, 3], dropout=0.4, seed=seed, **options)
    for b in net.biases:
        b[:] = rng.normal(scale=0.5, size=b.shape)
    X = rng.normal(size=(7, 4))
    Y = np.eye(3)[rng.integers(0, 3, size=7)]
    masks = net.dropout_masks(7, rng)
    grad_w, grad_b = net.backprop(X, Y, masks=masks)
    for param, grad in zip(net.weights + net.biases, grad_w + grad_b):
        estimate = numerical_gradient(lambda: net.cost(X, Y, masks=masks), param)
        assert relative_error(grad, estimate) < 1e-7
    # the mask matters: without it the gradients are others
    assert relative_error(net.backprop(X, Y)[0][0], grad_w[0]) > 1e-3


def test_a_dropped_neuron_gets_no_gradient():
    rng = np.random.default_rng(0)
    net = Network([3, 4, 2], dropout=0.5, seed=0)
    x, y = rng.normal(size=(1, 3)), rng.uniform(size=(1, 2))
    masks = [np.array([[2.0, 0.0, 2.0, 0.0]])]  # neurons 1 and 3 are off
    grad_w, grad_b = net.backprop(x, y, masks=masks)
    np.testing.assert_array_equal(grad_w[0][[1, 3]], 0.0)
    np.testing.assert_array_equal(grad_b[0][[1, 3]], 0.0)
    np.testing.assert_array_equal(grad_w[1][:, [1, 3]], 0.0)
    assert (grad_w[0][[0, 2]] != 0).all()


def test_dropout_masks_are_inverted():
    net = Network([2, 300, 200, 1], dropout=0.25, seed=0)
    masks = net.dropout_masks(100, np.random.default_rng(0))
    assert [m.shape for m in masks] == [(100, 300), (100, 200)]
    for mask in masks:
        assert set(np.unique(mask)) == {0.0, 1 / 0.75}
        assert mask.mean() == pytest.approx(1.0, abs=0.01)
        assert (mask == 0).mean() == pytest.approx(0.25, abs=0.01)


def test_dropout_is_off_at_evaluation():
    X, Y, labels = classes_data(n=20)
    plain = Network([4, 8, 3], seed=3)
    dropped = Network([4, 8, 3], dropout=0.5, seed=3)
    for W, V in zip(plain.weights, dropped.weights):
        np.testing.assert_array_equal(W, V)  # dropout does not change the start
    for method, args in [
        ("forward", (X,)),
        ("cost", (X, Y)),
        ("predict", (X,)),
        ("accuracy", (X, labels)),
    ]:
        np.testing.assert_array_equal(
            getattr(dropped, method)(*args), getattr(plain, method)(*args)
        )
    for a, b in zip(dropped.backprop(X, Y), plain.backprop(X, Y)):
        for g, h in zip(a, b):
            np.testing.assert_array_equal(g, h)


def test_training_with_dropout_draws_a_mask_per_batch_from_the_seed():
    X, Y, labels = classes_data()
    net = Network([4, 8, 3], dropout=0.3, seed=0)
    history = net.train(X, Y, epochs=2, learning_rate=0.5, batch_size=16, seed=4,
                        validation=(X, labels))  # fmt: skip
    by_hand = Network([4, 8, 3], dropout=0.3, seed=0)
    rng = np.random.default_rng(4)
    for _ in range(2):
        order = rng.permutation(len(X))
        for start in range(0, len(X), 16):
            batch = order[start : start + 16]
            masks = by_hand.dropout_masks(len(batch), rng)
            grads = by_hand.backprop(X[batch], Y[batch], masks=masks)
            for params, gs in zip((by_hand.weights, by_hand.biases), grads):
                for p, g in zip(params, gs):
                    p -= 0.5 * g
    for p, q in zip(net.params, by_hand.params):
        np.testing.assert_array_equal(p, q)
    # the history measures the whole network, without dropout
    assert history.cost[-1] == net.cost(X, Y)
    assert history.validation_accuracy[-1] == net.accuracy(X, labels)


def test_training_with_dropout_is_repeatable_and_differs_from_without():
    X, Y, _ = classes_data()
    runs = []
    for dropout in (0.5, 0.5, 0.0):
        net = Network([4, 8, 3], dropout=dropout, seed=0)
        net.train(X, Y, epochs=2, batch_size=10, seed=1, optimizer=Adam(0.01))
        runs.append(net.weights[0])
    np.testing.assert_array_equal(runs[0], runs[1])
    assert not np.array_equal(runs[0], runs[2])


@pytest.mark.parametrize(
    ("sizes", "dropout", "error", "words"),
    [
        ([2, 3, 1], 1.0, ValueError, r"0 <= dropout < 1\); got 1.0"),
        ([2, 3, 1], -0.1, ValueError, r"0 <= dropout < 1\); got -0.1"),
        ([2, 3, 1], 1.5, ValueError, r"dropout must be at least 0 and less than 1"),
        ([2, 3, 1], "0.5", TypeError, r"dropout must be a number; got str"),
        ([2, 1], 0.5, ValueError, r"hidden layers, and sizes \[2, 1\] has none"),
    ],
)
def test_bad_dropout_is_rejected(sizes, dropout, error, words):
    with pytest.raises(error, match=words):
        Network(sizes, dropout=dropout)


@pytest.mark.parametrize(
    ("masks", "error", "words"),
    [
        ([], TypeError, r"masks must be a list of 2 arrays.*length 0"),
        (np.ones((4, 3)), TypeError, r"masks must be a list of 2 arrays.*ndarray"),
        (
            [np.ones((4, 3)), np.ones((3, 5))],
            ValueError,
            r"masks\[1\] \(hidden layer 2\) must have shape \(4, 5\)",
        ),
        ([np.ones((4, 3)), np.full((4, 5), np.nan)], ValueError, r"masks\[1\] must"),
    ],
)
def test_bad_masks_are_rejected(masks, error, words):
    net = Network([2, 3, 5, 1], dropout=0.5, seed=0)
    X, Y = xor_data()
    with pytest.raises(error, match=words):
        net.backprop(X, Y, masks=masks)
    with pytest.raises(error, match=words):
        net.cost(X, Y, masks=masks)
    with pytest.raises(error, match=words):
        net.forward(X, masks=masks)


def test_dropout_masks_want_a_generator():
    net = Network([2, 3, 1], dropout=0.5)
    with pytest.raises(TypeError, match=r"rng must be a np.random.Generator.*int"):
        net.dropout_masks(4, 0)
    with pytest.raises(ValueError, match=r"n must be at least 1"):
        net.dropout_masks(0, np.random.default_rng(0))


def test_repr_shows_dropout():
    assert repr(Network([2, 3, 1], dropout=0.5)) == "Network([2, 3, 1], dropout=0.5)"
    assert repr(Network([2, 3, 1])) == "Network([2, 3, 1])"

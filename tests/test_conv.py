import numpy as np
import pytest
from scipy.signal import convolve2d, correlate2d

import nnbook
from nnbook import (
    Conv2d,
    ConvNet,
    Dense,
    Flatten,
    MaxPool2d,
    ReLU,
    conv2d,
    conv2d_backward,
    numerical_gradient,
    relative_error,
)


def loop_conv2d(x, w, b):
    """The definition, one output entry at a time."""
    N, _, H, W = x.shape
    K, _, kH, kW = w.shape
    z = np.zeros((N, K, H - kH + 1, W - kW + 1))
    for n, k, i, j in np.ndindex(z.shape):
        z[n, k, i, j] = np.sum(x[n, :, i : i + kH, j : j + kW] * w[k]) + b[k]
    return z


def problem(seed=0, N=2, C=3, H=6, W=5, K=4, kH=3, kW=2):
    rng = np.random.default_rng(seed)
    return (
        rng.normal(size=(N, C, H, W)),
        rng.normal(size=(K, C, kH, kW)),
        rng.normal(size=K),
        rng,
    )


# -- the convolution ---------------------------------------------------------------


@pytest.mark.parametrize("shape", [{}, {"kH": 1, "kW": 1}, {"C": 1, "K": 1, "H": 3}])
def test_conv2d_is_the_definition(shape):
    x, w, b, _ = problem(**shape)
    np.testing.assert_allclose(conv2d(x, w, b), loop_conv2d(x, w, b), atol=1e-12)
    np.testing.assert_allclose(conv2d(x, w), loop_conv2d(x, w, np.zeros(len(w))))


def test_conv2d_agrees_with_scipy_correlate2d():
    x, w, b, _ = problem()
    z = conv2d(x, w, b)
    assert z.shape == (2, 4, 4, 4)  # (N, C_out, H - kH + 1, W - kW + 1)
    for n, k in np.ndindex(2, 4):
        expected = sum(correlate2d(x[n, c], w[k, c], mode="valid") for c in range(3))
        np.testing.assert_allclose(z[n, k], expected + b[k], atol=1e-12)


def test_conv2d_backward_matches_finite_differences():
    x, w, b, rng = problem(seed=1)
    delta = rng.normal(size=conv2d(x, w, b).shape)

    def cost():  # a cost whose gradient with respect to z is delta
        return np.sum(delta * conv2d(x, w, b))

    grad_x, grad_w, grad_b = conv2d_backward(x, w, delta)
    for param, grad in ((x, grad_x), (w, grad_w), (b, grad_b)):
        assert grad.shape == param.shape
        assert relative_error(grad, numerical_gradient(cost, param)) < 1e-9


def test_the_input_gradient_is_the_full_convolution_with_the_filter():
    x, w, _, rng = problem(seed=2)
    delta = rng.normal(size=conv2d(x, w).shape)
    grad_x, grad_w, grad_b = conv2d_backward(x, w, delta)
    for n, c in np.ndindex(2, 3):
        full = sum(convolve2d(delta[n, k], w[k, c], mode="full") for k in range(4))
        np.testing.assert_allclose(grad_x[n, c], full, atol=1e-12)
    for k, c in np.ndindex(4, 3):
        valid = sum(correlate2d(x[n, c], delta[n, k], mode="valid") for n in range(2))
        np.testing.assert_allclose(grad_w[k, c], valid, atol=1e-12)
    np.testing.assert_allclose(grad_b, delta.sum(axis=(0, 2, 3)))


@pytest.mark.parametrize(
    ("x", "w", "b", "words"),
    [
        (
            np.zeros((5, 5)),
            np.zeros((1, 1, 3, 3)),
            None,
            r"x must have 4 axes.*\(5, 5\)",
        ),
        (np.zeros((1, 1, 5, 5)), np.zeros((3, 3)), None, r"w must have 4 axes"),
        (
            np.zeros((1, 2, 5, 5)),
            np.zeros((4, 3, 3, 3)),
            None,
            r"w has 3 input channel\(s\).*x has 2.*\(C_out, 2, kH, kW\)",
        ),
        (
            np.zeros((1, 1, 5, 5)),
            np.zeros((1, 1, 6, 3)),
            None,
            r"6 x 3 filter does not",
        ),
        (
            np.zeros((1, 1, 5, 5)),
            np.zeros((2, 1, 3, 3)),
            np.zeros(3),
            r"b must have shape \(2,\), one bias per filter; got \(3,\)",
        ),
        (
            np.full((1, 1, 2, 2), np.nan),
            np.zeros((1, 1, 1, 1)),
            None,
            "x must be finite",
        ),
    ],
)
def test_conv2d_rejects_bad_shapes(x, w, b, words):
    with pytest.raises(ValueError, match=words):
        conv2d(x, w, b)


def test_conv2d_backward_checks_the_gradient_shape():
    x, w, _, _ = problem()
    with pytest.raises(
        ValueError, match=r"grad_out must have the shape.*\(2, 4, 4, 4\)"
    ):
        conv2d_backward(x, w, np.zeros((2, 4, 5, 5)))


# -- the layers ----------------------------------------------------------------------


def test_max_pooling_keeps_the_largest_of_each_block_and_routes_its_gradient():
    x = np.array(
        [
            [1.0, 5.0, 0.0, 2.0],
            [3.0, 4.0, 9.0, 1.0],
            [0.0, 0.0, 6.0, 8.0],
            [2.0, 1.0, 7.0, 3.0],
        ]
    ).reshape(1, 1, 4, 4)
    pool = MaxPool2d(2)
    out, saved = pool.forward(x)
    np.testing.assert_array_equal(out[0, 0], [[5.0, 9.0], [2.0, 8.0]])
    grad = pool.input_gradient(saved, np.array([[[[1.0, 2.0], [3.0, 4.0]]]]))
    expected = np.zeros((4, 4))
    expected[0, 1], expected[1, 2], expected[3, 0], expected[2, 3] = 1, 2, 3, 4
    np.testing.assert_array_equal(grad[0, 0], expected)
    with pytest.raises(ValueError, match=r"multiples of 2; got 3 x 4"):
        pool.forward(np.zeros((1, 1, 3, 4)))


def test_layer_input_gradients_match_finite_differences():
    rng = np.random.default_rng(4)
    x = rng.normal(size=(2, 3, 4, 6))
    for layer in (ReLU(), MaxPool2d(2), Flatten()):
        out, saved = layer.forward(x)
        delta = rng.normal(size=out.shape)
        grad = layer.input_gradient(saved, delta)

        def cost(layer=layer, delta=delta):
            return np.sum(delta * layer.forward(x)[0])

        assert grad.shape == x.shape
        assert relative_error(grad, numerical_gradient(cost, x)) < 1e-9


def small_convnet(seed=0):
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
    for p in net.params[1::2]:  # the biases, away from 0
        p[...] = rng.normal(scale=0.1, size=p.shape)
    X = rng.uniform(size=(5, 1, 6, 6))
    Y = np.eye(4)[rng.integers(0, 4, size=5)]
    return net, X, Y


def test_convnet_gradients_match_finite_differences():
    net, X, Y = small_convnet()
    grads = net.backprop(X, Y)
    assert [g.shape for g in grads] == [p.shape for p in net.params]
    for param, grad in zip(net.params, grads):
        estimate = numerical_gradient(lambda: net.cost(X, Y), param)
        assert relative_error(grad, estimate) < 1e-8


def test_convnet_outputs_probabilities_and_trains():
    net, X, Y = small_convnet(seed=1)
    P = net.forward(X)
    np.testing.assert_allclose(P.sum(axis=1), 1.0)
    np.testing.assert_array_equal(net.predict(X), P.argmax(axis=1))
    before = net.cost(X, Y)
    history = net.train(X, Y, epochs=30, learning_rate=0.5, batch_size=2, seed=0)
    assert history.cost[-1] < before
    assert history.accuracy[-1] == net.accuracy(X, Y) == net.accuracy(X, Y.argmax(1))


def test_convnet_training_is_repeatable_and_reports_validation():
    runs = []
    for _ in range(2):
        net, X, Y = small_convnet(seed=2)
        runs.append(
            net.train(X, Y, epochs=3, learning_rate=0.1, batch_size=2, seed=5,
                      validation=(X[:2], Y[:2].argmax(1)))
        )  # fmt: skip
    assert runs[0] == runs[1]
    assert len(runs[0].validation_accuracy) == 3


def test_convnet_on_the_digits_beats_chance_quickly():
    d = nnbook.load_digits(seed=0)
    rng = np.random.default_rng(0)
    net = ConvNet(
        [Conv2d(1, 4, 3, rng=rng), ReLU(), Flatten(), Dense(144, 10, rng=rng)]
    )
    X = d.X_train[:300].reshape(-1, 1, 8, 8)
    net.train(X, d.Y_train[:300], epochs=3, learning_rate=0.3, batch_size=10, seed=0)
    assert net.accuracy(d.X_test.reshape(-1, 1, 8, 8), d.labels_test) > 0.8


@pytest.mark.parametrize(
    ("X", "Y", "error", "words"),
    [
        (np.zeros((5, 36)), None, ValueError, r"X must have 4 axes"),
        (np.zeros((0, 1, 6, 6)), None, ValueError, r"at least one example"),
        (
            np.zeros((5, 1, 6, 6)),
            np.zeros((5, 3)),
            ValueError,
            r"Y must have shape \(5, 4\)",
        ),
        (np.zeros((5, 1, 6, 6)), np.full((5, 4), 0.5), ValueError, r"probability dist"),
    ],
)
def test_convnet_rejects_bad_data(X, Y, error, words):
    net, _, _ = small_convnet()
    with pytest.raises(error, match=words):
        net.backprop(X, Y) if Y is not None else net.forward(X)


def test_convnet_rejects_what_is_not_a_layer():
    with pytest.raises(TypeError, match=r"layers\[1\] must be a layer.*got ufunc"):
        ConvNet([Flatten(), np.tanh])
    with pytest.raises(ValueError, match="at least one layer"):
        ConvNet([])


def test_accuracy_wants_classes():
    net, X, _ = small_convnet()
    with pytest.raises(ValueError, match=r"Y must hold 5 integer labels from 0 to 3"):
        net.accuracy(X, np.array([0, 1, 2, 3, 4]))
    with pytest.raises(ValueError, match=r"integer labels of shape \(5,\) or one-hot"):
        net.accuracy(X, np.full((5, 4), 0.25))


def test_backprop_passes_the_batch_forward_once():
    """The input checks look at one image; only the backward pass sees the batch."""
    net, X, Y = small_convnet()
    seen = []
    forward = net.layers[0].forward

    def counting_forward(a):
        seen.append(len(a))
        return forward(a)

    net.layers[0].forward = counting_forward
    net.backprop(X, Y)
    assert seen.count(5) == 1, seen

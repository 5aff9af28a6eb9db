"""Tests of the reverse-mode engine: every operation against finite differences.

Each operation's gradient is compared with central differences of a scalar
``C = sum(R * op(inputs))``, where ``R`` is a fixed random array: the random
weights make every entry of the output matter, so the whole vector-Jacobian
product is checked and not only its sum.
"""

import operator

import numpy as np
import pytest

import nnbook
from nnbook.autodiff import Tensor
from nnbook.gradcheck import numerical_gradient, relative_error


def sample(rng, shape, kind):
    """Return a random array of ``shape``: any sign, positive, or away from 0."""
    if kind == "positive":  # for log, fractional powers and divisors
        return rng.uniform(0.5, 2.0, shape)
    if kind == "away":  # for the ReLU, whose kink at 0 has no derivative
        return rng.choice([-1.0, 1.0], shape) * rng.uniform(0.2, 2.0, shape)
    return rng.standard_normal(shape)


# (name, shapes of the inputs, kind of inputs, the expression)
CASES = [
    ("add", [(3, 4), (3, 4)], "any", lambda a, b: a + b),
    ("add_bias_row", [(5, 4), (4,)], "any", lambda a, b: a + b),
    ("add_column_and_row", [(3, 1), (1, 4)], "any", lambda a, b: a + b),
    ("add_scalar_tensor", [(3, 4), ()], "any", lambda a, b: a + b),
    ("add_number", [(3, 4)], "any", lambda a: a + 2.5),
    ("radd_number", [(3, 4)], "any", lambda a: 2.5 + a),
    ("sub", [(3, 4), (4,)], "any", lambda a, b: a - b),
    ("sub_broadcast_left", [(4,), (3, 4)], "any", lambda a, b: a - b),
    ("rsub_number", [(3, 4)], "any", lambda a: 1 - a),
    ("mul", [(3, 4), (3, 4)], "any", lambda a, b: a * b),
    ("mul_broadcast", [(2, 3, 4), (3, 1)], "any", lambda a, b: a * b),
    ("rmul_number", [(3, 4)], "any", lambda a: 2 * a),
    ("div", [(3, 4), (3, 4)], "positive", lambda a, b: a / b),
    ("div_broadcast", [(3, 4), (3, 1)], "positive", lambda a, b: a / b),
    ("div_number", [(3, 4)], "any", lambda a: a / 3),
    ("rdiv_number", [(3, 4)], "positive", lambda a: 3 / a),
    ("neg", [(3, 4)], "any", lambda a: -a),
    ("pow_2", [(3, 4)], "any", lambda a: a**2),
    ("pow_3", [(3, 4)], "any", lambda a: a**3),
    ("pow_half", [(3, 4)], "positive", lambda a: a**0.5),
    ("pow_minus_1", [(3, 4)], "positive", lambda a: a**-1),
    ("matmul_matrix_matrix", [(3, 4), (4, 2)], "any", lambda a, b: a @ b),
    ("matmul_matrix_vector", [(3, 4), (4,)], "any", lambda a, b: a @ b),
    ("matmul_vector_matrix", [(4,), (4, 2)], "any", lambda a, b: a @ b),
    ("matmul_vector_vector", [(4,), (4,)], "any", lambda a, b: a @ b),
    ("matmul_batch_by_transpose", [(5, 4), (3, 4)], "any", lambda X, W: X @ W.T),
    ("transpose", [(3, 4)], "any", lambda a: a.T),
    ("transpose_3d", [(2, 3, 4)], "any", lambda a: a.T),
    ("sum", [(3, 4)], "any", lambda a: a.sum()),
    ("sum_axis_0", [(3, 4)], "any", lambda a: a.sum(axis=0)),
    ("sum_axis_1", [(3, 4)], "any", lambda a: a.sum(axis=1)),
    ("sum_axis_keepdims", [(3, 4)], "any", lambda a: a.sum(axis=-1, keepdims=True)),
    ("sum_axes_tuple", [(2, 3, 4)], "any", lambda a: a.sum(axis=(0, 2))),
    ("mean", [(3, 4)], "any", lambda a: a.mean()),
    ("mean_axis_0", [(3, 4)], "any", lambda a: a.mean(axis=0)),
    ("mean_axis_keepdims", [(3, 4)], "any", lambda a: a.mean(axis=1, keepdims=True)),
    ("exp", [(3, 4)], "any", lambda a: a.exp()),
    ("log", [(3, 4)], "positive", lambda a: a.log()),
    ("tanh", [(3, 4)], "any", lambda a: a.tanh()),
    ("sigmoid", [(3, 4)], "any", lambda a: a.sigmoid()),
    ("relu", [(3, 4)], "away", lambda a: a.relu()),
    ("log_softmax_rows", [(5, 4)], "any", lambda a: a.log_softmax()),
    ("log_softmax_vector", [(4,)], "any", lambda a: a.log_softmax()),
    ("log_softmax_3d", [(2, 3, 4)], "any", lambda a: a.log_softmax()),
    (
        "layer_with_bias",
        [(5, 4), (3, 4), (3,)],
        "any",
        lambda X, W, b: (X @ W.T + b).sigmoid(),
    ),
    (
        "composite",
        [(3, 4), (4,)],
        "positive",
        lambda a, b: ((a * b).log() - a / b).tanh() ** 2 + (-a).exp().mean(),
    ),
]


@pytest.mark.parametrize(
    ("shapes", "kind", "expression"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_gradient_matches_finite_differences(shapes, kind, expression):
    for grad, estimate, data in engine_and_finite_differences(shapes, kind, expression):
        assert grad.shape == data.shape
        assert grad.dtype == np.float64
        np.testing.assert_allclose(grad, estimate, rtol=1e-6, atol=1e-9)


def engine_and_finite_differences(shapes, kind, expression, seed=11):
    """Return ``(engine's gradient, central difference, data)`` for each input.

    The scalar is ``C = sum(R * expression(inputs))`` with a fixed random
    ``R``, so that every entry of the output carries its own weight.
    """
    rng = np.random.default_rng(seed)
    leaves = [Tensor(sample(rng, shape, kind)) for shape in shapes]
    R = rng.standard_normal(expression(*leaves).shape)

    def cost():
        return (expression(*leaves) * R).sum()

    cost().backward()
    return [
        (t.grad, numerical_gradient(lambda: cost().item(), t.data), t.data)
        for t in leaves
    ]


# Operations with a wrong local derivative, each a slip that runs and gives
# gradients of the right shape: the finite differences must catch them all.
def sigmoid_slope_of_a(self):
    s = nnbook.sigmoid(self.data)
    return Tensor._result(
        s, (self,), lambda g: (g * nnbook.sigmoid_prime(s),), "sigmoid"
    )  # sigma'(a) instead of sigma'(z), chapter 4's warning


def mul_swapped(self, other):
    other = Tensor(other) if not isinstance(other, Tensor) else other
    a, b = self.data, other.data
    return Tensor._result(a * b, (self, other), lambda g: (g * a, g * b), "*")


def matmul_untransposed(self, other):
    a, b = self.data, other.data  # square matrices, so the slip runs
    return Tensor._result(a @ b, (self, other), lambda g: (g @ b, a @ g), "@")


def log_softmax_without_p(self):
    y = nnbook.log_softmax(self.data)  # forgets that every p_i depends on z_j
    return Tensor._result(y, (self,), lambda g: (g,), "log_softmax")


@pytest.mark.parametrize(
    ("name", "wrong", "shapes", "kind", "expression"),
    [
        ("sigmoid", sigmoid_slope_of_a, [(3, 4)], "any", lambda a: a.sigmoid()),
        ("__mul__", mul_swapped, [(3, 4), (3, 4)], "any", lambda a, b: a * b),
        (
            "__matmul__",
            matmul_untransposed,
            [(3, 3), (3, 3)],
            "any",
            lambda a, b: a @ b,
        ),
        (
            "log_softmax",
            log_softmax_without_p,
            [(3, 4)],
            "any",
            lambda a: a.log_softmax(),
        ),
    ],
    ids=["sigmoid_prime_of_a", "mul_swapped", "matmul_untransposed", "log_softmax"],
)
def test_a_wrong_local_derivative_is_caught(
    monkeypatch, name, wrong, shapes, kind, expression
):
    right = engine_and_finite_differences(shapes, kind, expression)
    assert all(relative_error(g, e) < 1e-8 for g, e, _ in right)
    monkeypatch.setattr(Tensor, name, wrong)
    pairs = engine_and_finite_differences(shapes, kind, expression)
    worst = max(relative_error(grad, estimate) for grad, estimate, _ in pairs)
    assert worst > 0.05, worst


@pytest.mark.parametrize(
    ("shapes", "expression", "reference"),
    [
        ([(3, 4), (4,)], lambda a, b: a + b, np.add),
        ([(3, 4), (4, 2)], lambda a, b: a @ b, np.matmul),
        ([(3, 4)], lambda a: a.mean(axis=1), lambda a: a.mean(axis=1)),
        ([(3, 4)], lambda a: a.sigmoid(), nnbook.sigmoid),
        ([(3, 4)], lambda a: a.log_softmax(), nnbook.log_softmax),
        ([(3, 4)], lambda a: a.relu(), nnbook.relu),
        ([(3, 4)], lambda a: a**3, lambda a: a**3),
    ],
    ids=["add", "matmul", "mean", "sigmoid", "log_softmax", "relu", "pow"],
)
def test_values_match_numpy(shapes, expression, reference):
    rng = np.random.default_rng(3)
    arrays = [rng.standard_normal(shape) for shape in shapes]
    got = expression(*[Tensor(a) for a in arrays]).data
    np.testing.assert_allclose(got, reference(*arrays), rtol=1e-15)


def test_log_softmax_is_stable_for_large_logits():
    z = Tensor([[1000.0, 0.0, -1000.0], [5.0, 5.0, 5.0]])
    y = z.log_softmax()
    (y * Tensor([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])).sum().backward()
    assert np.isfinite(y.data).all()
    np.testing.assert_allclose(y.data[0], [0.0, -1000.0, -2000.0])
    # the gradient of log p_c is onehot(c) - p
    np.testing.assert_allclose(z.grad[0], [0.0, 0.0, 0.0], atol=1e-300)
    np.testing.assert_allclose(z.grad[1], [-1 / 3, 2 / 3, -1 / 3])


def test_value_used_twice_gets_both_gradients():
    a = Tensor([1.0, -2.0, 3.0])
    b = a + a
    b.sum().backward()
    np.testing.assert_array_equal(a.grad, [2.0, 2.0, 2.0])


def test_square_by_reuse_gets_product_rule():
    a = Tensor([1.0, -2.0, 3.0])
    (a * a).sum().backward()
    np.testing.assert_array_equal(a.grad, 2 * a.data)


def test_diamond_graph_sums_both_paths():
    # x feeds b and c, which meet again in d = b * c = 6 x^2
    x = Tensor(1.5)
    b = x * 2
    c = x * 3
    d = b * c
    d.backward()
    assert d.grad == 1.0
    assert b.grad == c.data  # dd/db = c
    assert c.grad == b.data  # dd/dc = b
    assert x.grad == pytest.approx(12 * 1.5)  # dd/dx = 12 x


def test_deep_diamond_chain():
    # a chain of diamonds doubles the gradient at each level: 2^n in total,
    # which a walk that visited each path separately would take 2^n steps for
    x = Tensor(1.0)
    y = x
    for _ in range(40):
        y = y + y
    y.backward()
    assert x.grad == 2.0**40


def test_deep_graph_needs_no_recursion():
    x = Tensor(0.0)
    y = x
    for _ in range(5000):
        y = y + 1
    y.backward()
    assert x.grad == 1.0


def test_every_tensor_of_the_graph_gets_a_gradient():
    x = Tensor([1.0, 2.0])
    h = x.exp()
    C = h.sum()
    C.backward()
    np.testing.assert_allclose(h.grad, [1.0, 1.0])
    np.testing.assert_allclose(x.grad, np.exp([1.0, 2.0]))


def test_backward_accumulates_and_zero_grad_resets():
    w = Tensor([1.0, 2.0])
    assert w.grad is None
    (w * 3).sum().backward()
    (w * 3).sum().backward()
    np.testing.assert_array_equal(w.grad, [6.0, 6.0])
    w.zero_grad()
    assert w.grad is None
    (w * 3).sum().backward()
    np.testing.assert_array_equal(w.grad, [3.0, 3.0])


def test_backward_twice_on_one_graph_adds_the_same_gradient():
    x = Tensor([1.0, 2.0])
    C = (x * x).sum()
    C.backward()
    C.backward()
    np.testing.assert_array_equal(x.grad, 2 * (2 * x.data))


@pytest.mark.parametrize("shape", [(), (1,), (1, 1)])
def test_backward_from_any_single_number(shape):
    x = Tensor(np.full(shape, 2.0))
    (x * x).backward()
    np.testing.assert_array_equal(x.grad, np.full(shape, 4.0))


@pytest.mark.parametrize("shape", [(2,), (2, 3), (0,)])
def test_backward_refuses_a_tensor_of_many_numbers(shape):
    with pytest.raises(ValueError, match=rf"shape \({shape[0]},"):
        Tensor(np.zeros(shape)).backward()


def test_array_on_the_left_makes_a_tensor():
    t = Tensor([1.0, 2.0])
    W = np.array([[1.0, 2.0], [3.0, 4.0]])
    for out in (np.ones(2) * t, np.float64(2.0) * t, W @ t, 1.0 / t):
        assert isinstance(out, Tensor)
    (W @ t).sum().backward()
    np.testing.assert_array_equal(t.grad, W.sum(axis=0))


@pytest.mark.parametrize(
    "data", [3, 2.5, [1, 2, 3], [[1.0, 2.0], [3.0, 4.0]], np.arange(6).reshape(2, 3)]
)
def test_accepts_numbers_lists_and_arrays(data):
    t = Tensor(data)
    assert t.data.dtype == np.float64
    np.testing.assert_array_equal(t.data, np.asarray(data))
    assert t.shape == np.shape(data)
    assert t.ndim == np.ndim(data)


def test_keeps_a_copy_of_the_data():
    a = np.array([1.0, 2.0])
    t = Tensor(a)
    a[0] = 10.0
    assert t.data[0] == 1.0


def test_item_and_repr():
    assert Tensor([[2.5]]).item() == 2.5
    with pytest.raises(ValueError, match=r"shape \(2,\)"):
        Tensor([1.0, 2.0]).item()
    assert repr(Tensor([1.0]) * 2) == "Tensor([2.], op='*')"


@pytest.mark.parametrize(
    ("data", "error", "message"),
    [
        ("abc", TypeError, "real numbers.*str"),
        (["a", "b"], TypeError, "real numbers.*list"),
        (np.array([1, object()], dtype=object), TypeError, "dtype object"),
        (None, TypeError, "real numbers"),
        (1 + 2j, TypeError, "real numbers.*complex"),
        (Tensor([1.0]), TypeError, "got a Tensor"),
        ([[1.0, 2.0], [3.0]], ValueError, "rectangular"),
        ([1.0, np.nan], ValueError, "finite"),
    ],
    ids=["string", "strings", "objects", "none", "complex", "tensor", "ragged", "nan"],
)
def test_refuses_data_that_is_not_numbers(data, error, message):
    with pytest.raises(error, match=message):
        Tensor(data)


@pytest.mark.parametrize(
    "exponent", [Tensor(2.0), "2", np.array([2.0]), None, True], ids=repr
)
def test_power_needs_a_number(exponent):
    with pytest.raises(TypeError, match="exponent of t \\*\\* p must be a number"):
        Tensor([1.0, 2.0]) ** exponent


def test_power_of_a_number_to_a_tensor_is_refused():
    with pytest.raises(TypeError, match=r"exponent must be a number.*exp\(\)"):
        2 ** Tensor([1.0])


def test_power_refuses_an_infinite_exponent():
    with pytest.raises(ValueError, match="finite"):
        Tensor([1.0]) ** np.inf


@pytest.mark.parametrize(
    ("left", "right", "message"),
    [
        ((2, 3), (2, 3), r"inner dimension.*\(2, 3\) and \(2, 3\)"),
        ((3,), (4,), r"inner dimension.*\(3,\) and \(4,\)"),
        ((2, 3), (4,), r"inner dimension.*\(2, 3\) and \(4,\)"),
        ((2, 2, 3), (3, 2), r"left operand.*\(2, 2, 3\)"),
        ((), (3,), r"left operand.*got shape \(\)"),
        ((3,), (), r"right operand.*got shape \(\)"),
    ],
)
def test_matmul_refuses_shapes_that_do_not_fit(left, right, message):
    with pytest.raises(ValueError, match=message):
        Tensor(np.ones(left)) @ Tensor(np.ones(right))


@pytest.mark.parametrize(
    "op", [operator.add, operator.sub, operator.mul, operator.truediv], ids=repr
)
def test_elementwise_refuses_shapes_that_do_not_broadcast(op):
    a, b = Tensor(np.ones((2, 3))), Tensor(np.ones(4))
    with pytest.raises(ValueError, match=r"broadcast.*\(2, 3\) and \(4,\)"):
        op(a, b)


@pytest.mark.parametrize("other", ["a", None, object(), {"x": 1}], ids=repr)
def test_arithmetic_refuses_what_is_not_a_number(other):
    t = Tensor([1.0, 2.0])
    with pytest.raises(TypeError, match=r"operand of \+ must be a Tensor"):
        t + other
    with pytest.raises(TypeError, match=r"operand of \* must be a Tensor"):
        other * t


def test_arithmetic_refuses_a_list_of_strings():
    with pytest.raises(TypeError, match=r"operand of - .*real numbers"):
        Tensor([1.0, 2.0]) - ["a", "b"]


@pytest.mark.parametrize(
    ("axis", "error", "message"),
    [
        (2, ValueError, "axis 2 is out of range"),
        (-3, ValueError, "axis -3 is out of range"),
        ((0, 0), ValueError, "same axis twice"),
        ("0", TypeError, "axis must be None, an integer"),
        (1.0, TypeError, "axis must be None, an integer"),
    ],
)
def test_sum_and_mean_refuse_a_bad_axis(axis, error, message):
    t = Tensor(np.ones((2, 3)))
    with pytest.raises(error, match=message):
        t.sum(axis=axis)
    with pytest.raises(error, match=message):
        t.mean(axis=axis)


def test_log_softmax_needs_an_axis():
    with pytest.raises(ValueError, match=r"last axis.*shape \(\)"):
        Tensor(1.0).log_softmax()


def network_gradients_by_engine(net, X, Y):
    """Return the engine's gradients of the network's cost, and the cost."""
    weights = [Tensor(W) for W in net.weights]
    biases = [Tensor(b) for b in net.biases]
    L = len(weights)
    A = Tensor(X)
    for l, (W, b) in enumerate(zip(weights, biases), start=1):
        Z = A @ W.T + b  # z^l = W^l a^{l-1} + b^l, one row per example
        if l < L:
            A = getattr(Z, net.activation)()
        elif net.output == "softmax":
            A = Z.log_softmax()  # log p, for the cross-entropy
        else:
            A = getattr(Z, net.output)()
    if net.cost_name == "quadratic":
        C = (0.5 * ((Tensor(Y) - A) ** 2).sum(axis=1)).mean()  # mean of 1/2 ||y-a||^2
    else:
        C = -(Tensor(Y) * A).sum(axis=1).mean()  # mean of -sum_j y_j log p_j
    C.backward()
    return [W.grad for W in weights], [b.grad for b in biases], C.item()


@pytest.mark.parametrize(
    "options",
    [{}, {"activation": "relu", "output": "softmax", "cost": "cross_entropy"}],
    ids=["sigmoid_quadratic", "relu_softmax_cross_entropy"],
)
def test_network_gradients_match_backprop(options):
    rng = np.random.default_rng(6)
    net = nnbook.Network([64, 30, 10], seed=6, **options)
    # nonzero biases, so that their gradient is not helped by a zero start
    net.biases = [rng.standard_normal(b.shape) * 0.1 for b in net.biases]
    X = rng.uniform(0.0, 1.0, (8, 64))
    Y = np.eye(10)[rng.integers(0, 10, 8)]
    grad_weights, grad_biases, cost = network_gradients_by_engine(net, X, Y)
    want_weights, want_biases = net.backprop(X, Y)
    assert cost == pytest.approx(net.cost(X, Y), rel=1e-12)
    for got, want in zip(grad_weights + grad_biases, want_weights + want_biases):
        assert got.shape == want.shape
        np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-15)

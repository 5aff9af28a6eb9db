import numpy as np
import pytest

from nnbook import SGD, Adam, RMSprop

# -- references: PyTorch's algorithms, transcribed into numpy ------------------
# Each follows the arithmetic of torch/optim/sgd.py, rmsprop.py and adam.py
# (the single-tensor versions, other options at their defaults), written the
# way PyTorch computes them rather than the way nnbook does: Adam's running
# mean by lerp, its bias corrections folded into the step size and the
# denominator. torch itself is not installed in the development environment.


def torch_sgd(theta, grads, lr, momentum=0.0, weight_decay=0.0):
    theta, buf, path = theta.copy(), None, []
    for g in grads:
        if weight_decay != 0:
            g = g + weight_decay * theta  # grad.add(param, alpha=weight_decay)
        if momentum != 0:
            buf = g.copy() if buf is None else buf * momentum + g
            g = buf
        theta = theta + (-lr) * g  # param.add_(grad, alpha=-lr)
        path.append(theta)
    return path


def torch_rmsprop(theta, grads, lr, alpha=0.99, eps=1e-8, weight_decay=0.0):
    theta, square_avg, path = theta.copy(), np.zeros_like(theta), []
    for g in grads:
        if weight_decay != 0:
            g = g + weight_decay * theta
        square_avg = square_avg * alpha + (1 - alpha) * (g * g)  # addcmul_
        avg = np.sqrt(square_avg) + eps
        theta = theta + (-lr) * (g / avg)  # param.addcdiv_(grad, avg, value=-lr)
        path.append(theta)
    return path


def torch_adam(theta, grads, lr, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0):
    theta, path = theta.copy(), []
    exp_avg, exp_avg_sq = np.zeros_like(theta), np.zeros_like(theta)
    for step, g in enumerate(grads, start=1):
        if weight_decay != 0:
            g = g + weight_decay * theta
        exp_avg = exp_avg + (1 - beta1) * (g - exp_avg)  # lerp_(grad, 1 - beta1)
        exp_avg_sq = exp_avg_sq * beta2 + (1 - beta2) * (g * g)
        step_size = lr / (1 - beta1**step)
        denom = np.sqrt(exp_avg_sq) / (1 - beta2**step) ** 0.5 + eps
        theta = theta + (-step_size) * (exp_avg / denom)
        path.append(theta)
    return path


def nnbook_path(optimiser, theta, grads):
    theta, path = theta.copy(), []
    for g in grads:
        optimiser.step([theta], [g])
        path.append(theta.copy())
    return path


CASES = [
    (SGD(0.1), torch_sgd, {"lr": 0.1}),
    (SGD(0.05, momentum=0.9), torch_sgd, {"lr": 0.05, "momentum": 0.9}),
    (
        SGD(0.05, momentum=0.5, weight_decay=0.1),
        torch_sgd,
        {"lr": 0.05, "momentum": 0.5, "weight_decay": 0.1},
    ),
    (RMSprop(0.01), torch_rmsprop, {"lr": 0.01}),
    (
        RMSprop(0.003, alpha=0.9, eps=1e-6, weight_decay=0.01),
        torch_rmsprop,
        {"lr": 0.003, "alpha": 0.9, "eps": 1e-6, "weight_decay": 0.01},
    ),
    (Adam(0.001), torch_adam, {"lr": 0.001}),
    (
        Adam(0.02, beta1=0.5, beta2=0.9, eps=1e-6, weight_decay=0.1),
        torch_adam,
        {"lr": 0.02, "beta1": 0.5, "beta2": 0.9, "eps": 1e-6, "weight_decay": 0.1},
    ),
]


@pytest.mark.parametrize(("optimiser", "reference", "options"), CASES)
def test_optimisers_follow_pytorchs_algorithms(optimiser, reference, options):
    rng = np.random.default_rng(0)
    theta = rng.normal(size=(3, 4))
    grads = [rng.normal(size=(3, 4)) for _ in range(6)]
    ours = nnbook_path(optimiser, theta, grads)
    theirs = reference(theta, grads, **options)
    np.testing.assert_allclose(ours, theirs, rtol=1e-12, atol=1e-15)


# -- hand-computed steps ----------------------------------------------------------


def test_sgd_without_momentum_is_the_plain_step():
    theta, opt = np.array([1.0, -2.0]), SGD(0.1)
    opt.step([theta], [np.array([0.5, 1.0])])
    np.testing.assert_allclose(theta, [0.95, -2.1])
    opt.step([theta], [np.array([-1.0, 0.0])])
    np.testing.assert_allclose(theta, [1.05, -2.1])


def test_sgd_momentum_sums_the_gradients():
    # a constant gradient 1: v = 1, then 1.9, then 2.71
    theta, opt = np.array([1.0]), SGD(0.1, momentum=0.9)
    steps = []
    for _ in range(3):
        opt.step([theta], [np.array([1.0])])
        steps.append(theta[0])
    np.testing.assert_allclose(steps, [0.9, 0.71, 0.439])
    np.testing.assert_allclose(opt.v, [[2.71]])


def test_weight_decay_adds_lambda_theta_to_the_gradient():
    # no gradient from the cost: only the decay 0.5 * theta pulls theta to 0
    theta, opt = np.array([2.0]), SGD(0.1, weight_decay=0.5)
    opt.step([theta], [np.array([0.0])])
    np.testing.assert_allclose(theta, [1.9])
    opt.step([theta], [np.array([0.0])])
    np.testing.assert_allclose(theta, [1.805])


def test_rmsprop_divides_by_the_root_mean_square():
    theta, opt = np.array([1.0]), RMSprop(0.01)
    opt.step([theta], [np.array([2.0])])
    # v = 0.01 * 4 = 0.04, sqrt(v) = 0.2: a step of 0.01 * 2 / 0.2 = 0.1
    np.testing.assert_allclose(theta, [1 - 0.01 * 2 / (0.2 + 1e-8)])
    opt.step([theta], [np.array([2.0])])
    v = 0.99 * 0.04 + 0.01 * 4  # 0.0796
    np.testing.assert_allclose(theta, [0.9 - 0.01 * 2 / (np.sqrt(v) + 1e-8)])
    np.testing.assert_allclose(opt.v, [[v]])


def test_adam_steps_by_the_learning_rate_for_a_constant_gradient():
    # the bias correction makes m_hat = g and v_hat = g^2 exactly, whatever
    # the size of g: every step is lr * g / (|g| + eps)
    theta, opt = np.array([1.0, 1.0]), Adam(0.1)
    g = np.array([3.0, -0.001])
    step = 0.1 * g / (np.abs(g) + 1e-8)
    for t in range(1, 4):
        opt.step([theta], [g])
        np.testing.assert_allclose(theta, 1 - t * step, rtol=1e-12)
    assert opt.t == 3
    np.testing.assert_allclose(opt.m[0], (1 - 0.9**3) * g)
    np.testing.assert_allclose(opt.v[0], (1 - 0.999**3) * g**2)


def test_adam_first_steps_by_hand():
    theta, opt = np.array([0.0]), Adam(0.5, beta1=0.5, beta2=0.75, eps=1e-8)
    opt.step([theta], [np.array([2.0])])  # m = 1, v = 1; m_hat = 2, v_hat = 4
    np.testing.assert_allclose(theta, [-0.5 * 2 / (2 + 1e-8)])
    opt.step([theta], [np.array([-2.0])])
    # m = 0.5 - 1 = -0.5, v = 0.75 + 1 = 1.75; m_hat = -0.5/0.75, v_hat = 1.75/0.4375
    m_hat, v_hat = -0.5 / 0.75, 1.75 / 0.4375
    expected = -0.5 * 2 / (2 + 1e-8) - 0.5 * m_hat / (np.sqrt(v_hat) + 1e-8)
    np.testing.assert_allclose(theta, [expected])


def test_step_updates_every_array_in_place_and_leaves_the_gradients():
    W, b = np.ones((2, 3)), np.zeros(2)
    gW, gb = np.full((2, 3), 0.5), np.array([1.0, -1.0])
    for opt in (SGD(0.1, momentum=0.9, weight_decay=0.1), RMSprop(0.1), Adam(0.1)):
        W_id, b_id = id(W), id(b)
        opt.step([W, b], [gW, gb])
        assert id(W) == W_id
        assert id(b) == b_id
        np.testing.assert_array_equal(gW, 0.5)
        np.testing.assert_array_equal(gb, [1.0, -1.0])
    assert (W < 1).all()
    assert b[0] < 0 < b[1]


def test_the_learning_rate_can_change_between_steps():
    theta, opt = np.array([1.0]), SGD(0.1)
    opt.learning_rate = 0.5
    opt.step([theta], [np.array([1.0])])
    np.testing.assert_allclose(theta, [0.5])
    with pytest.raises(ValueError, match="learning_rate must be a finite number >= 0"):
        opt.learning_rate = -1.0


def test_repr_shows_the_options_that_are_not_the_defaults():
    assert repr(SGD(0.1)) == "SGD(0.1)"
    assert repr(SGD(0.1, momentum=0.9)) == "SGD(0.1, momentum=0.9)"
    assert repr(Adam(0.001, beta2=0.99)) == "Adam(0.001, beta2=0.99)"
    assert repr(RMSprop(0.01, weight_decay=0.1)) == "RMSprop(0.01, weight_decay=0.1)"


# -- bad input ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "error", "words"),
    [
        (lambda: SGD(-0.1), ValueError, r"learning_rate must be a finite number >= 0"),
        (lambda: Adam(np.inf), ValueError, r"learning_rate must be .*; got inf"),
        (lambda: RMSprop(np.nan), ValueError, r"learning_rate must be a finite"),
        (lambda: SGD("fast"), TypeError, r"learning_rate must be a number; got str"),
        (lambda: SGD(0.1, momentum=1.0), ValueError, r"momentum must be at least 0 "),
        (lambda: SGD(0.1, momentum=-0.5), ValueError, r"0 <= momentum < 1.*-0.5"),
        (lambda: SGD(0.1, momentum=True), TypeError, r"momentum must be a number"),
        (lambda: RMSprop(0.1, alpha=1.0), ValueError, r"0 <= alpha < 1.*got 1.0"),
        (lambda: Adam(0.1, beta1=1.0), ValueError, r"0 <= beta1 < 1.*got 1.0"),
        (lambda: Adam(0.1, beta2=-0.1), ValueError, r"0 <= beta2 < 1.*got -0.1"),
        (lambda: Adam(0.1, eps=0.0), ValueError, r"eps must be a finite number > 0"),
        (lambda: RMSprop(0.1, eps=-1e-8), ValueError, r"eps must be a finite"),
        (lambda: Adam(0.1, weight_decay=-1), ValueError, r"weight_decay must be"),
        (lambda: SGD(0.1, nesterov=True), TypeError, r"unexpected keyword.*nesterov"),
        (lambda: Adam(0.1, betas=(0.9, 0.99)), TypeError, r"unexpected keyword.*betas"),
        (lambda: Adam(lr=0.1), TypeError, r"unexpected keyword.*'lr'"),
    ],
)
def test_bad_options_are_rejected(make, error, words):
    with pytest.raises(error, match=words):
        make()


@pytest.mark.parametrize(
    ("params", "grads", "error", "words"),
    [
        (np.zeros(2), [np.zeros(2)], TypeError, r"params must be a list.*ndarray"),
        ([[0.0, 1.0]], [np.zeros(2)], TypeError, r"params\[0\] must be a numpy array"),
        ([np.zeros(2, dtype=int)], [np.zeros(2)], TypeError, r"of dtype int"),
        ([np.zeros(2)], [], TypeError, r"grads must be a list of 1 arrays.*length 0"),
        ([np.zeros(2)], [np.zeros(3)], ValueError, r"grads\[0\] must have the shape"),
    ],
)
def test_bad_steps_are_rejected(params, grads, error, words):
    with pytest.raises(error, match=words):
        Adam(0.1).step(params, grads)


@pytest.mark.parametrize("kind", [SGD, RMSprop, Adam])
def test_an_optimiser_refuses_parameters_of_other_shapes(kind):
    opt = kind(0.1)
    W, b = np.zeros((2, 3)), np.zeros(2)
    opt.step([W, b], [np.ones((2, 3)), np.ones(2)])
    with pytest.raises(ValueError, match=r"made for 2 parameter arrays of shapes"):
        opt.step([np.zeros((3, 2)), b], [np.ones((3, 2)), np.ones(2)])
    with pytest.raises(ValueError, match=r"got 1 of shapes \[\(2, 3\)\]"):
        opt.step([W], [np.ones((2, 3))])
    opt.step([W, b], [np.ones((2, 3)), np.ones(2)])  # the same shapes still work
    assert opt.t == 2

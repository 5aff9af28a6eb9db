import numpy as np
import pytest

from nnbook import (
    Adam,
    AttentionClassifier,
    attention,
    attention_backward,
    attention_weights,
    load_digits,
    numerical_gradient,
    relative_error,
    softmax,
)


def loop_attention(Q, K, V, mask=None):
    """The definition for one 2-D example, one query at a time."""
    d = Q.shape[-1]
    out = np.zeros((len(Q), V.shape[-1]))
    for i, q in enumerate(Q):
        scores = np.array([q @ k / np.sqrt(d) for k in K])
        keep = np.ones(len(K), bool) if mask is None else mask[i]
        weights = np.zeros(len(K))
        weights[keep] = np.exp(scores[keep]) / np.exp(scores[keep]).sum()
        out[i] = weights @ V
    return out


def problem(seed=0, batch=(), n_q=4, n_k=5, d=3, d_v=2):
    rng = np.random.default_rng(seed)
    Q = rng.normal(size=(*batch, n_q, d))
    K = rng.normal(size=(*batch, n_k, d))
    V = rng.normal(size=(*batch, n_k, d_v))
    G = rng.normal(size=(*batch, n_q, d_v))
    mask = rng.random((*batch, n_q, n_k)) < 0.5
    mask[..., 0] = True  # every query may see key 0
    return Q, K, V, G, mask


# -- the forward pass ---------------------------------------------------------------


@pytest.mark.parametrize("masked", [False, True])
def test_attention_is_the_definition(masked):
    Q, K, V, _, mask = problem()
    mask = mask if masked else None
    np.testing.assert_allclose(attention(Q, K, V, mask), loop_attention(Q, K, V, mask))


def test_a_batch_is_each_example_on_its_own():
    Q, K, V, _, mask = problem(batch=(2, 3))
    out = attention(Q, K, V, mask)
    assert out.shape == (2, 3, 4, 2)
    for index in np.ndindex(2, 3):
        expected = loop_attention(Q[index], K[index], V[index], mask[index])
        np.testing.assert_allclose(out[index], expected)


def test_batch_axes_broadcast_like_matmul():
    Q, K, V, _, mask = problem(batch=(3,))
    shared = attention(Q, K[0], V[0], mask[0])  # one K, V and mask for all
    assert shared.shape == (3, 4, 2)
    for b in range(3):
        np.testing.assert_allclose(shared[b], loop_attention(Q[b], K[0], V[0], mask[0]))


def test_weights_are_distributions_and_masked_weights_are_exactly_zero():
    Q, K, _, _, mask = problem(batch=(2,))
    P = attention_weights(Q, K, mask)
    np.testing.assert_allclose(P.sum(axis=-1), 1.0)
    assert np.all(P[~mask] == 0.0)
    assert np.all(P[mask] > 0.0)


def test_large_scores_do_not_overflow():
    Q, K, V, _, mask = problem()
    with np.errstate(over="raise", invalid="raise"):  # no overflow, no NaN
        P = attention_weights(1e3 * Q, K, mask)
        out = attention(1e3 * Q, K, V, mask)
    assert np.all(np.isfinite(out))
    np.testing.assert_allclose(P.sum(axis=-1), 1.0)


def test_adding_a_constant_to_a_row_of_scores_changes_nothing():
    Q, K, V, G, mask = problem()
    c = np.array([2.0, -1.0, 0.5])  # the same vector added to every key
    shifted = K + c  # adds q_i . c / sqrt(d) to row i of the scores
    np.testing.assert_allclose(attention(Q, shifted, V, mask), attention(Q, K, V, mask))
    # so the gradient has no component along that shift: dK sums to 0 over keys
    _, dK, _ = attention_backward(Q, K, V, G, mask)
    np.testing.assert_allclose(dK.sum(axis=-2), 0.0, atol=1e-12)


def test_a_causal_mask_hides_later_keys():
    Q, K, V, _, _ = problem(n_q=5, n_k=5)
    causal = np.tril(np.ones((5, 5), bool))  # query i sees keys 0 to i
    out = attention(Q, K, V, causal)
    changed = V.copy()
    changed[3:] += 10.0  # only keys 3 and 4 change
    np.testing.assert_allclose(attention(Q, K, changed, causal)[:3], out[:3])
    np.testing.assert_allclose(out[0], V[0])  # the first query sees only itself


# -- the backward pass --------------------------------------------------------------


@pytest.mark.parametrize("batch", [(), (2,), (2, 3)])
@pytest.mark.parametrize("masked", [False, True])
def test_gradients_match_finite_differences(batch, masked):
    Q, K, V, G, mask = problem(seed=1, batch=batch)
    mask = mask if masked else None
    grads = attention_backward(Q, K, V, G, mask)

    def cost():  # its gradient with respect to the output is G
        return np.sum(G * attention(Q, K, V, mask))

    for x, grad in zip((Q, K, V), grads):
        assert grad.shape == x.shape
        assert relative_error(grad, numerical_gradient(cost, x)) < 1e-8


def test_gradients_of_broadcast_inputs_are_summed_over_the_batch():
    Q, K, V, G, mask = problem(seed=2, batch=(3,))
    K1, V1, mask1 = K[:1], V[0], mask[0]  # (1, n_k, d), (n_k, d_v), (n_q, n_k)
    grads = attention_backward(Q, K1, V1, G, mask1)

    def cost():
        return np.sum(G * attention(Q, K1, V1, mask1))

    for x, grad in zip((Q, K1, V1), grads):
        assert grad.shape == x.shape
        assert relative_error(grad, numerical_gradient(cost, x)) < 1e-8


def test_masked_keys_get_no_gradient_from_queries_that_cannot_see_them():
    Q, K, V, _, mask = problem(seed=3)
    i = 1
    hidden = ~mask[i]
    assert hidden.any()
    G = np.zeros((4, 2))
    G[i] = 1.0  # only query i's output matters
    dQ, dK, dV = attention_backward(Q, K, V, G, mask)
    assert np.all(dK[hidden] == 0.0)
    assert np.all(dV[hidden] == 0.0)
    assert np.all(dQ[np.arange(4) != i] == 0.0)
    assert np.abs(dV[~hidden]).min() > 0


def test_a_wrong_gradient_is_caught():
    """Leaving out the softmax's second term, or the scale, is detected."""
    Q, K, V, G, _ = problem(seed=4)
    d = Q.shape[-1]
    P = attention_weights(Q, K)
    dS_wrong = P * (G @ V.T)  # without - rowsum(dP * P)
    dQ_wrong = dS_wrong @ K / np.sqrt(d)
    dQ, _, _ = attention_backward(Q, K, V, G)
    measured = numerical_gradient(lambda: np.sum(G * attention(Q, K, V)), Q)
    assert relative_error(dQ, measured) < 1e-8
    assert relative_error(dQ_wrong, measured) > 1e-2
    assert relative_error(dQ * np.sqrt(d), measured) > 1e-2  # the scale forgotten


def test_the_softmax_step_is_chapter_7s_jacobian_row_by_row():
    Q, K, V, G, _ = problem(seed=5)
    d = Q.shape[-1]
    S = Q @ K.T / np.sqrt(d)
    P = softmax(S)
    dP = G @ V.T
    dS = np.stack([(np.diag(p) - np.outer(p, p)) @ g for p, g in zip(P, dP)])
    dQ, dK, _ = attention_backward(Q, K, V, G)
    np.testing.assert_allclose(dQ, dS @ K / np.sqrt(d), atol=1e-12)
    np.testing.assert_allclose(dK, dS.T @ Q / np.sqrt(d), atol=1e-12)


# -- bad input ------------------------------------------------------------------------


def shapes(**change):
    args = {
        "Q": np.zeros((4, 3)),
        "K": np.zeros((5, 3)),
        "V": np.zeros((5, 2)),
        "mask": None,
    }
    args.update(change)
    return args


@pytest.mark.parametrize(
    ("args", "error", "words"),
    [
        (shapes(K=np.zeros((5, 2))), ValueError, "d = 3"),
        (shapes(V=np.zeros((6, 2))), ValueError, "one row per key"),
        (shapes(Q=np.zeros(3)), ValueError, "at least 2 axes"),
        (shapes(Q=np.zeros((0, 3))), ValueError, "at least one token"),
        (shapes(Q=np.zeros((2, 4, 3)), K=np.zeros((3, 5, 3))), ValueError, "broadcast"),
        (shapes(Q=[[np.nan] * 3] * 4), ValueError, "finite"),
        (shapes(V=np.full((5, 2), np.inf)), ValueError, "finite"),
        (shapes(Q="abc"), TypeError, "real numbers"),
        (shapes(mask=np.ones((4, 5))), TypeError, "boolean"),
        (shapes(mask=np.ones((5, 4), bool)), ValueError, r"shape \(4, 5\)"),
        (shapes(mask=np.ones((2, 4, 5), bool)), ValueError, r"shape \(4, 5\)"),
        (shapes(mask=np.eye(4, 5, dtype=bool) & False), ValueError, "all False"),
    ],
)
def test_attention_rejects_bad_input(args, error, words):
    with pytest.raises(error, match=words):
        attention(**args)
    with pytest.raises(error, match=words):
        attention_backward(grad_out=np.zeros((4, 2)), **args)


def test_attention_weights_rejects_bad_input():
    with pytest.raises(ValueError, match="d = 3"):
        attention_weights(np.zeros((4, 3)), np.zeros((5, 2)))
    mask = np.ones((4, 5), bool)
    mask[2] = False
    with pytest.raises(ValueError, match="row 2 of the mask is all False;"):
        attention_weights(np.zeros((4, 3)), np.zeros((5, 3)), mask)


def test_an_empty_row_of_a_batch_of_masks_is_named_with_its_batch_entry():
    Q, K, V, _, mask = problem(batch=(2, 3))
    mask[1, 2, 3] = False  # query 3 of sequence (1, 2) sees nothing
    words = r"row 3 of the mask is all False in the batch entry \(1, 2\)"
    with pytest.raises(ValueError, match=words):
        attention(Q, K, V, mask)
    one = mask[1, 2]  # one mask for a batch of queries: no batch entry to name
    with pytest.raises(ValueError, match=r"row 3 of the mask is all False;"):
        attention(Q[1], K[1, 2], V[1, 2], one)


@pytest.mark.parametrize("grad_out", [np.zeros((4, 3)), np.zeros((2, 4, 2))])
def test_attention_backward_checks_the_shape_of_grad_out(grad_out):
    with pytest.raises(ValueError, match=r"grad_out must have the shape .*\(4, 2\)"):
        attention_backward(grad_out=grad_out, **shapes())


def test_attention_backward_rejects_a_non_finite_grad_out():
    with pytest.raises(ValueError, match="grad_out must be finite"):
        attention_backward(grad_out=np.full((4, 2), np.nan), **shapes())


# -- the classifier ----------------------------------------------------------------


def digits_like(n=6, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.random((n, 64))
    Y = np.eye(10)[rng.integers(0, 10, n)]
    return X, Y


def test_classifier_gradients_match_finite_differences():
    net = AttentionClassifier(6, seed=0)
    for b in (net.b_in, net.b_ff, net.b_out):
        b[...] = 0.1  # biases away from 0: no ReLU kink at the start
    X, Y = digits_like()
    grads = net.backprop(X, Y)
    assert len(grads) == len(net.params) == len(net.names)
    for name, param, grad in zip(net.names, net.params, grads):
        assert grad.shape == param.shape, name
        measured = numerical_gradient(lambda: net.cost(X, Y), param)
        assert relative_error(grad, measured) < 1e-7, name


def test_classifier_outputs_probabilities_and_its_weights():
    net = AttentionClassifier(8, seed=1)
    X, _ = digits_like(5)
    p = net.forward(X)
    assert p.shape == (5, 10)
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    np.testing.assert_allclose(net.forward(X.reshape(5, 8, 8)), p)
    P = net.weights(X)
    assert P.shape == (5, 8, 8)
    np.testing.assert_allclose(P.sum(axis=-1), 1.0)
    np.testing.assert_array_equal(net.predict(X), p.argmax(axis=1))


def test_classifier_learns_the_digits_with_adam_and_is_repeatable():
    data = load_digits(test_size=0.25, validation_size=0.2, seed=0)
    X, Y = data.X_train[:300], data.Y_train[:300]
    histories = []
    for _ in range(2):
        net = AttentionClassifier(8, 16, seed=3)
        histories.append(
            net.train(X, Y, epochs=8, batch_size=20, optimizer=Adam(0.01), seed=4)
        )
    first, second = histories
    assert first.cost == second.cost
    assert first.cost[-1] < 0.5 * first.cost[0]
    assert net.accuracy(data.X_val, data.labels_val) > 0.5  # chance: 0.1


def test_classifier_reports_validation():
    X, Y = digits_like(20, seed=5)
    net = AttentionClassifier(4, seed=0)
    labels = Y.argmax(axis=1)
    history = net.train(
        X, Y, epochs=2, batch_size=5, learning_rate=0.1, validation=(X, labels)
    )
    assert len(history.validation_accuracy) == 2
    assert history.validation_accuracy[-1] == net.accuracy(X, labels)


@pytest.mark.parametrize(
    ("X", "Y", "error", "words"),
    [
        (np.zeros((3, 63)), np.eye(10)[:3], ValueError, r"\(N, 64\) or \(N, 8, 8\)"),
        (np.zeros((0, 64)), np.zeros((0, 10)), ValueError, "at least one image"),
        (np.zeros((3, 64)), np.eye(10)[:2], ValueError, r"Y must have shape \(3, 10\)"),
        (np.zeros((3, 64)), np.full((3, 10), 0.5), ValueError, "distribution"),
        (np.full((3, 64), np.nan), np.eye(10)[:3], ValueError, "finite"),
    ],
)
def test_classifier_rejects_bad_data(X, Y, error, words):
    with pytest.raises(error, match=words):
        AttentionClassifier(4, seed=0).cost(X, Y)


def test_classifier_checks_its_parameters_and_options():
    net = AttentionClassifier(4, seed=0)
    net.W_Q = np.zeros((4, 5))
    with pytest.raises(ValueError, match=r"net.W_Q must have shape \(4, 4\)"):
        net.forward(np.zeros((1, 64)))
    with pytest.raises(ValueError, match="d must be at least 1"):
        AttentionClassifier(0)
    with pytest.raises(TypeError, match="d must be an integer"):
        AttentionClassifier(4.0)
    with pytest.raises(ValueError, match="labels from 0 to 9"):
        AttentionClassifier(4).accuracy(np.zeros((2, 64)), np.array([0, 10]))

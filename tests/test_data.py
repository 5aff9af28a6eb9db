import numpy as np
import pytest

from nnbook import (
    load_digits,
    logic_gate,
    noisy_line,
    one_hot,
    separable_points,
    shift_images,
    stratified_split,
)


@pytest.mark.parametrize(
    ("name", "outputs"),
    [("and", [0, 0, 0, 1]), ("or", [0, 1, 1, 1]), ("xor", [0, 1, 1, 0])],
)
def test_logic_gates_give_their_truth_tables(name, outputs):
    X, y = logic_gate(name)
    np.testing.assert_array_equal(X, [[0, 0], [0, 1], [1, 0], [1, 1]])
    np.testing.assert_array_equal(y, outputs)
    assert y.dtype.kind == "i"


def test_logic_gate_names_ignore_case_and_return_copies():
    X, y = logic_gate("AND")
    X[0, 0], y[0] = 5.0, 1
    X_again, y_again = logic_gate("and")
    assert X_again[0, 0] == 0.0
    assert y_again[0] == 0


def test_unknown_logic_gate_is_rejected():
    with pytest.raises(ValueError, match=r"unknown logic gate 'nand'.*'and', 'or'"):
        logic_gate("nand")
    with pytest.raises(TypeError, match="name must be a string"):
        logic_gate(1)


def test_separable_points_keep_their_margin_and_labels():
    w, b, margin = np.array([1.0, 2.0]), -1.0, 0.2
    X, y = separable_points(40, w=w, b=b, margin=margin, seed=2)
    assert X.shape == (40, 2)
    assert np.all(np.abs(X) <= 2)
    distance = (X @ w + b) / np.linalg.norm(w)
    np.testing.assert_array_equal(y, (distance > 0).astype(int))
    assert np.abs(distance).min() >= margin
    assert y.sum() == 20


def test_separable_points_are_repeatable_with_a_seed():
    first = separable_points(11, w=[1, -1], b=0.5, margin=0.1, seed=7)
    again = separable_points(11, w=[1, -1], b=0.5, margin=0.1, seed=7)
    other = separable_points(11, w=[1, -1], b=0.5, margin=0.1, seed=8)
    np.testing.assert_array_equal(first[0], again[0])
    np.testing.assert_array_equal(first[1], again[1])
    assert not np.array_equal(first[0], other[0])
    assert first[1].sum() == 5  # n // 2 points of class 1


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"w": [0, 0]}, ValueError, "w must be a non-zero vector of length 2"),
        ({"w": [1, 2, 3]}, ValueError, "w must be a non-zero vector"),
        ({"w": [1, np.nan]}, ValueError, "w must be finite"),
        ({"b": "1"}, TypeError, "b must be a number; got str"),
        ({"b": np.inf}, ValueError, "b must be finite"),
        ({"margin": -0.1}, ValueError, "margin must be at least 0"),
        ({"margin": 3.0}, ValueError, "leaves no room for one of the two classes"),
        ({"b": 10.0}, ValueError, "leaves no room"),
        ({"n": 1}, ValueError, "n must be at least 2"),
        ({"n": 4.0}, TypeError, "n must be an integer"),
    ],
)
def test_separable_points_reject_bad_arguments(kwargs, error, words):
    arguments = {"n": 10, "w": [1.0, 2.0], "b": -1.0, "margin": 0.2} | kwargs
    n = arguments.pop("n")
    with pytest.raises(error, match=words):
        separable_points(n, **arguments, seed=0)


def test_noisy_line_scatters_around_the_line():
    x, y = noisy_line(2000, slope=2.0, intercept=1.0, noise=0.3, seed=0)
    assert x.shape == y.shape == (2000,)
    assert x.min() >= 0
    assert x.max() <= 2
    residuals = y - (2.0 * x + 1.0)
    assert abs(residuals.mean()) < 0.03
    assert abs(residuals.std() - 0.3) < 0.03


def test_noisy_line_without_noise_is_the_line():
    x, y = noisy_line(5, slope=-1.5, intercept=0.5, noise=0.0, seed=3)
    np.testing.assert_allclose(y, -1.5 * x + 0.5)


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"noise": -1.0}, ValueError, "noise must be at least 0"),
        ({"slope": np.nan}, ValueError, "slope must be finite"),
        ({"intercept": [1.0]}, TypeError, "intercept must be a number; got list"),
        ({"slope": True}, TypeError, "slope must be a number; got bool"),
    ],
)
def test_noisy_line_rejects_bad_arguments(kwargs, error, words):
    arguments = {"slope": 2.0, "intercept": 1.0, "noise": 0.3} | kwargs
    with pytest.raises(error, match=words):
        noisy_line(10, **arguments, seed=0)


# -- one_hot ------------------------------------------------------------------


def test_one_hot_puts_a_single_one_in_the_label_column():
    Y = one_hot(np.array([2, 0, 1, 2]), 3)
    np.testing.assert_array_equal(Y, [[0, 0, 1], [1, 0, 0], [0, 1, 0], [0, 0, 1]])
    assert Y.dtype == float


@pytest.mark.parametrize(
    ("labels", "num_classes", "error", "words"),
    [
        (np.array([0, 3]), 3, ValueError, r"labels must lie in 0..2.*from 0 to 3"),
        (np.array([-1, 0]), 3, ValueError, r"labels must lie in 0..2"),
        (np.array([0.0, 1.0]), 3, TypeError, r"1-D array of integers.*float64"),
        (np.array([[0, 1]]), 3, TypeError, r"1-D array of integers.*shape \(1, 2\)"),
        (np.array([0, 1]), 0, ValueError, "num_classes must be at least 1"),
        (np.array([0, 1]), 2.0, TypeError, "num_classes must be an integer"),
    ],
)
def test_one_hot_rejects_bad_labels(labels, num_classes, error, words):
    with pytest.raises(error, match=words):
        one_hot(labels, num_classes)


# -- stratified_split -----------------------------------------------------------


def test_stratified_split_keeps_the_share_of_every_class():
    labels = np.repeat(np.arange(4), [40, 20, 8, 12])
    train, test = stratified_split(labels, test_size=0.25, seed=3)
    assert np.bincount(labels[test]).tolist() == [10, 5, 2, 3]
    assert sorted(np.concatenate([train, test]).tolist()) == list(range(80))
    assert np.all(np.diff(test) > 0)
    assert np.all(np.diff(train) > 0)


def test_stratified_split_is_seeded():
    labels = np.repeat(np.arange(3), 30)
    a = stratified_split(labels, test_size=0.3, seed=1)[1]
    b = stratified_split(labels, test_size=0.3, seed=1)[1]
    c = stratified_split(labels, test_size=0.3, seed=2)[1]
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


@pytest.mark.parametrize("test_size", [0, 1, 1.5, -0.1, True, "0.25"])
def test_stratified_split_rejects_a_bad_test_size(test_size):
    with pytest.raises(ValueError, match="test_size must be a fraction"):
        stratified_split(np.arange(10) % 2, test_size=test_size, seed=0)


def test_stratified_split_wants_one_label_per_example():
    with pytest.raises(ValueError, match=r"labels must be 1-D; got shape \(2, 5\)"):
        stratified_split(np.zeros((2, 5), int), test_size=0.5, seed=0)


# -- load_digits ------------------------------------------------------------------


def test_load_digits_split_shapes_and_scaling():
    d = load_digits()
    assert d.X_train.shape == (1347, 64)
    assert d.X_test.shape == (450, 64)
    assert d.Y_train.shape == (1347, 10)
    assert d.Y_test.shape == (450, 10)
    assert d.X_train.min() == 0.0
    assert d.X_train.max() == 1.0
    np.testing.assert_array_equal(d.Y_test.argmax(axis=1), d.labels_test)
    np.testing.assert_array_equal(d.Y_train.sum(axis=1), 1.0)


def test_load_digits_is_stratified_and_disjoint():
    d = load_digits(test_size=0.25, seed=0)
    shares = np.bincount(d.labels_test) / np.bincount(
        np.concatenate([d.labels_train, d.labels_test])
    )
    np.testing.assert_allclose(shares, 0.25, atol=0.01)
    train_rows = {row.tobytes() for row in d.X_train}
    duplicates = sum(row.tobytes() in train_rows for row in d.X_test)
    assert duplicates < 5  # a few images of the data set are exact repeats


def test_load_digits_seed_and_test_size():
    a, b = load_digits(seed=1), load_digits(seed=1)
    np.testing.assert_array_equal(a.X_test, b.X_test)
    assert not np.array_equal(a.X_test, load_digits(seed=2).X_test)
    assert load_digits(test_size=0.5).X_test.shape[0] in range(895, 905)


def test_load_digits_can_hold_back_a_validation_set_without_moving_the_test_set():
    plain = load_digits(test_size=0.25, seed=3)
    split = load_digits(test_size=0.25, validation_size=0.2, seed=3)
    np.testing.assert_array_equal(split.X_test, plain.X_test)
    assert abs(len(split.X_val) - 0.2 * 1797) <= 5  # a fifth of the whole
    assert len(split.X_train) + len(split.X_val) == len(plain.X_train)
    np.testing.assert_array_equal(split.Y_val.argmax(axis=1), split.labels_val)
    assert np.bincount(split.labels_val).min() >= 30  # every digit, stratified
    assert plain.X_val.shape == (0, 64)


@pytest.mark.parametrize("bad", [-0.1, True, "0.2", 0.75])
def test_load_digits_refuses_a_bad_validation_size(bad):
    with pytest.raises(ValueError, match="validation_size"):
        load_digits(test_size=0.25, validation_size=bad)


def test_shift_images_moves_pixels_and_lets_blanks_in():
    x = np.arange(1.0, 13.0).reshape(3, 4)
    np.testing.assert_array_equal(
        shift_images(x, right=1), [[0, 1, 2, 3], [0, 5, 6, 7], [0, 9, 10, 11]]
    )
    np.testing.assert_array_equal(
        shift_images(x, down=-1, right=-2), [[7, 8, 0, 0], [11, 12, 0, 0], [0] * 4]
    )
    np.testing.assert_array_equal(shift_images(x), x)  # no move, a copy
    assert shift_images(x) is not x


def test_shift_images_works_on_the_last_two_axes_of_a_batch():
    images = load_digits(test_size=0.25, seed=0).X_test[:5].reshape(5, 1, 8, 8)
    moved = shift_images(images, down=1, right=-1)
    assert moved.shape == images.shape
    for one, its_move in zip(images[:, 0], moved[:, 0]):
        np.testing.assert_array_equal(its_move, shift_images(one, down=1, right=-1))
    # chapter 8's way of moving right: pad a blank column on each side, slice
    padded = np.pad(images, ((0, 0), (0, 0), (0, 0), (1, 1)))
    np.testing.assert_array_equal(shift_images(images, right=1), padded[..., :8])


def test_shift_images_there_and_back_loses_only_the_edge():
    x = np.ones((4, 4))
    back = shift_images(shift_images(x, down=1), down=-1)
    np.testing.assert_array_equal(back[:3], 1.0)
    np.testing.assert_array_equal(back[3], 0.0)  # the last row went over the edge


@pytest.mark.parametrize(
    ("images", "kwargs", "error", "words"),
    [
        (np.ones(8), {"right": 1}, ValueError, "at least 2 axes"),
        (np.ones((8, 8)), {"right": 8}, ValueError, "between -7 and 7"),
        (np.ones((8, 6)), {"right": -6}, ValueError, "between -5 and 5"),
        (np.ones((8, 8)), {"down": 1.0}, TypeError, "whole number"),
        (np.ones((8, 8)), {"down": True}, TypeError, "whole number"),
        ([["a"]], {}, TypeError, "real numbers"),
    ],
)
def test_shift_images_rejects_bad_arguments(images, kwargs, error, words):
    with pytest.raises(error, match=words):
        shift_images(images, **kwargs)

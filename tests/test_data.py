import numpy as np
import pytest

from nnbook import load_digits, one_hot, stratified_split

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

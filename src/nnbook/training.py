"""The training loop that :class:`nnbook.Network` and :class:`nnbook.ConvNet` share.

Training is the same whatever the network: shuffle the examples, cut them
into mini-batches, let backpropagation give the gradient of each batch's
mean cost and let an optimiser step with it; after each epoch, measure the
cost and the accuracy and stop at once if the cost is no longer a number.

:func:`train` asks three things of the network it trains:

- ``params``, the list of its parameter arrays, which the optimiser
  updates in place;
- ``_gradients(X, Y, rng)``, the gradients of the mean cost of the checked
  batch ``X``, ``Y``, in the order of ``params``, as training computes them
  (with dropout, say, whose masks are drawn from ``rng``);
- ``_measure(X, Y, labels)``, the mean cost of the network on ``X``, ``Y``
  and the fraction of ``labels`` it gets right (None without labels), as
  evaluation computes them.

Checking the data is each network's business; the loop checks its own
options.
"""

from dataclasses import dataclass, field

import numpy as np

from nnbook._checks import as_int, as_positive_float
from nnbook.optimisers import SGD


class DivergenceError(FloatingPointError):
    """Raised when training produces a cost that is NaN or infinite."""


@dataclass
class TrainingHistory:
    """What :meth:`Network.train` and :meth:`ConvNet.train` record, one entry per epoch.

    ``cost`` holds the mean cost (quadratic or cross-entropy, the network's
    own) over the whole training set, measured after each epoch.
    ``accuracy`` holds the fraction of training examples that
    :meth:`Network.predict` classifies right; it is recorded only when the
    targets are classes (one-hot rows, or 0 and 1 for a single output
    neuron) and stays empty otherwise. ``validation_cost`` and
    ``validation_accuracy`` are the same two measures on the ``validation``
    set, when one is given.
    """

    cost: list = field(default_factory=list)
    accuracy: list = field(default_factory=list)
    validation_cost: list = field(default_factory=list)
    validation_accuracy: list = field(default_factory=list)


def as_optimiser(learning_rate, optimizer):
    """Return the optimiser that ``train`` steps with, and how to name its rate.

    Exactly one of the two must be given: ``learning_rate`` for plain
    gradient descent, ``SGD(learning_rate)``, or ``optimizer``, any object
    with a method ``step(params, grads)``, such as :class:`nnbook.Adam`,
    which then carries its own learning rate.
    """
    if optimizer is None:
        if learning_rate is None:
            raise TypeError(
                "train needs a learning_rate= (for plain gradient descent) or "
                "an optimizer= (such as nnbook.Adam(0.001)); got neither"
            )
        rate = as_positive_float("learning_rate", learning_rate)
        return SGD(rate), f"learning_rate={learning_rate}"
    if learning_rate is not None:
        raise TypeError(
            "train takes a learning_rate= or an optimizer=, not both: the "
            f"optimiser has its own learning rate; got learning_rate="
            f"{learning_rate!r} and optimizer={optimizer!r}"
        )
    if isinstance(optimizer, type):
        raise TypeError(
            "optimizer must be an optimiser object, made with its learning "
            f"rate, such as {optimizer.__name__}(0.001); got the class "
            f"{optimizer.__name__} itself"
        )
    if not callable(getattr(optimizer, "step", None)):
        raise TypeError(
            "optimizer must be an optimiser, such as nnbook.SGD, nnbook.RMSprop "
            "or nnbook.Adam, with a method step(params, grads); got "
            f"{type(optimizer).__name__}"
        )
    return optimizer, f"the learning rate of {optimizer!r}"


def train(
    model,
    data,
    *,
    epochs,
    batch_size,
    learning_rate=None,
    optimizer=None,
    seed=None,
    validation=None,
):
    """Train ``model`` by mini-batch gradient descent; return the history.

    ``data`` is the checked training set ``(X, Y, labels)`` and
    ``validation``, if not None, a checked validation set of the same kind;
    ``labels`` is None when ``Y`` holds no classes. Each epoch shuffles the
    rows of ``X`` and ``Y`` (with ``np.random.default_rng(seed)``), cuts
    them into batches of ``batch_size`` rows (the last one may be smaller)
    and, for each batch, hands the gradient of its mean cost to the
    optimiser, whose step changes the parameters in place: with
    ``learning_rate`` alone that step is ``p <- p - learning_rate * dC/dp``,
    chapter 4, equation (4.6).

    Returns a :class:`TrainingHistory`. Raises :class:`DivergenceError` as
    soon as the cost on ``X`` is NaN or infinite, which happens when the
    learning rate is far too large.
    """
    X, Y, labels = data
    epochs = as_int("epochs", epochs, minimum=0)
    optimizer, rate = as_optimiser(learning_rate, optimizer)
    batch_size = as_int("batch_size", batch_size, minimum=1)
    params = model.params
    rng = np.random.default_rng(seed)
    history = TrainingHistory()
    n = X.shape[0]
    for epoch in range(1, epochs + 1):
        order = rng.permutation(n)
        X_shuffled, Y_shuffled = X[order], Y[order]  # batches are then views
        # huge steps overflow to inf and then NaN; the check below reports it
        with np.errstate(over="ignore", invalid="ignore"):
            for start in range(0, n, batch_size):
                batch = slice(start, start + batch_size)
                grads = model._gradients(X_shuffled[batch], Y_shuffled[batch], rng)
                optimizer.step(params, grads)
            cost, accuracy = model._measure(X, Y, labels)
        if not np.isfinite(cost):
            raise DivergenceError(
                f"training diverged in epoch {epoch}: the cost became "
                f"{cost}; {rate} is probably too large"
            )
        history.cost.append(cost)
        if accuracy is not None:
            history.accuracy.append(accuracy)
        if validation is not None:
            cost, accuracy = model._measure(*validation)
            history.validation_cost.append(cost)
            history.validation_accuracy.append(accuracy)
    return history

"""Chapter 10's figures: overfitting, the L2 penalty, and moved digits.

Each function takes what the page computed (the ``TrainingHistory`` of each
seed, the accuracies and costs of a grid of penalties, images and the
answers of networks) and returns a ``matplotlib.figure.Figure``; the page
saves it with ``style.save_png``. Nothing here trains or predicts.
"""

import numpy as np

from nnbook.plots.style import BLUE, GREY, ORANGE, figure, style


def _runs(name, rows, columns=None):
    """Return ``rows`` as a 2-D float array: one row per seed."""
    rows = np.asarray(rows, dtype=float)
    if rows.ndim != 2 or rows.shape[0] == 0 or rows.shape[1] == 0:
        raise ValueError(
            f"{name} must hold one row per seed, each with one value per "
            f"epoch or per setting; got shape {rows.shape}"
        )
    if columns is not None and rows.shape[1] != columns:
        raise ValueError(
            f"{name} must have {columns} columns, one per setting; got {rows.shape[1]}"
        )
    return rows


def _band(ax, x, rows, colour, label):
    """Draw the mean of ``rows`` over the seeds as a line, their range as a band."""
    ax.fill_between(x, rows.min(axis=0), rows.max(axis=0), color=colour, alpha=0.25)
    ax.plot(x, rows.mean(axis=0), color=colour, lw=2, label=label)


def learning_curves(histories, *, stopped=None):
    """Draw accuracy (%) and cost per epoch, mean over the runs with their range.

    ``histories`` holds one ``TrainingHistory`` per seed, all of the same
    length, with ``cost``, ``accuracy``, ``validation_cost`` and
    ``validation_accuracy``: the training set in blue, the validation set
    in orange. On the right the costs, on a log scale. ``stopped``, one
    epoch per run (counted from 1), marks on the validation cost of each
    run the epoch that early stopping chose.
    """
    if not histories:
        raise ValueError("histories must hold at least one TrainingHistory")
    curves = {
        name: _runs(name, [getattr(h, name) for h in histories])
        for name in ("accuracy", "validation_accuracy", "cost", "validation_cost")
    }
    epochs = {name: rows.shape[1] for name, rows in curves.items()}
    if len(set(epochs.values())) != 1:
        raise ValueError(f"every curve needs the same number of epochs; got {epochs}")
    epoch = np.arange(1, epochs["cost"] + 1)
    with style():
        fig, (accuracy, cost) = figure(7.2, 3.8, ncols=2)
        _band(accuracy, epoch, 100 * curves["accuracy"], BLUE, "training")
        _band(
            accuracy, epoch, 100 * curves["validation_accuracy"], ORANGE, "validation"
        )
        accuracy.set_ylim(0, 101)
        accuracy.set_title("accuracy (%)", fontsize=13)
        accuracy.legend(frameon=False, loc="lower right")
        _band(cost, epoch, curves["cost"], BLUE, "training")
        _band(cost, epoch, curves["validation_cost"], ORANGE, "validation")
        if stopped is not None:
            stopped = np.asarray(stopped, dtype=int)
            if stopped.shape != (len(histories),) or not (
                np.all(stopped >= 1) and np.all(stopped <= epoch[-1])
            ):
                raise ValueError(
                    f"stopped must give one epoch from 1 to {epoch[-1]} per "
                    f"run, {len(histories)} in all; got {stopped.tolist()}"
                )
            values = curves["validation_cost"][np.arange(len(stopped)), stopped - 1]
            cost.plot(
                stopped,
                values,
                "v",
                color=GREY,
                markersize=8,
                label="stopped",
                zorder=3,
            )
        cost.set_yscale("log")
        cost.set_title("cost $C$ (log scale)", fontsize=13)
        cost.legend(frameon=False, loc="center right")
        for ax in (accuracy, cost):
            ax.set_xlabel("epoch")
            ax.grid(alpha=0.3)
        fig.tight_layout()
    return fig


def _lambda_label(value):
    """Return a tick label for the penalty ``value``: ``0`` or a power of ten."""
    if value == 0:
        return "0"
    exponent = np.floor(np.log10(value))
    mantissa = value / 10**exponent
    power = f"10^{{{int(exponent)}}}"
    return f"${power}$" if np.isclose(mantissa, 1) else f"${mantissa:g}\\cdot{power}$"


def penalty_sweep(lambdas, accuracies, costs, *, chosen=None):
    """Draw accuracies (%) and costs against the penalty, mean and range.

    ``lambdas`` lists the penalties ``lambda`` of the grid, one column of
    every array each; they are spaced evenly, labelled 0 or as powers of
    ten. ``accuracies`` and ``costs`` map a label to an array with one row
    per seed (their means are drawn with error bars for the range): the
    first label of each in blue, the second in orange, at most two.
    ``chosen``, a value of ``lambdas``, is marked on both panels.
    """
    lambdas = [float(value) for value in lambdas]
    panels = {"accuracies": accuracies, "costs": costs}
    for name, runs in panels.items():
        if not 1 <= len(runs) <= 2:
            raise ValueError(f"{name} must map 1 or 2 labels to runs; got {len(runs)}")
    if chosen is not None and chosen not in lambdas:
        raise ValueError(f"chosen must be one of lambdas {lambdas}; got {chosen}")
    x = np.arange(len(lambdas))
    with style():
        fig, axes = figure(7.2, 3.8, ncols=2)
        for ax, (name, runs), scale in zip(axes, panels.items(), (100, 1)):
            for (label, rows), colour, offset in zip(
                runs.items(), (BLUE, ORANGE), (-0.08, 0.08)
            ):
                rows = scale * _runs(f"{name}[{label!r}]", rows, len(lambdas))
                mean = rows.mean(axis=0)
                ax.errorbar(
                    x + offset,
                    mean,
                    yerr=[mean - rows.min(axis=0), rows.max(axis=0) - mean],
                    color=colour,
                    lw=2,
                    marker="o",
                    capsize=3,
                    label=label,
                )
            if chosen is not None:
                ax.axvline(lambdas.index(chosen), color=GREY, lw=1, ls=":")
            ax.set_xticks(x, [_lambda_label(value) for value in lambdas], fontsize=11)
            ax.set_xlabel(r"penalty $\lambda$")
            ax.grid(alpha=0.3)
            ax.legend(frameon=False, fontsize=11)
        axes[0].set_title("accuracy (%)", fontsize=13)
        axes[1].set_title("validation cost $C$", fontsize=13)
        fig.tight_layout()
    return fig


def shifted_copies(images, titles, *, answers=None):
    """Draw 8x8 digits side by side, each with a title, optionally answers.

    ``images`` has shape ``(k, 64)`` or ``(k, 8, 8)``, ink dark on white;
    ``titles`` gives one title per image. ``answers`` maps the name of a
    network to its ``k`` answers, written under the images, one line per
    network.
    """
    images = np.asarray(images, dtype=float).reshape(-1, 8, 8)
    if len(titles) != len(images):
        raise ValueError(
            f"titles must name each of the {len(images)} images; got {len(titles)}"
        )
    answers = answers or {}
    for name, said in answers.items():
        if len(said) != len(images):
            raise ValueError(
                f"answers[{name!r}] must hold one answer per image, "
                f"{len(images)}; got {len(said)}"
            )
    with style():
        fig, axes = figure(
            1.45 * len(images), 2.1 + 0.3 * len(answers), ncols=len(images)
        )
        axes = np.atleast_1d(axes)
        for k, (ax, image, title) in enumerate(zip(axes, images, titles)):
            ax.imshow(image, cmap="gray_r", vmin=0, vmax=1)
            ax.set_title(title, fontsize=12)
            ax.set_xticks([])
            ax.set_yticks([])
            lines = [f"{name}: {said[k]}" for name, said in answers.items()]
            if lines:
                ax.set_xlabel("\n".join(lines), fontsize=11)
        fig.tight_layout()
    return fig

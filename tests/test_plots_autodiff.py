"""Chapter 11's drawing function, on values made up for the test."""

import pytest
from matplotlib.figure import Figure

from nnbook.plots import autodiff
from nnbook.plots.chain import NAMES

KEYS = ["a0", "w1", "b1", "z1", "a1", "w2", "b2", "z2", "a2", "C", "y"]
VALUES = dict(
    zip(KEYS, [1.5, 0.23, -0.07, 0.28, 0.57, 0.56, -0.44, -0.12, 0.47, 0.037, 0.2])
)


def texts(fig):
    return [t.get_text() for t in fig.axes[0].texts]


def test_graph_writes_every_name_value_and_adjoint():
    adjoints = {"w1": 0.0138, "z2": 0.0673, "C": 1.0}
    fig = autodiff.computational_graph(NAMES, VALUES, adjoints, title="a chain")
    assert isinstance(fig, Figure)
    assert tuple(fig.get_size_inches() * fig.dpi) == pytest.approx((760, 430))
    written = texts(fig)
    assert "a chain" in written
    for key in KEYS:
        assert f"${NAMES[key]}$" in written
    assert "0.230" in written
    assert "\N{MINUS SIGN}0.0700" in written
    assert r"$\bar{w}^{1} = 0.0138$" in written
    assert r"$\bar{C} = 1.00$" in written
    # one red label per adjoint given, none for the others
    assert sum(text.startswith(r"$\bar") for text in written) == len(adjoints)
    # ten edges and eleven nodes
    assert len(fig.axes[0].patches) == 10 + 11


def test_graph_writes_text_as_given():
    values = {key: "(10, 30)" for key in KEYS}
    names = {key: "W^1" for key in KEYS}
    fig = autodiff.computational_graph(
        names, values, {"w1": "(D^1)^T X"}, title="t", held="shape"
    )
    written = texts(fig)
    assert written.count("(10, 30)") == len(KEYS)
    assert r"$\bar{W}^{1} = (D^1)^T X$" in written
    assert any(text.startswith("grey: the shape of each node") for text in written)


def test_graph_refuses_missing_values_and_unknown_adjoints():
    partial = {key: 1.0 for key in KEYS if key != "z2"}
    with pytest.raises(ValueError, match=r"values of \['z2'\]"):
        autodiff.computational_graph(NAMES, partial, {}, title="t")
    with pytest.raises(ValueError, match=r"does not have: \['z3'\]"):
        autodiff.computational_graph(NAMES, VALUES, {"z3": 1.0}, title="t")

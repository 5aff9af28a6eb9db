"""The drawing function of the performance appendix, on made-up ratios."""

import pytest
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure

from nnbook.plots import performance
from nnbook.plots.style import BLUE, GREEN

PANELS = [
    ("small", [("nnbook", 1.0, "nnbook"), ("PyTorch", 6.0, "PyTorch")]),
    ("conv", [("layer", 0.5, "PyTorch")]),
]


def test_ratios_draws_one_panel_per_group_on_a_shared_log_scale():
    fig = performance.ratios(PANELS)
    assert isinstance(fig, Figure)
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["small", "conv"]
    assert all(ax.get_xscale() == "log" for ax in fig.axes)
    assert fig.axes[0].get_xlim() == pytest.approx((0.05, 60))
    assert tuple(fig.get_size_inches()) == pytest.approx((7.2, 1 + 0.42 * 3 + 0.9))


def test_ratios_labels_and_colours_the_bars_top_to_bottom():
    fig = performance.ratios(PANELS)
    small = fig.axes[0]
    labels = [tick.get_text() for tick in small.get_yticklabels()]
    assert labels == ["PyTorch", "nnbook"]  # bottom to top: nnbook on top
    widths = [bar.get_width() for bar in small.patches]
    assert widths == [6.0, 1.0]
    colours = [bar.get_facecolor() for bar in small.patches]
    assert colours == [to_rgba(GREEN), to_rgba(BLUE)]
    assert [t.get_text() for t in small.texts] == [
        "6.00\N{MULTIPLICATION SIGN}",
        "1.00\N{MULTIPLICATION SIGN}",
    ]


def test_ratios_refuses_an_unknown_implementation():
    with pytest.raises(ValueError, match="no colour for"):
        performance.ratios([("x", [("JAX", 2.0, "JAX")])])


def test_ratios_refuses_an_empty_panel():
    with pytest.raises(ValueError, match="at least one panel"):
        performance.ratios([("x", [])])

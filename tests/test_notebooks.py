"""The notebooks: each page's, built from the page and the outputs of its run.

Its code cells are exactly the blocks that ran, in order, in a fresh kernel,
so the notebook runs top to bottom in one; these tests check that it holds
them with their outputs, its figures and no syntax only the site knows.
"""

import re

import pytest

from scripts import notebooks
from scripts import page as pages

SITE = "https://example.org/book/"


def notebook_of(page, run):
    return notebooks.page_notebook(
        page,
        run,
        site_url=SITE,
        repo_url="https://example.org/repo",
        page_url=f"{SITE}{page.name}",
    )


def test_every_page_with_blocks_has_a_notebook(book):
    assert len(book) >= 10, [page.name for page, _ in book]


def test_notebooks_hold_the_blocks_in_order_with_their_outputs(book):
    for page, run in book:
        cells = [c for c in notebook_of(page, run).cells if c.cell_type == "code"]
        assert [c.source for c in cells] == [b.source.rstrip("\n") for b in page.blocks]
        assert [c.execution_count for c in cells] == [b.number for b in page.blocks]
        for cell, outputs in zip(cells, run.outputs):
            assert [o["output_type"] for o in cell.outputs] == [
                o["output_type"] for o in outputs
            ], f"{page.name}: outputs of cell {cell.execution_count}"
    shown = sum(
        bool(c.get("outputs")) for p, r in book for c in notebook_of(p, r).cells
    )
    assert shown >= 10, "hardly any block of the book shows an output"


def test_notebooks_carry_their_figures_and_no_site_syntax(book):
    for page, run in book:
        notebook = notebook_of(page, run)
        shown = set(re.findall(r"\]\(figures/([^)\s]+)\)", page.text))
        # a widget's data file: the notebook leaves the widget out
        shown -= {name for _, files in pages.widgets(page.text) for name in files}
        attached = {n for cell in notebook.cells for n in cell.get("attachments", {})}
        assert attached == shown, page.name
        prose = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
        for leftover in (r"\(", r"\[", "/// ", "](figures/", ".md)", "nnbook-widget"):
            assert leftover not in prose, f"{page.name}: {leftover!r} left"


def test_a_figure_is_not_shown_twice(book):
    for page, run in book:
        for cell in notebook_of(page, run).cells:
            for output in cell.get("outputs", []):
                text = output.get("data", {}).get("text/plain", "")
                if text.startswith("<figure figures/"):
                    assert set(output["data"]) == {"text/plain"}, page.name


@pytest.mark.parametrize("index", [0, -1])
def test_notebooks_are_deterministic(book, index):
    page, run = book[index]
    first = notebooks.dumps(notebook_of(page, run))
    assert first == notebooks.dumps(notebook_of(page, run))

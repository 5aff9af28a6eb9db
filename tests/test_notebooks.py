"""The notebooks: every chapter's, generated from its page, and the lab's.

Each one is run top to bottom in a fresh kernel, as a reader would run the
downloaded file; a cell that raises fails the test.
"""

import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from test_docs import python_fences

from scripts import notebooks
from scripts.figures import build

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT / "docs").glob("[0-9][0-9]-*.md"))
LABS = sorted((ROOT / "docs" / "lab").glob("*.py"))
SITE = "https://example.org/book/"


@pytest.fixture(scope="module")
def figures_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("figures")
    build(out, fast=True, log=lambda message: None)
    return out


def chapter(page, figures_dir):
    return notebooks.chapter_notebook(
        page.read_text("utf8"),
        title=page.stem,
        figures_dir=figures_dir,
        site_url=SITE,
        repo_url="https://example.org/repo",
        page_url=f"{SITE}{page.stem}/",
    )


def run(notebook, cwd):
    NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": cwd}},
    ).execute()


@pytest.mark.parametrize("page", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_notebook_has_the_page_code_in_order(page, figures_dir):
    notebook = chapter(page, figures_dir)
    code = [c.source for c in notebook.cells if c.cell_type == "code"]
    assert code == [block.rstrip("\n") for _, _, block in python_fences(page)]
    prose = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    for leftover in (r"\(", r"\[", "/// ", "](figures/", ".md)"):
        assert leftover not in prose, f"{page.name}: {leftover!r} left in the notebook"


@pytest.mark.parametrize("page", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_notebook_carries_its_figures(page, figures_dir):
    notebook = chapter(page, figures_dir)
    shown = set(re.findall(r"\]\(figures/([^)\s]+)\)", page.read_text("utf8")))
    attached = {name for cell in notebook.cells for name in cell.get("attachments", {})}
    assert attached == shown


def test_chapter_notebook_is_deterministic(figures_dir):
    page = CHAPTERS[0]
    first = notebooks.dumps(chapter(page, figures_dir))
    assert first == notebooks.dumps(chapter(page, figures_dir))


def test_missing_figure_is_a_clear_error(tmp_path):
    markdown = "# T\n\n![A plot.](figures/nothing.png)\n\n```python\nassert True\n```\n"
    with pytest.raises(FileNotFoundError, match=r"figure nothing.png not found"):
        notebooks.chapter_notebook(
            markdown,
            title="T",
            figures_dir=tmp_path,
            site_url=SITE,
            repo_url="r",
            page_url="p",
        )


@pytest.mark.slow
@pytest.mark.parametrize("page", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_notebook_runs_top_to_bottom(page, figures_dir, tmp_path):
    notebook = nbformat.reads(notebooks.dumps(chapter(page, figures_dir)), 4)
    run(notebook, tmp_path)
    assert all(
        c.get("execution_count") for c in notebook.cells if c.cell_type == "code"
    )


@pytest.mark.slow
@pytest.mark.parametrize("lab", LABS, ids=lambda p: p.stem)
def test_lab_notebook_runs_top_to_bottom(lab, tmp_path):
    notebook = nbformat.reads(notebooks.dumps(notebooks.lab_notebook(lab)), 4)
    run(notebook, tmp_path)
    assert any(c.cell_type == "code" and c.outputs for c in notebook.cells)

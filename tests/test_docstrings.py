"""nnbook's docstrings cite the book: every citation must point at a real label.

A docstring such as "Chapter 4, equation (4.3)" promises that the page of
chapter 4 has an equation tagged (4.3). When a chapter is renumbered, this
test names every citation left pointing at nothing.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "src" / "nnbook").rglob("*.py"))
CITATION = re.compile(
    r"[Cc]hapter (?P<chapter>\d+), equations? "
    r"(?P<labels>\([\w.]+\)(?:(?:,| and| to) \([\w.]+\))*)"
)


def citations():
    found = []
    for source in SOURCES:
        text = " ".join(source.read_text("utf8").split())  # join wrapped lines
        for match in CITATION.finditer(text):
            for label in re.findall(r"\(([\w.]+)\)", match["labels"]):
                found.append((source.name, int(match["chapter"]), label))
    return found


def test_docstrings_cite_equations():
    assert len(citations()) > 10


@pytest.mark.parametrize(("source", "chapter", "label"), citations())
def test_cited_equation_exists(source, chapter, label):
    pages = list((ROOT / "docs").glob(f"{chapter:02d}-*.md"))
    assert pages, f"{source} cites chapter {chapter}, which has no page"
    text = pages[0].read_text("utf8")
    assert f"\\tag{{{label}}}" in text, (
        f"{source} cites chapter {chapter}, equation ({label}); "
        f"{pages[0].name} has no \\tag{{{label}}}"
    )

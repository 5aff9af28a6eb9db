"""The book's pages: every Python block is collected, and every block checks something.

pytest-markdown-docs silently skips a fence it cannot see (one indented inside
an admonition or a content tab, or written in a syntax it does not parse).
These tests count the fences in the Markdown themselves and compare.
"""

import ast
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "docs").rglob("*.md"))

# Any fence line (``` or ~~~, indented or not) whose language is Python.
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?:`{3,}|~{3,})\s*\{?\s*\.?(?P<lang>[\w-]*)")
PYTHON = {"py", "python", "python3"}


def python_fences(page):
    """Return ``(line_number, indent, code)`` of each Python fence of ``page``."""
    fences, inside, start, code = [], None, 0, []
    for number, line in enumerate(page.read_text("utf8").splitlines(), 1):
        match = FENCE.match(line)
        if inside is None and match:
            inside, start, code = match, number, []
        elif inside is not None and match and not match["lang"]:
            if inside["lang"] in PYTHON:
                fences.append((start, inside["indent"], "\n".join(code)))
            inside = None
        elif inside is not None:
            code.append(line[len(inside["indent"]) :])
    return fences


def collected_blocks():
    """Return a Counter of collected block tests per page, from pytest itself."""
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "docs"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    ids = [line for line in result.stdout.splitlines() if "[CodeFence#" in line]
    return Counter(line.split("::")[0] for line in ids), ids


def test_every_python_block_in_docs_is_collected():
    counts, ids = collected_blocks()
    expected = {
        page.relative_to(ROOT).as_posix(): len(python_fences(page)) for page in PAGES
    }
    expected = {page: n for page, n in expected.items() if n}
    assert expected, "no Python block found in docs/"
    assert dict(counts) == expected, (
        "pytest collects a different number of blocks than the Markdown holds "
        f"(collected: {dict(counts)}, in the Markdown: {expected})"
    )
    # and each one at the line where the Markdown has it
    lines = {
        f"{page.relative_to(ROOT).as_posix()}:{start}"
        for page in PAGES
        for start, _, _ in python_fences(page)
    }
    line_of = re.compile(r"^(?P<page>[^:]+)::.*\[line:(?P<line>\d+)\]")
    found = {"{page}:{line}".format(**line_of.match(test).groupdict()) for test in ids}
    assert found == lines


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_no_python_block_is_indented(page):
    # Indented fences (inside !!! or ??? or === blocks) are not collected;
    # use the `/// details` block syntax instead, which needs no indent.
    indented = [start for start, indent, _ in python_fences(page) if indent]
    assert not indented, f"{page.name}: indented Python fences at lines {indented}"


def checks_something(code):
    """True if the block has an assert statement or calls an assert_* function."""
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Assert):
            return True
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name.startswith("assert_") or name == "raises":
                return True
    return False


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_python_block_checks_something(page):
    silent = [
        start for start, _, code in python_fences(page) if not checks_something(code)
    ]
    assert not silent, f"{page.name}: blocks that assert nothing, at lines {silent}"


IMAGE = re.compile(r"^!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)\)\s*$")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_figure_has_alt_text_and_a_caption(page):
    lines = page.read_text("utf8").splitlines()
    problems = []
    for number, line in enumerate(lines, 1):
        image = IMAGE.match(line)
        if not image:
            continue
        if len(image["alt"].split()) < 5:
            problems.append(f"line {number}: alt text too short to describe the image")
        following = [text for text in lines[number : number + 3] if text.strip()]
        if not following or following[0].strip() != "/// caption":
            problems.append(f"line {number}: no `/// caption` block after the image")
    assert not problems, f"{page.name}: " + "; ".join(problems)

"""Every Python fence of every page is one of the blocks that run.

The page reader (scripts/page.py) is a CommonMark parser; this test looks at
the raw lines instead, with a deliberately simple reader of its own, so a
fence that the parser does not take for a block (inside an HTML block, say)
cannot go unnoticed.
"""

import re
import subprocess
import sys

import pytest

from scripts import page as pages

DOCS = pages.DOCS

FENCE = re.compile(r"^[ \t]*(?:`{3,}|~{3,})\s*\{?\s*\.?(?P<lang>[\w-]+)")


def fence_lines(text):
    """Return the lines (from 1) of every fence line naming a Python language."""
    return [
        number
        for number, line in enumerate(text.splitlines(), 1)
        if (match := FENCE.match(line))
        and match["lang"].lower() in pages.PYTHON_SPELLINGS
    ]


@pytest.mark.parametrize("path", pages.pages(), ids=lambda p: p.name)
def test_every_python_fence_is_a_block_that_runs(path):
    page = pages.read(path)
    assert [block.start for block in page.blocks] == fence_lines(page.text)


def test_the_lint_sees_a_page_line_by_line():
    page = pages.parse("# T\n\n```python\nimport os\n```\n", "docs/t.md")
    assert page_as_module(page).splitlines()[3] == "import os"


def test_the_simple_reader_sees_fences_the_parser_refuses():
    assert fence_lines("x\n\n    ```Python\n    1\n    ```\n") == [3]


# ruff reads a page's code as one module, run top to bottom, each line at its
# line of the Markdown. What a page does on purpose is left alone: it imports
# where a module is first needed (E402), ends a block with the value to show
# (B018), asserts several facts in one line (PT018), pairs neighbours with
# zip (RUF007), and calls at once a lambda made in a loop (B023).
PAGE_LINT_IGNORE = "B018,E402,PT018,RUF007,B023"


def page_as_module(page):
    """Return the page's code with every line at its Markdown line number."""
    lines = [""] * len(page.text.splitlines())
    for block in page.blocks:
        for offset, line in enumerate(block.source.splitlines(), 1):
            lines[block.start - 1 + offset] = line
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("path", pages.pages(), ids=lambda p: p.name)
def test_the_code_of_every_page_is_lint_clean(path):
    page = pages.read(path)
    command = [sys.executable, "-m", "ruff", "check", "--config", DOCS / "ruff.toml"]
    command += ["--extend-ignore", PAGE_LINT_IGNORE, "--output-format", "concise"]
    command += ["--stdin-filename", page.name.removesuffix(".md") + ".py", "-"]
    result = subprocess.run(
        command, input=page_as_module(page), capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout

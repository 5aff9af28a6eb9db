"""Every Python fence of every page is one of the blocks that run.

The page reader (scripts/page.py) is a CommonMark parser; this test looks at
the raw lines instead, with a deliberately simple reader of its own, so a
fence that the parser does not take for a block (inside an HTML block, say)
cannot go unnoticed.
"""

import re

import pytest

from scripts import page as pages

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


def test_the_simple_reader_sees_fences_the_parser_refuses():
    assert fence_lines("x\n\n    ```Python\n    1\n    ```\n") == [3]

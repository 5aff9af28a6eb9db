"""The one reader of the pages (scripts/page.py): blocks, lines, refusals."""

import pytest

from scripts import page as pages

PAGE = """\
---
data: [benchmarks/results/training.json]
---
# Title

Some prose.

```python
x = 1
```

More prose, with a fence of another language:

```bash
echo not python
```

/// details | Solution
```python
y = x + 1
```
///

The end.
"""


def test_blocks_are_read_with_their_markdown_lines():
    page = pages.parse(PAGE, "docs/t.md")
    assert [(b.number, b.start, b.end, b.source) for b in page.blocks] == [
        (1, 8, 10, "x = 1\n"),
        (2, 19, 21, "y = x + 1\n"),
    ]
    assert page.blocks[1].lines == "lines 20-20"
    assert page.blocks[1].markdown_line(1) == 20
    assert page.meta == {"data": ["benchmarks/results/training.json"]}


def test_segments_give_back_the_page_without_its_front_matter():
    page = pages.parse(PAGE, "docs/t.md")
    kinds = [kind for kind, _ in page.segments()]
    assert kinds == ["prose", "code", "prose", "code", "prose"]
    prose = "".join(part for kind, part in page.segments() if kind == "prose")
    assert "data:" not in prose
    assert "/// details | Solution" in prose
    assert "The end." in prose


@pytest.mark.parametrize(
    "fence", ["```py", "```Python", "```python3", "```pycon", "``` {.python}", "~~~py"]
)
def test_other_spellings_of_python_are_refused_with_the_line(fence):
    closing = "~~~" if fence.startswith("~") else "```"
    text = f"# T\n\n{fence}\nx = 1\n{closing}\n"
    with pytest.raises(pages.PageError, match=r"docs/t.md:3: .*```python"):
        pages.parse(text, "docs/t.md")


def test_a_block_indented_in_an_admonition_is_refused():
    text = "# T\n\n!!! note\n\n    ```python\n    x = 1\n    ```\n"
    with pytest.raises(pages.PageError, match=r"docs/t.md:5: .*indented"):
        pages.parse(text, "docs/t.md")


def test_a_block_inside_a_list_is_refused():
    text = "# T\n\n- item\n\n  ```python\n  x = 1\n  ```\n"
    with pytest.raises(pages.PageError, match=r"docs/t.md:5: .*left margin"):
        pages.parse(text, "docs/t.md")


def test_an_unclosed_block_is_refused():
    with pytest.raises(pages.PageError, match="never closed"):
        pages.parse("# T\n\n```python\nx = 1\n", "docs/t.md")


def test_front_matter_must_be_a_mapping():
    with pytest.raises(pages.PageError, match="mapping"):
        pages.parse("---\n- a\n---\n# T\n", "docs/t.md")


def test_every_page_of_the_book_reads():
    found = [pages.read(path) for path in pages.pages()]
    assert sum(len(page.blocks) for page in found) > 100


@pytest.mark.parametrize(
    ("source", "counts"),
    [
        ("assert x == 1, x", True),
        ("np.testing.assert_allclose(a, b)", True),
        ("with pytest.raises(ValueError):\n    f()", True),
        ("for a in b:\n    assert a > 0", True),
        ("assert True", False),
        ("assert 1, 'always'", False),
        ("def check(a):\n    assert a > 0", False),
        ("f = lambda a: np.testing.assert_equal(a, 1)", False),
        ("x = 1\nprint(x)", False),
    ],
)
def test_only_a_check_that_runs_and_can_fail_counts(source, counts):
    assert pages.checks_something(source) is counts

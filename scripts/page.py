"""A page of the book: its Markdown, its Python blocks and its prose.

This is the one reader of the pages. The page runner (``scripts.run``), the
tests (``conftest.py``, through Sybil), the notebooks (``scripts.notebooks``)
and the site (``scripts.mkdocs_hooks``) all see a page's blocks through
``parse``, so they cannot disagree about which blocks a page has or where.

The Markdown is read with markdown-it-py, a CommonMark parser, so a fence is
what a Markdown renderer takes for one. A page is refused, with the line and
the reason, when it holds a Python block that would not run as written:

- a fence whose language is another spelling of Python (``py``, ``Python``,
  ``python3``, ``pycon``, ...) or carries options: only ```` ```python ````
  is run, so every other spelling would show code that never ran;
- a fence indented inside a list, a quote, an admonition or a tab: write it
  at the left margin (a collapsible block uses ``/// details``).
"""

import ast
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"

LANGUAGE = "python"
# Every fence language that names Python, compared in lower case.
PYTHON_SPELLINGS = {
    "py",
    "py3",
    "python",
    "python3",
    "pycon",
    "pyi",
    "ipython",
    "ipython3",
    "python-repl",
}
_FENCE_LINE = re.compile(r"^\s*(`{3,}|~{3,})\s*\{?\s*\.?(?P<lang>[\w-]+)")


class PageError(ValueError):
    """A page that the runner refuses, with the page, the line and the reason."""


@dataclass(frozen=True)
class Block:
    """One Python block: its number on the page (from 1), lines and code.

    ``start`` and ``end`` are the Markdown lines (from 1) of the opening and
    the closing fence, so the code is lines ``start + 1`` to ``end - 1``.
    """

    number: int
    start: int
    end: int
    source: str

    def markdown_line(self, line):
        """Return the Markdown line of line ``line`` (from 1) of the block."""
        return self.start + line

    @property
    def lines(self):
        return f"lines {self.start + 1}-{self.end - 1}"


@dataclass(frozen=True)
class Page:
    """A page: its path below the repository, its text, metadata and blocks."""

    name: str  # "docs/04-backpropagation.md"
    text: str
    meta: dict = field(default_factory=dict)
    blocks: tuple = ()

    def segments(self):
        """Yield ``("prose", text)`` and ``("code", block)`` in page order.

        The front matter is left out; prose that is only blank lines too.
        """
        lines = self.text.splitlines(keepends=True)
        position = _front_matter_end(lines)
        for block in self.blocks:
            prose = "".join(lines[position : block.start - 1])
            if prose.strip():
                yield "prose", prose
            yield "code", block
            position = block.end
        rest = "".join(lines[position:])
        if rest.strip():
            yield "prose", rest


def _front_matter_end(lines):
    """Return the number of lines taken by a YAML front matter (0 if none)."""
    if lines and lines[0].rstrip() == "---":
        for number, line in enumerate(lines[1:], 2):
            if line.rstrip() in ("---", "..."):
                return number
    return 0


def _meta(lines, name):
    end = _front_matter_end(lines)
    if not end:
        return {}
    try:
        meta = yaml.safe_load("".join(lines[1 : end - 1])) or {}
    except yaml.YAMLError as error:
        raise PageError(
            f"{name}: the front matter is not valid YAML: {error}"
        ) from None
    if not isinstance(meta, dict):
        raise PageError(f"{name}: the front matter must be a mapping, not {meta!r}")
    return meta


def _language(info):
    words = info.strip().strip("{}").split()
    return words[0].lstrip(".").lower() if words else ""


@functools.lru_cache(maxsize=256)
def parse(text, name):
    """Return the ``Page`` of Markdown ``text``; ``name`` is used in errors.

    Raises ``PageError`` for a Python block that would not run as written.
    The result is cached by text: under ``mkdocs serve`` only the page that
    was edited is parsed again. Treat it as read-only.
    """
    lines = text.splitlines()
    blocks = []
    for token in MarkdownIt("commonmark").parse(text):
        if token.type == "code_block":
            # An indented code block holding a fence: a fence inside an
            # admonition (!!!, ???) or a tab (===), shown but never run.
            for offset, line in enumerate(token.content.splitlines()):
                found = _FENCE_LINE.match(line)
                if found and found["lang"].lower() in PYTHON_SPELLINGS:
                    number = token.map[0] + offset + 1
                    raise PageError(
                        f"{name}:{number}: a Python block indented inside another "
                        "block (an admonition or a tab) would never run: write it "
                        "at the left margin, in a `/// details` block if it should "
                        "fold"
                    )
        if token.type != "fence" or _language(token.info) not in PYTHON_SPELLINGS:
            continue
        start = token.map[0] + 1
        if token.info.strip() != LANGUAGE:
            raise PageError(
                f"{name}:{start}: a Python block must open with ```{LANGUAGE} "
                f"(found ```{token.info.strip()}); other spellings and fence "
                "options are not run"
            )
        if token.level or lines[start - 1][:1].isspace():
            raise PageError(
                f"{name}:{start}: a Python block indented inside another block "
                "(a list or a quote) would be shown differently from how it is "
                "run: write it at the left margin"
            )
        end = token.map[1]
        if lines[end - 1].strip()[:3] not in ("```", "~~~"):
            raise PageError(f"{name}:{start}: this Python block is never closed")
        blocks.append(
            Block(number=len(blocks) + 1, start=start, end=end, source=token.content)
        )
    return Page(
        name=name,
        text=text,
        meta=_meta(text.splitlines(keepends=True), name),
        blocks=tuple(blocks),
    )


def checks_something(source):
    """True if the block checks a claim when it runs.

    An ``assert``, a call of an ``assert_*`` function or of ``pytest.raises``
    counts, unless it cannot fail (``assert True``) or sits in a function,
    lambda or class body, which the block may never call.
    """
    scopes = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)

    def runs_a_check(node):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, scopes):
                continue
            if isinstance(child, ast.Assert) and not isinstance(
                child.test, ast.Constant
            ):
                return True
            if isinstance(child, ast.Call):
                name = getattr(child.func, "attr", getattr(child.func, "id", ""))
                if name.startswith("assert_") or name == "raises":
                    return True
            if runs_a_check(child):
                return True
        return False

    return runs_a_check(ast.parse(source))


# An interactive figure (CONTRIBUTING.md, "Add a widget"): an HTML block at
# the left margin, closed by a line `</div>`, whose Markdown links the data
# file that the page's run wrote into figures/ and the widget's script reads.
WIDGET = re.compile(
    r'^<div class="nnbook-widget" data-widget="(?P<name>[\w-]+)" markdown>\n'
    r"(?P<body>.*?)^</div>[ \t]*(?:\n|\Z)",
    re.MULTILINE | re.DOTALL,
)
_FIGURE_LINK = re.compile(r"\]\(figures/(?P<file>[^)\s]+)\)")


def widgets(text):
    """Return ``[(name, files)]``: each widget of a page and the data it reads.

    ``files`` are the names under ``figures/`` that the widget's Markdown
    links, in order.
    """
    return [(m["name"], _FIGURE_LINK.findall(m["body"])) for m in WIDGET.finditer(text)]


def read(path):
    """Return the ``Page`` of the Markdown file at ``path``."""
    path = Path(path).resolve()
    try:
        name = path.relative_to(ROOT).as_posix()
    except ValueError:
        name = str(path)
    return parse(path.read_text(encoding="utf-8"), name)


def pages():
    """Return the paths of every Markdown page of the book, in a fixed order."""
    return sorted(DOCS.rglob("*.md"))

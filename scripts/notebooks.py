"""Every chapter as a Jupyter notebook, generated from its Markdown.

A chapter page alternates prose and ```python blocks that run top to bottom,
which is exactly a notebook: each block becomes a code cell and the prose
between blocks a Markdown cell. A few things only the site understands are
translated on the way:

- maths delimiters: ``\\(..\\)`` and ``\\[..\\]`` become ``$..$`` and ``$$..$$``,
  which every notebook front end typesets;
- figures: ``![alt](figures/x.png)`` becomes a cell attachment, so the
  notebook carries its images and works offline;
- links to other pages become links to the published site;
- the block syntax of pymdownx (``/// details | Solution`` ... ``///``) becomes
  a bold heading, and ``/// caption`` blocks become italic captions.

The output is deterministic: the same page gives the same bytes. The lab
notebooks (jupytext ``.py`` files in docs/lab/) are converted with jupytext.
"""

import base64
import json
import mimetypes
import re
from pathlib import Path

import nbformat
from markdown_it import MarkdownIt

PYTHON = {"py", "python", "python3"}
INSTALL = 'pip install "nnbook[book] @ git+{repo}"'

_INLINE = re.compile(r"\\\((.+?)\\\)", re.DOTALL)
_DISPLAY = re.compile(r"\\\[(.+?)\\\]", re.DOTALL)
_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\(figures/(?P<name>[^)\s]+)\)")
_PAGE_LINK = re.compile(r"\]\((?P<page>[\w-]+)\.md(?P<anchor>#[\w-]+)?\)")
_BLOCK_START = re.compile(r"^///\s*(?P<kind>\w+)(?:\s*\|\s*(?P<title>.*))?$")


def _maths(text):
    text = _DISPLAY.sub(lambda m: f"$${m[1]}$$", text)
    return _INLINE.sub(lambda m: f"${m[1].strip()}$", text)


def _blocks(text):
    """Translate the pymdownx block syntax, which notebooks do not know."""
    lines, kinds = [], []
    for line in text.splitlines():
        start = _BLOCK_START.match(line.strip())
        if start:
            kinds.append(start["kind"])
            if start["kind"] == "details":
                lines.append(f"**{start['title'] or 'Details'}**")
            continue
        if line.strip() == "///":
            kinds.pop() if kinds else None
            continue
        if kinds and kinds[-1] == "caption" and line.strip():
            line = f"*{line.strip()}*"
        lines.append(line)
    return "\n".join(lines)


def _markdown_cell(text, *, figures_dir, site_url):
    attachments = {}

    def attach(match):
        name = match["name"]
        path = Path(figures_dir) / name
        if not path.is_file():
            raise FileNotFoundError(
                f"figure {name} not found in {figures_dir}; build the figures first "
                "(python -m scripts.figures)"
            )
        mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
        attachments[name] = {mime: base64.b64encode(path.read_bytes()).decode()}
        return f"![{match['alt']}](attachment:{name})"

    text = _blocks(text)
    text = _IMAGE.sub(attach, text)
    text = _PAGE_LINK.sub(
        lambda m: (
            f"]({site_url}{m['page']}/{m['anchor'] or ''})"
            if m["page"] != "index"
            else f"]({site_url}{m['anchor'] or ''})"
        ),
        text,
    )
    cell = nbformat.v4.new_markdown_cell(_maths(text).strip("\n"))
    if attachments:
        cell["attachments"] = attachments
    return cell


def chapter_notebook(markdown, *, title, figures_dir, site_url, repo_url, page_url):
    """Return the notebook (an nbformat node) of one chapter's Markdown source."""
    parser = MarkdownIt("commonmark")
    lines = markdown.splitlines(keepends=True)
    intro = (
        f"This notebook is chapter *{title}* of the executable book "
        f"[The Maths behind Neural Networks]({site_url}), generated from the "
        f"page {page_url}. Run it top to bottom in a fresh kernel; it needs "
        f"the book's package:\n\n```\n{INSTALL.format(repo=repo_url)}\n```"
    )
    cells = [nbformat.v4.new_markdown_cell(intro)]
    position = 0
    for token in parser.parse(markdown):
        info = token.info.strip().strip("{}").split()
        language = info[0].lstrip(".") if info else ""
        if token.type != "fence" or language not in PYTHON:
            continue
        start, end = token.map
        prose = "".join(lines[position:start])
        if prose.strip():
            cells.append(
                _markdown_cell(prose, figures_dir=figures_dir, site_url=site_url)
            )
        cells.append(nbformat.v4.new_code_cell(token.content.rstrip("\n")))
        position = end
    rest = "".join(lines[position:])
    if rest.strip():
        cells.append(_markdown_cell(rest, figures_dir=figures_dir, site_url=site_url))
    return _finish(cells)


def lab_notebook(path):
    """Return the notebook of a jupytext ``.py`` file from docs/lab/."""
    import jupytext

    notebook = jupytext.read(path)
    return _finish(notebook.cells)


def _finish(cells):
    notebook = nbformat.v4.new_notebook()
    for number, cell in enumerate(cells, 1):
        cell["id"] = f"cell-{number}"  # stable ids give stable bytes
        if cell["cell_type"] == "code":
            cell["execution_count"] = None
            cell["outputs"] = []
        cell["metadata"] = {}
    notebook.cells = cells
    notebook.metadata = {
        "kernelspec": {
            "display_name": "Python 3",
            "language": "python",
            "name": "python3",
        },
        "language_info": {"name": "python"},
    }
    nbformat.validate(notebook)
    return notebook


def dumps(notebook):
    """Return the notebook as JSON text with sorted keys (stable bytes)."""
    return json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n"

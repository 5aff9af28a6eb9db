"""A page of the book as a Jupyter notebook, with the outputs of its run.

A page alternates prose and ```python blocks that run top to bottom, which is
exactly a notebook: each block becomes a code cell, holding the outputs that
the page's run gave it (``scripts.run``), and the prose between blocks a
Markdown cell. A few things only the site understands are translated on the
way:

- maths delimiters: ``\\(..\\)`` and ``\\[..\\]`` become ``$..$`` and ``$$..$$``,
  which every notebook front end typesets;
- figures: ``![alt](figures/x.png)`` becomes a cell attachment, so the
  notebook carries its images and works offline; the cell that drew the
  figure keeps its text output only, so the picture is not shown twice;
- links to other pages become links to the published site;
- the block syntax of pymdownx (``/// details | Solution`` ... ``///``) becomes
  a bold heading, and ``/// caption`` blocks become italic captions;
- an interactive figure (``<div class="nnbook-widget" ...>``) is left out: it
  needs the site's scripts, and the static figure next to it stays.

The output is deterministic: the same page and run give the same bytes.
"""

import base64
import json
import mimetypes
import re

import nbformat

from scripts import page as pages

INSTALL = 'pip install "nnbook[book] @ git+{repo}"'

_INLINE = re.compile(r"\\\((.+?)\\\)", re.DOTALL)
_DISPLAY = re.compile(r"\\\[(.+?)\\\]", re.DOTALL)
_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\(figures/(?P<name>[^)\s]+)\)")
_PAGE_LINK = re.compile(r"\]\((?:\.\./)?(?P<page>[\w/-]+)\.md(?P<anchor>#[\w-]+)?\)")
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


def _markdown_cell(text, *, figures, site_url):
    attachments = {}

    def attach(match):
        name = match["name"]
        path = figures.get(name)
        if path is None:
            # not written by the page's run: mkdocs reports the broken image
            return match[0]
        mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
        attachments[name] = {mime: base64.b64encode(path.read_bytes()).decode()}
        return f"![{match['alt']}](attachment:{name})"

    text = pages.WIDGET.sub("", text)
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


def page_notebook(page, run, *, site_url, repo_url, page_url):
    """Return the notebook (an nbformat node) of ``page`` with ``run``'s outputs.

    ``page`` is a ``scripts.page.Page`` and ``run`` its ``scripts.run.Run``.
    """
    title = re.search(r"^# (.+)$", page.text, re.MULTILINE)
    title = title[1] if title else page.name
    needs = "".join(f"\n- `{name}`" for name in page.meta.get("data", []))
    intro = (
        f"This notebook is *{title}*, a page of the executable book "
        f"[The Maths behind Neural Networks]({site_url}), generated from "
        f"{page_url} with the outputs of the build's run. Run it top to bottom "
        f"in a fresh kernel; it needs the book's package:\n\n"
        f"```\n{INSTALL.format(repo=repo_url)}\n```"
    )
    if needs:
        intro += f"\n\nand these files of the repository, next to it:{needs}"
    figures = run.figures
    cells = [nbformat.v4.new_markdown_cell(intro)]
    for kind, part in page.segments():
        if kind == "prose":
            cells.append(_markdown_cell(part, figures=figures, site_url=site_url))
            continue
        cell = nbformat.v4.new_code_cell(part.source.rstrip("\n"))
        if part.number <= len(run.outputs):
            cell["execution_count"] = part.number
            cell["outputs"] = [
                nbformat.from_dict(_output(output, part.number, figures))
                for output in run.outputs[part.number - 1]
            ]
        cells.append(cell)
    return _finish(cells)


def _output(output, number, figures):
    """Return a run's output as the notebook keeps it, in cell ``number``.

    A figure's output keeps only its text when a Markdown cell attaches the
    figure, so that the picture is not shown twice.
    """
    if output["output_type"] == "execute_result":
        output = {**output, "execution_count": number}
    text = output.get("data", {}).get("text/plain", "")
    saved = re.fullmatch(r"<figure figures/(?P<name>[^>]+)>", text.strip())
    if saved and saved["name"] in figures:
        output = {**output, "data": {"text/plain": text}}
    return output


def _finish(cells):
    notebook = nbformat.v4.new_notebook()
    for number, cell in enumerate(cells, 1):
        cell["id"] = f"cell-{number}"  # stable ids give stable bytes
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

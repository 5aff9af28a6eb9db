"""MkDocs hooks of the book (listed under `hooks:` in mkdocs.yml).

The site shows each page's run (``scripts.run``); it never runs page code in
the mkdocs process.

- on_pre_build: read every page and run, in a new process, those whose run is
  out of date (a prose edit runs nothing; a code edit, that page; an edit of
  nnbook, every page). ``mkdocs serve`` also watches src/ and scripts/.
- on_files: publish what the runs made: each figure a page's code wrote into
  ``figures/``, next to the page, and each page's notebook, built from its
  run, under ``notebooks/``.
- on_page_markdown: put under each block what it printed or the value of its
  last line, as an "Output" box, and under a failed block its error (a
  warning too, so ``mkdocs build --strict`` fails); link the notebook.
"""

import logging
import posixpath
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

# mkdocs loads this file by its path; its package is found from the repository.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts import notebooks
from scripts import page as pages
from scripts import run as runs

log = logging.getLogger("mkdocs.hooks.nnbook")
_book = {"pages": {}, "runs": {}}  # this build's pages and runs, by page name
# Kept between the builds of `mkdocs serve`, by page name:
_notebooks = {}  # (page text, run digest, page URL) and the notebook's JSON
_shown = {}  # the digest of the run that the built page shows


def _page_name(src_uri):
    return f"docs/{src_uri}"


def notebook_uri(src_uri):
    """Return where the notebook of the page ``src_uri`` is published."""
    return "notebooks/" + src_uri.removesuffix(".md").replace("/", "-") + ".ipynb"


def on_pre_build(config):
    try:
        page_list = [pages.read(path) for path in pages.pages()]
    except pages.PageError as error:
        raise PluginError(str(error)) from None
    try:
        found = runs.ensure_in_subprocess(page_list)
    except RuntimeError as error:
        raise PluginError(str(error)) from None
    _book["runs"] = found
    _book["pages"] = {
        page.name: pages.read(pages.ROOT / page.name) for page in page_list
    }


def on_files(files, config):
    shown = {}
    for name, run in sorted(_book["runs"].items()):
        folder = posixpath.dirname(name.removeprefix("docs/"))
        for figure, path in run.figures.items():
            uri = posixpath.join(folder, runs.FIGURES, figure)
            if uri in shown:
                raise PluginError(f"{name} and {shown[uri]} both write {uri}")
            if files.get_file_from_path(uri) is not None:
                raise PluginError(f"{name} writes {uri}, which docs/ already has")
            shown[uri] = name
            files.append(File.generated(config, uri, abs_src_path=str(path)))
    for name, run in sorted(_book["runs"].items()):
        src_uri = name.removeprefix("docs/")
        page_file = files.get_file_from_path(src_uri)
        if page_file is None:
            continue
        if _shown.get(name, run.digest) != run.digest:
            # `serve --dirty` rebuilds only the pages whose Markdown changed;
            # this one's run changed (an edit of nnbook, say): rebuild it too
            Path(page_file.abs_dest_path).unlink(missing_ok=True)
        page, page_url = _book["pages"][name], f"{config.site_url}{page_file.url}"
        key = (page.text, run.digest, page_url)
        if _notebooks.get(name, (None,))[0] != key:
            notebook = notebooks.page_notebook(
                page, run, site_url=config.site_url, repo_url=config.repo_url,
                page_url=page_url,
            )  # fmt: skip
            _notebooks[name] = key, notebooks.dumps(notebook)
        content = _notebooks[name][1]
        files.append(File.generated(config, notebook_uri(src_uri), content=content))
    return files


def _fence(text, attributes):
    """Return ``text`` as a fenced block that no line of it can close."""
    longest = max((len(run) for run in _backtick_runs(text)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks} {{{attributes}}}\n{text.rstrip()}\n{ticks}\n"


def _backtick_runs(text):
    run = ""
    for character in text:
        if character == "`":
            run += character
        elif run:
            yield run
            run = ""
    if run:
        yield run


def output_text(outputs):
    """Return what a reader should see of a block's outputs, as plain text.

    Printed text and the value of the last line; an image (a figure a block
    saved) is left out, since the page shows the figure itself.
    """
    parts = []
    for output in outputs:
        kind = output["output_type"]
        if kind == "stream":
            parts.append(output["text"])
        elif kind in ("execute_result", "display_data"):
            data = output.get("data", {})
            if not any(mime.startswith("image/") for mime in data):
                parts.append(data.get("text/plain", "") + "\n")
    return "".join(parts)


def on_page_markdown(markdown, page, config, files):
    name = _page_name(page.file.src_uri)
    run = _book["runs"].get(name)
    if run is None:
        return markdown
    shown = pages.parse(markdown, name)  # the page as mkdocs gives it
    kept = _book["pages"][name]
    if [b.source for b in shown.blocks] != [b.source for b in kept.blocks]:
        raise PluginError(f"{name} changed during the build; build again")
    lines = markdown.splitlines(keepends=True)
    for block in reversed(shown.blocks):
        insert = ""
        if block.number <= len(run.outputs):
            text = output_text(run.outputs[block.number - 1])
            if text.strip():
                insert += _fence(text, '.text .nnbook-output title="Output"')
        if run.failed == block.number:
            log.warning(runs.describe_failure(kept, run))
            _, error = run.error()
            insert += _fence(
                runs.traceback_text(error), '.text .nnbook-error title="Error"'
            )
        if insert:
            lines.insert(block.end, "\n" + insert)
    page.meta["notebook"] = notebook_uri(page.file.src_uri)
    _shown[name] = run.digest
    return "".join(lines)

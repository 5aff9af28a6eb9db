"""MkDocs hooks of the book (listed under `hooks:` in mkdocs.yml).

- on_pre_build: make the figures when they are missing or out of date, so that
  `mkdocs build` and `mkdocs serve` never publish a page with a stale or
  missing image. When they are fresh this costs a hash of a few files.
- on_page_markdown / on_page_context: every chapter (and every lab notebook)
  gets a Jupyter notebook, offered by a download button on its page
  (overrides/partials/actions.html reads `page.meta.notebook`).
- on_page_content: notebook pages rendered by mkdocs-jupyter carry nbconvert's
  own MathJax 2 loader, which points at a CDN; the site already loads MathJax
  3 itself, so that loader is removed.
- on_post_build: write the notebooks into the built site, under notebooks/.
"""

import logging
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts import notebooks  # noqa: E402
from scripts.figures import DEFAULT_OUT, build  # noqa: E402

log = logging.getLogger("mkdocs.hooks.nnbook")

CHAPTER = re.compile(r"^\d\d-[\w-]+\.md$")
NBCONVERT_MATHJAX = re.compile(
    r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.DOTALL
)
_notebooks = {}  # file name in notebooks/ -> JSON text, for this build


def on_pre_build(config):
    _notebooks.clear()
    build(log=log.info)


def on_page_markdown(markdown, page, config, files):
    if CHAPTER.match(page.file.src_uri):
        name = page.file.src_uri.removesuffix(".md") + ".ipynb"
        title = re.search(r"^# (.+)$", markdown, re.MULTILINE)
        notebook = notebooks.chapter_notebook(
            markdown,
            title=title[1] if title else page.file.name,
            figures_dir=DEFAULT_OUT,
            site_url=config.site_url,
            repo_url=config.repo_url,
            page_url=f"{config.site_url}{page.url}",
        )
        _notebooks[name] = notebooks.dumps(notebook)
        page.meta["notebook"] = f"notebooks/{name}"
    return markdown


def on_page_context(context, page, config, nav):
    src = page.file.src_uri
    if src.startswith("lab/") and src.endswith(".py"):
        name = "lab-" + Path(src).stem + ".ipynb"
        notebook = notebooks.lab_notebook(page.file.abs_src_path)
        _notebooks[name] = notebooks.dumps(notebook)
        page.meta["notebook"] = f"notebooks/{name}"
    return context


def on_page_content(html, page, config, files):
    if page.file.src_uri.startswith("lab/"):
        html, found = NBCONVERT_MATHJAX.subn("", html)
        if not found:
            raise RuntimeError(
                f"{page.file.src_uri}: nbconvert's MathJax loader was not found; "
                "its template changed: update NBCONVERT_MATHJAX in this file"
            )
    return html


def on_post_build(config):
    out = Path(config.site_dir) / "notebooks"
    out.mkdir(parents=True, exist_ok=True)
    for name, text in sorted(_notebooks.items()):
        (out / name).write_text(text, encoding="utf-8")
    log.info(f"notebooks: {len(_notebooks)} written to {out}")

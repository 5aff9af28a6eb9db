"""The figures: each one written by the run of the page that shows it."""

import json
import re

import pytest
from PIL import Image

from scripts import page as pages

IMAGE = re.compile(r"^!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)\)\s*$")
MAX_GIF_BYTES = 1_000_000
MAX_WIDGET_BYTES = 20_000  # a widget's data is a few numbers, read at once
ROOT = pages.ROOT


def shown_figures(page):
    """Return the file names under figures/ that the page shows.

    An image shows its file; an interactive figure (a widget) shows the data
    file that it reads, which its Markdown links.
    """
    images = set(re.findall(r"!\[[^\]]*\]\(figures/([^)\s]+)\)", page.text))
    return images | {name for _, files in pages.widgets(page.text) for name in files}


def test_every_figure_shown_is_written_by_the_page_and_every_one_written_shown(book):
    problems = {}
    for page, run in book:
        shown, written = shown_figures(page), set(run.figures)
        if shown != written:
            problems[page.name] = {
                "shown, not written by the page's run": sorted(shown - written),
                "written, not shown": sorted(written - shown),
            }
    pages_without_blocks = [
        p.name for p in map(pages.read, pages.pages()) if not p.blocks
    ]
    for name in pages_without_blocks:
        if shown_figures(pages.read(pages.ROOT / name)):
            problems[name] = "shows figures but has no block to make them"
    assert not problems, problems
    assert sum(len(run.figures) for _, run in book) >= 15


def test_figures_are_images_and_gifs_small_animations(book):
    for page, run in book:
        for name, path in run.figures.items():
            if path.suffix == ".json":  # a widget's data: the test below
                continue
            with Image.open(path) as image:
                kind = image.format
                assert kind == path.suffix[1:].upper(), f"{page.name}: {name}"
                if kind == "GIF":
                    assert image.n_frames > 1, f"{name} is not animated"
                    assert image.width <= 800, f"{name} is {image.width} px wide"
                    assert path.stat().st_size <= MAX_GIF_BYTES, name


def test_widgets_read_small_json_and_have_their_scripts_on_the_site(book):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    problems, found = [], 0
    for page, run in book:
        for name, files in pages.widgets(page.text):
            found += 1
            where = f"{page.name}, widget {name}"
            script = f"assets/widgets/{name}.js"
            if not (ROOT / "docs" / script).is_file() or f"- {script}" not in config:
                problems.append(f"{where}: needs {script}, listed in mkdocs.yml")
            if len(files) != 1:
                problems.append(f"{where}: links {files}, not one data file")
            for file in files:
                path = run.figures.get(file)
                if path is None or path.suffix != ".json":
                    problems.append(f"{where}: {file} is not JSON that the run wrote")
                    continue
                assert isinstance(json.loads(path.read_text(encoding="utf-8")), dict)
                if path.stat().st_size > MAX_WIDGET_BYTES:
                    problems.append(f"{where}: {file} is over {MAX_WIDGET_BYTES} bytes")
    assert not problems, problems
    assert found >= 3, found


@pytest.mark.parametrize("path", pages.pages(), ids=lambda p: p.name)
def test_every_figure_has_alt_text_and_a_caption(path):
    lines = path.read_text("utf8").splitlines()
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
    assert not problems, f"{path.name}: " + "; ".join(problems)

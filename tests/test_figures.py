"""The figure build: it runs, and it makes every image the pages refer to."""

import re
from pathlib import Path

import pytest

from scripts.figures import build, figures, is_stale

ROOT = Path(__file__).resolve().parents[1]
IMAGE = re.compile(r"!\[[^\]]*\]\((?P<src>[^)\s]+)")


def referenced_figures():
    """Return the file names of docs/figures/ that some page shows."""
    names = set()
    for page in (ROOT / "docs").rglob("*.md"):
        for match in IMAGE.finditer(page.read_text("utf8")):
            src = match["src"]
            if src.startswith("figures/"):
                names.add(src.removeprefix("figures/"))
    return names


@pytest.fixture(scope="module")
def fast_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("figures")
    written = build(out, fast=True, log=lambda message: None)
    return out, written


def test_every_referenced_image_is_built(fast_build):
    out, _ = fast_build
    referenced = referenced_figures()
    assert referenced, "no page refers to docs/figures/"
    missing = sorted(name for name in referenced if not (out / name).is_file())
    assert not missing, f"pages refer to figures the build does not make: {missing}"


def test_every_built_figure_is_used(fast_build):
    _, written = fast_build
    unused = sorted({p.name for p in written} - referenced_figures())
    assert not unused, f"figures that no page shows: {unused}"


def test_files_are_images_and_gifs_are_animated(fast_build):
    from PIL import Image

    _, written = fast_build
    for path in written:
        with Image.open(path) as image:
            assert image.format == path.suffix[1:].upper().replace("JPG", "JPEG")
            if image.format == "GIF":
                assert image.n_frames > 1, f"{path.name} is not animated"


def test_build_is_skipped_when_fresh_and_forced_otherwise(fast_build):
    out, _ = fast_build
    assert not is_stale(out, fast=True)
    assert build(out, fast=True, log=lambda message: None) == []
    name = next(iter(figures()))
    before = (out / name).read_bytes()
    again = build(out, fast=True, force=True, only=[name], log=lambda message: None)
    assert again == [out / name]
    assert (out / name).read_bytes() == before, f"{name} is not byte-identical"


def test_unknown_figure_names_are_rejected(tmp_path):
    with pytest.raises(ValueError, match="unknown figure"):
        build(tmp_path, only=["no-such-figure.png"])

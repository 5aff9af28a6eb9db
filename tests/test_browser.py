"""The built site in a real browser: headless Chromium, driven by Playwright.

For every page: every equation typeset (no MathJax error, no red undefined
macro, no raw TeX left), every image loaded, the GIFs decoded as animations,
no console error, no failed request and no request to any host but the local
server. Then what readers do: read a block's output, move between chapters
with instant navigation, search, switch to the dark palette. Each page's
weight and time to typeset go to .cache/site-report.json.

Needs Debian's chromium at /usr/bin/chromium (or NNBOOK_CHROMIUM). Without it
these tests are skipped; with NNBOOK_NO_SKIPS=1 (set by .ci/run) the skip
fails the run.
"""

import hashlib
import json
import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("NNBOOK_CHROMIUM", "/usr/bin/chromium")
REPORT = ROOT / ".cache" / "site-report.json"
VISITS = ROOT / ".cache" / "browser"  # the pages that passed, by what they hold

pytestmark = pytest.mark.browser

if not Path(CHROMIUM).exists():
    message = f"headless Chromium not found at {CHROMIUM} (apt-get install chromium)"
    pytest.skip(message, allow_module_level=True)

from playwright.sync_api import sync_playwright  # noqa: E402

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# -- in-page checks, in JavaScript -----------------------------------------------

# Set by docs/assets/javascripts/mathjax-config.js once a page is typeset.
ALL_MATH_TYPESET = "() => document.documentElement.dataset.mathjax === 'typeset'"

# Returns the problems it finds on the page, as short strings.
MATH_PROBLEMS = r"""() => {
  const problems = [];
  for (const el of document.querySelectorAll('.arithmatex')) {
    if (!el.querySelector('mjx-container')) {
      problems.push('not typeset: ' + el.textContent.slice(0, 60));
    }
  }
  for (const el of document.querySelectorAll('mjx-container')) {
    const tex = el.textContent.slice(0, 60);
    if (el.querySelector('mjx-merror')) problems.push('MathJax error: ' + tex);
    for (const node of el.querySelectorAll('[style]')) {
      const color = node.style.color.replace(/\s/g, '');
      if (color === 'red' || color === 'rgb(255,0,0)') {
        problems.push('red (undefined macro?): ' + node.textContent.slice(0, 40));
      }
    }
  }
  // Raw TeX left outside any typeset maths and outside code.
  const walker = document.createTreeWalker(
    document.querySelector('.md-content') || document.body, NodeFilter.SHOW_TEXT);
  const raw = /\\\(|\\\)|\\\[|\\\]|\$\$|\\(frac|partial|sigma|sum|mathrm)\b/;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent.closest('pre, code, mjx-container, script, style')) continue;
    if (parent.getClientRects().length === 0) continue;  // not displayed
    if (raw.test(node.textContent)) {
      problems.push('raw TeX: ' + node.textContent.trim().slice(0, 60));
    }
  }
  return problems;
}"""

# Bytes transferred for the page and everything it loaded (no compression
# on the local server, so this is also the size of the files).
PAGE_BYTES = """() => [
  ...performance.getEntriesByType('navigation'),
  ...performance.getEntriesByType('resource'),
].reduce((sum, entry) => sum + (entry.transferSize || entry.encodedBodySize), 0)"""

BROKEN_IMAGES = """() => [...document.querySelectorAll('.md-content img')]
  .filter((img) => !(img.complete && img.naturalWidth > 0))
  .map((img) => img.getAttribute('src'))"""


# Every image and web font of the page has arrived (no need to wait for the
# network to fall idle, which costs half a second a page).
LOADED = """() => [...document.images].every((img) => img.complete)
  && document.fonts.status === 'loaded'"""

PHONE_WIDTH = 390

# The interactive figures (docs/assets/widgets/) have started, or given up.
WIDGETS_SETTLED = """() => [...document.querySelectorAll('.nnbook-widget')]
  .every((w) => w.dataset.state && w.dataset.state !== 'loading')"""
WIDGET_STATES = """() => [...document.querySelectorAll('.nnbook-widget')]
  .map((w) => [w.dataset.widget, w.dataset.state, w.getClientRects().length > 0])"""

# -- fixtures ----------------------------------------------------------------------


# `site`, the built site on a local server, is a fixture of tests/conftest.py,
# built once for this module and tests/test_widgets.py.


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        # launch() gives every run a new, empty profile of its own
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


class PageWatch:
    """Records what a page does on the network and in its console."""

    def __init__(self, page, base):
        self.host = urlparse(base).netloc
        self.outside, self.failed, self.errors = [], [], []
        page.route("**/*", self._route)
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url} ({r.failure})"))
        page.on("response", self._response)
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route):
        url = urlparse(route.request.url)
        if url.scheme in ("data", "blob") or url.netloc == self.host:
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def _response(self, response):
        if response.status >= 400:
            self.failed.append(f"{response.url} (HTTP {response.status})")

    def problems(self):
        return (
            [f"request to another host: {u}" for u in self.outside]
            + [f"failed request: {u}" for u in self.failed]
            + [f"console error: {e}" for e in self.errors]
        )


def pages_of(site_dir):
    """Return the site's page paths, e.g. '' and '04-backpropagation/'."""
    pages = []
    for index in sorted(site_dir.rglob("index.html")):
        rel = index.parent.relative_to(site_dir).as_posix()
        if not rel.startswith("assets"):
            pages.append("" if rel == "." else rel + "/")
    return pages


# Generous limits: the print page holds the whole book (every figure and
# about two thousand equations), and CI runs this beside the other tests on
# two busy cores. The report records how long each page really took.
LOAD_TIMEOUT_MS = 180_000


def visit(page, url):
    """Load ``url`` in ``page``; return the seconds from navigation to typeset."""
    page.goto(url, wait_until="load", timeout=LOAD_TIMEOUT_MS)
    page.wait_for_function(ALL_MATH_TYPESET, timeout=LOAD_TIMEOUT_MS)
    page.wait_for_function(LOADED, timeout=LOAD_TIMEOUT_MS)
    return page.evaluate(
        "() => performance.getEntriesByName('nnbook:typeset')[0].startTime / 1000"
    )


def open_page(browser, url, base):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    watch = PageWatch(page, base)
    typeset = visit(page, url)
    return context, page, watch, typeset


# -- tests -------------------------------------------------------------------------


# The browser's own decoder (WebCodecs) counts the frames of each GIF shown.
GIF_FRAMES = """async () => {
  const counts = {};
  for (const img of document.querySelectorAll(".md-content img[src$='.gif']")) {
    const data = await (await fetch(img.src)).arrayBuffer();
    const decoder = new ImageDecoder({data, type: 'image/gif'});
    await decoder.tracks.ready;
    counts[img.getAttribute('src')] = decoder.tracks.selectedTrack.frameCount;
  }
  return counts;
}"""


def check_page(browser, base, rel):
    """Open one page in a new context; return (report entry, problems, gifs).

    ``gifs`` maps each GIF the page shows to its number of frames.
    """
    context, page, watch, typeset = open_page(browser, base + rel, base)
    problems = page.evaluate(MATH_PROBLEMS) + [
        f"image not loaded: {src}" for src in page.evaluate(BROKEN_IMAGES)
    ]
    # Each widget started; on the page that prints the whole book, each one
    # stands aside, hidden, for the static figure next to it.
    page.wait_for_function(WIDGETS_SETTLED, timeout=10_000)
    printing = rel == "print_page/"
    for name, state, shown in page.evaluate(WIDGET_STATES):
        if (state, shown) != (("static", False) if printing else ("ready", True)):
            problems.append(f"widget {name}: {state}, {'shown' if shown else 'hidden'}")
    problems += watch.problems()
    # On a phone the page must not scroll sideways; a formula at the end of a
    # line may stick out by a few pixels, which nobody notices.
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 844})
    page_width = page.evaluate("() => document.documentElement.scrollWidth")
    if page_width > PHONE_WIDTH + 24:
        problems.append(f"{page_width} px wide on a {PHONE_WIDTH} px phone")
    entry = {
        "equations": page.locator("mjx-container").count(),
        "images": page.locator(".md-content img").count(),
        "typeset_seconds": round(typeset, 2),
        "bytes": page.evaluate(PAGE_BYTES),
    }
    gifs = {}
    if rel != "print_page/":  # the whole book: its GIFs are the chapters'
        gifs = {f"{rel}{src}": n for src, n in page.evaluate(GIF_FRAMES).items()}
    context.close()
    return entry, problems, gifs


def page_key(site_dir, base, rel, shared):
    """Hash what a page's check depends on: its HTML, its images, the assets.

    The local server's address, which changes from run to run, is left out.
    """
    html = (site_dir / rel / "index.html").read_bytes()
    port = urlparse(base).port
    address = rb"127\.0\.0\.1(:|%3A)" + str(port).encode() + rb"\b"
    local = re.sub(address, b"127.0.0.1", html)
    h = hashlib.sha256(shared + local)
    for src in sorted(set(re.findall(rb'<img[^>]* src="([^"]+)"', html))):
        image = (site_dir / rel / src.decode()).resolve()
        h.update(src + (image.read_bytes() if image.is_file() else b"missing"))
    return h.hexdigest()


def check_pages(base, site_dir, rels):
    """Check the pages in a browser of its own; return (report, failures, gifs).

    A page that passed with the same HTML, images, assets, browser and test
    code is not opened again (its result is kept in .cache/browser/): a
    warm `make test` opens only the pages that changed.
    """
    report, failures, gifs = {}, {}, {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        shared = hashlib.sha256(browser.version.encode())
        shared.update(Path(__file__).read_bytes())
        for asset in sorted((site_dir / "assets").rglob("*")):
            if asset.is_file():
                shared.update(asset.relative_to(site_dir).as_posix().encode())
                shared.update(asset.read_bytes())
        for rel in rels:
            kept = VISITS / f"{page_key(site_dir, base, rel, shared.digest())}.json"
            if kept.is_file():
                entry, problems, found = json.loads(kept.read_text()), [], {}
                entry, found = entry["report"], entry["gifs"]
            else:
                entry, problems, found = check_page(browser, base, rel)
                if not problems:
                    VISITS.mkdir(parents=True, exist_ok=True)
                    kept.write_text(json.dumps({"report": entry, "gifs": found}))
            report[rel or "/"] = entry
            gifs.update(found)
            if problems:
                failures[rel or "/"] = problems
        browser.close()
    return report, failures, gifs


@pytest.fixture(scope="module")
def visits(site):
    """Every page of the site, checked once: (pages, report, failures, gifs)."""
    base, site_dir = site
    pages = pages_of(site_dir)
    # two browsers, one per core, each with half of the pages
    with ThreadPoolExecutor(max_workers=2) as pool:
        halves = list(pool.map(lambda part: check_pages(base, site_dir, part), [
            pages[0::2], pages[1::2]]))  # fmt: skip
    merged = [{k: v for half in halves for k, v in half[n].items()} for n in range(3)]
    return pages, *merged


def test_every_page_renders_cleanly(visits):
    pages, report, failures, _ = visits
    assert len(pages) >= 3, pages
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(json.dumps(dict(sorted(report.items())), indent=2) + "\n")
    assert not failures, json.dumps(failures, indent=2)
    assert len(report) == len(pages)


def test_gifs_are_animations_to_the_browser(visits):
    _, _, _, gifs = visits
    assert len(gifs) >= 4, gifs
    still = {src: n for src, n in gifs.items() if n < 2}
    assert not still, f"GIFs the browser decodes as one frame: {still}"


def test_block_outputs_are_shown_under_their_blocks(site, browser):
    base, _ = site
    context, page, _, _ = open_page(browser, base + "06-a-simple-network/", base)
    outputs = page.locator(".md-content .nnbook-output")
    assert outputs.count() >= 1
    first = outputs.first
    assert first.locator(".filename").inner_text().strip() == "Output"
    assert first.locator("code").inner_text().strip()
    # right under a code block, set apart by its rule
    previous = first.evaluate("(el) => el.previousElementSibling.className")
    assert "highlight" in previous, previous
    assert first.evaluate("(el) => getComputedStyle(el).borderLeftWidth") != "0px"
    context.close()


def test_the_math_checks_catch_errors(site, browser):
    """The detector itself: an undefined macro and unbalanced braces are found."""
    base, _ = site
    context, page, _, _ = open_page(browser, base, base)
    page.evaluate(
        """() => {
        const box = document.querySelector('.md-content article');
        box.insertAdjacentHTML('beforeend',
          '<p><span class="arithmatex">\\\\(\\\\notamacro{x}\\\\)</span></p>' +
          '<p><span class="arithmatex">\\\\(\\\\frac{1}{2\\\\)</span></p>' +
          '<p>left over: \\\\(a + b\\\\)</p>');
        return MathJax.typesetPromise([box]);
    }"""
    )
    problems = "\n".join(page.evaluate(MATH_PROBLEMS))
    context.close()
    assert "red (undefined macro?)" in problems or "MathJax error" in problems, problems
    assert "raw TeX: left over" in problems, problems


def test_instant_navigation_keeps_the_maths_typeset(site, browser):
    base, _ = site
    # chapter 3 is the page before chapter 4
    context, page, watch, _ = open_page(browser, base + "03-gradient-descent/", base)
    # the footer's "next" link, as a reader at the end of the page would
    page.locator("a.md-footer__link--next[href*='04-backpropagation']").click()
    page.wait_for_url("**/04-backpropagation/")
    page.wait_for_function(ALL_MATH_TYPESET, timeout=15_000)
    assert page.locator("mjx-container").count() > 20
    assert page.evaluate(MATH_PROBLEMS) == []
    # instant navigation replaced the content without a new document
    assert page.evaluate("() => performance.getEntriesByType('navigation').length") == 1
    assert watch.problems() == []
    context.close()


def test_search_finds_a_chapter_by_a_word_in_it(site, browser):
    base, _ = site
    context, page, watch, _ = open_page(browser, base, base)
    page.locator(".md-search__input").click()
    page.keyboard.type("Mazur")  # typed, as a reader does: search reacts to keys
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10_000)
    hrefs = [a.get_attribute("href") for a in results.all()]
    assert any("/04-backpropagation/" in href for href in hrefs), hrefs
    assert watch.problems() == []
    context.close()


def test_dark_palette_switches(site, browser):
    base, _ = site
    context, page, _, _ = open_page(browser, base, base)
    scheme = "() => document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "default"
    page.locator("label[for='__palette_1']").click()
    page.wait_for_function(f"() => ({scheme})() === 'slate'")
    background = page.evaluate(
        r"() => getComputedStyle(document.body).backgroundColor"
        r".match(/\d+/g).map(Number)"
    )
    assert sum(background[:3]) < 200, (
        f"the dark palette has a light background {background}"
    )
    context.close()

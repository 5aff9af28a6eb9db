"""Fixtures shared by the tests of the book's pages."""

import functools
import http.server
import os
import subprocess
import sys
import threading

import pytest

from scripts import page as pages
from scripts import run as runs


@pytest.fixture(scope="session")
def book():
    """Return ``[(page, run)]`` for every page with blocks, running stale ones.

    The runs are the ones the page tests read (kept in .cache/pages/): a page
    that is up to date is not run again.
    """
    found = runs.ensure_in_subprocess([pages.read(p) for p in pages.pages()])
    return [(pages.read(pages.ROOT / name), run) for name, run in sorted(found.items())]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """Build the site for a local server and serve it; yield (base URL, folder).

    Built once per session, for the browser tests (tests/test_browser.py and
    tests/test_widgets.py).
    """
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), QuietHandler)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NNBOOK_SITE_URL": base, "NO_MKDOCS_2_WARNING": "1"}
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=pages.ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, f"mkdocs build failed:\n{built.stderr[-3000:]}"
    server.RequestHandlerClass = functools.partial(QuietHandler, directory=str(out))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base, out
    server.shutdown()
    server.server_close()

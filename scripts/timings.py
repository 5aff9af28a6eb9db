"""How fast the edit loop is, measured: run by hand (`make timings`).

1. `make test`, warm: `.venv` installed and every page's run up to date;
   and after a prose edit of chapter 4 (the browser tests open that page and
   the print view again).
2. `make chapter CHAPTER=04-backpropagation`, with the page's run up to date,
   and after its run is thrown away (what a code edit of the page costs).
3. Under `make serve`: the time from saving a prose edit of chapter 4 to the
   server handing out the page with the edit, and from saving a code edit
   (which reruns that page) to the page showing the new output.

The edits are made to a copy of the chapter's text and the file is put back
afterwards, whatever happens. Targets on 2 cores (issue "A page is a
program"): make test at most 60 s warm, make chapter at most 10 s, a prose
edit at most 2 s.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAKE = ["make", "--no-print-directory"]
CHAPTER = "04-backpropagation"
PAGE = ROOT / "docs" / f"{CHAPTER}.md"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def timed(command, **kwargs):
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=ENV, capture_output=True, **kwargs)
    seconds = time.perf_counter() - started
    if result.returncode:
        sys.stdout.write(result.stdout.decode() + result.stderr.decode())
        raise SystemExit(f"{' '.join(command)} failed")
    return seconds


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url, text, *, timeout=120):
    """Return the seconds until the page at ``url`` contains ``text``."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if text in fetch(url):
            return time.perf_counter() - started
        time.sleep(0.05)
    raise SystemExit(f"{url} never showed {text!r} within {timeout} s")


def serve_edits():
    """Return (prose edit seconds, code edit seconds) under mkdocs serve."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    url = f"{base}{CHAPTER}/"
    server = subprocess.Popen(
        [
            ROOT / ".venv/bin/mkdocs",
            "serve",
            "--config-file",
            "mkdocs.serve.yml",
            "--dirty",
            "--dev-addr",
            f"127.0.0.1:{port}",
        ],
        cwd=ROOT,
        env={**ENV, "NNBOOK_SITE_URL": base},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    original = PAGE.read_text(encoding="utf-8")
    backup = PAGE.with_name(f".{PAGE.name}.timings")
    shutil.copyfile(PAGE, backup)
    try:
        wait_for(url, "</html>")
        marker = f"Timing-marker-{os.getpid()}"
        PAGE.write_text(original + f"\n{marker}.\n", encoding="utf-8")
        prose = wait_for(url, marker)
        code = f"\n```python\nprint('{marker}-code')\n```\n"
        PAGE.write_text(original + code, encoding="utf-8")
        rerun = wait_for(url, f"{marker}-code")
    finally:
        shutil.copyfile(backup, PAGE)
        backup.unlink()
        server.terminate()
        server.wait(timeout=30)
    return prose, rerun


def prose_edit_test():
    """Return the seconds of `make test` after a sentence is added to chapter 4.

    Nothing runs again, but the site changes: the browser tests open the
    edited page and the print view again.
    """
    original = PAGE.read_text(encoding="utf-8")
    try:
        PAGE.write_text(original + "\nOne more sentence.\n", encoding="utf-8")
        return timed([*MAKE, "test"])
    finally:
        PAGE.write_text(original, encoding="utf-8")


def main():
    if not (ROOT / ".venv").exists():
        raise SystemExit("run `make setup` first")
    print("bringing every page's run up to date ...", flush=True)
    timed([*MAKE, "pages"])
    rows = [("make test (warm)", timed([*MAKE, "test"]), 60)]
    rows.append(("make test after a prose edit of chapter 4", prose_edit_test(), 60))
    chapter = [*MAKE, "chapter", f"CHAPTER={CHAPTER}"]
    rows.append((f"make chapter CHAPTER={CHAPTER} (run kept)", timed(chapter), 10))
    shutil.rmtree(ROOT / ".cache" / "pages" / f"docs__{CHAPTER}", ignore_errors=True)
    rows.append((f"make chapter CHAPTER={CHAPTER} (page runs)", timed(chapter), 10))
    prose, code = serve_edits()
    rows.append(("make serve: prose edit to page served", prose, 2))
    rows.append(("make serve: code edit to new output served", code, None))
    timed([*MAKE, "pages"])  # the chapter's run, back as it was
    print(f"\n{'what':<52} {'seconds':>8}  target")
    for what, seconds, target in rows:
        goal = f"<= {target} s" if target else ""
        print(f"{what:<52} {seconds:>8.1f}  {goal}")
    print(f"\n({os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f})")


if __name__ == "__main__":
    main()

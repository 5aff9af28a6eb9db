"""The page runner (scripts/run.py) and the page tests that read its runs.

A run happens in a fresh kernel, so these tests take a few seconds each.
"""

import subprocess
import sys

import pytest

from scripts import page as pages
from scripts import run as runs

PAGE = """\
# T

```python
from pathlib import Path

import numpy as np

values = np.arange(3)
Path("figures").mkdir()
Path("figures/a.txt").write_text("made")
print("sum:", values.sum())
```

Prose.

```python
np.zeros(3, shapee=2)
```

```python
assert False, "never reached"
```
"""


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setattr(runs, "CACHE", tmp_path / "pages")
    return tmp_path / "pages"


def test_prose_edits_keep_the_digest_and_code_edits_change_it():
    page = pages.parse(PAGE, "docs/t.md")
    prose = pages.parse(PAGE.replace("Prose.", "Other prose, longer."), "docs/t.md")
    code = pages.parse(PAGE.replace("np.arange(3)", "np.arange(4)"), "docs/t.md")
    assert runs.digest(prose) == runs.digest(page)
    assert runs.digest(code) != runs.digest(page)


def test_the_blas_settings_are_part_of_the_digest(monkeypatch):
    page = pages.parse(PAGE, "docs/t.md")
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    before = runs.digest(page)
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "1")
    assert runs.digest(page) != before


def test_a_data_file_that_does_not_exist_is_a_clear_error():
    page = pages.parse("---\ndata: [no/such.json]\n---\n```python\n1\n```\n", "p.md")
    with pytest.raises(pages.PageError, match=r"data file no/such.json does not"):
        runs.digest(page)


@pytest.mark.slow
def test_a_run_keeps_outputs_stops_at_the_first_error_and_names_its_line(cache):
    page = pages.parse(PAGE, "docs/t.md")
    run = runs.execute(page)
    assert run.failed == 2
    assert len(run.outputs) == 2  # the third block never ran
    assert run.outputs[0] == [
        {"name": "stdout", "output_type": "stream", "text": "sum: 3\n"}
    ]
    report = runs.describe_failure(page, run)
    assert report.startswith("docs/t.md, block 2 (lines 17-17), line 17: TypeError")
    assert "shapee" in report
    assert {name: p.read_text() for name, p in run.figures.items()} == {"a.txt": "made"}
    # kept, and reused while the code is the same
    assert runs.load(page) is not None
    assert runs.load(pages.parse(PAGE + "\nMore prose.\n", "docs/t.md")) is not None
    assert runs.load(pages.parse(PAGE.replace("(3)", "(5)"), "docs/t.md")) is None


@pytest.mark.slow
def test_pytest_fails_a_broken_page_and_skips_nothing():
    """The whole chain as `make chapter` runs it, on a page in the repository.

    The review found a TypeError reported as a skip; here it must fail, the
    blocks after it must fail as never run, and a silent block must fail, and
    so must a block whose code raises a warning.
    """
    folder = runs.ROOT / ".cache" / "selftest"
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / "broken.md"
    page.write_text(PAGE + "\n```python\nz = 1\n```\n", encoding="utf-8")
    silent = folder / "silent.md"
    warns = "```python\nimport numpy as np\nnp.ones(2) / 0\n```\n"
    silent.write_text("```python\nz = 1\n```\n\n" + warns, encoding="utf-8")
    try:
        result = subprocess.run(
            [sys.executable, "-m", "pytest", str(page), str(silent), "-q"],
            cwd=runs.ROOT,
            capture_output=True,
            text=True,
        )
    finally:
        page.unlink()
        silent.unlink()
        for name in ("broken", "silent"):
            cached = runs.CACHE / f".cache__selftest__{name}"
            subprocess.run(["rm", "-rf", str(cached)], check=True)
    out = result.stdout
    assert result.returncode == 1, out
    assert "5 failed, 1 passed" in out, out
    assert "skipped" not in out, out
    assert "line 17: TypeError" in out, out
    assert "never ran: block 2 (lines 17-17) failed before it" in out, out
    assert "neither checks nor shows anything" in out, out
    assert "RuntimeWarning: divide by zero" in out, out  # a warning is an error


@pytest.mark.slow
def test_a_run_during_which_an_input_changed_is_not_kept(cache, monkeypatch):
    stamps = iter([["before"], ["after"]])  # an edit, even one put back
    monkeypatch.setattr(runs, "_stamp", lambda page: next(stamps))
    page = pages.parse("```python\nx = 1\nx\n```\n", "docs/e.md")
    run = runs.execute(page)
    assert run.outputs[0][0]["data"] == {"text/plain": "1"}
    assert runs.load(page) is None

"""Run a page of the book, once, and keep what the run made.

A page's Python blocks run top to bottom, in one namespace, as the code cells
of a notebook in a fresh Jupyter kernel (nbclient): a new process, never the
process of mkdocs or of pytest. The run is everything the book shows of the
page: its test (``conftest.py`` reads the outcome of each block), the outputs
under its blocks and its figures (``scripts.mkdocs_hooks``), and its notebook
(``scripts.notebooks``).

What a run keeps, in ``.cache/pages/<page>/<digest>/`` (the last three runs
of each page are kept, so that switching a BLAS setting and back, or two
processes at once, run nothing twice):

- ``run.json``: the digest of its inputs, and for each block its outputs in
  nbformat's form (what it printed, the value of its last expression, an
  error with its traceback), or nothing for the blocks after a failure;
- ``figures/``: every file that the page's code wrote into ``figures/``; the
  kernel works in a fresh folder, so a page sees no other page's files.

A run is reused while its inputs are the same: the code of the page's blocks
(not its prose), the files named in the page's front matter under ``data:``,
the sources of ``nnbook`` (its plotting code included), the pinned versions
(``constraints.txt``), this runner, and the environment variables that change
floating-point results (the BLAS kernel and thread counts). So a prose edit
runs nothing again and a code edit runs that page alone.

Command line: ``python -m scripts.run [PAGE ...] [--force] [--jobs N]`` runs
the pages that are out of date (all pages with blocks by default) and exits
with status 1 if any block failed, after printing where and why.
"""

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from scripts import page as pages

ROOT = pages.ROOT
CACHE = ROOT / ".cache" / "pages"
FIGURES = "figures"
TIMEOUT = 900  # seconds for one block
# Environment variables that can change the last bits of a float result.
NUMERIC_ENV = (
    "OPENBLAS_CORETYPE",
    "OPENBLAS_NUM_THREADS",
    "OPENBLAS_L2_SIZE",
    "OMP_NUM_THREADS",
    "MKL_NUM_THREADS",
    "NPY_DISABLE_CPU_FEATURES",
)
# Run before the page's first block and left out of the record: a warning
# raised by the page's code or by nnbook is an error, as in pytest
# (pyproject.toml), so a page cannot pass with one. (The kernel's own
# warnings are left alone.)
PRELUDE = (
    "import warnings\n"
    "warnings.filterwarnings('error', module=r'(__main__|nnbook)(\\.|$)')"
)
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def _inputs():
    """The files every page's run depends on, besides the page itself."""
    files = sorted((ROOT / "src" / "nnbook").rglob("*.py"))
    files += [ROOT / "constraints.txt", Path(__file__)]
    return files


def digest(page):
    """Return the hash of everything the run of ``page`` depends on."""
    h = hashlib.sha256()

    def add(label, data):
        h.update(f"{label}\0{len(data)}\0".encode())
        h.update(data)

    for block in page.blocks:
        add("block", block.source.encode())
    for name in _data_files(page):
        add(f"data {name}", (ROOT / name).read_bytes())
    for path in _inputs():
        add(path.relative_to(ROOT).as_posix(), path.read_bytes())
    for variable in NUMERIC_ENV:
        add(variable, os.environ.get(variable, "").encode())
    add("python", sys.version.encode())
    return h.hexdigest()


def _stamp(page):
    """Return the sizes and modification times of the files a run reads.

    Compared before and after a run: a file edited while the page ran (even
    edited and put back, which leaves the digest as it was) makes the run
    one that is not kept.
    """
    files = [*_inputs(), *(ROOT / name for name in _data_files(page))]
    files.append(ROOT / page.name)
    return [
        (str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files if f.exists()
    ]


def _data_files(page):
    """Return the files the page reads, as its front matter lists them."""
    names = page.meta.get("data", [])
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise pages.PageError(f"{page.name}: `data:` must be a list of file paths")
    for name in names:
        if not (ROOT / name).is_file():
            raise pages.PageError(f"{page.name}: data file {name} does not exist")
    return names


KEEP = 3  # runs kept per page: switching BLAS settings and back reruns nothing


def page_dir(page):
    """Return the folder where the runs of ``page`` are kept."""
    return CACHE / page.name.removesuffix(".md").replace("/", "__")


def cache_dir(page, key=None):
    """Return the folder of the run of ``page`` whose digest is ``key``."""
    return page_dir(page) / (key or digest(page))[:20]


@dataclass
class Run:
    """What one run of a page gave: per block, its outputs; the first error."""

    page: str
    digest: str
    outputs: list  # one list of nbformat outputs per block that ran
    failed: int | None  # number of the block that raised, or None
    seconds: float
    folder: Path

    @property
    def figures(self):
        """Return ``{file name: path}`` of the figures the run wrote."""
        folder = self.folder / FIGURES
        if not folder.is_dir():
            return {}
        return {p.name: p for p in sorted(folder.iterdir()) if p.is_file()}

    def error(self):
        """Return ``(block number, error output)`` of the failure, or None."""
        if self.failed is None:
            return None
        for output in self.outputs[self.failed - 1]:
            if output["output_type"] == "error":
                return self.failed, output
        return self.failed, {"ename": "Error", "evalue": "", "traceback": []}


def load(page):
    """Return the kept ``Run`` of ``page`` if it is up to date, else None."""
    key = digest(page)
    folder = cache_dir(page, key)
    try:
        record = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None
    if record.get("digest") != key:
        return None
    return Run(
        page=page.name,
        digest=record["digest"],
        outputs=record["outputs"],
        failed=record["failed"],
        seconds=record["seconds"],
        folder=folder,
    )


def traceback_text(error):
    """Return the traceback of an nbformat error output as plain text."""
    text = "\n".join(error.get("traceback", [])) or (
        f"{error.get('ename')}: {error.get('evalue')}"
    )
    return _ANSI.sub("", text)


def describe_failure(page, run):
    """Return a report of the block that failed: where, what, the traceback."""
    number, error = run.error()
    block = page.blocks[number - 1]
    where = f"{page.name}, block {number} ({block.lines})"
    cell_line = _failing_line(error)
    if cell_line:
        where += f", line {block.markdown_line(cell_line)}"
    return f"{where}: {error['ename']}: {error['evalue']}\n\n{traceback_text(error)}"


def _failing_line(error):
    """Return the line (from 1) of the page's block where the error was raised."""
    # IPython names the cell being run "Cell In[n], line k" in each frame.
    found = None
    for frame in error.get("traceback", []):
        match = re.search(r"Cell In\[\d+\], line (\d+)", _ANSI.sub("", frame))
        if match:
            found = int(match[1])
            break
    if found is None:
        # a SyntaxError names the line in its own format
        match = re.search(r"line (\d+)", error.get("evalue", ""))
        found = int(match[1]) if match else None
    return found


def execute(page):
    """Run ``page`` in a fresh kernel now, keep the result, and return it."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    key, stamp = digest(page), _stamp(page)
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(PRELUDE)] + [
        nbformat.v4.new_code_cell(block.source) for block in page.blocks
    ]
    page_dir(page).mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".run-", dir=page_dir(page)))
    for name in _data_files(page):
        target = work / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / name, target)
    client = NotebookClient(
        notebook,
        kernel_name="python3",
        # the kernel's start-up notices are not the page's business
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
        timeout=TIMEOUT,
        allow_errors=False,
        resources={"metadata": {"path": str(work)}},
    )
    started = time.perf_counter()
    failed = None
    try:
        client.execute(env=_kernel_env())
    except CellExecutionError:
        for number, cell in enumerate(notebook.cells[1:], 1):
            if any(o["output_type"] == "error" for o in cell.get("outputs", [])):
                failed = number
                break
        if failed is None:
            raise
    seconds = time.perf_counter() - started
    if any(o["output_type"] == "error" for o in notebook.cells[0].outputs):
        raise RuntimeError(f"{page.name}: the runner's prelude failed")
    ran = notebook.cells[1:] if failed is None else notebook.cells[1 : failed + 1]
    record = {
        "page": page.name,
        "digest": key,
        "failed": failed,
        "seconds": round(seconds, 3),
        "outputs": [_clean(cell.get("outputs", [])) for cell in ran],
    }
    for name in _data_files(page):
        (work / name).unlink()
    (work / "run.json").write_text(
        json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    folder = cache_dir(page, key)
    if _stamp(page) != stamp:  # an input changed while the page ran
        shutil.rmtree(work, ignore_errors=True)
        return Run(page.name, key, record["outputs"], failed, seconds, work)
    try:
        work.rename(folder)
    except OSError:  # another process kept the same run first: keep that one
        shutil.rmtree(work, ignore_errors=True)
    _prune(page)
    return load(page) or Run(page.name, key, record["outputs"], failed, seconds, folder)


def _prune(page):
    """Keep the ``KEEP`` newest runs of ``page``; drop unfinished ones a day old."""
    folders = [p for p in page_dir(page).iterdir() if p.is_dir()]
    finished = [p for p in folders if not p.name.startswith(".run-")]
    finished.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    stale = [p for p in folders if p.name.startswith(".run-")]
    stale = [p for p in stale if time.time() - p.stat().st_mtime > 86400]
    for folder in finished[KEEP:] + stale:
        shutil.rmtree(folder, ignore_errors=True)


def _kernel_env():
    env = dict(os.environ)
    env["MPLBACKEND"] = "Agg"  # figures are saved, never shown in a window
    env["PYTHONHASHSEED"] = "0"
    env.pop("PYTHONPATH", None)  # the page imports nnbook as a reader would
    return env


def _clean(outputs):
    """Drop what changes from run to run and means nothing to a reader."""
    kept = []
    for output in outputs:
        output = dict(output)
        output.pop("execution_count", None)
        if "metadata" in output:
            output["metadata"] = {}
        kept.append(output)
    return kept


def ensure(page_list, *, force=False, jobs=None, log=print):
    """Run the pages that are out of date (all if ``force``); return their runs.

    Returns ``{page name: Run}`` for every page given that has blocks.
    """
    page_list = [p for p in page_list if p.blocks]
    runs = {} if force else {p.name: r for p in page_list if (r := load(p))}
    stale = [p for p in page_list if p.name not in runs]
    if stale:
        jobs = jobs or min(len(stale), os.cpu_count() or 1)

        def one(page):
            run = execute(page)
            state = "FAILED" if run.failed else "ran"
            log(f"pages: {state} {page.name} in {run.seconds:.1f} s")
            return run

        with ThreadPoolExecutor(max_workers=jobs) as pool:
            for run in pool.map(one, stale):
                runs[run.page] = run
    return runs


def ensure_in_subprocess(page_list, *, force=False):
    """Like ``ensure``, in a new Python process; return ``{page name: Run}``.

    The callers (pytest and mkdocs) are long-lived processes: the runner and
    nnbook are imported afresh for every run, never from a stale module. A
    page edited while the runs were made is read again and, if its code
    changed, run again once.
    """
    page_list = [p for p in page_list if p.blocks]
    for _ in range(2):
        stale = page_list if force else [p for p in page_list if load(p) is None]
        if stale:
            command = [sys.executable, "-m", "scripts.run", *(p.name for p in stale)]
            if force:
                command.append("--force")
            subprocess.run(command, cwd=ROOT, check=False)
            force = False
        page_list = [pages.read(ROOT / p.name) for p in page_list]
        found = {p.name: load(p) for p in page_list}
        missing = sorted(name for name, run in found.items() if run is None)
        if not missing:
            return found
    raise RuntimeError(f"pages: no up-to-date run of {missing} after running")


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m scripts.run",
        description="Run the book's pages that are out of date, in fresh kernels.",
    )
    parser.add_argument("pages", nargs="*", type=Path, help="default: every page")
    parser.add_argument("--force", action="store_true", help="run even if fresh")
    parser.add_argument("--jobs", type=int, default=None, help="pages at once")
    args = parser.parse_args(argv)
    try:
        page_list = [pages.read(p) for p in (args.pages or pages.pages())]
    except (pages.PageError, FileNotFoundError) as error:
        print(f"pages: {error}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    runs = ensure(page_list, force=args.force, jobs=args.jobs)
    failures = [p for p in page_list if p.name in runs and runs[p.name].failed]
    for page in failures:
        print(f"\npages: FAILED {describe_failure(page, runs[page.name])}")
    fresh = len(runs)
    print(f"pages: {fresh} up to date ({time.perf_counter() - started:.1f} s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

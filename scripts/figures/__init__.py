"""The figure build: every image in docs/figures/ is made here, from real runs.

Each figure is one module named after the file it writes (``network_2_2_2``
writes ``network-2-2-2.png``). A module has ``FILENAME`` and
``make(path, *, fast=False)``; ``fast`` trades frames and resolution for speed
and is only used by the test that checks the build.

The build is skipped when nothing it depends on has changed: the digest of
the figure scripts, of nnbook, of the data files in ``DATA`` and of the
plotting libraries' versions is kept in ``.stamp`` next to the figures.
"""

import hashlib
import importlib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "docs" / "figures"
STAMP = ".stamp"

# In the order of the chapters.
MODULES = [
    # chapter 1
    "dot_product",
    "logic_gates",
    # chapter 2
    "perceptron_training",
    "weight_vector",
    # chapter 3
    "newton",
    "gradient_descent_contours",
    "learning_rates",
    # chapter 4
    "network_2_2_2",
    "chain_rule_nudge",
    "chain_rule_backward",
    "weight_indexing",
    # chapter 6
    "digits_training_curves",
    "digits_confusion",
    "digits_misclassified",
    "digits_first_layer",
    # chapter 7
    "softmax_jacobian",
    "slowdown_curves",
    # chapter 8
    "conv_sliding",
    "conv_filters",
    # appendix: performance
    "performance_ratios",
]

# Data files that figures are drawn from, besides what the scripts compute.
DATA = [
    ROOT / "benchmarks" / "results" / "training.json",
    ROOT / "benchmarks" / "results" / "conv.json",
]


def figures():
    """Return ``{filename: make}`` for every figure of the book."""
    table = {}
    for name in MODULES:
        module = importlib.import_module(f"scripts.figures.{name}")
        table[module.FILENAME] = module.make
    return table


def digest(*, fast=False):
    """Return a hash of everything the figures depend on."""
    h = hashlib.sha256(f"fast={fast}".encode())
    sources = sorted(Path(__file__).parent.glob("*.py"))
    sources += sorted((ROOT / "src" / "nnbook").rglob("*.py"))
    for path in sources:
        h.update(path.relative_to(ROOT).as_posix().encode())
        h.update(path.read_bytes())
    for path in DATA:
        h.update(path.relative_to(ROOT).as_posix().encode())
        h.update(path.read_bytes())
    for package in ("numpy", "matplotlib", "pillow"):
        h.update(f"{package}=={metadata.version(package)}".encode())
    return h.hexdigest()


def is_stale(out_dir=DEFAULT_OUT, *, fast=False):
    """Return True if some figure is missing or its inputs have changed."""
    out_dir = Path(out_dir)
    stamp = out_dir / STAMP
    if not stamp.exists() or stamp.read_text().strip() != digest(fast=fast):
        return True
    return any(not (out_dir / name).exists() for name in figures())


def build(out_dir=DEFAULT_OUT, *, fast=False, force=False, only=None, log=print):
    """Make the figures in ``out_dir``; return the paths written.

    Nothing is written when the figures are up to date, unless ``force``.
    ``only`` restricts the build to some file names (and leaves the stamp
    alone, since the set is then incomplete).
    """
    out_dir = Path(out_dir)
    table = figures()
    if only:
        unknown = sorted(set(only) - set(table))
        if unknown:
            raise ValueError(f"unknown figure(s) {unknown}; known: {sorted(table)}")
    elif not force and not is_stale(out_dir, fast=fast):
        log(f"figures: {len(table)} up to date in {out_dir}")
        return []
    written = []
    for name, make in table.items():
        if only and name not in only:
            continue
        log(f"figures: making {name}")
        make(out_dir / name, fast=fast)
        written.append(out_dir / name)
    if not only:
        (out_dir / STAMP).write_text(digest(fast=fast) + "\n")
    return written

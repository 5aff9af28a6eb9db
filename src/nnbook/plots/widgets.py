"""The numbers of the book's interactive figures, saved by the pages.

A page that shows an interactive figure (a *widget*: plain JavaScript and
SVG in ``docs/assets/widgets/``) computes its starting values with nnbook,
as it would for a static figure, and saves them into ``figures/`` with
``save_json``. The widget reads that file and redoes the same maths in the
reader's browser as the controls move; the browser tests
(``tests/test_widgets.py``) compare what it shows with nnbook.

Saving is atomic and deterministic, like ``style.save_png``: the keys are
sorted, and every number is written as the shortest text that reads back as
the same float (Python's ``repr``), which JavaScript's ``JSON.parse`` reads
back exactly. A number that is not finite is refused: JSON has none.
"""

import json
import math
from pathlib import Path

import numpy as np

from nnbook.plots.style import atomic_path


def plain(value, name="data"):
    """Return ``value`` as JSON's types: dicts, lists, floats, ints, strings.

    numpy arrays become (nested) lists and numpy numbers Python numbers.
    Raises ``TypeError`` for anything else (or a key that is not a string)
    and ``ValueError`` for a number that is not finite, naming where it sits.
    """
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"{name} must have string keys; got {key!r}")
            out[key] = plain(item, f"{name}[{key!r}]")
        return out
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value[()]
    if isinstance(value, (list, tuple, np.ndarray)):
        return [plain(item, f"{name}[{i}]") for i, item in enumerate(value)]
    if isinstance(value, (bool, np.bool_, str)):
        return value if isinstance(value, str) else bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        number = float(value)
        if not math.isfinite(number):
            raise ValueError(f"{name} must be a finite number; got {number}")
        return number
    raise TypeError(
        f"{name} must be a number, a string, a list, an array or a dict; "
        f"got {type(value).__name__}"
    )


class SavedData:
    """A widget's data file just written: its path and what it holds."""

    def __init__(self, path, data):
        self.path = Path(path)
        self.data = data

    def __repr__(self):
        def short(value):
            if isinstance(value, float):
                return f"{value:.6g}"
            if isinstance(value, list) and len(value) <= 4:
                return f"[{', '.join(short(item) for item in value)}]"
            if isinstance(value, (list, dict)):
                return f"({len(value)} entries)"
            return repr(value)

        parts = ", ".join(f"{key}={short(value)}" for key, value in self.data.items())
        return f"<widget data {self.path.as_posix()}: {parts}>"


def save_json(data, path):
    """Save the dict ``data`` as JSON for a widget to read; return it.

    Values may be numbers, strings, lists, numpy arrays and dicts of them
    (see :func:`plain`). The file ends with a newline; the same data gives
    the same bytes. Returns a :class:`SavedData`, whose text lists what was
    saved.
    """
    if not isinstance(data, dict):
        raise TypeError(f"data must be a dict; got {type(data).__name__}")
    data = plain(data)
    text = json.dumps(data, sort_keys=True, allow_nan=False, separators=(",", ":"))
    with atomic_path(path) as tmp:
        Path(tmp).write_text(text + "\n", encoding="utf-8")
    return SavedData(path, dict(sorted(data.items())))

"""The widgets' data files (nnbook.plots.widgets): exact numbers, same bytes."""

import json

import numpy as np
import pytest

from nnbook.plots import widgets


def data():
    rng = np.random.default_rng(0)
    return {
        "x": rng.normal(size=5),
        "w": np.float64(0.1) + np.float64(0.2),
        "steps": np.int64(50),
        "name": "and",
        "gates": {"and": {"X": np.array([[0, 0], [1, 1]]), "y": [0, 1]}},
        "flag": np.bool_(True),
        "scalar": np.array(1.5),
    }


def test_numbers_read_back_as_the_same_floats(tmp_path):
    saved = widgets.save_json(data(), tmp_path / "figures" / "a.json")
    back = json.loads(saved.path.read_text(encoding="utf-8"))
    assert back["x"] == data()["x"].tolist()  # every bit, not rounded
    assert back["w"] == 0.1 + 0.2 != 0.3
    assert back["steps"] == 50
    assert isinstance(back["steps"], int)
    assert back["gates"]["and"]["X"] == [[0, 0], [1, 1]]
    assert back["flag"] is True
    assert back["scalar"] == 1.5
    assert back == saved.data


def test_the_same_data_gives_the_same_bytes(tmp_path):
    first = widgets.save_json(data(), tmp_path / "a.json")
    reordered = dict(reversed(list(data().items())))
    second = widgets.save_json(reordered, tmp_path / "b.json")
    assert first.path.read_bytes() == second.path.read_bytes()
    assert first.path.read_bytes().endswith(b"}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.json"]


def test_what_was_saved_is_listed_in_its_text(tmp_path):
    saved = widgets.save_json(
        {"b": 0.123456789, "a": [1, [2.5, 3]], "x": list(range(5)), "n": "or"},
        tmp_path / "d.json",
    )
    values = "a=[1, [2.5, 3]], b=0.123457, n='or', x=(5 entries)"
    listed = f"<widget data {saved.path.as_posix()}: {values}>"
    assert repr(saved) == listed


@pytest.mark.parametrize(
    ("bad", "error", "message"),
    [
        ({"x": [1.0, np.nan]}, ValueError, r"data\['x'\]\[1\] must be a finite"),
        ({"x": np.inf}, ValueError, "must be a finite number; got inf"),
        ({1: 2.0}, TypeError, "must have string keys; got 1"),
        ({"x": {1, 2}}, TypeError, "must be a number.*; got set"),
        ([1.0], TypeError, "data must be a dict; got list"),
    ],
)
def test_bad_data_is_refused_naming_where(tmp_path, bad, error, message):
    with pytest.raises(error, match=message):
        widgets.save_json(bad, tmp_path / "e.json")
    assert not any(tmp_path.iterdir())  # nothing half-written is left

"""What the two benchmarks share: the machine they ran on, the threads they
may use, and how their reports are written."""

import contextlib
import json
import os
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path

import numpy as np


def implementations(only, known):
    """Return the implementations to run: ``only`` or all, nnbook always first
    (every ratio is to nnbook)."""
    names = only or list(known)
    return names if "nnbook" in names else ["nnbook", *names]


@contextlib.contextmanager
def limited_threads(threads, names):
    """Give numpy's BLAS, and PyTorch when it runs, ``threads`` threads."""
    from threadpoolctl import threadpool_limits

    if "PyTorch" in names:
        import torch

        torch.set_num_threads(threads)
    with threadpool_limits(limits=threads, user_api="blas"):
        yield


def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine(threads):
    from threadpoolctl import threadpool_info

    versions = {"python": platform.python_version(), "numpy": np.__version__}
    for package in ("torch", "sklearn"):
        try:
            versions[package] = __import__(package).__version__
        except ImportError:
            versions[package] = None
    blas = [
        {key: pool.get(key) for key in ("internal_api", "version", "num_threads")}
        for pool in threadpool_info()
        if pool.get("user_api") == "blas"
    ]
    torch_threads = None
    if versions["torch"]:
        import torch

        torch_threads = torch.get_num_threads()
    return {
        "cpu": cpu_model(),
        "logical_cores": os.cpu_count(),
        # other work on the machine while the benchmark starts (1-minute mean)
        "load_average": round(os.getloadavg()[0], 2),
        "system": f"{platform.system()} {platform.release()}",
        "versions": versions,
        "threads": threads,
        "torch_threads": torch_threads,
        "blas": blas,
    }


def write_report(out, script, argv, table, **fields):
    """Print ``table``, write the report (date, command and ``fields``) as JSON
    to ``out``, and return the report."""
    report = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "command": " ".join([f"python benchmarks/{script}", *(argv or sys.argv[1:])]),
        **fields,
    }
    print(table)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nwritten to {out}")
    return report

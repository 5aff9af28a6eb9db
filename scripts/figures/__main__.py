"""Command line: ``python -m scripts.figures [--fast] [--force] [--out DIR] [NAME]``."""

import argparse
import sys
from pathlib import Path

from scripts.figures import DEFAULT_OUT, build, figures


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m scripts.figures",
        description="Make the book's figures from real nnbook runs.",
    )
    parser.add_argument("names", nargs="*", help="only these files (default: all)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    parser.add_argument("--fast", action="store_true", help="fewer frames, for tests")
    parser.add_argument("--force", action="store_true", help="rebuild even if fresh")
    parser.add_argument("--list", action="store_true", help="list the figures and stop")
    args = parser.parse_args(argv)
    if args.list:
        print("\n".join(figures()))
        return 0
    try:
        build(args.out, fast=args.fast, force=args.force, only=args.names)
    except ValueError as error:
        parser.error(str(error))
    return 0


if __name__ == "__main__":
    sys.exit(main())

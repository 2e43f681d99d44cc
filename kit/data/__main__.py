"""Rebuild the committed data files: ``python -m kit.data [FOLDER]``.

Without an argument, writes ``data/hiring.csv`` and ``data/hiring_datasheet.md``
at the root of the repository; with one, writes them into FOLDER instead.
"""

import sys

from kit.data import DATA_DIR, build_hiring_files


def main(argv=None):
    """Write the files and print where they went."""
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) > 1 or (argv and argv[0].startswith("-")):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    for path in build_hiring_files(argv[0] if argv else DATA_DIR):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

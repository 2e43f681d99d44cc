"""Train the screening model and store its numbers: ``python -m kit.transparency``.

Writes ``data/screening_model.json``, which the transparency lesson reads
instead of training (run it again after changing ``data/hiring.csv``).
"""

import sys

from kit.transparency import write_fitted


def main() -> int:
    """Write the file and say where it went."""
    print(f"wrote {write_fitted()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Bundle kit/toolkit/static/vega_chart.src.js with Vega, Vega-Lite and Vega-Embed into vega_chart.js.

Run it after changing the source or to move to newer Vega releases; commit both files::

    python scripts/build-vega-bundle.py

vl-convert (https://github.com/vega/vl-convert) holds the three libraries and bundles them; it is needed
only here, so the script installs it into a temporary folder rather than the kit's environment. The
libraries are BSD-3-Clause licensed (Copyright (c) 2015-2023, University of Washington Interactive Data Lab).
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

STATIC = Path(__file__).resolve().parent.parent / "kit" / "toolkit" / "static"
VL_CONVERT = "vl-convert-python>=1.9"


def main() -> None:
    source = (STATIC / "vega_chart.src.js").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--target", folder, VL_CONVERT],
                       check=True)
        sys.path.insert(0, folder)
        import vl_convert

        bundle = vl_convert.javascript_bundle(source)
        version = vl_convert.__version__
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
    header = (f"// Built by scripts/build-vega-bundle.py from vega_chart.src.js with vl-convert {version}.\n"
              f"// vega_chart.src.js sha256: {digest}\n"
              "// Contains Vega, Vega-Lite and Vega-Embed: BSD-3-Clause, (c) University of Washington "
              "Interactive Data Lab.\n")
    (STATIC / "vega_chart.js").write_text(header + bundle, encoding="utf-8")
    print(f"wrote {STATIC / 'vega_chart.js'} ({len(bundle) // 1024} KB)")


if __name__ == "__main__":
    main()

"""``kit handouts``: the workbook, the slides and the guide of an agenda, written as PDF files."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Callable

from kit.delivery._pdf import pdf_with_pages
from kit.workshop import agenda_format, agenda_names

#: The files written for one agenda, and the function that makes each one's HTML (module:function).
HANDOUTS = {
    "participant-workbook.pdf": "kit.delivery.handouts._workbook:workbook_html",
    "slides.pdf": "kit.delivery.handouts._slides:slides_html",
    "facilitator-guide.pdf": "kit.delivery.handouts._guide_pdf:guide_html",
}


def folder_name(agenda_name: str) -> str:
    """A folder name for an agenda: ``SMB full day`` becomes ``smb-full-day``."""
    return re.sub(r"[^a-z0-9]+", "-", agenda_name.lower()).strip("-") or "agenda"


def _builder(target: str) -> Callable[[str], str]:
    import importlib

    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def write_handouts(agenda_name: str | None, out: Path, progress: Callable[[str], None] = print) -> list[Path]:
    """Write the three PDFs of ``agenda_name`` into ``out`` (every agenda, a folder each, when None).

    Raises :class:`kit.workshop.content.ContentError` for an agenda that does not exist, and
    :class:`kit.delivery.PdfUnavailable` when WeasyPrint cannot run here.
    """
    chosen = [agenda_format(agenda_name).name] if agenda_name else agenda_names()
    written = []
    for name in chosen:
        folder = Path(out) if agenda_name else Path(out) / folder_name(name)
        folder.mkdir(parents=True, exist_ok=True)
        for file_name, target in HANDOUTS.items():
            started = time.perf_counter()
            data, pages = pdf_with_pages(_builder(target)(name))
            path = folder / file_name
            path.write_bytes(data)
            written.append(path)
            progress(f"{name}: wrote {path} ({pages} pages, {len(data) / 1e6:.1f} MB, "
                     f"{time.perf_counter() - started:.1f} s)")
    return written


"""A register as a spreadsheet file, and back.

The export is safe to open in Excel, LibreOffice or Google Sheets: every cell
goes through :func:`kit.documents._export.safe_csv`, so a title typed as
``=HYPERLINK(...)`` shows as text instead of running. The import undoes that
(:func:`kit.documents._export.restore_cell`), matches columns by their header, checks
every row with :func:`kit.risk.validate_risk`, and names each problem by row.
"""

from __future__ import annotations

import csv
import io

from kit.documents import restore_cell, safe_csv

from ._model import FIELD_LABELS, FIELDS
from ._register import Register
from ._validate import RiskInputError, validate_risk

#: Columns the export adds after the fields; the import ignores them (it recomputes them).
COMPUTED_LABELS = ("Score", "Rating", "Score after mitigation", "Rating after mitigation")
#: Other headers the import understands, e.g. those of the framework's own table.
HEADER_ALIASES = {"title": "title", "ethical risk": "title", "name": "title", "potential impact": "impact",
                  "mitigation strategy": "mitigation", "responsibility": "owner", "responsible": "owner",
                  "likelihood": "likelihood", "severity": "severity", "due": "due",
                  "residual likelihood": "residual_likelihood", "residual severity": "residual_severity"}
REQUIRED = ("title", "likelihood", "severity")
#: The longest register the import reads (a register longer than this is several registers).
MAX_ROWS = 500
_SHOWN_PROBLEMS = 5


def register_csv(register: Register) -> str:
    """The register as CSV text, highest score first, with the scores and bands as extra columns."""
    header = [FIELD_LABELS[name] for name in FIELDS] + list(COMPUTED_LABELS)
    rows = [[getattr(risk, name) for name in FIELDS]
            + [risk.score, risk.band, risk.residual_score, risk.residual_band]
            for risk in register.sorted("score")]
    return safe_csv(header, rows)


def _header_map(header: list[str]) -> dict[int, str]:
    """Column position → field name, for the columns the import understands."""
    known = {label.casefold(): name for name, label in FIELD_LABELS.items()}
    known |= {name.casefold(): name for name in FIELDS} | HEADER_ALIASES
    columns: dict[int, str] = {}
    for position, cell in enumerate(header):
        name = known.get(restore_cell(cell).strip().casefold())
        if name and name not in columns.values():
            columns[position] = name
    missing = [FIELD_LABELS[name] for name in REQUIRED if name not in columns.values()]
    if missing:
        raise ValueError(f"The file has no column {' or '.join(repr(m) for m in missing)}. A register needs "
                         f"at least '{FIELD_LABELS['title']}', '{FIELD_LABELS['likelihood']}' and "
                         f"'{FIELD_LABELS['severity']}' columns; download a register from this app to see the layout.")
    return columns


def _text(source: bytes | str) -> str:
    if isinstance(source, str):
        return source
    if not source.strip():
        raise ValueError("The file is empty. Choose the CSV file you downloaded from the register builder.")
    try:
        text = bytes(source).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError("The file is not UTF-8 text. In Excel use File > Save As > 'CSV UTF-8 (Comma "
                         "delimited)'; in LibreOffice choose 'Text CSV' with 'Unicode (UTF-8)'.") from None
    if "\x00" in text:
        raise ValueError("The file is not a plain-text CSV (it may be an Excel workbook). Save it as "
                         "'CSV UTF-8 (Comma delimited)' and upload that.")
    return text


def read_register_csv(source: bytes | str, name: str = "") -> Register:
    """Read a CSV register (bytes of an upload, or text) back into a :class:`Register`.

    Columns are matched by header, in any order, case ignored; the computed
    score and rating columns are ignored and recomputed. Empty rows are skipped.

    Parameters
    ----------
    source : bytes or str
        The file's content.
    name : str
        The register's name (the CSV has no place for it; the app passes the file name).

    Raises
    ------
    ValueError
        When the file is empty, not UTF-8, separated by semicolons, lacks a
        required column, holds too many rows, or has rows that fail the checks
        (the first few problems are listed by row number).
    """
    text = _text(source)
    rows = [(number, row) for number, row in enumerate(csv.reader(io.StringIO(text)), start=1)
            if any(cell.strip() for cell in row)]  # numbered as a spreadsheet numbers them
    if not rows:
        raise ValueError("The file is empty. Choose the CSV file you downloaded from the register builder.")
    header = rows[0][1]
    if len(header) == 1 and ";" in header[0]:
        raise ValueError("The file separates its columns with semicolons, not commas. Save it as "
                         "'CSV UTF-8 (Comma delimited)' and upload it again.")
    columns = _header_map(header)
    body = rows[1:]
    if len(body) > MAX_ROWS:
        raise ValueError(f"The file has {len(body)} risks; the builder reads up to {MAX_ROWS}. Split it into "
                         "one register per AI system.")
    register, problems = Register(name=name, source="csv"), []
    for number, row in body:
        fields = {field: restore_cell(row[position]) for position, field in columns.items() if position < len(row)}
        try:
            register.add(validate_risk(fields))
        except RiskInputError as problem:
            title = fields.get("title", "").strip()
            label = f"Row {number}" + (f" ({title})" if title else "")
            problems.append(f"{label}: " + " ".join(problem.problems.values()))
    if problems:
        more = f" ... and {len(problems) - _SHOWN_PROBLEMS} more." if len(problems) > _SHOWN_PROBLEMS else ""
        raise ValueError(f"{len(problems)} row(s) of the file need fixing before it can be read. "
                         + " ".join(problems[:_SHOWN_PROBLEMS]) + more)
    if not register.risks:
        raise ValueError("The file has a header row but no risks. Add one row per risk below the header.")
    return register

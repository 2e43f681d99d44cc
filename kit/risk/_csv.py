"""A register as a spreadsheet file, and back.

The export is safe to open in Excel, LibreOffice or Google Sheets: every cell
goes through :func:`kit.documents.safe_csv`, so a title typed as
``=HYPERLINK(...)`` shows as text instead of running. The import reads the file
with :func:`kit.documents.read_csv_table` (the kit's one set of rules for a CSV
file, which also undoes the export's apostrophes), then matches columns by their
header, checks every row with :func:`kit.risk.validate_risk`, and names each
problem by row.
"""

from __future__ import annotations

from kit.documents import read_csv_table, safe_csv

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


#: Long text kept at the right of the sheet, after the scores, so the columns a meeting reads come first.
LAST = ("found_by", "evidence")


def register_csv(register: Register) -> str:
    """The register as CSV text, highest score first, with the scores and bands, then how each risk was found
    and its evidence (line breaks kept inside the cell)."""
    first = [name for name in FIELDS if name not in LAST]
    header = [FIELD_LABELS[name] for name in first] + list(COMPUTED_LABELS) + [FIELD_LABELS[name] for name in LAST]
    rows = [[getattr(risk, name) for name in first]
            + [risk.score, risk.band, risk.residual_score, risk.residual_band]
            + [getattr(risk, name) for name in LAST]
            for risk in register.sorted("score")]
    return safe_csv(header, rows)


def _header_map(header: list[str]) -> dict[int, str]:
    """Column position → field name, for the columns the import understands."""
    known = {label.casefold(): name for name, label in FIELD_LABELS.items()}
    known |= {name.casefold(): name for name in FIELDS} | HEADER_ALIASES
    columns: dict[int, str] = {}
    for position, cell in enumerate(header):
        name = known.get(cell.casefold())
        if name and name not in columns.values():
            columns[position] = name
    missing = [FIELD_LABELS[name] for name in REQUIRED if name not in columns.values()]
    if missing:
        raise ValueError(f"The file has no column {' or '.join(repr(m) for m in missing)}. A register needs "
                         f"at least '{FIELD_LABELS['title']}', '{FIELD_LABELS['likelihood']}' and "
                         f"'{FIELD_LABELS['severity']}' columns; download a register from this app to see the layout.")
    return columns


def read_register_csv(source: bytes | str, name: str = "") -> Register:
    """Read a CSV register (bytes of an upload, or text) back into a :class:`Register`.

    Columns are matched by header, in any order, case ignored; the computed
    score and rating columns are ignored and recomputed. Empty rows are skipped;
    the file's rules are those of :func:`kit.documents.read_csv_table`.

    Parameters
    ----------
    source : bytes or str
        The file's content.
    name : str
        The register's name (the CSV has no place for it; the app passes the file name).

    Raises
    ------
    ValueError
        When the file breaks a rule of :func:`kit.documents.read_csv_table`
        (a :class:`kit.documents.CsvFileError`: empty, not UTF-8, semicolons,
        header only, more than ``MAX_ROWS`` risks, ...), lacks a required
        column, or has rows that fail the checks (the first few are listed by row number).
    """
    if isinstance(source, str):
        source = source.encode("utf-8")
    table = read_csv_table(source, restore=True, max_rows=MAX_ROWS)
    columns = _header_map(table.header)
    register, problems = Register(name=name, source="csv"), []
    for number, row in table.rows:
        fields = {field: row[position] for position, field in columns.items()}
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
    return register

"""Read an uploaded or given CSV file with one set of rules and plain-language errors.

The audit (:mod:`kit.fairness`) and the risk register import (:mod:`kit.risk`)
both read spreadsheet exports; the ways such a file goes wrong are the same for
both (a workbook instead of a CSV, Windows-1252 text, semicolons from a European
Excel, a duplicated column name, a stray comma), so they are checked here once.
Each problem raises :class:`CsvFileError` with one line that names the problem
and the fix. The callers then check only their own columns.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from ._export import restore_cell

__all__ = ["CsvFileError", "CsvTable", "SAVE_AS_UTF8", "read_csv_table"]

#: The fix for every encoding problem: how to save a CSV that the kit reads.
SAVE_AS_UTF8 = ("In Excel use File > Save As > 'CSV UTF-8 (Comma delimited)'; "
                "in LibreOffice choose 'Text CSV' with character set 'Unicode (UTF-8)'.")
_OTHER_DELIMITERS = {";": "semicolons", "\t": "tabs", "|": "'|' characters"}
_WORKBOOK_STARTS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # .xlsx/.ods (zip) and old .xls


class CsvFileError(ValueError):
    """A CSV file that cannot be read, with one line naming the problem and the fix."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class CsvTable:
    """What :func:`read_csv_table` read.

    Attributes
    ----------
    name : str
        How messages name the file: "The file" or "The file data.csv".
    header : list of str
        Column names, spaces trimmed, never empty or duplicated.
    rows : list of (int, list of str)
        Each data row's number as a spreadsheet shows it (the header is row 1,
        blank rows count) and its cells, trimmed, one per column.
    """

    name: str
    header: list
    rows: list


def _load_bytes(source) -> tuple[bytes, str]:
    """Return (content, name) of bytes or a path."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), "The file"
    path = Path(source)
    name = f"The file {path.name}"
    if not path.exists():
        raise CsvFileError(f"File not found: {path}. Check the name and the folder, or give the full path.")
    if path.is_dir():
        raise CsvFileError(f"{path} is a folder, not a file. Give the path of the CSV file.")
    try:
        return path.read_bytes(), name
    except OSError as error:
        raise CsvFileError(f"{name} cannot be read ({error.strerror}). Check that you may open it "
                           "and that no other program has it locked.") from None


def _empty(name: str) -> CsvFileError:
    return CsvFileError(f"{name} is empty. Check that you chose the right file, or export it again: "
                        "a header row, then one row per line of data.")


def _decode(data: bytes, name: str) -> str:
    """UTF-8 text, with or without Excel's byte-order mark; anything else is refused."""
    if not data.strip():
        raise _empty(name)
    not_text = f"{name} is not a plain-text CSV (it may be a workbook or UTF-16 text). {SAVE_AS_UTF8}"
    if data.startswith(_WORKBOOK_STARTS):
        raise CsvFileError(not_text)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CsvFileError(f"{name} is not UTF-8 text. {SAVE_AS_UTF8}") from None
    if "\x00" in text:
        raise CsvFileError(not_text)
    return text


def _ragged(name: str, where: str) -> CsvFileError:
    return CsvFileError(f"{name} cannot be read as a table: {where}. Check for stray commas or quotes, "
                        "or put values that contain commas in double quotes.")


def _records(text: str, name: str) -> list[tuple[int, list[str]]]:
    """Every non-blank record with its spreadsheet row number."""
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise _ragged(name, f"the CSV reader stopped ({error})") from None
    if text.count('"') % 2:  # odd: perhaps a quote opens a value that never closes
        try:
            for _ in csv.reader(io.StringIO(text, newline=""), strict=True):
                pass
        except csv.Error as error:
            if "unexpected end of data" in str(error):
                raise _ragged(name, "a double quote (\") starts a value that never ends") from None
    return [(number, row) for number, row in enumerate(records, start=1) if any(cell.strip() for cell in row)]


def _check_delimiter(text: str, header: list[str], name: str) -> None:
    """Refuse a file whose header splits into more columns on ';', tab or '|' than on ','."""
    line = next((line for line in text.splitlines() if line.strip(" ,\t")), "")
    for delimiter, plural in _OTHER_DELIMITERS.items():
        if len(next(csv.reader([line], delimiter=delimiter))) > len(header):
            raise CsvFileError(f"{name} separates its columns with {plural}, not commas. Save it as "
                               "comma-separated CSV (in Excel: 'CSV UTF-8 (Comma delimited)').")


def _keep_columns(header: list[str], body, name: str) -> list[int]:
    """Positions of the named columns; refuse duplicated names and unnamed columns that hold values."""
    seen: dict[str, int] = {}
    keep = []
    for position, cell in enumerate(header):
        if not cell:
            if any(position < len(row) and row[position].strip() for _, row in body):
                raise CsvFileError(f"Column {position + 1} has values but no name in the header row. "
                                   "Give it a name, or delete the column.")
            continue
        if cell in seen:
            raise CsvFileError(f"The column name '{cell}' appears twice (columns {seen[cell] + 1} and "
                               f"{position + 1}). Rename one so that every column has its own name.")
        seen[cell] = position
        keep.append(position)
    return keep


def read_csv_table(source, *, restore: bool = False, max_rows: int | None = None) -> CsvTable:
    """Read a comma-separated file as text, checking it with the kit's one set of rules.

    The rules, in order: the file exists and is not empty; it is UTF-8 text,
    with or without a byte-order mark (Excel's "CSV UTF-8"), not a workbook or
    UTF-16; its columns are separated by commas, not semicolons, tabs or '|';
    blank rows are skipped; no column name appears twice, and a column without
    a name is dropped if empty and refused if it holds values; no row has values
    past the last column (trailing empty cells are fine, short rows are filled
    with empty cells) and no quote is left open; there is at least one data
    row, and at most ``max_rows``.
    Names and values are trimmed of surrounding spaces.

    Parameters
    ----------
    source : bytes or str or os.PathLike
        The file's content (an upload) or its path.
    restore : bool, default False
        Undo :func:`kit.documents.neutralise_cell` in every cell, for files the
        kit wrote with :func:`kit.documents.safe_csv`.
    max_rows : int, optional
        The most data rows the caller reads.

    Returns
    -------
    CsvTable
        The column names and the data rows, numbered as a spreadsheet numbers them.

    Raises
    ------
    CsvFileError
        With one line naming the problem and its fix.
    """
    data, name = _load_bytes(source)
    text = _decode(data, name)
    records = _records(text, name)
    if not records:
        raise _empty(name)

    def clean(cell: str) -> str:
        return (restore_cell(cell) if restore else cell).strip()

    header = [clean(cell) for cell in records[0][1]]
    body = records[1:]
    _check_delimiter(text, header, name)
    width = len(header)
    for number, row in body:
        if len(row) > width and any(cell.strip() for cell in row[width:]):
            raise _ragged(name, f"line {number} has {len(row)} cells but the header has {width}")
    keep = _keep_columns(header, body, name)
    if not body:
        raise CsvFileError(f"{name} has a header row but no data rows. Add the data below the header, "
                           "one row per line.")
    if max_rows is not None and len(body) > max_rows:
        raise CsvFileError(f"{name} has {len(body)} data rows; the kit reads up to {max_rows} at a time. "
                           "Split it into smaller files.")
    rows = [(number, [clean(row[p]) if p < len(row) else "" for p in keep]) for number, row in body]
    return CsvTable(name=name, header=[header[p] for p in keep], rows=rows)

"""The kit's one CSV reader: each bad file gets one plain line naming its fix, the same in every caller."""

import pytest

from kit.documents import CsvFileError, neutralise_cell, read_csv_table
from kit.fairness import AuditInputError, read_audit_csv
from kit.risk import read_register_csv

SAVE_AS = "'CSV UTF-8 (Comma delimited)'"

#: (content, words in the message, words naming the fix)
BAD = {
    "empty": (b"", "is empty", "export it again"),
    "blank_lines": (b"  \r\n\n", "is empty", "export it again"),
    "only_commas": (b",,,\n,,\n", "is empty", "export it again"),
    "workbook": (b"PK\x03\x04\x14\x00\x06\x00workbook", "not a plain-text CSV", SAVE_AS),
    "old_workbook": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "not a plain-text CSV", SAVE_AS),
    "windows_1252": ("Risk,Likelihood,Severity\nFrançoise,1,1\n".encode("cp1252"), "not UTF-8", SAVE_AS),
    "utf_16": ("Risk,Likelihood,Severity\nA,1,1\n".encode("utf-16"), "not UTF-8", SAVE_AS),
    "nul": (b"Risk,Likelihood,Severity\nA\x00,1,1\n", "not a plain-text CSV", SAVE_AS),
    "semicolons": (b"Risk;Likelihood;Severity\nA;1;1\n", "with semicolons", SAVE_AS),
    "tabs": (b"Risk\tLikelihood\tSeverity\nA\t1\t1\n", "with tabs", SAVE_AS),
    "pipes": (b"Risk|Likelihood|Severity\nA|1|1\n", "'|' characters", SAVE_AS),
    "duplicate": (b"Risk,Likelihood,Severity,Risk\nA,1,1,B\n", "'Risk' appears twice (columns 1 and 4)",
                  "Rename one"),
    "unnamed": (b"Risk,,Likelihood,Severity\nA,x,1,1\n", "Column 2 has values but no name",
                "Give it a name, or delete the column"),
    "ragged": (b"Risk,Likelihood,Severity\nA,1,1\nB,1,1,extra\n", "line 3 has 4 cells but the header has 3",
               "in double quotes"),
    "unclosed_quote": (b'Risk,Likelihood,Severity\n"A,1,1\nB,1,1\n', "a double quote (\") starts a value",
                       "Check for stray commas or quotes"),
    "header_only": (b"Risk,Likelihood,Severity\n\n", "has a header row but no data rows",
                    "Add the data below the header"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_files_name_the_problem_and_the_fix(case):
    content, problem, fix = BAD[case]
    with pytest.raises(CsvFileError) as caught:
        read_csv_table(content)
    message = str(caught.value)
    assert problem in message and fix in message and "\n" not in message
    assert message.startswith(("The file", "Column", "The column"))


@pytest.mark.parametrize("case", sorted(BAD))
def test_the_audit_and_the_register_refuse_a_bad_file_with_the_same_words(case):
    content = BAD[case][0]
    with pytest.raises(CsvFileError) as shared:
        read_csv_table(content)
    with pytest.raises(AuditInputError) as audit:
        read_audit_csv(content)
    with pytest.raises(ValueError) as register:
        read_register_csv(content)
    assert str(audit.value) == str(register.value) == str(shared.value)


def test_a_path_is_named_and_missing_files_and_folders_are_explained(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(b"a;b\n1;2\n")
    with pytest.raises(CsvFileError, match="^The file export.csv separates its columns with semicolons"):
        read_csv_table(path)
    with pytest.raises(CsvFileError, match="File not found"):
        read_csv_table(tmp_path / "nope.csv")
    with pytest.raises(CsvFileError, match="is a folder"):
        read_csv_table(str(tmp_path))


def test_reads_bom_trims_skips_blank_rows_and_numbers_rows_as_a_spreadsheet_does():
    text = "\ufeff name , code,\r\n\r\n,,\r\n Élodie ,01234,\r\n\"Comma, and\nline\",7\r\nZ,8\r\n"
    table = read_csv_table(text.encode())
    assert table.name == "The file" and table.header == ["name", "code"]
    assert table.rows == [(4, ["Élodie", "01234"]), (5, ["Comma, and\nline", "7"]), (6, ["Z", "8"])]


def test_short_rows_are_filled_and_trailing_empty_cells_and_unnamed_empty_columns_are_dropped():
    table = read_csv_table(b"a,,b,\n1\n2,,3,,,\n")
    assert table.header == ["a", "b"] and table.rows == [(2, ["1", ""]), (3, ["2", "3"])]


def test_a_semicolon_inside_a_quoted_header_is_not_a_delimiter():
    assert read_csv_table(b'"a;b;c",d\n1,2\n').header == ["a;b;c", "d"]


def test_restore_undoes_the_export_apostrophes_only_when_asked():
    cell = neutralise_cell("=SUM(A1)")
    content = f"title,owner\n{cell},'plain\n".encode()
    assert read_csv_table(content, restore=True).rows == [(2, ["=SUM(A1)", "'plain"])]
    assert read_csv_table(content).rows == [(2, ["'=SUM(A1)", "'plain"])]


def test_max_rows():
    content = b"a\n" + b"1\n" * 4
    assert len(read_csv_table(content, max_rows=4).rows) == 4
    with pytest.raises(CsvFileError, match="has 4 data rows; the kit reads up to 3 at a time. Split it"):
        read_csv_table(content, max_rows=3)

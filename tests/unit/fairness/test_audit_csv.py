"""Reading an audit CSV and checking its columns: each mistake gets its fix."""

import pandas as pd
import pytest

from kit.fairness import AuditInputError, check_audit_columns, read_audit_csv

GOOD = "sex,postcode,hired\nF,01234,1\nM,02345,0\nF, 01234 ,0\n"


@pytest.mark.parametrize("as_bytes", [False, True])
def test_reads_text_and_keeps_leading_zeros(tmp_path, as_bytes):
    path = tmp_path / "data.csv"
    path.write_text(GOOD, encoding="utf-8")
    df = read_audit_csv(path.read_bytes() if as_bytes else path)
    assert list(df.columns) == ["sex", "postcode", "hired"]
    assert df["postcode"].tolist() == ["01234", "02345", "01234"]
    assert all(pd.api.types.is_string_dtype(df[c]) for c in df.columns)


def test_accepts_utf8_bom_and_strips_spaces_and_empty_cells():
    df = read_audit_csv("\ufeff name , hired\nÉlodie ,1\n  ,0\n".encode())
    assert list(df.columns) == ["name", "hired"]
    assert df.loc[0, "name"] == "Élodie" and pd.isna(df.loc[1, "name"])


@pytest.mark.parametrize(("content", "words"), [
    (b"", "is empty"),
    (b"  \n\n", "is empty"),
    (b"sex,hired\n", "no data rows"),
    (b"sex;hired\nF;1\n", "Save it as comma-separated"),
    (b"sex\thired\nF\t1\n", "tabs"),
    (b"sex|hired\nF|1\n", "comma-separated"),
    ("sex,hired\nFrançoise,1\n".encode("cp1252"), "not UTF-8"),
    ("sex,hired\nF,1\n".encode("utf-16"), "UTF-8"),
    (b"sex,hired,sex\nF,1,F\n", "appears twice"),
    (b"sex,hired\nF,1\nM,0,extra\n", "line 3 has 3 cells"),
    (b"sex,hired\nF,1,x\nM,0,y\n", "line 2 has 3 cells"),  # would shift every column
    (b"sex,hired\nF,1,\nM,0,7\n", "line 3 has 3 cells"),
])
def test_bad_files(content, words):
    with pytest.raises(AuditInputError, match=words) as info:
        read_audit_csv(content)
    assert "\n" not in str(info.value)


def test_trailing_commas_do_not_shift_columns():
    df = read_audit_csv(b"sex,hired\nF,1,\nM,0,\n")
    assert df.to_dict("list") == {"sex": ["F", "M"], "hired": ["1", "0"]}


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(AuditInputError, match="File not found"):
        read_audit_csv(tmp_path / "nope.csv")
    with pytest.raises(AuditInputError, match="is a folder"):
        read_audit_csv(tmp_path)


FRAME = pd.DataFrame({"sex": ["F", "M", "F", None], "hired": ["yes", "no", "no", "yes"],
                      "qualified": ["yes", "yes", "no", "no"], "empty": [None] * 4,
                      "score": ["1", "2", "3", "1"], "same": ["x"] * 4})


def test_check_returns_group_list():
    assert check_audit_columns(FRAME, "hired", "sex", positive="yes") == ["sex"]
    assert check_audit_columns(FRAME, "hired", ("sex", "same"), "qualified", "yes") == ["sex", "same"]


@pytest.mark.parametrize(("args", "words"), [
    (("hiredd", "sex"), "Did you mean 'hired'"),
    (("hired", "gender"), "Available columns: sex, hired"),
    (("score", "sex"), "3 different values"),
    (("hired", "sex", None, "Yes"), "did you mean 'yes'"),
    (("hired", "sex", None, "1"), "Its values are 'yes', 'no'"),
    (("hired", "empty", None, "yes"), "protected column 'empty' has no values"),
    (("hired", "same", None, "yes"), "Only one group"),
    (("hired", "sex", "score", "yes"), "label column 'score' has 3 different values"),
    (("hired", "sex", "empty", "yes"), "empty in 4 rows"),
])
def test_check_rejects(args, words):
    with pytest.raises(AuditInputError, match=words):
        check_audit_columns(FRAME, *args)

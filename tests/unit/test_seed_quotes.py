"""The kit's teaching text is written in its own words: no run of 8 words from a seed outside quotation marks.

The seeds are the course material the kit was built from (``../shared/seeds/``
beside the repository, when it is there). Facts, lists and tables may carry
over, but a sentence of a seed may appear only as a quotation, marked with
double quotation marks ("..." or “...”). Text is compared normalised: lower
case, apostrophes dropped, any other punctuation a space.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "seeds"
RUN = 8
#: A passage in double quotation marks, straight or curly: a quotation, which may repeat a seed.
QUOTED = re.compile(r'"[^"\n]*"|“[^”]*”')


def words(text: str) -> list[str]:
    """``text`` normalised to words: lower case, apostrophes dropped, other punctuation a space."""
    text = text.lower().replace("’", "").replace("‘", "").replace("'", "")
    return re.sub(r"[^a-z0-9]+", " ", text).split()


def runs(tokens: list[str], size: int = RUN) -> Iterator[tuple[str, ...]]:
    return (tuple(tokens[i:i + size]) for i in range(len(tokens) - size + 1))


def unquoted(text: str) -> list[str]:
    """The stretches of ``text`` outside quotation marks (a run never joins across a quotation)."""
    return QUOTED.split(text)


def _strings(value, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from _strings(item, f"{where}[{n}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{where}.{key}")


def teaching_texts() -> Iterator[tuple[str, str]]:
    """(where, text) for every string of ``kit/content/**/*.yaml`` and every markdown cell of the notebooks."""
    for path in sorted((REPO / "kit" / "content").rglob("*.yaml")):
        yield from _strings(yaml.safe_load(path.read_text(encoding="utf-8")), str(path.relative_to(REPO)))
    for path in sorted((REPO / "notebooks").glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for n, cell in enumerate(cells):
            if cell["cell_type"] == "markdown":
                yield f"{path.relative_to(REPO)} cell {n}", "".join(cell["source"])


def seed_runs() -> dict[tuple[str, ...], str]:
    """Every run of 8 words in the seeds, with the seed file it comes from."""
    found = {}
    for path in sorted(SEEDS.glob("*.txt")):
        for run in runs(words(path.read_text(encoding="utf-8"))):
            found.setdefault(run, path.name)
    return found


def hits(texts, seeds: dict[tuple[str, ...], str]) -> list[str]:
    """Each place where a seed's run of 8 words appears outside quotation marks, once per place and seed."""
    found = []
    for where, text in texts:
        seen = set()
        for stretch in unquoted(text):
            for run in runs(words(stretch)):
                if run in seeds and (where, seeds[run]) not in seen:
                    seen.add((where, seeds[run]))
                    found.append(f"{where}: '{' '.join(run)}' (from {seeds[run]})")
    return found


@pytest.fixture(scope="module")
def seeds() -> dict[tuple[str, ...], str]:
    if not SEEDS.is_dir() or not any(SEEDS.glob("*.txt")):
        pytest.skip(f"the seeds are not beside the repository ({SEEDS}); nothing to compare with")
    return seed_runs()


def test_the_normalising_and_the_quotation_rule():
    seeds = {tuple(words("one two three four five six seven eight")): "seed.txt"}
    assert hits([("a", "One, two—THREE four: five six seven eight!")], seeds) == [
        "a: 'one two three four five six seven eight' (from seed.txt)"]
    assert hits([("b", 'As the seed says, "one two three four five six seven eight".')], seeds) == []
    assert hits([("c", "As the seed says, “one two three four five six seven eight”.")], seeds) == []
    assert hits([("d", 'one two three four "quoted" five six seven eight')], seeds) == []
    assert words("It’s the kit's") == ["its", "the", "kits"]


def test_no_run_of_eight_words_from_a_seed_outside_quotation_marks(seeds):
    found = hits(teaching_texts(), seeds)
    assert not found, f"{len(found)} passages repeat a seed word for word; quote them or rewrite them:\n" + \
        "\n".join(found)

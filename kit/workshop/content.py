"""Teaching content kept as data files a trainer can edit (``kit/content/*.yaml``).

Each file is read against a declared schema (:class:`ContentModel`, pydantic):
the schema says what every entry holds, and :func:`load_valid` turns whatever
does not fit into one plain message that names the file, the entry, the field
and the fix, so a trainer's edit that breaks a file is found when it loads.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any, TypeVar, get_origin

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, TypeAdapter, ValidationError

from kit.paths import CONTENT_DIR

T = TypeVar("T")

#: How many problems one message lists before it says "and N more".
_SHOWN = 3


class ContentError(ValueError):
    """A content file that is missing, not valid YAML, or does not fit its schema, named with the fix."""


#: A list in the file, kept as a tuple. Its length is checked on what the file holds: a tuple's
#: would be counted after dropping the entries that failed, and report a second, false problem.
Items = Annotated[list[T], AfterValidator(tuple)]


def unique_ids(what: str, attribute: str = "id", *, any_case: bool = False) -> Callable[[Sequence], Sequence]:
    """A validator refusing two entries with the same ``id`` (or ``attribute``; with ``any_case``, in any case).

    ``what`` names the entries, as in "questions": "two questions share the id x; give each its own".
    """

    def check(entries: Sequence) -> Sequence:
        ids = [str(getattr(entry, attribute)) for entry in entries]
        keys = [i.casefold() for i in ids] if any_case else ids
        first = {key: i for i, key in reversed(list(zip(ids, keys)))}
        twice = sorted({first[key] for key in keys if keys.count(key) > 1})
        if twice:
            raise ValueError(f"two {what} share the {attribute} {', '.join(twice)}; give each its own")
        return entries

    return check


class ContentModel(BaseModel):
    """The base of every content schema: unknown keys are refused (a misspelt key is named), values frozen.

    A field's ``description`` is the fix a trainer reads when the value is wrong;
    a validator's ``ValueError`` message is read as it is, so write it as the fix.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def content_path(name: str) -> Path:
    """The file ``kit/content/<name>.yaml``; ``name`` may name a folder, as in ``"cases/retail"``."""
    return CONTENT_DIR / f"{name}.yaml"


@functools.lru_cache(maxsize=None)
def _read(name: str) -> Any:
    path = content_path(name)
    if not path.exists():
        raise ContentError(f"The content file {path.name} is missing from {path.parent}.")
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as problem:
        raise ContentError(f"{path.name} is not valid YAML ({problem}); check indentation near that line.") from None


#: How content text names a lesson: ``{lesson:risk}`` reads "lesson 06", ``{Lesson:risk}`` "Lesson 06".
LESSON_TOKEN = re.compile(r"\{([Ll]esson):([a-z][a-z0-9_]*)\}")


def number_lessons(ids: Sequence[str]) -> dict[str, str]:
    """Each lesson's number from its place in the registry: ``"00"``, ``"01"``, ... (wider past 99)."""
    width = max(2, len(str(len(ids) - 1)))
    return {lesson_id: f"{i:0{width}d}" for i, lesson_id in enumerate(ids)}


def _lesson_numbers() -> dict[str, str]:
    entries = _read("lessons")
    ids = [entry.get("id") for entry in entries if isinstance(entry, dict)] if isinstance(entries, list) else []
    return number_lessons([str(i) for i in ids])


def _name_lessons(value: Any, name: str, numbers: dict[str, str]) -> Any:
    """``value`` with every ``{lesson:id}`` written out, so no content file types a lesson's number."""
    if isinstance(value, str):
        def written(match: re.Match) -> str:
            if match.group(2) not in numbers:
                raise ContentError(f"{name}.yaml names {match.group(0)}, which is no lesson id in lessons.yaml; "
                                   f"use one of {', '.join(numbers)}.")
            return f"{match.group(1)} {numbers[match.group(2)]}"

        return LESSON_TOKEN.sub(written, value) if "{" in value else value
    if isinstance(value, list):
        return [_name_lessons(item, name, numbers) for item in value]
    if isinstance(value, dict):
        return {key: _name_lessons(item, name, numbers) for key, item in value.items()}
    return value


def load(name: str) -> Any:
    """Return the parsed content of ``kit/content/<name>.yaml`` (a fresh copy each call).

    Text may name a lesson as ``{lesson:risk}``; it is written out as "lesson 06" from the registry.
    """
    if name == "lessons":
        return copy.deepcopy(_read(name))
    return _name_lessons(_read(name), name, _lesson_numbers())


def load_valid(name: str, schema: Any, *, context: dict | None = None) -> Any:
    """``kit/content/<name>.yaml`` read as ``schema`` (a model, or a type such as ``list[Model]``).

    Raises :class:`ContentError` naming the file, the entries and fields at fault, and the fix.
    ``context`` reaches validators that check against other files (the known lesson ids, say).
    """
    return validate(load(name), schema, where=f"{name}.yaml", context=context)


def validate(data: Any, schema: Any, *, where: str, context: dict | None = None) -> Any:
    """``data`` (parsed YAML) read as ``schema``; a :class:`ContentError` about ``where`` if it does not fit."""
    try:
        return _adapter(schema).validate_python(data, context=context)
    except ValidationError as problem:
        raise ContentError(describe(problem, data, where, schema)) from None


@functools.lru_cache(maxsize=None)
def _adapter(schema: Any) -> TypeAdapter:
    return TypeAdapter(schema)


def describe(problem: ValidationError, data: Any, where: str, schema: Any = None) -> str:
    """One plain message for every way ``data`` misses its schema: file, entry, field, what is wrong, the fix."""
    lines = [_line(error, data, schema) for error in problem.errors(include_url=False)]
    more = f" (and {len(lines) - _SHOWN} more)" if len(lines) > _SHOWN else ""
    return f"{where}: " + "; ".join(lines[:_SHOWN]) + more + ". Correct the file and reload the page."


def _line(error: dict, data: Any, schema: Any) -> str:
    loc = [part for part in error["loc"] if not _is_tag(part)]
    place = _place(loc, data)
    message = str(error["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    message = message.replace("Input should be", "should be")
    if error["type"] == "list_type" and not loc:
        message = "should be a list of entries, each starting with '- '"
    elif error["type"] in ("dict_type", "model_type") and not loc:
        message = "should be a block of 'name: value' lines, as in the kit's own copy of this file"
    elif error["type"] == "string_pattern_mismatch":
        message = f"{error['input']!r} is not written the way the kit reads it"
    elif error["type"] == "missing":
        message = "this is missing"
    elif error["type"] == "extra_forbidden":
        message = "this key is not one the kit reads (a misspelling?)"
    fix = _description(schema, loc) if error["type"] not in ("value_error", "assertion_error") else ""
    return f"{place}: {message}" + (f"; expected {fix}" if fix else "")


def _is_tag(part: Any) -> bool:
    """Pydantic adds the name of the union member it tried (``QuestionNode``, ``function-after[...]``)."""
    return isinstance(part, str) and ("[" in part or part in _model_names())


def _model_names(base: type = None) -> set[str]:
    base = base or ContentModel
    names = set()
    for sub in base.__subclasses__():
        names |= {sub.__name__} | _model_names(sub)
    return names


def _place(loc: Sequence[Any], data: Any) -> str:
    """``entry 3 ('Bias in hiring'), field 'minutes'`` for a location path in the parsed file."""
    words, node = [], data
    for part in loc:
        if isinstance(part, int) and not (isinstance(node, dict) and part in node):
            node = node[part] if isinstance(node, list) and part < len(node) else None
            words.append(f"entry {part + 1}{_label(node)}")
        else:
            node = node.get(part) if isinstance(node, dict) else None
            words.append(f"'{part}'")
    return ", ".join(words) if words else "the file as a whole"


def _label(node: Any) -> str:
    if isinstance(node, dict):
        for key in ("id", "name", "term", "title", "key", "label"):
            if isinstance(node.get(key), (str, int)):
                return f" ({node[key]!r})" if isinstance(node[key], str) else f" ({node[key]})"
    return ""


def _description(schema: Any, loc: Sequence[Any]) -> str:
    """The ``description`` of the field at ``loc``, followed through nested models and lists."""
    model = _model_of(schema)
    description, key_next = "", _is_mapping(schema) and not _is_model(schema)
    for part in loc:
        if model is None or isinstance(part, int) and not key_next:
            continue
        if key_next:  # a key of a mapping, such as a node id: not a field
            key_next = False
            continue
        field = model.model_fields.get(part)
        if field is None:
            return ""
        description = field.description or ""
        model, key_next = _model_of(field.annotation), _is_mapping(field.annotation)
    return description


def _is_mapping(annotation: Any) -> bool:
    """Whether ``annotation`` is, or holds, a mapping (``dict[str, Node]``, ``dict[str, Node] | None``)."""
    if get_origin(annotation) is dict:
        return True
    return any(_is_mapping(arg) for arg in getattr(annotation, "__args__", ()) or ())


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The model inside ``Model``, ``list[Model]``, ``tuple[Model, ...]``, ``dict[str, Model]`` or ``Model | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in reversed(getattr(annotation, "__args__", ()) or ()):
        found = _model_of(arg)
        if found is not None:
            return found
    return None

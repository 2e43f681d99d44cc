"""Starting registers kept as data files a trainer can edit (``kit/content/risk_templates/*.yaml``).

Each file has a ``title``, a ``summary`` of the scenario, its ``source``, an
``order`` in the app's list, and ``risks``: a list of risks with the fields of
:data:`kit.risk.FIELDS`. A mistake in a file is reported with the file, the
risk and the fix, so a trainer can correct it without reading code.
"""

from __future__ import annotations

from kit.workshop.content import ContentError, load
from kit.paths import CONTENT_DIR

from ._register import Register
from ._validate import RiskInputError, validate_risk

TEMPLATE_FOLDER = "risk_templates"
#: The template the lesson and the app start from: the four risks of the source table.
DEFAULT_TEMPLATE = "customer_service_chatbot"
#: The templates the coding exercise joins into its practice register.
PRACTICE_TEMPLATES = ("customer_service_chatbot", "generative_ai_chatbot")


def _raw(name: str) -> dict:
    data = load(f"{TEMPLATE_FOLDER}/{name}")
    where = f"{TEMPLATE_FOLDER}/{name}.yaml"
    if not isinstance(data, dict) or not isinstance(data.get("risks"), list) or not data.get("title"):
        raise ContentError(f"{where} needs a 'title' and a list of 'risks'; compare it with "
                           f"{DEFAULT_TEMPLATE}.yaml.")
    return data


def template_names() -> list[str]:
    """Every template's name (the file name without .yaml), in the order the app lists them."""
    names = [path.stem for path in (CONTENT_DIR / TEMPLATE_FOLDER).glob("*.yaml")]
    return sorted(names, key=lambda name: (_raw(name).get("order", 99), name))


def template_info(name: str) -> dict[str, str]:
    """A template's ``title``, ``summary`` and ``source``, for the app's description of it."""
    data = _raw(name)
    return {key: str(data.get(key, "")).strip() for key in ("title", "summary", "source")}


def load_template(name: str) -> Register:
    """A new register holding the risks of template ``name``.

    Raises
    ------
    kit.workshop.content.ContentError
        When the file is missing, or a risk in it does not pass
        :func:`kit.risk.validate_risk` (the message names the risk and the fix).
    """
    data = _raw(name)
    register = Register(name=str(data["title"]).strip(), source=name)
    for number, raw in enumerate(data["risks"], start=1):
        try:
            register.add(validate_risk(raw if isinstance(raw, dict) else {}))
        except RiskInputError as problem:
            raise ContentError(f"{TEMPLATE_FOLDER}/{name}.yaml, risk {number}: {problem}") from None
    return register


def practice_register() -> Register:
    """The register of the coding exercise: the source table's chatbot risks and the generative-AI ones."""
    register = Register(name="Customer-service chatbot (practice register)", source="practice")
    for name in PRACTICE_TEMPLATES:
        register.extend(load_template(name).risks)
    return register

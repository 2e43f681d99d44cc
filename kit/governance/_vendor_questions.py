"""The bias lesson's questions for a supplier, each with what a good answer sounds like.

The questions live in ``kit/content/vendor_questions.yaml``; a trainer may add,
reword or reorder them. The file is read against :class:`VendorQuestion`, so a
broken edit is named with its entry and fix.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

from kit.workshop.content import ContentModel, Items, load_valid


class VendorQuestion(ContentModel):
    """One question to put to the supplier of a screening or scoring tool."""

    question: str = Field(min_length=1, description="what to ask the supplier, as a question")
    good_answer: str = Field(min_length=1, description="what a good answer sounds like, in a sentence or two")


def _some(questions: tuple[VendorQuestion, ...]) -> tuple[VendorQuestion, ...]:
    if not questions:
        raise ValueError("the file lists no questions; list at least one, each with a question and a good_answer")
    return questions


#: The file: a list of at least one question.
VendorQuestions = Annotated[Items[VendorQuestion], AfterValidator(_some)]


def vendor_questions() -> tuple[VendorQuestion, ...]:
    """The questions, in the order the file lists them (a broken edit is named with its fix)."""
    return load_valid("vendor_questions", VendorQuestions)

"""Room codes and trainer codes: what attendees and trainers type, checked and made canonical.

A room code (``KQP-M3T``) is short, because a whole room copies it from the
projector; it opens nothing but a way to contribute. The trainer code looks
like a workspace code (``XXXX-XXXX-XXXX``), is shown once, and is kept only
as its SHA-256, so the database never holds what opens the trainer page.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from kit.workshop import ALPHABET, WorkspaceError, grouped_code, normalise_code

ROOM_GROUPS, ROOM_GROUP_LEN = 2, 3
ROOM_CODE_LEN = ROOM_GROUPS * ROOM_GROUP_LEN


class RoomError(ValueError):
    """A room that cannot be used as asked, said in plain words with the fix."""


def normalise_room_code(text: str) -> str:
    """Return the canonical ``KQP-M3T`` form of a typed room code.

    Case, spaces and dashes do not matter; a character outside the kit's
    alphabet, or the wrong length, raises :class:`RoomError` naming the fix.
    """
    return grouped_code(text, ROOM_CODE_LEN, ROOM_GROUP_LEN, lambda detail: RoomError(
        f"That room code is not valid ({detail}). A room code has {ROOM_CODE_LEN} letters and digits "
        f"like KQP-M3T; check it with your trainer. Your work is saved as usual."))


def new_room_code() -> str:
    """A random room code in canonical form (25^6, about 244 million, possible codes)."""
    return normalise_room_code("".join(secrets.choice(ALPHABET) for _ in range(ROOM_CODE_LEN)))


def new_trainer_code() -> str:
    """A random trainer code, shaped like a workspace code (about 55 bits)."""
    return normalise_code("".join(secrets.choice(ALPHABET) for _ in range(12)))


def trainer_hash(trainer_code: str) -> str:
    """The SHA-256 kept for a trainer code; a malformed code hashes to a value no room holds."""
    try:
        canonical = normalise_code(trainer_code)
    except WorkspaceError:
        canonical = "not a trainer code"
    return hashlib.sha256(canonical.encode()).hexdigest()


def same_hash(stored: str, trainer_code: str) -> bool:
    """Whether ``trainer_code`` hashes to ``stored``, compared in constant time."""
    return hmac.compare_digest(stored.encode(), trainer_hash(trainer_code).encode())

"""The delivery widgets: the before-and-after check, the evaluation form and the certificate download."""

from kit import lazy_names

_LAZY = {
    "after_check": "_check",
    "before_check": "_check",
    "certificate_app": "_certificate",
    "evaluation_form": "_evaluation",
}

__getattr__ = lazy_names("kit.delivery.ui", _LAZY)

__all__ = sorted(_LAZY)

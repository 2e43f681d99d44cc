"""The one error type the audit raises for bad input.

A leader who uploads the wrong file needs one sentence that names the problem
and the fix, not a traceback. Every check in the audit raises
:class:`AuditInputError` with such a sentence; the command line and the web app
catch it and show the message as it is.
"""

__all__ = ["AuditInputError"]


class AuditInputError(ValueError):
    """Bad input to the audit, with a message written for the person who made it.

    The message is one plain-language line that names what is wrong and how to
    fix it (for example "Column 'sexe' not found. Available columns: age, sex.").
    It subclasses :class:`ValueError` so that code which already catches
    ``ValueError`` keeps working.

    Parameters
    ----------
    message : str
        The line to show to the user.
    """

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return self.message

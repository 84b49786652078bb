"""What the command line says about a journal that could not be written (the signatures
were made all the same) or that was found broken and set aside."""

from __future__ import annotations

from desktop_signer.cli.i18n import Catalogue
from desktop_signer.journal import Journal


def journal_notices(journal: Journal, t: Catalogue) -> list[str]:
    lines = []
    if journal.set_aside is not None:
        lines.append(t("journal_set_aside", path=journal.set_aside, new=journal.path))
    if journal.unwritten:
        key = f"journal_problem_{journal.problem or 'journal_unavailable'}"
        lines.append(t(key, path=journal.path, count=len(journal.unwritten)))
    elif journal.problem and not journal.available:
        lines.append(t(f"journal_problem_{journal.problem}", path=journal.path, count=0))
    return lines

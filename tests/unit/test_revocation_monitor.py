"""The revocation monitor's cache: one lookup per certificate, the old answer kept while it
is asked again, a lookup that fails never breaks a listing. The lookup here is a plain
function standing in for the OCSP/CRL question (asked of the real training services in
tests/integration/test_tokens_revocation_status.py)."""

from __future__ import annotations

import threading
from collections.abc import Sequence

from desktop_signer.tokens import revocation_status as rs
from desktop_signer.tokens.revocation_monitor import RevocationMonitor


class Answers:
    """Answers ``state`` and counts the questions; ``gate`` holds an answer back."""

    def __init__(self, state: rs.RevocationState = rs.GOOD) -> None:
        self.state = state
        self.asked: list[tuple[bytes, tuple[bytes, ...]]] = []
        self.gate = threading.Event()
        self.gate.set()

    def __call__(self, der: bytes, cas: Sequence[bytes]) -> rs.RevocationStatus:
        self.gate.wait(30)
        self.asked.append((der, tuple(cas)))
        if self.state == "boom":  # type: ignore[comparison-overlap]
            raise RuntimeError("a lookup that raises")
        return rs.RevocationStatus(self.state)


def wait_answer(monitor: RevocationMonitor, changed: threading.Event,
                fingerprint: str = "aa") -> rs.RevocationStatus:
    assert changed.wait(30)
    changed.clear()
    return monitor.status(fingerprint, b"cert")


def test_first_checking_then_the_answer_and_one_lookup_only() -> None:
    answers = Answers(rs.REVOKED)
    changed = threading.Event()
    monitor = RevocationMonitor(changed.set, lookup=answers, anchors=lambda: [b"anchor"])
    assert monitor.status("aa", b"cert", [b"ca"]).state == rs.CHECKING
    assert wait_answer(monitor, changed).state == rs.REVOKED
    for _ in range(10):
        assert monitor.status("aa", b"cert", [b"ca"]).state == rs.REVOKED
    assert answers.asked == [(b"cert", (b"ca", b"anchor"))]  # the anchors were added


def test_asked_again_after_forget_keeping_the_old_answer_meanwhile() -> None:
    answers = Answers(rs.GOOD)
    changed = threading.Event()
    monitor = RevocationMonitor(changed.set, lookup=answers)
    monitor.status("aa", b"cert")
    assert wait_answer(monitor, changed).state == rs.GOOD
    answers.gate.clear()
    answers.state = rs.REVOKED
    monitor.forget()
    # asked again, but the row keeps saying "good" (no flicker back to "checking")
    assert monitor.status("aa", b"cert").state == rs.GOOD
    assert monitor.status("aa", b"cert").state == rs.GOOD
    answers.gate.set()
    assert wait_answer(monitor, changed).state == rs.REVOKED
    assert len(answers.asked) == 2


def test_a_lookup_that_raises_is_unknown() -> None:
    answers = Answers("boom")  # type: ignore[arg-type]
    changed = threading.Event()
    monitor = RevocationMonitor(changed.set, lookup=answers,
                                anchors=lambda: (_ for _ in ()).throw(OSError("unreadable")))
    monitor.status("aa", b"cert")
    assert wait_answer(monitor, changed).state == rs.UNKNOWN

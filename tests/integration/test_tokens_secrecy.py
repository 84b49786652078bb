"""The PIN never appears in a log record, an exception or the CLI's output.

A test-owned token gets a PIN nobody could find by accident in serials, hex ids or slot
numbers; every path that handles PINs is driven with the good and a wrong PIN (login,
listing, context-specific login before a signature, PKCS#12), with every logger at DEBUG.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_signer.cli import catalogue
from desktop_signer.cli.tokens_cmd import error_line
from desktop_signer.tokens import load_pkcs12_identity, open_pkcs11_identity
from desktop_signer.tokens.discovery import discover
from desktop_signer.tokens.errors import PinError, TokenError
from desktop_signer.tokens.inventory import LoginRequest, scan
from desktop_signer.training.setup import TrainingSetup
from tests.integration.test_tokens_cli import run_cli
from tests.integration.test_tokens_helpers import Put, extra_token
from tests.integration.test_tokens_identities import sign_and_validate

pytestmark = pytest.mark.integration

GOOD_PIN = "Rahasia-Benar-7Q2x"
WRONG_PIN = "Rahasia-Salah-9K4w"
SECRETS = (GOOD_PIN, WRONG_PIN)
LABEL = "UJI-RAHASIA"
PUTS = [Put("siti", b"\x01", "siti", b"\x01", "siti"),
        Put("rahmat", b"\x02", "rahmat", b"\x02", "rahmat", always_authenticate=True)]


def exception_texts(exc: BaseException) -> list[str]:
    texts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        texts += [str(current), repr(current), repr(current.args)]
        if isinstance(current, TokenError):
            texts += [current.detail, repr(current.params), error_line(current, catalogue())]
        if isinstance(current, PinError):
            texts.append(repr(current.state))
        current = current.__cause__ or current.__context__
    texts.append("".join(traceback.format_exception(exc)))
    return texts


def assert_clean(texts: list[str], where: str) -> None:
    for text in texts:
        for secret in SECRETS:
            assert secret not in text, f"PIN found in {where}: {text[:200]!r}"


def raised(call: Callable[[], object]) -> BaseException:
    with pytest.raises(Exception) as err:  # any error: all of them are inspected
        call()
    return err.value


def test_pin_is_never_logged_or_put_into_an_error(training: TrainingSetup,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    for name in ("pkcs11", "pyhanko", "pyhanko_certvalidator", "desktop_signer", "keyring"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    errors: list[BaseException] = []
    with extra_token(training, LABEL, PUTS, pin=GOOD_PIN):
        errors.append(raised(lambda: open_pkcs11_identity(
            training.module, pin=WRONG_PIN, token_label=LABEL, certificate_label="siti")))
        found = discover(None, [training.module], use_known=False, p11kit_dirs=())
        login = LoginRequest(LABEL, WRONG_PIN)
        assert_clean([repr(login)], "LoginRequest repr")
        (tok,) = [t for t in scan(discovery=found, login=login).tokens if t.label == LABEL]
        assert_clean([repr(tok)], "token report")
        good = open_pkcs11_identity(training.module, pin=GOOD_PIN, token_label=LABEL,
                                    certificate_label="rahmat")
        wrong_context = open_pkcs11_identity(training.module, pin=WRONG_PIN,
                                             token_label=LABEL, certificate_label="rahmat")
        try:
            assert sign_and_validate(good, training).valid  # type: ignore[attr-defined]
            errors.append(raised(lambda: sign_and_validate(wrong_context, training)))
            assert_clean([repr(good), repr(good.pyhanko_signer())], "identity repr")
        finally:
            wrong_context.close()
            good.close()
    p12 = training.identity("budi").pkcs12
    assert p12 is not None
    errors.append(raised(lambda: load_pkcs12_identity(p12, WRONG_PIN)))
    assert [type(e).__name__ for e in errors] == ["WrongPinError", "WrongPinError",
                                                  "Pkcs12Error"]
    for exc in errors:
        assert_clean(exception_texts(exc), f"{type(exc).__name__}")
    assert caplog.records, "nothing was logged: the test would prove nothing"
    for record in caplog.records:
        text = [record.getMessage(), repr(record.args), record.exc_text or ""]
        if record.exc_info and record.exc_info[1] is not None:
            text += exception_texts(record.exc_info[1])
        assert_clean(text, f"log record of {record.name}")


def test_pin_is_never_in_cli_output(training: TrainingSetup,
                                    isolated_dirs: dict[str, Path]) -> None:
    with extra_token(training, LABEL + "-CLI", PUTS, pin=GOOD_PIN):
        runs = []
        for pin in SECRETS:
            for fmt in ((), ("--json",)):
                runs.append(run_cli(training, isolated_dirs, "--module", training.module,
                                    "--token", LABEL + "-CLI", "--pin-env", "PIN_TOKEN", *fmt,
                                    env={"PIN_TOKEN": pin}))
                runs.append(run_cli(training, isolated_dirs, "--module", training.module,
                                    "--token", LABEL + "-CLI", "--pin-stdin", *fmt,
                                    lang="id", stdin=pin + "\n"))
        assert [r.returncode for r in runs] == [0, 0, 0, 0, 1, 1, 1, 1]
        assert "pin_incorrect" in runs[-1].stdout  # the JSON reports the refused PIN
        for r in runs:
            assert_clean([r.stdout, r.stderr], "CLI output")

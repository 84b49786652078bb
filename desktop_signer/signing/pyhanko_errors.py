"""What pyHanko and its certificate validator raise while signing, time-stamping or adding
validation data, as our typed errors: one mapping for token signing
(:mod:`desktop_signer.signing.signer`) and for the long-term data we add to a remote
signature (:mod:`desktop_signer.remote.accept`).
"""

from __future__ import annotations

import requests
from pyhanko.sign.general import SigningError as PyhankoSigningError
from pyhanko.sign.timestamps.common_utils import TimestampRequestError
from pyhanko_certvalidator import errors as cv_errors

from desktop_signer.signing.errors import SigningError

#: the exceptions :func:`typed_error` knows; catch these around a pyHanko call, before
#: ``OSError`` (a ``TimestampRequestError`` is one)
PYHANKO_ERRORS: tuple[type[Exception], ...] = (
    TimestampRequestError, cv_errors.PathBuildingError, cv_errors.ValidationError,
    PyhankoSigningError)


class RevocationUnavailable(Exception):
    """No revocation data for the level asked for: the caller signs at B-T instead when
    the user allowed a downgrade, and raises :attr:`error` otherwise."""

    def __init__(self, error: SigningError) -> None:
        super().__init__(error.code)
        self.error = error


def typed_error(exc: Exception, *, tsa_url: str, level: str
                ) -> SigningError | RevocationUnavailable:
    """The error to raise (``from exc``) for one of :data:`PYHANKO_ERRORS`."""
    if isinstance(exc, TimestampRequestError):
        response = exc.args[1] if len(exc.args) > 1 else None
        status = getattr(response, "status_code", None)
        if status in (401, 403):
            return SigningError("tsa_auth_failed", str(status), url=tsa_url)
        cause = exc.__cause__
        if isinstance(cause, OSError | requests.RequestException):
            return SigningError("tsa_unreachable", repr(cause), url=tsa_url)
        return SigningError("tsa_failed", str(exc), url=tsa_url)
    detail = str(exc)
    if isinstance(exc, PyhankoSigningError):  # pyHanko's wrapper: the cause says what
        cause = exc.__cause__
        if not isinstance(cause, cv_errors.PathBuildingError | cv_errors.ValidationError):
            return SigningError("signing_failed", detail)
        exc, detail = cause, f"{exc}: {cause}"
    if isinstance(exc, cv_errors.PathBuildingError):
        return SigningError("chain_incomplete", str(exc))
    if isinstance(exc, cv_errors.RevokedError):
        return SigningError("certificate_revoked", str(exc))
    return RevocationUnavailable(SigningError("revocation_unavailable", detail[:500],
                                              level=level))

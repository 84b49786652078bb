"""Parsed certificates shared across validations.

Every validation context indexes its trust anchors by subject, and asn1crypto prepares each
name for comparison (RFC 5280 string preparation) once per parsed object. Parsing the same
anchors afresh for every signature made that preparation a fifth of our own check of a
signed letter. A parsed certificate is a pure function of its DER bytes, and neither
pyHanko nor certvalidator changes one, so one parsed object per DER is shared.
"""

from __future__ import annotations

from functools import lru_cache

from asn1crypto import x509


@lru_cache(maxsize=512)
def certificate_from_der(der: bytes) -> x509.Certificate:
    return x509.Certificate.load(der)

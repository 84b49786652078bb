"""Memoised RFC 4518 string preparation for asn1crypto's name comparison.

Why: comparing two distinguished names (finding a signer's certificate in a CMS, indexing
trust anchors, building a path) makes asn1crypto prepare every attribute value with a
pure-Python Unicode mapping, once per freshly parsed certificate. Every signature carries
freshly parsed certificates with the same few names, and that preparation was a fifth of
our check of a signed letter. The preparation is a pure function of the string (it does not
read the object it is called on), so its results are kept, keyed by the string.
``tests/unit/test_name_prep.py`` checks the results are asn1crypto's own.
"""

from __future__ import annotations

from functools import lru_cache

from asn1crypto import x509

_asn1crypto_prep = x509.NameTypeAndValue._ldap_string_prep


@lru_cache(maxsize=4096)
def prepared(value: str) -> str:
    result: str = _asn1crypto_prep(None, value)
    return result


def _memoised(_self: x509.NameTypeAndValue, value: str) -> str:
    return prepared(value)


def install() -> None:
    """Idempotent."""
    x509.NameTypeAndValue._ldap_string_prep = _memoised


install()

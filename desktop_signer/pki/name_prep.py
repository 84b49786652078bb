"""Memoised RFC 4518 string preparation and name comparison for asn1crypto.

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


_asn1crypto_name_eq = x509.Name.__eq__
_KNOWN_LIMIT = 4096
_known: dict[tuple[bytes, bytes], bool] = {}


def _name_eq(self: x509.Name, other: object) -> bool:
    """asn1crypto's RFC 5280 comparison, remembered by the DER of the two names' RDN
    sequences (of which it is a pure function; the outer encoding may carry a context tag,
    as in an ``IssuerSerial``). pyHanko compares the issuer named in a CMS signer info with
    every certificate the signature carries, so the same pairs recur in every signature.
    A comparison that raises (a name asn1crypto cannot prepare) is not remembered."""
    if not isinstance(other, x509.Name):
        return False
    key = (self.chosen.dump(), other.chosen.dump())
    known = _known.get(key)
    if known is None:
        known = bool(_asn1crypto_name_eq(self, other))
        if len(_known) >= _KNOWN_LIMIT:
            _known.clear()
        _known[key] = known
    return known


def install() -> None:
    """Idempotent."""
    x509.NameTypeAndValue._ldap_string_prep = _memoised
    x509.Name.__eq__ = _name_eq


install()

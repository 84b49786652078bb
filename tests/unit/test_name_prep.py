"""The memoised name preparation returns asn1crypto's own results, and comparisons of
names through it still follow RFC 5280 (case and space folding)."""

from __future__ import annotations

from asn1crypto import x509

from desktop_signer.pki import name_prep


def test_results_are_asn1cryptos() -> None:
    for value in ["Budi  Santoso", "BALAI SERTIFIKASI ELEKTRONIK", "Ṡiti Ñurhaliza",
                  " spaced ", "ǅ", "ﬁ ligature", ""]:
        assert name_prep.prepared(value) == name_prep._asn1crypto_prep(None, value)


def test_installed_and_names_still_compare_by_rfc5280() -> None:
    assert x509.NameTypeAndValue._ldap_string_prep is name_prep._memoised
    a = x509.Name.build({"common_name": "Budi  Santoso", "organization_name": "BSrE"})
    b = x509.Name.build({"common_name": "budi santoso", "organization_name": "bsre"})
    c = x509.Name.build({"common_name": "Budi Santosa", "organization_name": "BSrE"})
    assert a == b
    assert a != c

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


def test_remembered_comparisons_match_asn1crypto_also_for_tagged_names() -> None:
    """A name inside a GeneralName (as in the ESS IssuerSerial every PAdES signature
    carries) is encoded with a context tag; it must still equal the certificate's."""
    a = x509.Name.build({"common_name": "BSrE Latihan CA", "country_name": "ID"})
    b = x509.Name.build({"common_name": "bsre  latihan ca", "country_name": "ID"})
    c = x509.Name.build({"common_name": "Root CA Latihan", "country_name": "ID"})
    tagged = x509.GeneralName.load(x509.GeneralName(name="directory_name", value=a).dump())
    for _ in range(2):  # the second round answers from memory
        for x, y in [(a, b), (a, c), (tagged.chosen, a), (tagged.chosen, c), (b, a)]:
            assert (x == y) == name_prep._asn1crypto_name_eq(x, y)
    assert tagged.chosen == a and a != c

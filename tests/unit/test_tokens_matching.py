"""Pairing certificates with keys: by CKA_ID, else label, else public key."""

from __future__ import annotations

from desktop_signer.tokens.matching import CertRef, KeyRef, ec_fingerprint, match, rsa_fingerprint

A, B, C = rsa_fingerprint(0xA1), rsa_fingerprint(0xB2), rsa_fingerprint(0xC3)


def cert(name: str, id: bytes = b"", label: str = "", fp: bytes | None = None) -> CertRef[str]:
    return CertRef(name, id, label, fp)


def key(name: str, id: bytes = b"", label: str = "", fp: bytes | None = None) -> KeyRef[str]:
    return KeyRef(name, id, label, fp)


def pairs(result: object) -> set[tuple[str, str, str]]:
    return {(p.cert.obj, p.key.obj, p.matched_by) for p in result.pairs}  # type: ignore[attr-defined]


def test_id_first_then_label_then_public_key() -> None:
    certs = [cert("c-id", b"\x01", "x", A), cert("c-label", b"\x02", "siti", B),
             cert("c-pub", b"\x03", "p", C)]
    keys = [key("k-pub", b"\x09", "q", C), key("k-label", b"\x08", "siti", B),
            key("k-id", b"\x01", "other", A)]
    result = match(certs, keys)
    assert pairs(result) == {("c-id", "k-id", "id"), ("c-label", "k-label", "label"),
                             ("c-pub", "k-pub", "public_key")}
    assert result.certs_without_key == () and result.keys_without_cert == ()


def test_orphans_on_both_sides() -> None:
    result = match([cert("lonely", b"\x01", "a", A)], [key("spare", b"\x02", "b", B)])
    assert result.pairs == ()
    assert [c.obj for c in result.certs_without_key] == ["lonely"]
    assert [k.obj for k in result.keys_without_cert] == ["spare"]


def test_a_different_public_key_vetoes_a_pairing_by_id() -> None:
    # a stale certificate left beside a renewed key must not be used with it
    result = match([cert("old", b"\x01", "", A)], [key("renewed", b"\x01", "", B)])
    assert result.pairs == ()


def test_unknown_public_key_does_not_veto() -> None:
    result = match([cert("c", b"\x01", "", A)], [key("k", b"\x01", "", None)])
    assert pairs(result) == {("c", "k", "id")}


def test_empty_ids_and_labels_never_match_each_other() -> None:
    result = match([cert("c", b"", "", None)], [key("k", b"", "", None)])
    assert result.pairs == ()


def test_duplicate_ids_prefer_the_key_whose_public_key_matches() -> None:
    result = match([cert("c", b"\x01", "", B)],
                   [key("k-unknown", b"\x01", "", None), key("k-match", b"\x01", "", B)])
    assert pairs(result) == {("c", "k-match", "id")}


def test_fingerprints() -> None:
    assert rsa_fingerprint(b"\x00\x01\x02") == rsa_fingerprint(0x0102)
    point = b"\x04" + bytes(range(1, 65))  # uncompressed P-256 point
    wrapped = b"\x04\x41" + point  # as CKA_EC_POINT usually holds it (DER OCTET STRING)
    assert ec_fingerprint(wrapped) == ec_fingerprint(point) == b"ec:" + point
    # a raw point whose second byte happens to look like a length is left alone
    tricky = b"\x04\x3f" + bytes(63)
    assert ec_fingerprint(tricky) == b"ec:" + tricky

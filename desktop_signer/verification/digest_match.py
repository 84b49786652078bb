"""Do the signed bytes still match the signature, whatever its /SubFilter says?

A signature whose ``/SubFilter`` we do not handle is reported ``unsupported_signature``
(indeterminate). But the ``/SubFilter`` entry itself lies inside the signed byte range: an
attacker who renames it (``/adbe.pkcs7.detached`` -> ``/Xdbe.pkcs7.detached``) must not
turn "the signed bytes changed" into "cannot be checked". Every subfilter defined for PDF
signs a digest of the ByteRange bytes, in one of three places of the CMS:

- detached (``adbe.pkcs7.detached``, ``ETSI.CAdES.detached``): the ``messageDigest``
  signed attribute;
- ``adbe.pkcs7.sha1``: the encapsulated content is the SHA-1 digest itself;
- ``ETSI.RFC3161``: the timestamp token's message imprint.

If the CMS carries at least one of these digests and none of them equals the digest of the
ByteRange bytes (pyHanko computes it), the signed bytes changed: :func:`signed_bytes_match`
returns False. It returns None when nothing can be compared (no such digest, an unknown
digest algorithm): then the signature stays merely unsupported. Only digests are compared
here; the cryptographic signature itself is not verified, so True means "not shown to be
altered", never "valid".
"""

from __future__ import annotations

from asn1crypto import cms, tsp
from pyhanko.sign.general import find_unique_cms_attribute
from pyhanko.sign.validation import EmbeddedPdfSignature

SHA1_LENGTH = 20


def _candidates(emb: EmbeddedPdfSignature) -> list[tuple[str, bytes]]:
    """(digest algorithm, digest the CMS claims for the ByteRange bytes)."""
    signer_info: cms.SignerInfo = emb.signer_info
    encap = emb.signed_data["encap_content_info"]
    content = encap["content"]
    if content.native is None:
        # Detached: the messageDigest attribute is the digest of the ByteRange bytes.
        signed_attrs = signer_info["signed_attrs"]
        if not signed_attrs:
            return []
        try:
            claimed = find_unique_cms_attribute(signed_attrs, "message_digest").native
        except Exception:  # absent or duplicated: nothing to compare
            return []
        return [(signer_info["digest_algorithm"]["algorithm"].native, bytes(claimed))]
    # Encapsulated content: messageDigest covers that content, not the ByteRange bytes.
    kind = encap["content_type"].native
    if kind == "tst_info":
        info = content.parsed
        if isinstance(info, tsp.TSTInfo):
            imprint = info["message_imprint"]
            return [
                (imprint["hash_algorithm"]["algorithm"].native, bytes(imprint["hashed_message"]))
            ]
    elif kind == "data":
        data = content.native
        if isinstance(data, bytes) and len(data) == SHA1_LENGTH:
            return [("sha1", data)]  # adbe.pkcs7.sha1: the content is the SHA-1 digest
    return []


def signed_bytes_match(emb: EmbeddedPdfSignature) -> bool | None:
    """True if a digest in the CMS equals the ByteRange digest, False if digests exist and
    none does, None if nothing could be compared."""
    compared = False
    for algorithm, claimed in _candidates(emb):
        try:
            actual = emb.compute_digest(algorithm)
        except MemoryError:  # the child's memory limit: never a verdict
            raise
        except Exception:  # unknown algorithm, unreadable range
            continue
        compared = True
        if actual == claimed:
            return True
    return False if compared else None

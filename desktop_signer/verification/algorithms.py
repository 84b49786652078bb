"""Which weakness an algorithm policy objects to: the key (``weak_key``) or the digest
(``weak_digest``).

pyHanko and pyhanko-certvalidator judge algorithms with one :class:`AlgorithmUsagePolicy`
(by default ``DisallowWeakAlgorithmsPolicy``: MD5 and SHA-1 digests are weak, RSA keys
under 2048 bits and DSA keys under 3192 bits are too small) and report every objection the
same way (``DisallowedAlgorithmError``, subindication CRYPTO_CONSTRAINTS_FAILURE). The two
mean different things to a reader, so the same policy is asked again here, once with the
public key and once without: an objection that appears only with the key is the key's.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from asn1crypto import algos, keys, x509
from pyhanko_certvalidator.path import ValidationPath
from pyhanko_certvalidator.policy_decl import AlgorithmUsagePolicy

from desktop_signer.verification.findings import finding
from desktop_signer.verification.model import Finding

Weakness = Literal["weak_key", "weak_digest"]


def key_description(public_key: keys.PublicKeyInfo) -> tuple[str, str]:
    """(algorithm, size in bits) of a public key, as text for the message."""
    try:
        bits = str(public_key.bit_size)
    except (ValueError, TypeError, KeyError):
        bits = "?"
    return str(public_key.algorithm).upper(), bits


def weakness(
    policy: AlgorithmUsagePolicy,
    mechanism: algos.SignedDigestAlgorithm,
    public_key: keys.PublicKeyInfo | None,
    moment: datetime | None,
) -> Weakness | None:
    """What the policy objects to in a signature made with ``mechanism`` by ``public_key``."""
    if policy.signature_algorithm_allowed(mechanism, moment, None):
        if public_key is not None and not policy.signature_algorithm_allowed(
            mechanism, moment, public_key
        ):
            return "weak_key"
        return None
    return "weak_digest"


def cms_findings(
    policy: AlgorithmUsagePolicy,
    digest_algorithm: str,
    mechanism: algos.SignedDigestAlgorithm,
    signer_key: keys.PublicKeyInfo,
    moment: datetime | None,
    what: str = "signer",
) -> list[Finding]:
    """Findings for the algorithms of one CMS signature (its digest, its mechanism, the
    signer's key)."""
    out: list[Finding] = []
    digest = algos.DigestAlgorithm({"algorithm": digest_algorithm})
    if not policy.digest_algorithm_allowed(digest, moment):
        out.append(finding("weak_digest", digest=digest_algorithm, what=what))
    kind = weakness(policy, mechanism, signer_key, moment)
    if kind == "weak_key":
        algorithm, bits = key_description(signer_key)
        out.append(finding("weak_key", algorithm=algorithm, bits=bits, what=what))
    elif kind == "weak_digest" and not out:
        out.append(finding("weak_digest", digest=mechanism["algorithm"].native, what=what))
    return out


def path_weakness(
    policy: AlgorithmUsagePolicy, path: ValidationPath | None, moment: datetime | None
) -> tuple[Weakness, keys.PublicKeyInfo | None] | None:
    """The first certificate signature on ``path`` the policy objects to: which weakness, and
    the issuer key when it is the key."""
    if path is None:
        return None
    issuer_key: keys.PublicKeyInfo | None = path.trust_anchor.authority.public_key
    for cert in path.iter_certs(include_root=False):
        if not isinstance(cert, x509.Certificate):
            continue
        kind = weakness(policy, cert["signature_algorithm"], issuer_key, moment)
        if kind is not None:
            return kind, issuer_key if kind == "weak_key" else None
        issuer_key = cert.public_key
    return None

"""The training PKI, described as a certomancer configuration.

Root CA Latihan -> BSrE Latihan CA -> trainee signing certificates, plus a TSA, an OCSP
responder and CRLs, and an unrelated root for the "untrusted signer" exercise. Each
``training init`` makes fresh keys and fixes every date in the written configuration, so
``training serve`` later rebuilds byte-identical certificates from the same folder
(certomancer is deterministic given keys and configuration).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml
from asn1crypto import x509
from certomancer.registry import ArchLabel, CertLabel, CertomancerConfig, PKIArchitecture
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_signer.pki import names as _names  # noqa: F401  (registers 'description')
from desktop_signer.training import own_keys
from desktop_signer.training.identities import TRAINEES, Problem, Trainee

ARCH = "latihan"
CONFIG_NAME = "certomancer.yml"
KEY_DIR = "keys"

ROOT = "root"
ISSUING_CA = "bsre-ca"
TSA = "tsa"
OCSP_RESPONDER = "ocsp"
FOREIGN_ROOT = "root-asing"

OCSP_SERVICE = "ocsp-bsre"
CRL_ISSUING = "crl-bsre"
CRL_ROOT = "crl-root"
CRL_FOREIGN = "crl-asing"
TSA_SERVICE = "tsa"
CERT_REPO = "repo-bsre"

COUNTRY = "ID"
TRAINING_ORG = "Desktop Signer Latihan"

RSA_BITS = 2048


@dataclass(frozen=True)
class ServiceUrls:
    base: str
    tsa: str
    ocsp: str
    crl_issuing: str
    crl_root: str

    @classmethod
    def for_base(cls, base: str) -> ServiceUrls:
        return cls(
            base=base,
            tsa=f"{base}/{ARCH}/tsa/{TSA_SERVICE}",
            ocsp=f"{base}/{ARCH}/ocsp/{OCSP_SERVICE}",
            crl_issuing=f"{base}/{ARCH}/crls/{CRL_ISSUING}/latest.crl",
            crl_root=f"{base}/{ARCH}/crls/{CRL_ROOT}/latest.crl",
        )


def base_url(port: int) -> str:
    return f"http://127.0.0.1:{port}"


def _iso(t: datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%S+0000")


def _validity(start: datetime, end: datetime) -> dict[str, str]:
    return {"valid-from": _iso(start), "valid-to": _iso(end)}


def write_key(path: Path, key: rsa.RSAPrivateKey) -> None:
    data = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)


def generate_keys(key_dir: Path, labels: list[str]) -> None:
    """Fresh RSA keys for every entity whose key does not live on a token."""
    key_dir.mkdir(parents=True, exist_ok=True)
    for label in labels:
        write_key(key_dir / f"{label}.key.pem", rsa.generate_private_key(65537, RSA_BITS))


def key_entities(trainees: tuple[Trainee, ...] = TRAINEES) -> list[str]:
    """Entities whose private keys are generated in software (everything but on-token keys)."""
    fixed = [ROOT, ISSUING_CA, TSA, OCSP_RESPONDER, FOREIGN_ROOT]
    return fixed + [t.label for t in trainees if not t.key_on_token]


def _trainee_validity(t: Trainee, now: datetime) -> dict[str, str]:
    day = timedelta(days=1)
    match t.problem:
        case Problem.EXPIRED:
            return _validity(now - 3 * 365 * day, now - 365 * day)
        case Problem.NOT_YET_VALID:
            return _validity(now + 30 * day, now + 2 * 365 * day)
        case Problem.EXPIRING_SOON:
            return _validity(now - 700 * day, now + 10 * day)
        case _:
            # BSrE issues signing certificates for two years
            return _validity(now - 30 * day, now + 2 * 365 * day - 30 * day)


def _trainee_key_usage(t: Trainee) -> list[str]:
    if t.problem is Problem.NO_SIGNING_USAGE:
        return ["key_encipherment"]
    return ["digital_signature", "non_repudiation"]


# What a real BSrE DS G1 signer certificate carries besides key usage (see
# shared/research/bsre-ecosystem.md §1.2): the "Individu Instansi Online Level 3" policy
# and a critical EKU "Adobe Authentic Documents". Mirroring them keeps training and tests
# honest about quirks real certificates bring (a critical EKU that is not emailProtection).
BSRE_POLICY_LEVEL3 = "2.16.360.1.1.1.5.1.4.3"
ADOBE_AUTHENTIC_DOCUMENTS = "1.2.840.113583.1.1.5"  # dotted: not every asn1crypto knows its name


def _bsre_like_extensions(t: Trainee) -> list[dict[str, Any]]:
    if t.problem is Problem.FOREIGN_ROOT:
        return []
    return [
        {"id": "certificate_policies",
         "value": [{"policy_identifier": BSRE_POLICY_LEVEL3}]},
        {"id": "extended_key_usage", "critical": True, "value": [ADOBE_AUTHENTIC_DOCUMENTS]},
        {"id": "authority_information_access",
         "smart-value": {"schema": "aia-urls", "params": {
             "ocsp-responder-names": [OCSP_SERVICE],
             "ca-issuer-links": [{"repo": CERT_REPO}],
         }}},
    ]


def build_config(
    now: datetime, port: int, trainees: tuple[Trainee, ...] = TRAINEES
) -> dict[str, Any]:
    """The certomancer configuration (a plain dict, written as YAML beside the keys)."""
    day = timedelta(days=1)
    keys: dict[str, dict[str, Any]] = {
        label: {"path": f"{label}.key.pem"} for label in key_entities(trainees)
    }
    for t in trainees:
        if t.key_on_token:
            keys[t.label] = {"path": f"{t.label}.pub.pem", "public-only": True}

    entities: dict[str, dict[str, str]] = {
        ROOT: {"common-name": "Root CA Latihan", "organization-name": TRAINING_ORG},
        ISSUING_CA: {
            "common-name": "BSrE Latihan CA",
            "organization-name": "Balai Sertifikasi Elektronik Latihan",
        },
        TSA: {"common-name": "TSA Latihan", "organization-name": TRAINING_ORG},
        OCSP_RESPONDER: {"common-name": "OCSP Latihan", "organization-name": TRAINING_ORG},
        FOREIGN_ROOT: {
            "common-name": "Root CA Asing Latihan",
            "organization-name": "Lembaga Asing Latihan",
        },
    }
    for t in trainees:
        entities[t.label] = {
            "common-name": t.name,
            "organization-name": t.organization,
            "description": t.description,
        }

    certs: dict[str, dict[str, Any]] = {
        ROOT: {
            "subject": ROOT,
            "issuer": ROOT,
            "validity": _validity(now - 365 * day, now + 20 * 365 * day),
            "profiles": ["simple-ca"],
        },
        ISSUING_CA: {
            "subject": ISSUING_CA,
            "issuer": ROOT,
            "validity": _validity(now - 365 * day, now + 10 * 365 * day),
            "profiles": [
                {
                    "id": "simple-ca",
                    "params": {
                        "max-path-len": 0,
                        "crl-repo": CRL_ISSUING,
                        "ocsp-service": OCSP_SERVICE,
                    },
                }
            ],
        },
        FOREIGN_ROOT: {
            "subject": FOREIGN_ROOT,
            "issuer": FOREIGN_ROOT,
            "validity": _validity(now - 365 * day, now + 20 * 365 * day),
            "profiles": [{"id": "simple-ca", "params": {"crl-repo": CRL_FOREIGN}}],
        },
        TSA: {
            "subject": TSA,
            "issuer": ROOT,
            "validity": _validity(now - 365 * day, now + 5 * 365 * day),
            "extensions": [
                {"id": "key_usage", "critical": True,
                 "smart-value": {"schema": "key-usage", "params": ["digital_signature"]}},
                {"id": "extended_key_usage", "critical": True, "value": ["time_stamping"]},
                {"id": "crl_distribution_points",
                 "smart-value": {"schema": "crl-dist-url",
                                 "params": {"crl-repo-names": [CRL_ROOT]}}},
            ],
        },
        OCSP_RESPONDER: {
            "subject": OCSP_RESPONDER,
            "issuer": ISSUING_CA,
            "validity": _validity(now - 365 * day, now + 5 * 365 * day),
            "profiles": ["ocsp-responder"],
        },
    }
    for t in trainees:
        spec: dict[str, Any] = {
            "subject": t.label,
            "issuer": FOREIGN_ROOT if t.problem is Problem.FOREIGN_ROOT else ISSUING_CA,
            "validity": _trainee_validity(t, now),
            "extensions": [
                {"id": "key_usage", "critical": True,
                 "smart-value": {"schema": "key-usage", "params": _trainee_key_usage(t)}},
                *_bsre_like_extensions(t),
            ],
        }
        if t.problem is Problem.REVOKED:
            spec["revocation"] = {
                "revoked-since": _iso(now - 10 * day),
                "reason": "key_compromise",
            }
        certs[t.label] = spec

    # Root-level CRL: certomancer's simple-ca on the root would add its own AIA to the
    # issuing CA; we add the CRL distribution point to the issuing CA explicitly instead.
    certs[ISSUING_CA]["extensions"] = [
        {"id": "crl_distribution_points",
         "smart-value": {"schema": "crl-dist-url", "params": {"crl-repo-names": [CRL_ROOT]}}},
    ]

    return {
        "external-url-prefix": base_url(port),
        "keysets": {ARCH: {"path-prefix": KEY_DIR, "keys": keys}},
        "pki-architectures": {
            ARCH: {
                "keyset": ARCH,
                "entity-defaults": {"country-name": COUNTRY},
                "entities": entities,
                "certs": certs,
                "services": {
                    "ocsp": {
                        OCSP_SERVICE: {
                            "for-issuer": ISSUING_CA,
                            "responder-cert": OCSP_RESPONDER,
                            "signing-key": OCSP_RESPONDER,
                        },
                    },
                    "crl-repo": {
                        CRL_ISSUING: {
                            "for-issuer": ISSUING_CA,
                            "signing-key": ISSUING_CA,
                            "simulated-update-schedule": "P7D",
                        },
                        CRL_ROOT: {
                            "for-issuer": ROOT,
                            "signing-key": ROOT,
                            "simulated-update-schedule": "P30D",
                        },
                        CRL_FOREIGN: {
                            "for-issuer": FOREIGN_ROOT,
                            "signing-key": FOREIGN_ROOT,
                            "simulated-update-schedule": "P30D",
                        },
                    },
                    "cert-repo": {
                        CERT_REPO: {"for-issuer": ISSUING_CA, "publish-issued-certs": False},
                    },
                    "time-stamping": {
                        TSA_SERVICE: {"signing-key": TSA, "signing-cert": TSA},
                    },
                },
            }
        },
    }


def write_config(pki_dir: Path, config: dict[str, Any]) -> Path:
    path = pki_dir / CONFIG_NAME
    path.write_text(
        "# Generated by `desktop-signer training init`; certificates are rebuilt from this\n"
        "# file and the keys beside it. Training only: never trust this PKI in production.\n"
        + yaml.safe_dump(config, sort_keys=False, allow_unicode=True),
        encoding="utf-8",
    )
    return path


def load_arch(pki_dir: Path) -> PKIArchitecture:
    own_keys.install()  # our own generated keys: no RSA consistency check (see there)
    cfg = CertomancerConfig.from_file(str(pki_dir / CONFIG_NAME), key_search_dir=str(pki_dir))
    return cfg.get_pki_arch(ArchLabel(ARCH))


def certificate(arch: PKIArchitecture, label: str) -> x509.Certificate:
    return arch.get_cert(CertLabel(label))


def chain_for(trainee: Trainee) -> list[str]:
    """Certificate labels from the issuer up to the root (the signer excluded)."""
    if trainee.problem is Problem.FOREIGN_ROOT:
        return [FOREIGN_ROOT]
    return [ISSUING_CA, ROOT]


def now_utc() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)

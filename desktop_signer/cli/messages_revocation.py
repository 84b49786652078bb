"""Texts of a signing certificate's revocation status on the command line (``tokens``
listing, and ``sign`` refusing a revoked PKCS#12 file), Indonesian and English."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "tokens_offline_help": (
        "jangan tanyakan status pencabutan sertifikat ke OCSP/CRL penerbit",
        "do not ask the issuer's OCSP/CRL whether the certificates were revoked",
    ),
    "revocation_not_checked_offline": (
        "Status pencabutan sertifikat tidak diperiksa (mode luring).",
        "The certificates' revocation status was not checked (offline mode).",
    ),
    "revocation_line_good": (
        "        Status pencabutan: tidak dicabut (OCSP/CRL penerbit)",
        "        Revocation: not revoked (issuer's OCSP/CRL)",
    ),
    "revocation_line_unknown": (
        "        Status pencabutan: tidak dapat diperiksa sekarang ({detail}); tetap dapat "
        "menandatangani, tingkat B-LT memeriksanya lagi",
        "        Revocation: could not be checked now ({detail}); signing still works, "
        "level B-LT checks it again",
    ),
    "certificate_status_revoked": (
        "Sertifikat DICABUT{date}{reason}: tidak dapat dipakai menandatangani.",
        "The certificate was REVOKED{date}{reason}: it cannot be used to sign.",
    ),
    "certificate_status_ca_revoked": (
        "Penerbit sertifikat (CA) DICABUT{date}{reason}: sertifikat tidak dapat dipakai "
        "menandatangani.",
        "The certificate's issuing authority (CA) was REVOKED{date}{reason}: the "
        "certificate cannot be used to sign.",
    ),
    "revocation_date": (" pada {date}", " on {date}"),
    "revocation_reason": (" ({reason})", " ({reason})"),
    "revocation_reason_key_compromise": ("kunci privatnya telah bocor",
                                         "the private key was compromised"),
    "revocation_reason_ca_compromise": ("penyelenggara sertifikasinya telah dibobol",
                                        "the certificate authority was compromised"),
    "revocation_reason_affiliation_changed": ("instansi pemiliknya berubah",
                                              "the holder's affiliation changed"),
    "revocation_reason_superseded": ("diganti dengan sertifikat baru",
                                     "replaced by a new certificate"),
    "revocation_reason_cessation_of_operation": ("tidak digunakan lagi", "no longer in use"),
    "revocation_reason_certificate_hold": ("ditangguhkan", "suspended"),
    "revocation_reason_privilege_withdrawn": ("hak pemiliknya ditarik",
                                              "the holder's privilege was withdrawn"),
    "revocation_reason_aa_compromise": ("otoritas atributnya telah dibobol",
                                        "the attribute authority was compromised"),
}

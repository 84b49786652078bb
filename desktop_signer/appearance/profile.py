"""What the stamp shows: the signer's profile as plain data."""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_signer.appearance import resources
from desktop_signer.appearance.errors import AppearanceError
from desktop_signer.settings import DEFAULT_NOTICE, SignerProfile

if TYPE_CHECKING:
    from asn1crypto import x509

HEADING = "Ditandatangani secara elektronik oleh:"
TRAINING_MARK = "LATIHAN — TIDAK SAH"
MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
             "September", "Oktober", "November", "Desember")
QR_FIELDS = frozenset({"serial", "nip", "date"})


def format_date_id(day: date) -> str:
    """``5 Juni 2025``: Indonesian month names whatever the system locale is."""
    return f"{day.day} {MONTHS_ID[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class StampProfile:
    name: str
    title: str = ""  # jabatan; shown in capitals
    nip: str = ""
    place: str = ""
    signing_date: date = field(default_factory=date.today)
    bsre_logo: Path | None = None  # None: the bundled placeholder
    agency_logo: Path | None = None
    qr_url: str = ""  # already expanded; empty: no QR code
    notice: str = DEFAULT_NOTICE
    training: bool = False
    heading: str = HEADING

    @property
    def bsre_logo_path(self) -> Path:
        return self.bsre_logo or resources.resource(resources.BSRE_LOGO_PLACEHOLDER)

    @property
    def place_and_date(self) -> str:
        when = format_date_id(self.signing_date)
        return f"{self.place}, {when}" if self.place.strip() else when


def expand_qr_template(template: str, *, serial: str = "", nip: str = "",
                       day: date | None = None) -> str:
    """The verification URL: ``{serial}``, ``{nip}`` and ``{date}`` (ISO) are replaced."""
    fields = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    unknown = fields - QR_FIELDS
    if unknown:
        raise AppearanceError("qr_template_invalid", ", ".join(sorted(unknown)),
                              template=template)
    return template.format(serial=serial, nip=nip,
                           date=(day or date.today()).isoformat())


def nip_from_certificate(cert: x509.Certificate) -> str:
    """BSrE puts ``<NIP>_Tanda Tangan Elektronik`` into the subject's description."""
    import desktop_signer.pki.names  # noqa: F401  (teaches asn1crypto the attribute)

    description = cert.subject.native.get("description", "")
    if isinstance(description, list):
        description = description[0] if description else ""
    head = str(description).split("_", 1)[0].strip()
    return head if head.isdigit() else ""


def profile_from_settings(profile: SignerProfile, cert: x509.Certificate | None = None,
                          *, training: bool = False, day: date | None = None,
                          name: str = "", title: str = "", nip: str = "") -> StampProfile:
    """Explicit arguments win over the settings, which win over the certificate."""
    day = day or date.today()
    cert_name = str(cert.subject.native.get("common_name", "")) if cert is not None else ""
    cert_nip = nip_from_certificate(cert) if cert is not None else ""
    chosen_nip = nip or profile.nip or cert_nip
    serial = format(cert.serial_number, "x") if cert is not None else ""
    qr = (expand_qr_template(profile.qr_url_template, serial=serial, nip=chosen_nip, day=day)
          if profile.qr_url_template else "")
    return StampProfile(
        name=name or profile.name_override or cert_name,
        title=title or profile.title,
        nip=chosen_nip,
        place=profile.place,
        signing_date=day,
        bsre_logo=Path(profile.bsre_logo) if profile.bsre_logo else None,
        agency_logo=Path(profile.agency_logo) if profile.agency_logo else None,
        qr_url=qr,
        notice=profile.notice_text,
        training=training,
    )

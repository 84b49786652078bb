"""Signing options as the window builds them: from the settings plus what the user chose
for this signature (the command line builds its own from its arguments, same rules:
the classroom TSA in training mode, the TSA password from the keyring, trust anchors
with the training root in training mode)."""

from __future__ import annotations

from pathlib import Path

from desktop_signer.appearance import FooterSpec, PlacementRequest, StampProfile
from desktop_signer.settings import DEFAULT_QR_TEMPLATE, Settings
from desktop_signer.signing.options import LEVELS, Level, SignOptions, TsaConfig


def tsa_url_for(settings: Settings) -> str:
    if settings.tsa_url:
        return settings.tsa_url
    if settings.training_mode:
        from desktop_signer.training.active import training_setup

        classroom = training_setup(settings)
        return classroom.tsa_url if classroom else ""
    return ""


def default_level(settings: Settings) -> Level:
    for level in LEVELS:
        if level == settings.pades_level:
            return level
    return "B-LT"


def options_from_settings(settings: Settings, *, level: Level, reason: str, location: str,
                          footer: bool, placement: PlacementRequest | None,
                          profile: StampProfile) -> SignOptions:
    from desktop_signer.signing.services import tsa_password
    from desktop_signer.trust.store import load_trust

    classroom = None
    if settings.training_mode:
        from desktop_signer.training.active import training_setup

        classroom = training_setup(settings)
    url = tsa_url_for(settings)
    tsa = TsaConfig(url, settings.tsa_user, tsa_password(url, settings.tsa_user),
                    settings.tsa_timeout_seconds) if url else None
    footer_spec = None
    prof = settings.profile
    if footer:
        template = prof.qr_url_template
        url_text = template if template and "{" not in template else DEFAULT_QR_TEMPLATE
        footer_spec = FooterSpec(url=url_text, with_qr=bool(prof.qr_url_template),
                                 pages=prof.footer_pages, notice=prof.notice_text)
    trust = load_trust(cli_anchors=[], training_mode=settings.training_mode,
                       training_root=classroom.root_certificate if classroom else None)
    return SignOptions(
        level=level, tsa=tsa, reason=reason or None, location=location or None,
        visible=placement is not None,
        placement=placement if placement is not None else PlacementRequest(),
        profile=profile, footer=footer_spec, trust=trust, training=settings.training_mode,
        revocation_timeout=settings.tsa_timeout_seconds)


def free_output_path(source: Path, pattern: str, folder: Path | None = None) -> Path:
    """``<stem>_signed.pdf`` beside the input (or in ``folder``); an existing file is never
    replaced: ``<stem>_signed (2).pdf`` and so on."""
    folder = folder or source.parent
    first = folder / pattern.format(stem=source.stem, name=source.name)
    if not first.exists() and first != source:
        return first
    for n in range(2, 1000):
        candidate = first.with_name(f"{first.stem} ({n}){first.suffix}")
        if not candidate.exists():
            return candidate
    return first

"""Words for verification results, Indonesian first, English second: shared by the panel
in the window, the exported PDF report and the CLI's ``--report``.

Finding messages come from the CLI's catalogue (``cli/messages_verify.py``, one text per
code and variant) so the terminal, the window and the report say the same thing. A code this
build does not know yet (another release added it) still gets a sentence: the generic one
below with the code, never an exception. Short *reasons* (the banner's "main reason") and
*what to do* exist for the codes that need them; other codes have none.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from desktop_signer.cli.i18n import Catalogue
from desktop_signer.cli.messages import MESSAGES as CLI_MESSAGES
from desktop_signer.verification.model import Finding

Language = Literal["id", "en"]

TEXTS: dict[str, tuple[str, str]] = {
    # the four questions (DESIGN §1), as questions and as short labels
    "q_who": ("Siapa yang menandatangani?", "Who signed?"),
    "q_unchanged": (
        "Apakah dokumen tidak berubah sejak ditandatangani?",
        "Is the document unchanged since signing?",
    ),
    "q_timestamp": (
        "Apakah ada stempel waktu tepercaya?",
        "Does it carry a trusted timestamp?",
    ),
    "q_ltv": (
        "Dapatkah divalidasi jangka panjang (LTV)?",
        "Can it be validated in the long term (LTV)?",
    ),
    "q_who_ts": ("Siapa yang memberi stempel waktu?", "Who issued the timestamp?"),
    # answers
    "a_who_trusted": ("{who}. Sertifikat tepercaya.", "{who}. Certificate trusted."),
    "a_who_untrusted": (
        "{who}. Identitas belum dapat dipastikan: penerbit sertifikat tidak dipercaya.",
        "{who}. Identity not confirmed: the certificate's issuer is not trusted.",
    ),
    "a_who_unknown": ("{who}. Sertifikat belum diperiksa.", "{who}. Certificate not checked."),
    "a_who_none": ("Tidak diketahui (tidak ada sertifikat).", "Unknown (no certificate)."),
    "a_unchanged_yes": ("Ya, tidak berubah.", "Yes, unchanged."),
    "a_unchanged_added": (
        "Ya. Setelahnya hanya tanda tangan, stempel waktu atau data validasi ditambahkan.",
        "Yes. Only signatures, timestamps or validation data were added afterwards.",
    ),
    "a_unchanged_form": (
        "Isi yang ditandatangani utuh, tetapi isian formulir diubah sesudahnya: {fields}.",
        "The signed content is intact, but form fields were filled in afterwards: {fields}.",
    ),
    "a_unchanged_annotations": (
        "Isi yang ditandatangani utuh, tetapi anotasi/komentar ditambahkan sesudahnya.",
        "The signed content is intact, but annotations/comments were added afterwards.",
    ),
    "a_unchanged_no": (
        "TIDAK. Dokumen diubah setelah ditandatangani.",
        "NO. The document was changed after signing.",
    ),
    "a_unchanged_broken": (
        "TIDAK. Tanda tangan tidak cocok dengan isi dokumen.",
        "NO. The signature does not match the document's content.",
    ),
    "a_unchanged_unknown": ("Tidak dapat diperiksa.", "Could not be checked."),
    "a_timestamp_yes": ("Ya: {time}, oleh {tsa}.", "Yes: {time}, by {tsa}."),
    "a_timestamp_untrusted": (
        "Ada ({time}), tetapi tidak tepercaya.",
        "Present ({time}), but not trusted.",
    ),
    "a_timestamp_no": (
        "Tidak. Waktu {claimed} hanya klaim penanda tangan.",
        "No. The time {claimed} is only the signer's claim.",
    ),
    "a_timestamp_none": ("Tidak.", "No."),
    "a_ltv_yes": (
        "Ya: rantai sertifikat dan status pencabutan tertanam di dokumen.",
        "Yes: the certificate chain and revocation status are embedded in the document.",
    ),
    "a_ltv_no": (
        "Tidak: data validasi jangka panjang tidak tertanam.",
        "No: long-term validation data is not embedded.",
    ),
    "a_ltv_unknown": ("Tidak diketahui.", "Unknown."),
    # file verdicts (banner and report title)
    "file_valid": ("Semua tanda tangan sah", "All signatures are valid"),
    "file_valid_notes": (
        "Semua tanda tangan sah, dengan catatan",
        "All signatures are valid, with notes",
    ),
    "file_indeterminate": (
        "Keabsahan belum dapat dipastikan",
        "Validity cannot be established yet",
    ),
    "file_invalid": (
        "Ada tanda tangan tidak sah atau dokumen diubah setelah ditandatangani",
        "A signature is not valid or the document was changed after signing",
    ),
    "file_unsigned": ("Dokumen ini tidak ditandatangani", "This document is not signed"),
    "file_unreadable": ("Dokumen tidak dapat diperiksa", "The document cannot be checked"),
    "sig_valid": ("Sah", "Valid"),
    "sig_indeterminate": ("Belum dapat dipastikan", "Indeterminate"),
    "sig_invalid": ("Tidak sah", "Not valid"),
    # signature kinds
    "kind_approval": ("Tanda tangan", "Signature"),
    "kind_certification": ("Tanda tangan sertifikasi", "Certification signature"),
    "kind_document_timestamp": ("Stempel waktu dokumen", "Document timestamp"),
    # details
    "d_chain": ("Rantai sertifikat", "Certificate chain"),
    "d_valid_from_to": ("berlaku {start} s.d. {end}", "valid {start} to {end}"),
    "d_cert_ok": ("berlaku", "valid"),
    "d_cert_expired": ("kedaluwarsa", "expired"),
    "d_cert_not_yet": ("belum berlaku", "not yet valid"),
    "d_anchor": ("Jangkar kepercayaan", "Trust anchor"),
    "d_no_chain": (
        "Rantai tidak dapat dibangun sampai jangkar kepercayaan.",
        "No chain to a trust anchor could be built.",
    ),
    "d_revocation": ("Status pencabutan", "Revocation status"),
    "d_tsa": ("Penerbit stempel waktu", "Timestamp authority"),
    "d_level": ("Tingkat PAdES", "PAdES level"),
    "d_algorithms": ("Algoritma", "Algorithms"),
    "d_coverage": ("Cakupan", "Coverage"),
    "d_changes": ("Perubahan setelah ditandatangani", "Changes after signing"),
    "d_certification": ("Sertifikasi (DocMDP)", "Certification (DocMDP)"),
    "d_findings": ("Catatan", "Notes"),
    "d_what_to_do": ("Yang perlu dilakukan", "What to do"),
    "d_reason": ("Alasan", "Reason"),
    "d_location": ("Lokasi", "Location"),
    "d_claimed": ("Waktu menurut penanda tangan", "Time claimed by the signer"),
    "d_content_ts": (
        "Stempel waktu isi (ditandatangani sesudahnya)",
        "Content timestamp (signed after it)",
    ),
    "d_field": ("Kolom", "Field"),
    "d_where": ("Letak", "Where"),
    "d_revision": ("Revisi", "Revision"),
    "d_page": ("Halaman", "Page"),
    "d_sha256": ("SHA-256", "SHA-256"),
    "d_serial": ("Nomor seri", "Serial number"),
    "d_issuer": ("Penerbit", "Issuer"),
    "d_nip": ("NIP/NIK", "NIP/NIK"),
    "d_agency": ("Instansi", "Agency"),
    "coverage_entire_file": ("seluruh berkas", "the entire file"),
    "coverage_entire_revision": (
        "seluruh revisi yang ditandatangani (ada tambahan sesudahnya)",
        "the entire signed revision (more was added afterwards)",
    ),
    "coverage_partial": ("SEBAGIAN saja", "ONLY PART of it"),
    "coverage_unknown": ("tidak diketahui", "unknown"),
    "changes_none": ("tidak ada", "none"),
    "changes_signatures_and_timestamps": (
        "hanya tanda tangan, stempel waktu atau data validasi",
        "only signatures, timestamps or validation data",
    ),
    "changes_form_filling": ("isian formulir: {fields}", "form fields: {fields}"),
    "changes_annotations": ("anotasi/komentar", "annotations/comments"),
    "changes_other": ("isi dokumen diubah", "the document's content was changed"),
    "changes_unknown": ("tidak dapat diperiksa", "could not be checked"),
    "changes_pages": (
        "tampilan berubah di halaman {pages}",
        "what is shown changed on page(s) {pages}",
    ),
    "certification_text": (
        "P={permission}: {meaning}{violated}",
        "P={permission}: {meaning}{violated}",
    ),
    "certification_p1": ("tidak boleh ada perubahan", "no changes allowed"),
    "certification_p2": ("hanya isian formulir dan tanda tangan", "form filling and signing only"),
    "certification_p3": (
        "isian formulir, tanda tangan dan anotasi",
        "form filling, signing and annotations",
    ),
    "certification_violated": (" — DILANGGAR", " — VIOLATED"),
    "certification_none": ("bukan dokumen bersertifikasi", "not a certified document"),
    "revocation_good": ("tidak dicabut", "not revoked"),
    "revocation_revoked": ("DICABUT", "REVOKED"),
    "revocation_unknown": ("tidak diketahui", "unknown"),
    "revocation_not_checked": ("tidak diperiksa", "not checked"),
    "revocation_with_source": ("{status} (sumber: {source})", "{status} (source: {source})"),
    "source_embedded": ("data yang tertanam di dokumen", "data embedded in the document"),
    "source_online": ("diperiksa daring", "checked online"),
    "source_local_file": ("berkas CRL lokal", "a local CRL file"),
    "source_local": ("data lokal", "local data"),
    "source_none": ("tidak ada", "none"),
    "none": ("tidak ada", "none"),
    "unknown": ("tidak diketahui", "unknown"),
    # what a visual change is (finding visual_change, param kind)
    "visual_content": ("isi halaman", "page content"),
    "visual_annotation": ("anotasi atau isian formulir", "annotations or form fields"),
    "visual_added_annotation": ("anotasi baru", "a new annotation"),
    "visual_page_added": ("halaman ditambahkan", "a page was added"),
    "visual_page_removed": ("halaman dihapus", "a page was removed"),
    # finding with an unknown code (a newer release added it)
    "finding_generic": (
        "Catatan pemeriksaan: {code}.",
        "Verification note: {code}.",
    ),
    # short reasons (banner: "Keabsahan belum dapat dipastikan: <reason>")
    "reason_untrusted": (
        "penerbit sertifikat tidak dipercaya",
        "the certificate's issuer is not trusted",
    ),
    "reason_revocation_unknown": (
        "status pencabutan belum diperiksa",
        "the revocation status has not been checked",
    ),
    "reason_expired": (
        "sertifikat kedaluwarsa tanpa bukti waktu penandatanganan",
        "the certificate expired and there is no proof of the signing time",
    ),
    "reason_not_yet_valid": ("sertifikat belum berlaku", "the certificate is not yet valid"),
    "reason_development_ca": (
        "sertifikat dari CA pengembangan, bukan produksi",
        "the certificate comes from a development CA, not a production one",
    ),
    "reason_training_ca": (
        "sertifikat latihan, tidak sah untuk dokumen resmi",
        "a training certificate, not valid for official documents",
    ),
    "reason_weak_digest": ("algoritma yang tidak lagi aman", "an algorithm no longer safe"),
    "reason_weak_key": ("kunci yang terlalu lemah", "a key that is too weak"),
    "reason_key_usage": (
        "sertifikat tidak diizinkan untuk tanda tangan",
        "the certificate is not allowed to sign",
    ),
    "reason_unsupported_signature": (
        "jenis tanda tangan belum dapat diperiksa",
        "a type of signature that cannot be checked yet",
    ),
    "reason_no_certificates": (
        "tanda tangan tanpa sertifikat penanda tangan",
        "a signature without the signer's certificate",
    ),
    "reason_could_not_validate": (
        "tanda tangan tidak dapat divalidasi",
        "a signature could not be validated",
    ),
    "reason_integrity_failed": (
        "tanda tangan tidak cocok dengan isi dokumen",
        "a signature does not match the document",
    ),
    "reason_modified_after_signing": (
        "dokumen diubah setelah ditandatangani",
        "the document was changed after signing",
    ),
    "reason_visual_change": (
        "tampilan dokumen berubah setelah ditandatangani",
        "what the document shows changed after signing",
    ),
    "reason_unanalysed_trailing_data": (
        "ada data tambahan yang tidak dapat dianalisis",
        "data that cannot be analysed was appended",
    ),
    "reason_coverage_partial": (
        "tanda tangan tidak mencakup seluruh dokumen",
        "a signature does not cover the whole document",
    ),
    "reason_revoked": ("sertifikat dicabut", "a certificate was revoked"),
    "reason_certification_violated": (
        "perubahan melanggar izin sertifikasi",
        "changes break the certification's permissions",
    ),
    "reason_timestamp_invalid": ("stempel waktu rusak", "a damaged timestamp"),
    "reason_malformed_signature": ("struktur tanda tangan rusak", "a damaged signature structure"),
    "reason_generic": ("lihat rincian tanda tangan", "see the signature details"),
    # what to do
    "todo_untrusted": (
        "Bila Anda mempercayai penerbitnya, impor sertifikat root atau CA penerbit (misalnya "
        "Root CA Indonesia DS G1 dari repositori BSrE) dan cocokkan sidik jari SHA-256-nya; "
        "lalu periksa ulang.",
        "If you trust the issuer, import its root or CA certificate (for example Root CA "
        "Indonesia DS G1 from BSrE's repository) and compare its SHA-256 fingerprint; then "
        "check again.",
    ),
    "todo_revocation_unknown": (
        "Periksa ulang secara daring, atau mintalah dokumen dengan data validasi jangka "
        "panjang (PAdES B-LT).",
        "Check again online, or ask for the document with long-term validation data "
        "(PAdES B-LT).",
    ),
    "todo_modified_after_signing": (
        "Jangan gunakan dokumen ini. Mintalah dokumen asli kepada pengirim; lihat versi yang "
        "ditandatangani untuk membandingkan.",
        "Do not rely on this document. Ask the sender for the original; view the signed "
        "version to compare.",
    ),
    "todo_visual_change": (
        "Bandingkan dengan versi yang ditandatangani: bagian yang disorot berubah setelah "
        "penandatanganan.",
        "Compare with the signed version: the highlighted regions changed after signing.",
    ),
    "todo_integrity_failed": (
        "Jangan gunakan dokumen ini; mintalah salinan baru kepada pengirim.",
        "Do not rely on this document; ask the sender for a new copy.",
    ),
    "todo_form_filled_after_signing": (
        "Pastikan isian yang diubah memang boleh diisi setelah penandatanganan.",
        "Make sure the changed fields were meant to be filled in after signing.",
    ),
    "todo_development_ca": (
        "Mintalah dokumen yang ditandatangani dengan sertifikat BSrE produksi.",
        "Ask for the document signed with a production BSrE certificate.",
    ),
    "todo_no_timestamp": (
        "Waktu penandatanganan tidak terbukti; mintalah versi dengan stempel waktu bila waktu "
        "itu penting.",
        "The signing time is not proven; ask for a version with a timestamp if the time "
        "matters.",
    ),
    # report
    "report_title": (
        "Laporan Validasi Tanda Tangan Elektronik",
        "Electronic Signature Validation Report",
    ),
    "report_file": ("Berkas", "File"),
    "report_sha256": ("SHA-256 berkas", "File SHA-256"),
    "report_result": ("Hasil", "Result"),
    "report_validated_at": ("Waktu validasi", "Validated at"),
    "report_validation_time": ("Dinilai pada waktu", "Judged at time"),
    "report_mode": ("Mode", "Mode"),
    "report_offline": ("luring (tanpa jaringan)", "offline (no network)"),
    "report_online": ("daring", "online"),
    "report_app": ("Aplikasi", "Application"),
    "report_signatures": ("Tanda tangan", "Signatures"),
    "report_no_signatures": (
        "Berkas ini tidak memuat tanda tangan elektronik.",
        "This file carries no electronic signature.",
    ),
    "report_footer": (
        "Laporan ini dibuat oleh {app} dari pemeriksaan otomatis; laporan ini sendiri tidak "
        "ditandatangani.",
        "This report was produced by {app} from an automatic check; the report itself is not "
        "signed.",
    ),
    "report_page": ("Halaman {page} dari {pages}", "Page {page} of {pages}"),
}


class Texts:
    """All verification words in one language."""

    def __init__(self, language: str) -> None:
        self.language: Language = "id" if language == "id" else "en"
        self._cli = Catalogue(CLI_MESSAGES, self.language)

    def __call__(self, key: str, **params: object) -> str:
        ind, eng = TEXTS[key]
        text = ind if self.language == "id" else eng
        return text.format(**params) if params else text

    def has(self, key: str) -> bool:
        return key in TEXTS

    def describe(self, finding: Finding) -> str:
        """The finding's message; a code without a message gets the generic sentence."""
        from desktop_signer.cli.verify_cmd import describe

        kind = finding.param("kind")
        if finding.code == "visual_change" and f"visual_{kind}" in TEXTS:
            params = dict(finding.params)
            params["kind"] = self(f"visual_{kind}")
            finding = replace(finding, params=tuple(sorted(params.items())))
        try:
            return describe(finding, self._cli)
        except (KeyError, ValueError, IndexError):
            return self("finding_generic", code=finding.code)

    def reason(self, finding: Finding | None) -> str:
        if finding is None:
            return self("reason_generic")
        key = f"reason_{finding.code}"
        return self(key) if key in TEXTS else self("reason_generic")

    def what_to_do(self, finding: Finding) -> str:
        if finding.effect == "none" and finding.code == "untrusted":
            return ""  # an untrusted timestamp on a trusted signature: nothing to import
        key = f"todo_{finding.code}"
        return self(key) if key in TEXTS else ""

    def cli(self) -> Catalogue:
        return self._cli

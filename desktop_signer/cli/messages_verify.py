"""Texts of ``desktop-signer verify``, Indonesian first, English second.

Finding messages are keyed ``finding_<code>``; a few codes have variants chosen by a param
(``finding_<code>_<variant>``). Every message exists in both languages (a test checks it).
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "verify_help": (
        "verifikasi tanda tangan elektronik pada berkas PDF",
        "verify the electronic signatures in PDF files",
    ),
    "verify_files_help": ("berkas PDF yang diperiksa", "PDF files to check"),
    "verify_json_help": (
        "keluarkan laporan JSON (satu baris per berkas jika lebih dari satu)",
        "print the JSON report (one line per file when there are several)",
    ),
    "verify_trust_help": (
        "sertifikat jangkar kepercayaan tambahan (PEM, DER, .p7b/.p7c); boleh berulang",
        "additional trust anchor certificates (PEM, DER, .p7b/.p7c); may be repeated",
    ),
    "verify_certs_help": (
        "sertifikat perantara tambahan untuk membangun rantai (bukan jangkar); boleh berulang",
        "extra intermediate certificates for path building (not anchors); may be repeated",
    ),
    "verify_crl_help": (
        "CRL lokal (DER atau PEM); boleh berulang",
        "local CRLs (DER or PEM); may be repeated",
    ),
    "verify_offline_help": (
        "jangan mengambil OCSP/CRL dari jaringan; hanya data yang tertanam dan --crl",
        "do not fetch OCSP/CRL online; only embedded data and --crl",
    ),
    "verify_at_help": (
        "nilai tanda tangan pada waktu ini (ISO 8601, misalnya 2024-05-01T10:00:00+07:00)",
        "judge the signatures at this time (ISO 8601, e.g. 2024-05-01T10:00:00+07:00)",
    ),
    "verify_training_help": (
        "mode latihan: percayai akar lingkungan latihan aktif (hanya untuk bimbingan teknis)",
        "training mode: trust the root of the active training set-up (training only)",
    ),
    "verify_bad_time": (
        "waktu tidak dikenali: {value} (gunakan ISO 8601, misalnya 2024-05-01T10:00:00Z)",
        "unrecognised time: {value} (use ISO 8601, e.g. 2024-05-01T10:00:00Z)",
    ),
    "verify_trust_error": ("{path}: {what}", "{path}: {what}"),
    "trust_err_certificate_file_unreadable": (
        "berkas sertifikat tidak dapat dibaca",
        "the certificate file cannot be read",
    ),
    "trust_err_not_a_certificate_file": (
        "bukan berkas sertifikat (PEM, DER, .p7b atau .p7c)",
        "not a certificate file (PEM, DER, .p7b or .p7c)",
    ),
    "trust_err_crl_file_unreadable": (
        "berkas CRL tidak dapat dibaca",
        "the CRL file cannot be read",
    ),
    "trust_err_not_a_crl_file": ("bukan berkas CRL (DER atau PEM)", "not a CRL file (DER or PEM)"),
    "trust_err_registry_broken": (
        "registri kepercayaan bawaan rusak; pasang ulang aplikasi",
        "the bundled trust registry is damaged; reinstall the application",
    ),
    "trust_err_anchors_not_writable": (
        "folder jangkar kepercayaan tidak dapat ditulis",
        "the trust anchor folder is not writable",
    ),
    # verdicts
    "verdict_valid": ("SAH", "VALID"),
    "verdict_indeterminate": ("BELUM DAPAT DIPASTIKAN", "INDETERMINATE"),
    "verdict_invalid": ("TIDAK SAH", "INVALID"),
    "verdict_unsigned": ("TIDAK BERTANDA TANGAN", "UNSIGNED"),
    "verdict_unreadable": ("TIDAK DAPAT DIBACA", "UNREADABLE"),
    # one-sentence summaries
    "summary_valid": (
        "Semua {count} tanda tangan sah dan dokumen tidak diubah secara tidak sah setelah "
        "ditandatangani.",
        "All {count} signature(s) are valid and the document was not changed in a disallowed "
        "way after signing.",
    ),
    "summary_valid_warnings": (
        "Semua {count} tanda tangan sah, tetapi ada catatan yang perlu dibaca.",
        "All {count} signature(s) are valid, but there are notes to read.",
    ),
    "summary_indeterminate": (
        "Keabsahan belum dapat dipastikan: {reason}",
        "Validity cannot be established: {reason}",
    ),
    "summary_invalid": (
        "Dokumen ini TIDAK SAH: {reason}",
        "This document is NOT VALID: {reason}",
    ),
    "summary_unsigned": (
        "Berkas ini tidak memuat tanda tangan elektronik.",
        "This file carries no electronic signature.",
    ),
    "summary_unreadable": (
        "Berkas tidak dapat dibaca sebagai PDF ({problem}).",
        "The file cannot be read as a PDF ({problem}).",
    ),
    "problem_not_found": ("berkas tidak ditemukan", "file not found"),
    "problem_not_a_pdf": ("bukan berkas PDF", "not a PDF file"),
    "problem_encrypted": ("terkunci dengan kata sandi", "protected by a password"),
    "problem_read_error": ("struktur rusak", "damaged structure"),
    # text report labels
    "label_file": ("Berkas", "File"),
    "label_result": ("Hasil", "Result"),
    "label_signature": ("Tanda tangan {n}", "Signature {n}"),
    "label_timestamp_sig": ("Stempel waktu dokumen {n}", "Document timestamp {n}"),
    "label_certification_sig": ("Tanda tangan sertifikasi {n}", "Certification signature {n}"),
    "label_field": ("kolom", "field"),
    "label_revision": ("revisi", "revision"),
    "label_page": ("halaman", "page"),
    "label_signer": ("Penanda tangan", "Signed by"),
    "label_issuer": ("Penerbit sertifikat", "Certificate issuer"),
    "label_unchanged": ("Tidak berubah sejak ditandatangani", "Unchanged since signing"),
    "label_timestamp": ("Stempel waktu tepercaya", "Trusted timestamp"),
    "label_ltv": ("Dapat divalidasi jangka panjang (LTV)", "Long-term validation (LTV)"),
    "label_trust": ("Rantai sertifikat", "Certificate chain"),
    "label_revocation": ("Status pencabutan", "Revocation status"),
    "label_level": ("Tingkat PAdES", "PAdES level"),
    "label_claimed": (
        "Waktu penandatanganan (menurut penanda tangan)",
        "Signing time (as claimed by the signer)",
    ),
    "label_findings": ("Catatan", "Notes"),
    "yes": ("ya", "yes"),
    "no": ("tidak", "no"),
    "unknown": ("tidak diketahui", "unknown"),
    "none": ("tidak ada", "none"),
    "nip": ("NIP/NIK", "NIP/NIK"),
    "changed_how": ("tidak — {what}", "no — {what}"),
    "modification_signatures_and_timestamps": (
        "ya (hanya tanda tangan, stempel waktu, atau data validasi ditambahkan)",
        "yes (only signatures, timestamps or validation data were added)",
    ),
    "modification_none": ("ya", "yes"),
    "modification_form_filling": ("isian formulir diubah", "form fields were filled in"),
    "modification_annotations": ("anotasi/komentar ditambahkan", "annotations/comments were added"),
    "modification_other": ("isi dokumen diubah", "the document's content was changed"),
    "modification_unknown": ("tidak dapat diperiksa", "could not be checked"),
    "trust_trusted": ("tepercaya ({anchor})", "trusted ({anchor})"),
    "trust_untrusted": ("tidak tepercaya", "not trusted"),
    "trust_unknown": ("tidak diperiksa", "not checked"),
    "revocation_good": ("tidak dicabut (sumber: {source})", "not revoked (source: {source})"),
    "revocation_revoked": ("DICABUT (sumber: {source})", "REVOKED (source: {source})"),
    "revocation_unknown": ("tidak diketahui", "unknown"),
    "revocation_not_checked": ("tidak diperiksa", "not checked"),
    "source_embedded": ("data tertanam di dokumen", "data embedded in the document"),
    "source_online": ("diperiksa daring", "checked online"),
    "source_local_file": ("berkas CRL lokal (--crl)", "local CRL file (--crl)"),
    "source_none": ("tidak ada", "none"),
    "timestamp_yes": ("ya, {time} oleh {tsa}", "yes, {time} by {tsa}"),
    "timestamp_untrusted": (
        "ada ({time}), tetapi tidak tepercaya",
        "present ({time}) but not trusted",
    ),
    "severity_error": ("✗", "✗"),
    "severity_warning": ("!", "!"),
    "severity_info": ("i", "i"),
    "what_signer": ("sertifikat penanda tangan", "the signer's certificate"),
    "what_timestamp": ("sertifikat stempel waktu", "the timestamp certificate"),
    # findings
    "finding_integrity_failed": (
        "Isi yang ditandatangani telah diubah atau tanda tangan rusak: tanda tangan tidak cocok "
        "dengan isi dokumen.",
        "The signed content was altered or the signature is damaged: the signature does not "
        "match the document.",
    ),
    "finding_integrity_failed_no_subfilter_matches": (
        "Isi yang ditandatangani telah diubah: nilai hash di dalam tanda tangan tidak cocok "
        "dengan bagian dokumen yang ditandatangani, apa pun jenis tanda tangannya.",
        "The signed content was altered: the hash inside the signature does not match the "
        "signed part of the document, whatever the signature's type.",
    ),
    "finding_modified_after_signing": (
        "Dokumen diubah setelah ditandatangani dengan cara yang tidak diizinkan. "
        "Mintalah dokumen asli kepada pengirim.",
        "The document was changed after signing in a way that is not permitted. "
        "Ask the sender for the original.",
    ),
    "finding_modified_after_signing_appearance_mismatch": (
        'Isian formulir "{field}" menampilkan teks yang berbeda dari nilainya ({revision}): '
        "yang terlihat saat ditandatangani bukan yang tersimpan. Dokumen tidak dapat dipercaya.",
        'Form field "{field}" shows text other than its value ({revision}): what was seen '
        "when signing is not what is stored. The document cannot be trusted.",
    ),
    "finding_modified_after_signing_unsigned_field_added": (
        "Kolom tanda tangan kosong ditambahkan setelah sertifikasi ({fields}); perubahan ini "
        "tidak diizinkan.",
        "An empty signature field was added after certification ({fields}); this change is "
        "not permitted.",
    ),
    "finding_modified_after_signing_signature_detached": (
        "Tidak ada kolom tanda tangan yang merujuk ke tanda tangan ini lagi: kolomnya rusak "
        "atau dihapus setelah ditandatangani, sehingga penampil PDF tidak menampilkannya.",
        "No signature field refers to this signature any more: its field was damaged or "
        "removed after signing, so PDF viewers do not show it.",
    ),
    "finding_form_filled_after_signing": (
        "Isian formulir diubah setelah ditandatangani: {fields}. Periksa apakah isinya benar.",
        "Form fields were filled in after signing: {fields}. Check that their content is right.",
    ),
    "finding_annotations_after_signing": (
        "Anotasi atau komentar ditambahkan setelah ditandatangani; isi yang ditandatangani tidak "
        "berubah, tetapi tampilannya bisa berbeda.",
        "Annotations or comments were added after signing; the signed content is unchanged, but "
        "what is displayed may differ.",
    ),
    "finding_coverage_partial": (
        "Tanda tangan tidak mencakup seluruh dokumen yang ditandatangani (ByteRange tidak wajar).",
        "The signature does not cover the whole signed document (abnormal ByteRange).",
    ),
    "finding_unanalysed_trailing_data": (
        "Ada data yang ditambahkan setelah penandatanganan yang tidak dapat dianalisis; penampil "
        "PDF lain mungkin menampilkan isi yang berbeda.",
        "Data that cannot be analysed was appended after signing; other PDF viewers may show "
        "different content.",
    ),
    "finding_untrusted": (
        "Rantai {what} tidak berujung pada jangkar kepercayaan yang dikenal. Impor sertifikat "
        "root penerbit (misalnya Root CA Indonesia DS G1) bila Anda mempercayainya.",
        "The chain of {what} does not end in a known trust anchor. Import the issuer's root "
        "certificate (e.g. Root CA Indonesia DS G1) if you trust it.",
    ),
    "finding_untrusted_timestamp": (
        "Stempel waktu utuh, tetapi penerbitnya tidak tepercaya.",
        "The timestamp is intact, but its issuer is not trusted.",
    ),
    "finding_revoked": (
        "{what} dicabut pada {date} ({reason}).",
        "{what} was revoked on {date} ({reason}).",
    ),
    "finding_revocation_unknown": (
        "Status pencabutan {what} tidak dapat diperiksa "
        "(tidak ada data yang tertanam{offline_note}).",
        "The revocation status of {what} could not be checked (no embedded data{offline_note}).",
    ),
    "finding_revocation_unknown_offline": (
        "Status pencabutan {what} tidak dapat dipastikan: verifikasi berjalan luring dan data "
        "pencabutan dalam dokumen tidak mencakup sertifikat ini, padahal sertifikatnya menyebut "
        "layanan CRL/OCSP. Verifikasi secara daring, atau mintalah pengirim mengirim salinan "
        "PAdES B-LT atau B-LTA.",
        "The revocation status of {what} could not be established: verification ran offline "
        "and the revocation data in the document does not cover this certificate, although it "
        "names a CRL/OCSP service. Verify online, or ask the sender for a PAdES B-LT or B-LTA "
        "copy.",
    ),
    "finding_revocation_unknown_no_document_data": (
        "Status pencabutan {what} tidak dapat dipastikan: verifikasi berjalan luring dan "
        "dokumen tidak memuat data pencabutan, padahal sertifikatnya menyebut layanan CRL/OCSP. "
        "Verifikasi secara daring, atau mintalah pengirim mengirim salinan PAdES B-LT atau "
        "B-LTA.",
        "The revocation status of {what} could not be established: verification ran offline "
        "and the document carries no revocation data, although the certificate names a "
        "CRL/OCSP service. Verify online, or ask the sender for a PAdES B-LT or B-LTA copy.",
    ),
    "finding_revocation_unknown_unreachable": (
        "Status pencabutan {what} tidak dapat dipastikan: layanan CRL/OCSP yang disebut "
        "sertifikat tidak menjawab atau jawabannya tidak dapat dipakai, dan dokumen tidak memuat "
        "data yang cukup. Coba lagi nanti, atau mintalah pengirim mengirim salinan PAdES B-LT "
        "atau B-LTA.",
        "The revocation status of {what} could not be established: the CRL/OCSP service the "
        "certificate names did not answer or gave no usable answer, and the document carries "
        "no sufficient data. Try again later, or ask the sender for a PAdES B-LT or B-LTA copy.",
    ),
    "finding_no_revocation_service": (
        "Catatan: sertifikat dalam rantai {what} tidak menyebut layanan pencabutan (CRL/OCSP) "
        "({certificates}), sehingga statusnya tidak dapat diperiksa.",
        "Note: certificates in the chain of {what} name no revocation service (CRL/OCSP) "
        "({certificates}), so their status cannot be checked.",
    ),
    "finding_annotation_covers_content": (
        "Anotasi yang ditambahkan setelah ditandatangani menutupi isi yang ditandatangani di "
        "halaman {page}, area {region}: yang tampil sekarang bukan yang ditandatangani.",
        "An annotation added after signing covers signed content on page {page}, region "
        "{region}: what is shown now is not what was signed.",
    ),
    "finding_expired_content_timestamp": (
        "{what} sudah kedaluwarsa ({expired_on}) ketika dokumen ditandatangani: stempel waktu "
        "isi (content timestamp) tepercaya membuktikan tanda tangan dibuat setelah {at}.",
        "{what} had already expired ({expired_on}) when the document was signed: a trusted "
        "content timestamp proves the signature was made after {at}.",
    ),
    "finding_revoked_content_timestamp": (
        "{what} sudah dicabut ({date}, {reason}) ketika dokumen ditandatangani: stempel waktu "
        "isi (content timestamp) tepercaya membuktikan tanda tangan dibuat setelah {at}.",
        "{what} had already been revoked ({date}, {reason}) when the document was signed: a "
        "trusted content timestamp proves the signature was made after {at}.",
    ),
    "offline_note": (", mode luring", ", offline mode"),
    "finding_expired": (
        "{what} kedaluwarsa pada {expired_on} dan tidak ada bukti waktu (stempel waktu "
        "tepercaya) bahwa tanda tangan dibuat saat sertifikat masih berlaku. Mintalah dokumen "
        "yang ditandatangani dengan stempel waktu dan data validasi jangka panjang (PAdES B-LT "
        "atau B-LTA); bila waktu penandatanganan diketahui dari sumber tepercaya, periksa "
        "dengan --at pada waktu itu.",
        "{what} expired on {expired_on} and there is no proof of time (a trusted timestamp) "
        "that the signature was made while the certificate was valid. Ask for the document "
        "signed with a timestamp and long-term validation data (PAdES B-LT or B-LTA); if you "
        "know the signing time from a trusted source, check with --at at that time.",
    ),
    "finding_expired_no_revocation_data": (
        "{what} kedaluwarsa pada {expired_on}. Ada stempel waktu tepercaya ({at}), tetapi "
        "dokumen tidak memuat data pencabutan dari waktu itu, sehingga status sertifikat saat "
        "itu tidak dapat dibuktikan. Mintalah versi dengan data validasi jangka panjang "
        "(PAdES B-LT atau B-LTA).",
        "{what} expired on {expired_on}. There is a trusted timestamp ({at}), but the document "
        "carries no revocation data from that time, so the certificate's status then cannot "
        "be proven. Ask for a version with long-term validation data (PAdES B-LT or B-LTA).",
    ),
    "finding_expired_expired_then": (
        "{what} sudah kedaluwarsa ({expired_on}) ketika tanda tangan dibuat ({at}). Mintalah "
        "penanda tangan menandatangani ulang dengan sertifikat yang berlaku.",
        "{what} had already expired ({expired_on}) when the signature was made ({at}). Ask the "
        "signer to sign again with a valid certificate.",
    ),
    "finding_expired_at": (
        "{what} sekarang sudah kedaluwarsa; stempel waktu tepercaya membuktikan tanda tangan "
        "sudah ada pada {at}, jadi tanda tangan divalidasi pada waktu itu dengan data "
        "pencabutan yang tertanam.",
        "{what} has expired by now; a trusted timestamp proves the signature existed at {at}, "
        "so it was validated at that time with the embedded revocation data.",
    ),
    "finding_not_yet_valid": (
        "{what} belum berlaku pada waktu validasi.",
        "{what} was not yet valid at the validation time.",
    ),
    "finding_weak_digest": (
        "Algoritma hash atau tanda tangan{digest_note} tidak lagi dianggap aman atau tidak "
        "diizinkan.",
        "The hash or signature algorithm{digest_note} is no longer considered safe or is not "
        "permitted.",
    ),
    "finding_weak_key": (
        "Kunci {what} terlalu lemah ({algorithm} {bits} bit; minimal RSA 2048 bit): tanda tangan "
        "dengan kunci seperti ini dapat dipalsukan.",
        "The key of {what} is too weak ({algorithm} {bits} bits; RSA needs at least 2048 bits): "
        "signatures made with such a key can be forged.",
    ),
    "finding_weak_key_chain": (
        "Sebuah CA dalam rantai {what} memakai kunci yang terlalu lemah ({algorithm} {bits} bit; "
        "minimal RSA 2048 bit).",
        "A CA in the chain of {what} uses a key that is too weak ({algorithm} {bits} bits; RSA "
        "needs at least 2048 bits).",
    ),
    "finding_key_usage": (
        "Sertifikat tidak diizinkan untuk membuat tanda tangan (key usage).",
        "The certificate is not allowed to make signatures (key usage).",
    ),
    "finding_certification_violated": (
        "Perubahan setelah sertifikasi melanggar izin dokumen (DocMDP P={permission}).",
        "Changes after certification break the document's permissions (DocMDP P={permission}).",
    ),
    "finding_timestamp_invalid": (
        "Stempel waktu tanda tangan rusak atau tidak cocok.",
        "The signature's timestamp is damaged or does not match.",
    ),
    "finding_no_timestamp": (
        "Tidak ada stempel waktu tepercaya; waktu penandatanganan hanya klaim penanda tangan.",
        "No trusted timestamp; the signing time is only the signer's claim.",
    ),
    "finding_no_ltv": (
        "Data validasi jangka panjang (rantai dan status pencabutan) tidak tertanam.",
        "Long-term validation data (chain and revocation status) is not embedded.",
    ),
    "finding_malformed_signature": (
        "Struktur tanda tangan rusak atau tidak sesuai standar.",
        "The signature's structure is damaged or does not follow the standard.",
    ),
    "finding_malformed_signature_unreadable_dictionary": (
        "Data tanda tangan ini rusak dan tidak dapat dibaca lagi ({detail}); dokumen telah "
        "diubah atau rusak setelah ditandatangani.",
        "This signature's data is damaged and can no longer be read ({detail}); the document "
        "was changed or damaged after signing.",
    ),
    "finding_malformed_signature_unreadable_structure": (
        "Struktur PDF rusak sehingga tanda tangan ini tidak dapat dibaca ({detail}).",
        "The PDF structure is damaged, so this signature cannot be read ({detail}).",
    ),
    "finding_unsupported_signature": (
        "Jenis tanda tangan ini ({kind}) belum dapat diperiksa oleh aplikasi ini.",
        "This type of signature ({kind}) cannot be checked by this application yet.",
    ),
    "finding_no_certificates": (
        "Tanda tangan tidak memuat sertifikat penanda tangan.",
        "The signature does not contain the signer's certificate.",
    ),
    "finding_development_ca": (
        "Sertifikat diterbitkan oleh CA pengembangan ({ca}), bukan CA produksi: tidak sah untuk "
        "dokumen resmi.",
        "The certificate was issued by a development CA ({ca}), not a production CA: not valid "
        "for official documents.",
    ),
    "finding_training_ca": (
        "Sertifikat LATIHAN ({ca}): hanya untuk bimbingan teknis, tidak sah untuk dokumen resmi.",
        "TRAINING certificate ({ca}): for training only, not valid for official documents.",
    ),
    "finding_training_ca_training": (
        "Sertifikat LATIHAN ({ca}), dipercaya karena mode latihan aktif.",
        "TRAINING certificate ({ca}), trusted because training mode is on.",
    ),
    "finding_visual_change": (
        "Tampilan berubah setelah ditandatangani ({kind}) pada halaman {page}.",
        "What is displayed changed after signing ({kind}) on page {page}.",
    ),
    "finding_could_not_validate": (
        "Tanda tangan tidak dapat divalidasi ({detail}).",
        "The signature could not be validated ({detail}).",
    ),
    "finding_could_not_validate_timeout": (
        "Validasi dihentikan karena melewati batas waktu ({detail}).",
        "Validation was stopped because it exceeded the time limit ({detail}).",
    ),
    "finding_could_not_validate_memory": (
        "Validasi dihentikan karena melewati batas memori.",
        "Validation was stopped because it exceeded the memory limit.",
    ),
    "finding_could_not_validate_crashed": (
        "Proses validasi berhenti tak terduga ({detail}).",
        "The validation process stopped unexpectedly ({detail}).",
    ),
}

"""Texts of ``desktop-signer sign`` and of signing/stamp errors (Indonesian, English).

Error texts are keyed ``sign_err_<code>`` for every code of
``desktop_signer.signing.errors.SigningError`` and
``desktop_signer.appearance.errors.AppearanceError``.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "sign_help": (
        "tanda tangani berkas PDF (PAdES, dengan stempel BSrE)",
        "sign PDF files (PAdES, with the BSrE stamp)",
    ),
    "sign_inputs_help": ("berkas PDF yang ditandatangani", "PDF files to sign"),
    "sign_output_help": ("berkas hasil (hanya untuk satu masukan)",
                         "output file (one input only)"),
    "sign_out_dir_help": ("folder hasil; nama: pola keluaran dari pengaturan "
                          "(bawaan {{stem}}_signed.pdf)",
                          "output folder; names follow the output pattern setting "
                          "(default {{stem}}_signed.pdf)"),
    "sign_module_help": ("modul PKCS#11 token", "PKCS#11 module of the token"),
    "sign_token_help": ("label atau nomor seri token", "token label or serial"),
    "sign_cert_label_help": ("pilih sertifikat menurut label (CKA_LABEL)",
                             "choose the certificate by label (CKA_LABEL)"),
    "sign_cert_id_help": ("pilih sertifikat menurut CKA_ID (hex) atau sha256:<hex>",
                          "choose the certificate by CKA_ID (hex) or sha256:<hex>"),
    "sign_pkcs12_help": ("berkas PKCS#12 (.p12/.pfx) sebagai kunci",
                         "PKCS#12 file (.p12/.pfx) as the key"),
    "sign_pin_env_help": ("baca PIN dari variabel lingkungan VAR",
                          "read the PIN from environment variable VAR"),
    "sign_pin_stdin_help": ("baca PIN dari satu baris masukan standar",
                            "read the PIN from one line of standard input"),
    "sign_passphrase_env_help": ("baca frasa sandi PKCS#12 atau passphrase BSrE dari variabel "
                                 "lingkungan VAR",
                                 "read the PKCS#12 or BSrE passphrase from environment "
                                 "variable VAR"),
    "sign_passphrase_stdin_help": ("baca frasa sandi PKCS#12 atau passphrase BSrE dari masukan "
                                   "standar",
                                   "read the PKCS#12 or BSrE passphrase from standard input"),
    "sign_confirm_final_try_help": (
        "izinkan percobaan PIN terakhir (PIN salah berikutnya mengunci token)",
        "allow the final PIN attempt (the next wrong PIN locks the token)"),
    "sign_page_help": ("halaman (mulai 1; negatif dari belakang, -1 = terakhir)",
                       "page (from 1; negative from the end, -1 = last)"),
    "sign_rect_help": ("kotak X0,Y0,X1,Y1 dalam poin dari kiri bawah halaman yang tampil",
                       "box X0,Y0,X1,Y1 in points from the lower-left of the displayed page"),
    "sign_anchor_help": ("teks penanda tempat stempel, mis. \"#\" (kemunculan terakhir di "
                         "halaman terakhir yang memuatnya)",
                         "marker text where the stamp goes, e.g. \"#\" (the last occurrence "
                         "on the last page that has one)"),
    "sign_position_help": ("posisi siap pakai: {choices}", "preset position: {choices}"),
    "sign_size_help": ("ukuran stempel LEBARxTINGGI dalam poin (bawaan 200x80)",
                       "stamp size WIDTHxHEIGHT in points (default 200x80)"),
    "sign_invisible_help": ("tanda tangan tanpa tampilan", "invisible signature"),
    "sign_field_help": ("tanda tangani bidang tanda tangan kosong bernama ini (atau beri nama "
                        "bidang baru)",
                        "sign the empty signature field with this name (or name the new "
                        "field)"),
    "sign_level_help": ("tingkat PAdES (bawaan dari pengaturan: {default})",
                        "PAdES level (default from the settings: {default})"),
    "sign_tsa_help": ("URL layanan stempel waktu (TSA)", "time-stamp authority (TSA) URL"),
    "sign_tsa_user_help": ("nama pengguna TSA; kata sandi dari keyring atau "
                           "--tsa-password-env",
                           "TSA user name; password from the keyring or --tsa-password-env"),
    "sign_tsa_password_env_help": ("baca kata sandi TSA dari variabel lingkungan VAR",
                                   "read the TSA password from environment variable VAR"),
    "sign_allow_downgrade_help": (
        "jika data pencabutan tidak tersedia, buat B-T alih-alih gagal",
        "when revocation data cannot be had, make B-T instead of failing"),
    "sign_certify_help": ("tanda tangan sertifikasi (DocMDP P): 1 tanpa perubahan, 2 isi "
                          "formulir dan tanda tangan, 3 juga anotasi",
                          "certification signature (DocMDP P): 1 no changes, 2 form filling "
                          "and signing, 3 also annotations"),
    "sign_reason_help": ("alasan penandatanganan", "reason for signing"),
    "sign_location_help": ("lokasi penandatanganan", "signing location"),
    "sign_footer_help": ("tambahkan catatan kaki \"Catatan\" (UU ITE, BSrE)",
                         "add the \"Catatan\" footer (UU ITE, BSrE)"),
    "sign_footer_pages_help": ("halaman catatan kaki: last (terakhir) atau all (semua)",
                               "footer pages: last or all"),
    "sign_signer_name_help": ("nama pada stempel (bawaan: dari sertifikat)",
                              "name in the stamp (default: from the certificate)"),
    "sign_signer_title_help": ("jabatan pada stempel", "position (jabatan) in the stamp"),
    "sign_nip_help": ("NIP pada stempel (bawaan: dari sertifikat)",
                      "NIP in the stamp (default: from the certificate)"),
    "sign_place_help": ("tempat pada stempel (mis. nama kota)", "place in the stamp (city)"),
    "sign_password_env_help": ("kata sandi PDF terenkripsi dari variabel lingkungan VAR",
                               "password of an encrypted PDF from environment variable VAR"),
    "sign_overwrite_help": ("timpa berkas hasil yang sudah ada (tanpa opsi ini dilewati)",
                            "overwrite existing output files (otherwise they are skipped)"),
    "sign_trust_help": ("sertifikat akar tepercaya tambahan (PEM/DER)",
                        "additional trusted root certificates (PEM/DER)"),
    "sign_training_help": ("beri tanda \"LATIHAN — TIDAK SAH\" (otomatis untuk sertifikat "
                           "latihan)",
                           "draw the \"LATIHAN — TIDAK SAH\" mark (automatic for training "
                           "certificates)"),
    "sign_json_help": ("satu baris JSON per berkas", "one JSON line per file"),
    "sign_pin_prompt": ("PIN token: ", "Token PIN: "),
    "sign_passphrase_prompt": ("Frasa sandi PKCS#12: ", "PKCS#12 passphrase: "),
    # usage errors
    "sign_usage_one_output": ("-o hanya untuk satu berkas masukan; pakai --out-dir",
                              "-o takes one input file only; use --out-dir"),
    "sign_usage_out_dir_missing": ("folder --out-dir tidak ada: {path}",
                                   "the --out-dir folder does not exist: {path}"),
    "sign_usage_key": ("pilih kunci: --module PATH atau --pkcs12 FILE",
                       "choose the key: --module PATH or --pkcs12 FILE"),
    "sign_usage_rect": ("--rect perlu empat angka X0,Y0,X1,Y1",
                        "--rect needs four numbers X0,Y0,X1,Y1"),
    "sign_usage_size": ("--size perlu LEBARxTINGGI, mis. 200x80",
                        "--size needs WIDTHxHEIGHT, e.g. 200x80"),
    "sign_usage_env_missing": ("variabel lingkungan {name} tidak ada atau kosong",
                               "environment variable {name} is not set or empty"),
    "sign_usage_no_pin": ("PIN diperlukan: jalankan di terminal, atau pakai --pin-env VAR "
                          "atau --pin-stdin (PIN tidak boleh menjadi argumen)",
                          "a PIN is needed: run in a terminal, or use --pin-env VAR or "
                          "--pin-stdin (the PIN is never an argument)"),
    "sign_usage_no_passphrase": ("frasa sandi PKCS#12 diperlukan: jalankan di terminal, atau "
                                 "pakai --passphrase-env VAR atau --passphrase-stdin",
                                 "the PKCS#12 passphrase is needed: run in a terminal, or use "
                                 "--passphrase-env VAR or --passphrase-stdin"),
    # progress and results
    "sign_progress": ("[{n}/{total}] {file}", "[{n}/{total}] {file}"),
    "sign_done": ("ditandatangani: {output} ({level}, halaman {page}, verifikasi: {verdict})",
                  "signed: {output} ({level}, page {page}, verification: {verdict})"),
    "sign_done_invisible": ("ditandatangani: {output} ({level}, tanpa tampilan, verifikasi: "
                            "{verdict})",
                            "signed: {output} ({level}, invisible, verification: {verdict})"),
    "sign_downgraded": ("PERHATIAN: data pencabutan tidak tersedia, dibuat {level} (bukan "
                        "{requested}) sesuai --allow-downgrade",
                        "WARNING: revocation data unavailable, made {level} (not "
                        "{requested}) as --allow-downgrade allows"),
    "sign_skipped": ("dilewati: {output} sudah ada (pakai --overwrite untuk menimpa)",
                     "skipped: {output} exists (use --overwrite to replace it)"),
    "sign_failed": ("GAGAL: {file}: {reason}", "FAILED: {file}: {reason}"),
    "sign_summary": ("{signed} ditandatangani, {skipped} dilewati, {failed} gagal",
                     "{signed} signed, {skipped} skipped, {failed} failed"),
    "sign_cancelled": ("dibatalkan; berkas yang belum diproses tidak disentuh",
                       "cancelled; files not yet processed were not touched"),
    # errors (SigningError)
    "sign_err_input_unreadable": ("berkas masukan tidak dapat dibaca: {path} ({detail})",
                                  "cannot read the input file: {path} ({detail})"),
    "sign_err_input_not_pdf": ("bukan PDF yang dapat dibaca: {path}",
                               "not a readable PDF: {path}"),
    "sign_err_password_required": ("PDF terenkripsi; berikan kata sandinya dengan "
                                   "--password-env VAR",
                                   "the PDF is encrypted; give its password with "
                                   "--password-env VAR"),
    "sign_err_password_incorrect": ("kata sandi PDF salah: {path}",
                                    "wrong PDF password: {path}"),
    "sign_err_output_exists": ("berkas hasil sudah ada: {path} (pakai --overwrite untuk "
                               "menimpa)",
                               "the output file exists: {path} (use --overwrite to replace "
                               "it)"),
    "sign_err_output_is_input": ("berkas hasil tidak boleh sama dengan masukan: {path}",
                                 "the output must not be the input: {path}"),
    "sign_err_output_dir_missing": ("folder hasil tidak ada: {path}",
                                    "the output folder does not exist: {path}"),
    "sign_err_output_dir_not_writable": ("tidak dapat menulis di folder {path}",
                                         "cannot write in folder {path}"),
    "sign_err_disk_full": ("disk penuh saat menulis {path}; tidak ada berkas hasil yang dibuat",
                           "disk full while writing {path}; no output was made"),
    "sign_err_write_failed": ("gagal menulis {path}: {detail}",
                              "writing {path} failed: {detail}"),
    "sign_err_certified_no_changes": (
        "dokumen ini disertifikasi tanpa izin perubahan (P=1); tanda tangan lain akan "
        "membatalkannya",
        "this document is certified with no changes allowed (P=1); another signature would "
        "invalidate it"),
    "sign_err_certify_signed_document": (
        "sertifikasi harus menjadi tanda tangan pertama; dokumen ini sudah ditandatangani",
        "certification must be the first signature; this document is already signed"),
    "sign_err_certified_new_visible_field": (
        "dokumen tersertifikasi hanya menerima tanda tangan tanpa tampilan (--invisible) atau "
        "pada bidang tanda tangan kosong yang sudah ada (--field NAMA)",
        "a certified document takes only invisible signatures (--invisible) or signatures in "
        "its existing empty signature fields (--field NAME)"),
    "sign_err_field_not_found": ("bidang tanda tangan tidak ditemukan: {field}",
                                 "signature field not found: {field}"),
    "sign_err_field_already_signed": ("bidang {field} sudah ditandatangani",
                                      "field {field} is already signed"),
    "sign_err_field_name_taken": ("nama bidang {field} sudah dipakai",
                                  "field name {field} is taken"),
    "sign_err_level_invalid": ("tingkat tidak dikenal: {level}", "unknown level: {level}"),
    "sign_err_certify_invalid": ("--certify harus 1, 2 atau 3", "--certify must be 1, 2 or 3"),
    "sign_err_tsa_required": ("tingkat {level} memerlukan layanan stempel waktu: --tsa URL "
                              "atau pengaturan tsa_url",
                              "level {level} needs a time-stamp authority: --tsa URL or the "
                              "tsa_url setting"),
    "sign_err_tsa_unreachable": ("layanan stempel waktu tidak dapat dihubungi: {url}",
                                 "cannot reach the time-stamp authority: {url}"),
    "sign_err_tsa_auth_failed": ("layanan stempel waktu menolak nama pengguna/kata sandi: {url}",
                                 "the time-stamp authority refused the user name/password: "
                                 "{url}"),
    "sign_err_tsa_failed": ("layanan stempel waktu gagal: {url} ({detail})",
                            "the time-stamp authority failed: {url} ({detail})"),
    "sign_err_revocation_unavailable": (
        "data pencabutan (OCSP/CRL) tidak dapat diperoleh untuk {level}; coba lagi saat "
        "daring, atau pakai --allow-downgrade untuk menerima B-T ({detail})",
        "revocation data (OCSP/CRL) could not be obtained for {level}; try again online, or "
        "use --allow-downgrade to accept B-T ({detail})"),
    "sign_err_chain_incomplete": ("rantai sertifikat tidak lengkap; impor sertifikat CA atau "
                                  "akar ({detail})",
                                  "the certificate chain is incomplete; import the CA or root "
                                  "certificate ({detail})"),
    "sign_err_certificate_revoked": ("sertifikat penanda tangan telah dicabut",
                                     "the signing certificate has been revoked"),
    "sign_err_certificate_expired": ("sertifikat penanda tangan sudah kedaluwarsa ({not_after})",
                                     "the signing certificate expired ({not_after})"),
    "sign_err_certificate_not_yet_valid": ("sertifikat penanda tangan belum berlaku "
                                           "({not_before})",
                                           "the signing certificate is not valid yet "
                                           "({not_before})"),
    "sign_err_verification_failed": ("pemeriksaan hasil gagal ({findings}); tidak ada berkas "
                                     "hasil yang dibuat",
                                     "checking the result failed ({findings}); no output was "
                                     "made"),
    "sign_err_signing_failed": ("penandatanganan gagal: {detail}", "signing failed: {detail}"),
    "sign_err_cancelled": ("dibatalkan", "cancelled"),
    # errors (AppearanceError)
    "sign_err_box_too_small": ("kotak stempel {width}x{height} pt terlalu kecil (huruf minimum "
                               "{min_font} pt); perbesar kotak",
                               "the stamp box {width}x{height} pt is too small (minimum font "
                               "{min_font} pt); make it larger"),
    "sign_err_unsupported_characters": ("huruf ini tidak dapat digambar pada stempel: {chars}",
                                        "these characters cannot be drawn in the stamp: "
                                        "{chars}"),
    "sign_err_logo_unreadable": ("logo tidak dapat dibaca: {path}",
                                 "cannot read the logo: {path}"),
    "sign_err_font_missing": ("berkas huruf tidak ada (instalasi rusak): {path}",
                              "font file missing (broken installation): {path}"),
    "sign_err_qr_template_invalid": ("templat URL QR memuat isian tidak dikenal: {template}",
                                     "the QR URL template has an unknown field: {template}"),
    "sign_err_page_out_of_range": ("halaman {page} tidak ada (dokumen {pages} halaman)",
                                   "page {page} does not exist (the document has {pages})"),
    "sign_err_rect_invalid": ("kotak tidak sah: {rect}", "invalid box: {rect}"),
    "sign_err_rect_outside_page": ("kotak {rect} di luar halaman ({width}x{height} pt)",
                                   "box {rect} is outside the page ({width}x{height} pt)"),
    "sign_err_unknown_position": ("posisi tidak dikenal: {position}",
                                  "unknown position: {position}"),
    "sign_err_anchor_not_found": ("penanda {anchor!r} tidak ditemukan (harus berdiri sendiri "
                                  "sebagai kata)",
                                  "marker {anchor!r} not found (it must stand alone as a "
                                  "word)"),
    "sign_err_footer_on_signed_document": (
        "catatan kaki tidak dapat ditambahkan: dokumen sudah ditandatangani dan tanda tangannya "
        "akan rusak",
        "cannot add the footer: the document is already signed and its signatures would "
        "break"),
    "sign_err_pdf_unreadable": ("PDF tidak dapat dibuka untuk mencari penanda: {detail}",
                                "cannot open the PDF to find the marker: {detail}"),
    "sign_err_unexpected": ("galat tak terduga: {detail}", "unexpected error: {detail}"),
}

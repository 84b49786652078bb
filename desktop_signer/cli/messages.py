"""Every text the command line prints, Indonesian first, English second."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # argparse furniture
    "usage": ("Penggunaan: ", "Usage: "),
    "positionals": ("argumen posisi", "positional arguments"),
    "options": ("opsi", "options"),
    "help": ("tampilkan bantuan ini lalu keluar", "show this help message and exit"),
    "version": ("tampilkan versi program lalu keluar", "show the program's version and exit"),
    "error": ("{prog}: galat: {message}", "{prog}: error: {message}"),
    "commands": ("perintah", "commands"),
    "description": (
        "Desktop Signer: tanda tangani dan verifikasi surat PDF dengan sertifikat "
        "elektronik BSrE. Tanpa perintah, jendela aplikasi dibuka.",
        "Desktop Signer: sign and verify PDF letters with BSrE electronic certificates. "
        "Without a command, the application window opens.",
    ),
    "files_help": ("berkas PDF yang dibuka di jendela", "PDF files to open in the window"),
    # training
    "training_help": (
        "mode latihan (bimbingan teknis): PKI, token dan layanan lokal",
        "training mode (bimbingan teknis): local PKI, token and services",
    ),
    "training_init_help": (
        "buat PKI latihan, token SoftHSM \"LATIHAN\" dan berkas PKCS#12 di DIR",
        "create the training PKI, SoftHSM token \"LATIHAN\" and PKCS#12 files in DIR",
    ),
    "training_serve_help": (
        "jalankan TSA, OCSP dan CRL latihan di 127.0.0.1 sampai dihentikan (Ctrl+C)",
        "run the training TSA, OCSP and CRL on 127.0.0.1 until stopped (Ctrl+C)",
    ),
    "training_info_help": (
        "tampilkan lokasi, token dan PIN dari lingkungan latihan di DIR",
        "show locations, tokens and PIN of the training set-up in DIR",
    ),
    "dir_help": (
        "folder lingkungan latihan (bawaan: {default})",
        "training set-up folder (default: {default})",
    ),
    "port_help": (
        "port HTTP di 127.0.0.1 (init: bawaan port bebas; serve: port yang dicatat saat init)",
        "HTTP port on 127.0.0.1 (init: a free port by default; serve: the port recorded at init)",
    ),
    "serving": (
        "Layanan latihan berjalan di {base} (TSA: {tsa}; OCSP: {ocsp}; CRL: {crl}). "
        "Tekan Ctrl+C untuk berhenti.",
        "Training services running at {base} (TSA: {tsa}; OCSP: {ocsp}; CRL: {crl}). "
        "Press Ctrl+C to stop.",
    ),
    "stopped": ("Layanan latihan dihentikan.", "Training services stopped."),
    "serve_port_differs": (
        "Peringatan: sertifikat latihan menunjuk ke port {recorded}; layanan di port {port} "
        "tidak akan ditemukan lewat AIA/CRL DP.",
        "Warning: the training certificates point at port {recorded}; services on port "
        "{port} will not be found through AIA/CRL DP.",
    ),
    "info_header": ("Lingkungan latihan: {path}", "Training set-up: {path}"),
    "info_body": (
        "  Modul PKCS#11  : {module}\n"
        "  SOFTHSM2_CONF  : {conf}\n"
        "                   (set variabel ini sebelum memakai token latihan:\n"
        "                    export SOFTHSM2_CONF={conf})\n"
        "  Token          : {tokens}\n"
        "  PIN pengguna   : {pin}    PIN SO: {so_pin}\n"
        "  PKCS#12        : {p12_dir}/*.p12 (frasa sandi sama dengan PIN)\n"
        "  Root CA        : {root}\n"
        "  TSA            : {tsa}\n"
        "  OCSP           : {ocsp}\n"
        "  CRL            : {crls}\n",
        "  PKCS#11 module : {module}\n"
        "  SOFTHSM2_CONF  : {conf}\n"
        "                   (set this variable before using the training token:\n"
        "                    export SOFTHSM2_CONF={conf})\n"
        "  Tokens         : {tokens}\n"
        "  User PIN       : {pin}    SO PIN: {so_pin}\n"
        "  PKCS#12        : {p12_dir}/*.p12 (passphrase is the PIN)\n"
        "  Root CA        : {root}\n"
        "  TSA            : {tsa}\n"
        "  OCSP           : {ocsp}\n"
        "  CRL            : {crls}\n",
    ),
    "training_now_active": (
        "Folder ini kini lingkungan latihan aktif: --training dan mode latihan memakainya.",
        "This folder is now the active training set-up: --training and training mode use it.",
    ),
    "identities_header": ("Identitas latihan:", "Training identities:"),
    "identity_line": ("  {label:<16} {name:<28} {where:<12} {problem}",
                      "  {label:<16} {name:<28} {where:<12} {problem}"),
    "problem_none": ("baik", "good"),
    "problem_expired": ("kedaluwarsa", "expired"),
    "problem_revoked": ("dicabut", "revoked"),
    "problem_not_yet_valid": ("belum berlaku", "not yet valid"),
    "problem_no_signing_usage": ("tanpa penggunaan tanda tangan", "no signing key usage"),
    "problem_foreign_root": ("root tidak dikenal", "unrelated root"),
    "problem_expiring_soon": ("segera berakhir", "expiring soon"),
    "generated_on_token": ("dibuat di token", "made on token"),
    "info_next": (
        "Langkah berikutnya:\n"
        "  1. Jalankan layanan TSA/OCSP/CRL:  desktop-signer training serve {path}\n"
        "  2. Sertifikat latihan hanya dipercaya dalam mode latihan; jangan gunakan untuk "
        "dokumen sungguhan.",
        "Next steps:\n"
        "  1. Start the TSA/OCSP/CRL services:  desktop-signer training serve {path}\n"
        "  2. Training certificates are trusted only in training mode; never use them for "
        "real documents.",
    ),
    # training errors (one line each)
    "err_softhsm_missing": (
        "SoftHSM2 tidak ditemukan. Pasang dengan: sudo apt-get install softhsm2",
        "SoftHSM2 was not found. Install it with: sudo apt-get install softhsm2",
    ),
    "err_dir_not_empty": (
        "Folder {path} tidak kosong; pilih folder baru atau kosong.",
        "Folder {path} is not empty; choose a new or empty folder.",
    ),
    "err_dir_not_writable": (
        "Tidak dapat menulis ke folder {path}; periksa izin aksesnya.",
        "Cannot write to folder {path}; check its permissions.",
    ),
    "err_not_a_directory": ("{path} bukan folder.", "{path} is not a folder."),
    "err_port_in_use": (
        "Port {port} di 127.0.0.1 sudah dipakai program lain; pilih port lain dengan --port.",
        "Port {port} on 127.0.0.1 is already in use; choose another one with --port.",
    ),
    "err_not_a_training_dir": (
        "{path} bukan folder latihan; buat dulu dengan: desktop-signer training init {path}",
        "{path} is not a training folder; create it first with: "
        "desktop-signer training init {path}",
    ),
    "err_manifest_broken": (
        "Berkas {path} rusak; buat ulang lingkungan latihan di folder baru.",
        "File {path} is damaged; create the training set-up again in a new folder.",
    ),
    "err_token_init_failed": (
        "SoftHSM2 gagal membuat token latihan ({detail}).",
        "SoftHSM2 failed to create the training token ({detail}).",
    ),
    "err_token_provision_failed": (
        "Gagal menulis identitas ke token latihan ({detail}).",
        "Failed to write identities onto the training token ({detail}).",
    ),
    "err_unexpected": (
        "Terjadi kesalahan tak terduga: {detail}",
        "An unexpected error occurred: {detail}",
    ),
}

from desktop_signer.cli.messages_remote import MESSAGES as _REMOTE  # noqa: E402
from desktop_signer.cli.messages_report import MESSAGES as _REPORT  # noqa: E402
from desktop_signer.cli.messages_revocation import MESSAGES as _REVOCATION  # noqa: E402
from desktop_signer.cli.messages_selfcheck import MESSAGES as _SELFCHECK  # noqa: E402
from desktop_signer.cli.messages_sign import MESSAGES as _SIGN  # noqa: E402
from desktop_signer.cli.messages_tokens import MESSAGES as _TOKENS  # noqa: E402
from desktop_signer.cli.messages_verify import MESSAGES as _VERIFY  # noqa: E402
from desktop_signer.cli.messages_verify_report import MESSAGES as _VERIFY_REPORT  # noqa: E402


def _merge(*parts: dict[str, tuple[str, str]]) -> None:
    # one catalogue for the whole CLI: a key defined twice would silently replace a text
    # that another command formats with other parameters
    for part in parts:
        repeated = MESSAGES.keys() & part.keys()
        if repeated:
            raise RuntimeError(f"message ids defined twice: {sorted(repeated)}")
        MESSAGES.update(part)


_merge(_TOKENS, _VERIFY, _SIGN, _SELFCHECK, _REPORT, _VERIFY_REPORT, _REMOTE, _REVOCATION)

"""Texts of ``desktop-signer tokens`` and of token/PIN/PKCS#12 errors (Indonesian, English).

Error texts are keyed ``tokens_err_<code>`` for every code of
``desktop_signer.tokens.errors``; other commands (sign) reuse them through
:func:`desktop_signer.cli.tokens_cmd.error_line`.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "tokens_help": (
        "tampilkan modul PKCS#11 yang dicoba, token, dan sertifikat penanda tangan",
        "show the PKCS#11 modules tried, tokens and signing certificates",
    ),
    "tokens_module_help": (
        "pakai hanya modul PKCS#11 ini (boleh diulang); tanpa opsi ini modul dicari otomatis",
        "use only this PKCS#11 module (may be repeated); without it modules are detected",
    ),
    "tokens_json_help": (
        "keluaran JSON (tata letaknya dijelaskan di README)",
        "JSON output (layout documented in the README)",
    ),
    "tokens_token_help": (
        "label atau nomor seri token untuk login (dengan --pin-env atau --pin-stdin)",
        "label or serial of the token to log in to (with --pin-env or --pin-stdin)",
    ),
    "tokens_pin_env_help": (
        "baca PIN dari variabel lingkungan VAR (PIN tidak pernah ditampilkan)",
        "read the PIN from environment variable VAR (the PIN is never shown)",
    ),
    "tokens_pin_stdin_help": (
        "baca PIN dari satu baris masukan standar",
        "read the PIN from one line of standard input",
    ),
    "tokens_confirm_final_try_help": (
        "izinkan percobaan PIN terakhir (PIN salah berikutnya mengunci token)",
        "allow the final PIN attempt (the next wrong PIN locks the token)",
    ),
    "tokens_usage_pin_needs_token": (
        "--pin-env/--pin-stdin memerlukan --token (PIN hanya dikirim ke satu token)",
        "--pin-env/--pin-stdin need --token (a PIN is sent to one token only)",
    ),
    "tokens_usage_pin_env_missing": (
        "variabel lingkungan {var} tidak ada",
        "environment variable {var} is not set",
    ),
    # modules
    "tokens_modules_header": ("Modul PKCS#11 yang dicoba:", "PKCS#11 modules tried:"),
    "tokens_module_loaded": (
        "  [dimuat]        {name}: {path} ({sources}) — {count} token",
        "  [loaded]        {name}: {path} ({sources}) — {count} token(s)",
    ),
    "tokens_module_failed": (
        "  [gagal dimuat]  {name}: {path} ({sources}) — {reason}",
        "  [failed]        {name}: {path} ({sources}) — {reason}",
    ),
    "tokens_module_not_found": (
        "  [tidak ada]     {name}: {looked_for}",
        "  [not found]     {name}: {looked_for}",
    ),
    "tokens_module_hidden": (
        "  [disembunyikan] {name}: {path}",
        "  [hidden]        {name}: {path}",
    ),
    "tokens_search_dirs": ("  Folder yang diperiksa: {dirs}", "  Folders searched: {dirs}"),
    "tokens_p11kit_dirs": ("  Pendaftaran p11-kit: {dirs}", "  p11-kit registrations: {dirs}"),
    "tokens_source_known": ("tabel", "table"),
    "tokens_source_p11-kit": ("p11-kit", "p11-kit"),
    "tokens_source_user": ("pengaturan pengguna", "user settings"),
    "tokens_source_admin": ("pengaturan administrator", "administrator settings"),
    "tokens_source_command_line": ("--module", "--module"),
    "tokens_module_unnamed": ("modul lain", "other module"),
    # tokens
    "tokens_none": (
        "Tidak ada token yang terpasang. Colokkan token, atau pilih modul dengan --module.",
        "No token is present. Plug in the token, or choose a module with --module.",
    ),
    "tokens_header": ("Token:", "Tokens:"),
    "tokens_token_line": (
        "  {label} — {manufacturer} {model}, seri {serial} (slot {slot})",
        "  {label} — {manufacturer} {model}, serial {serial} (slot {slot})",
    ),
    "tokens_logged_in": ("    Sudah login: kunci pribadi diperiksa.",
                         "    Logged in: private keys checked."),
    "tokens_certificates_header": ("    Sertifikat penanda tangan:", "    Signing certificates:"),
    "tokens_no_certificates": ("    Tidak ada sertifikat penanda tangan.",
                               "    No signing certificate."),
    "tokens_others_header": ("    Sertifikat lain (tanpa kunci):",
                             "    Other certificates (no key):"),
    "tokens_keys_without_header": ("    Kunci pribadi tanpa sertifikat:",
                                   "    Private keys without a certificate:"),
    "tokens_key_line": ("      id {cka_id} label \"{label}\"",
                        "      id {cka_id} label \"{label}\""),
    "tokens_cert_line": ("      {name} — {organization}{id_part}",
                         "      {name} — {organization}{id_part}"),
    "tokens_cert_id_nip": (", NIP {id}", ", NIP {id}"),
    "tokens_cert_id_nik": (", NIK {id}", ", NIK {id}"),
    "tokens_cert_id_other": (", id {id}", ", id {id}"),
    "tokens_cert_details": (
        "        Penerbit: {issuer} · Nomor seri: {serial} · Berlaku: {start} s.d. {end}\n"
        "        Kunci: {key_type} {key_size} bit · Penggunaan: {usage}\n"
        "        Rujukan: {ref} (label \"{label}\")",
        "        Issuer: {issuer} · Serial: {serial} · Valid: {start} to {end}\n"
        "        Key: {key_type} {key_size} bit · Usage: {usage}\n"
        "        Reference: {ref} (label \"{label}\")",
    ),
    "tokens_key_private_key": ("        Kunci pribadi: ada", "        Private key: present"),
    "tokens_key_public_key": (
        "        Kunci pribadi: tersembunyi sampai login (kunci publiknya ada)",
        "        Private key: hidden until login (its public key is present)",
    ),
    "tokens_always_authenticate": (
        "        PIN diminta lagi untuk setiap tanda tangan (CKA_ALWAYS_AUTHENTICATE)",
        "        The PIN is asked again for every signature (CKA_ALWAYS_AUTHENTICATE)",
    ),
    "tokens_usage_none": ("(tidak dibatasi)", "(unrestricted)"),
    "tokens_warning": ("        ! {text}", "        ! {text}"),
    "tokens_state_line": ("    ! {text}", "    ! {text}"),
    "tokens_error_line": ("    ! {text}", "    ! {text}"),
    # certificate problems
    "tokens_problem_expired": ("Sertifikat kedaluwarsa: tidak dapat dipakai menandatangani.",
                               "The certificate has expired: it cannot be used to sign."),
    "tokens_problem_not_yet_valid": ("Sertifikat belum berlaku.",
                                     "The certificate is not valid yet."),
    "tokens_problem_no_signing_usage": (
        "Sertifikat ini tidak untuk tanda tangan (tidak ada digitalSignature/nonRepudiation).",
        "This certificate is not for signing (no digitalSignature/nonRepudiation).",
    ),
    "tokens_problem_missing_non_repudiation": (
        "Sertifikat tanpa nonRepudiation: sebagian pemeriksa tidak menerimanya untuk dokumen.",
        "Certificate without nonRepudiation: some verifiers do not accept it for documents.",
    ),
    "tokens_problem_expiring_soon": (
        "Sertifikat segera berakhir ({days} hari lagi); ajukan pembaruan ke BSrE.",
        "The certificate expires soon ({days} days left); ask BSrE for a renewal.",
    ),
    "tokens_problem_certificate_without_key": (
        "Kunci pribadi sertifikat ini tidak ada di token.",
        "This certificate's private key is not on the token.",
    ),
    # token conditions
    "tokens_condition_token_not_initialized": ("Token belum diinisialisasi.",
                                               "The token is not initialised."),
    "tokens_condition_user_pin_not_initialized": ("PIN pengguna belum diatur.",
                                                  "The user PIN has not been set."),
    "tokens_condition_pin_locked": (
        "PIN terkunci. Buka blokir dengan PUK/SO-PIN di aplikasi token dari vendor, atau "
        "hubungi admin/RA instansi Anda.",
        "The PIN is locked. Unblock it with the PUK/SO PIN in the vendor's token tool, or "
        "contact your agency's admin/RA.",
    ),
    "tokens_condition_pin_final_try": (
        "Sisa satu percobaan PIN: PIN salah berikutnya MENGUNCI token.",
        "One PIN attempt left: the next wrong PIN LOCKS the token.",
    ),
    "tokens_condition_pin_count_low": (
        "PIN salah pernah dimasukkan; sisa percobaan berkurang.",
        "A wrong PIN was entered before; fewer attempts remain.",
    ),
    "tokens_condition_pin_to_be_changed": (
        "PIN harus diganti sebelum dipakai (gunakan aplikasi token dari vendor).",
        "The PIN must be changed before use (use the vendor's token tool).",
    ),
    "tokens_condition_so_pin_locked": ("PIN SO/PUK terkunci.", "The SO PIN/PUK is locked."),
    "tokens_condition_pin_pad": (
        "Token dengan PIN pad: masukkan PIN pada pembaca kartu.",
        "PIN-pad token: type the PIN on the card reader.",
    ),
    "tokens_condition_pin_final_try_confirmed": (
        "Percobaan PIN terakhir dikonfirmasi.", "Final PIN attempt confirmed.",
    ),
    # errors (one line each; params from the error)
    "tokens_err_module_load_failed": (
        "Modul PKCS#11 {path} gagal dimuat: {detail}",
        "The PKCS#11 module {path} failed to load: {detail}",
    ),
    "tokens_err_no_token": (
        "Token tidak ditemukan ({wanted}). Pastikan token tercolok dan modulnya benar.",
        "Token not found ({wanted}). Make sure the token is plugged in and the module is right.",
    ),
    "tokens_err_token_ambiguous": (
        "Ada {count} token yang cocok ({wanted}); pilih dengan nomor seri.",
        "{count} tokens match ({wanted}); choose one by serial.",
    ),
    "tokens_err_token_removed": (
        "Token {token} dicabut atau tidak lagi terbaca. Colokkan kembali lalu ulangi.",
        "Token {token} was removed or can no longer be read. Plug it in again and retry.",
    ),
    "tokens_err_token_failure": (
        "Token {token} menolak operasi ({detail}).",
        "Token {token} refused the operation ({detail}).",
    ),
    "tokens_err_pin_incorrect": (
        "PIN salah untuk token {token}.",
        "Wrong PIN for token {token}.",
    ),
    "tokens_err_pin_incorrect_final": (
        "PIN salah untuk token {token}. PERHATIAN: sisa satu percobaan; PIN salah berikutnya "
        "mengunci token.",
        "Wrong PIN for token {token}. CAREFUL: one attempt left; the next wrong PIN locks "
        "the token.",
    ),
    "tokens_err_pin_incorrect_locked": (
        "PIN salah untuk token {token}; token sekarang TERKUNCI. Buka blokir dengan PUK/SO-PIN "
        "atau hubungi admin/RA instansi Anda.",
        "Wrong PIN for token {token}; the token is now LOCKED. Unblock it with the PUK/SO PIN "
        "or contact your agency's admin/RA.",
    ),
    "tokens_err_pin_locked": (
        "PIN token {token} terkunci; PIN tidak dicoba. Buka blokir dengan PUK/SO-PIN di "
        "aplikasi token dari vendor, atau hubungi admin/RA instansi Anda.",
        "The PIN of token {token} is locked; no PIN was tried. Unblock it with the PUK/SO PIN "
        "in the vendor's token tool, or contact your agency's admin/RA.",
    ),
    "tokens_err_pin_locked_reissue": (
        "PIN dan PUK/SO-PIN token {token} terkunci; PIN tidak dicoba. Hanya penerbit (BSrE "
        "melalui RA instansi) yang dapat membantu.",
        "Both the PIN and the PUK/SO PIN of token {token} are locked; no PIN was tried. Only "
        "the issuer (BSrE through your agency's RA) can help.",
    ),
    "tokens_err_pin_final_try": (
        "Sisa satu percobaan PIN untuk token {token}: PIN salah berikutnya MENGUNCI token. "
        "PIN tidak dicoba; ulangi dengan konfirmasi (--confirm-final-try) jika Anda yakin.",
        "One PIN attempt left for token {token}: the next wrong PIN LOCKS the token. No PIN "
        "was tried; repeat with confirmation (--confirm-final-try) if you are sure.",
    ),
    "tokens_err_pin_invalid": (
        "PIN tidak diterima token {token} (panjang atau karakter tidak sesuai).",
        "Token {token} does not accept this PIN (length or characters).",
    ),
    "tokens_err_pin_expired": (
        "PIN token {token} harus diganti dulu (gunakan aplikasi token dari vendor).",
        "The PIN of token {token} must be changed first (use the vendor's token tool).",
    ),
    "tokens_err_pin_required": (
        "Token {token} memerlukan PIN.", "Token {token} needs a PIN.",
    ),
    "tokens_err_pinpad_context_login": (
        "Kunci di token {token} meminta PIN untuk setiap tanda tangan, dan ini belum dapat "
        "dilakukan lewat PIN pad; gunakan pembaca tanpa PIN pad.",
        "The key on token {token} wants the PIN for every signature, which cannot be done "
        "through a PIN pad yet; use a reader without a PIN pad.",
    ),
    "tokens_err_certificate_not_found": (
        "Sertifikat {wanted} tidak ada di token {token}.",
        "Certificate {wanted} is not on token {token}.",
    ),
    "tokens_err_certificate_ambiguous": (
        "Token {token} berisi {count} sertifikat penanda tangan; pilih salah satu.",
        "Token {token} holds {count} signing certificates; choose one.",
    ),
    "tokens_err_certificate_without_key": (
        "Sertifikat {subject} di token {token} tidak memiliki kunci pribadi.",
        "Certificate {subject} on token {token} has no private key.",
    ),
    "tokens_err_key_without_certificate": (
        "Token {token} berisi kunci pribadi (id {key_id}) tanpa sertifikat; minta sertifikat "
        "baru atau tulis ulang sertifikatnya ke token.",
        "Token {token} holds a private key (id {key_id}) without a certificate; ask for a "
        "new certificate or write it onto the token again.",
    ),
    "tokens_err_key_cannot_sign": (
        "Kunci sertifikat {certificate_id} di token {token} tidak diizinkan menandatangani.",
        "The key of certificate {certificate_id} on token {token} may not sign.",
    ),
    "tokens_err_identity_closed": ("Sesi token {token} sudah ditutup.",
                                   "The session of token {token} is closed."),
    "tokens_err_pkcs12_unreadable": (
        "Berkas {path} tidak dapat dibaca sebagai PKCS#12 (.p12/.pfx).",
        "File {path} cannot be read as PKCS#12 (.p12/.pfx).",
    ),
    "tokens_err_pkcs12_passphrase_incorrect": (
        "Frasa sandi berkas {path} salah.", "Wrong passphrase for file {path}.",
    ),
    "tokens_err_pkcs12_no_key": (
        "Berkas {path} tidak berisi kunci pribadi dan sertifikat.",
        "File {path} holds no private key and certificate.",
    ),
    "tokens_err_pkcs12_closed": ("Identitas {path} sudah ditutup.",
                                 "Identity {path} is closed."),
    "tokens_err_unknown": ("Kesalahan token: {code} {detail}", "Token error: {code} {detail}"),
}

"""Texts of remote signing through BSrE's eSign Client Service (Indonesian, English).

Error texts are keyed ``sign_err_<code>`` for every code of
``desktop_signer.remote.errors.RemoteSigningError``; each says what to do.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "sign_esc_url_help": (
        "tanda tangani lewat eSign Client Service (ESC) BSrE di URL ini (bawaan: esc.url)",
        "sign through BSrE's eSign Client Service (ESC) at this URL (default: esc.url)"),
    "sign_nik_help": ("NIK penanda tangan di BSrE (diingat; bukan rahasia)",
                      "the signer's NIK at BSrE (remembered; not a secret)"),
    "sign_email_help": ("atau alamat email penanda tangan di BSrE, sebagai pengganti NIK "
                        "(diingat; bukan rahasia)",
                        "or the signer's email address at BSrE, instead of the NIK "
                        "(remembered; not a secret)"),
    "sign_totp_stdin_help": (
        "minta TOTP untuk semua berkas, lalu baca kode dari aplikasi BeSign di masukan standar",
        "request a TOTP for all files, then read the BeSign app's code from standard input"),
    "sign_esc_user_help": ("pengguna klien ESC instansi (bawaan: esc.user)",
                           "the agency's ESC client user (default: esc.user)"),
    "sign_esc_password_env_help": (
        "baca kata sandi klien ESC dari variabel lingkungan VAR (bawaan: keyring)",
        "read the ESC client password from environment variable VAR (default: keyring)"),
    "sign_esc_passphrase_prompt": ("Passphrase BSrE untuk {who}: ",
                                   "BSrE passphrase for {who}: "),
    "sign_esc_totp_requested": (
        "TOTP untuk {count} berkas diminta ({message}). Masukkan kode dari aplikasi BeSign:",
        "A TOTP for {count} files was requested ({message}). Enter the code from the "
        "BeSign app:"),
    "sign_esc_http_warning": (
        "Peringatan: {url} memakai http:// tanpa enkripsi; passphrase Anda dikirim tanpa "
        "enkripsi lewat jaringan instansi. Peringatan ini hanya ditampilkan sekali.",
        "Warning: {url} uses plain http://; your passphrase travels unencrypted over the "
        "agency network. This warning is shown once."),
    "sign_esc_status_ok": ("Status sertifikat BSrE untuk {who}: {status}",
                           "BSrE certificate status for {who}: {status}"),
    "sign_esc_groups": ("{files} berkas dikirim dalam {groups} kelompok ({seconds:.1f} s di "
                        "layanan)",
                        "{files} files sent in {groups} groups ({seconds:.1f} s at the "
                        "service)"),
    # usage errors
    "sign_usage_esc_key": ("--esc-url/--nik tidak dapat digabung dengan --module atau --pkcs12",
                           "--esc-url/--nik cannot be combined with --module or --pkcs12"),
    "sign_usage_no_esc_url": ("alamat ESC diperlukan: --esc-url URL atau pengaturan esc.url",
                              "the ESC address is needed: --esc-url URL or the esc.url setting"),
    "sign_usage_no_nik": ("NIK atau email diperlukan: --nik NIK atau --email ALAMAT (diingat "
                          "setelah berhasil)",
                          "the NIK or email is needed: --nik NIK or --email ADDRESS "
                          "(remembered after a success)"),
    "sign_usage_no_esc_user": ("pengguna klien ESC diperlukan: --esc-user U atau esc.user",
                               "the ESC client user is needed: --esc-user U or esc.user"),
    "sign_usage_no_esc_password": (
        "kata sandi klien ESC tidak ditemukan: --esc-password-env VAR, "
        "DESKTOP_SIGNER_ESC_PASSWORD atau keyring (tanyakan administrator)",
        "the ESC client password was not found: --esc-password-env VAR, "
        "DESKTOP_SIGNER_ESC_PASSWORD or the keyring (ask the administrator)"),
    "sign_usage_esc_locked": ("{setting} ditetapkan administrator ({value}); tidak dapat diubah",
                              "{setting} is set by the administrator ({value}); it cannot be "
                              "changed"),
    "sign_usage_no_esc_passphrase": (
        "passphrase BSrE diperlukan: jalankan di terminal, atau pakai --passphrase-env VAR, "
        "--passphrase-stdin atau --totp-stdin",
        "the BSrE passphrase is needed: run in a terminal, or use --passphrase-env VAR, "
        "--passphrase-stdin or --totp-stdin"),
    "sign_usage_esc_pdf_password": ("ESC tidak menerima PDF terenkripsi dari Desktop Signer",
                                    "encrypted PDFs are not sent to the ESC"),
    # errors before anything is sent
    "sign_err_esc_url_invalid": ("alamat ESC tidak valid: {url} (contoh: http://esc.instansi."
                                 "go.id)",
                                 "invalid ESC address: {url} (e.g. http://esc.agency.go.id)"),
    "sign_err_esc_http_forbidden": (
        "administrator melarang http:// tanpa enkripsi ({url}); pakai alamat https:// ESC",
        "the administrator forbids plain http:// ({url}); use the ESC's https:// address"),
    "sign_err_esc_nik_invalid": ("NIK harus 16 angka (diberikan: {nik})",
                                 "the NIK must be 16 digits (given: {nik})"),
    "sign_err_esc_email_invalid": ("alamat email tidak valid: {email}",
                                   "not a valid email address: {email}"),
    "sign_err_esc_name_required": (
        "nama penanda tangan untuk stempel belum diketahui: pakai --signer-name atau isi "
        "nama di profil (setelah tanda tangan pertama nama dari sertifikat diingat)",
        "the signer's name for the stamp is not known yet: use --signer-name or fill in the "
        "profile name (after the first signature the certificate's name is remembered)"),
    "sign_err_esc_encrypted_input": (
        "{path} terenkripsi; buka kuncinya dulu (ESC tidak menerima PDF terenkripsi dari "
        "aplikasi ini)",
        "{path} is encrypted; remove its password first (encrypted PDFs are not sent to the "
        "ESC)"),
    "sign_err_esc_status_expired": (
        "sertifikat BSrE untuk {who} sudah kedaluwarsa; ajukan pembaruan di "
        "portal-bsre.bssn.go.id lewat admin TTE instansi Anda",
        "the BSrE certificate for {who} has expired; request a renewal at "
        "portal-bsre.bssn.go.id through your agency's TTE administrator"),
    "sign_err_esc_status_renew": (
        "sertifikat BSrE untuk {who} sedang diperbarui; tunggu sampai terbit, lalu coba "
        "lagi",
        "the BSrE certificate for {who} is being renewed; wait until it is issued, then "
        "try again"),
    "sign_err_esc_status_suspend": (
        "sertifikat BSrE untuk {who} ditangguhkan; hubungi admin TTE instansi Anda atau "
        "BSrE",
        "the BSrE certificate for {who} is suspended; contact your agency's TTE "
        "administrator or BSrE"),
    "sign_err_esc_status_revoke": (
        "sertifikat BSrE untuk {who} telah dicabut; ajukan sertifikat baru lewat admin TTE "
        "instansi Anda",
        "the BSrE certificate for {who} has been revoked; request a new certificate "
        "through your agency's TTE administrator"),
    "sign_err_esc_status_not_registered": (
        "{who} tidak terdaftar di BSrE; periksa NIK, atau daftar lewat admin TTE "
        "instansi Anda",
        "{who} is not registered at BSrE; check the NIK, or register through your "
        "agency's TTE administrator"),
    "sign_err_esc_status_no_certificate": (
        "{who} terdaftar tetapi belum memiliki sertifikat; ajukan sertifikat di "
        "portal-bsre.bssn.go.id",
        "{who} is registered but has no certificate yet; request one at "
        "portal-bsre.bssn.go.id"),
    "sign_err_esc_status_waiting_for_verification": (
        "permohonan sertifikat untuk {who} masih menunggu verifikasi; tunggu persetujuan "
        "verifikator instansi/BSrE",
        "the certificate request for {who} is waiting for verification; wait for the "
        "agency's/BSrE's verifier"),
    "sign_err_esc_status_new": (
        "permohonan sertifikat untuk {who} baru diajukan; lengkapi pendaftaran di "
        "portal-bsre.bssn.go.id",
        "the certificate request for {who} is new; complete the registration at "
        "portal-bsre.bssn.go.id"),
    "sign_err_esc_status_unknown": (
        "status sertifikat BSrE tidak dikenal ({status}); hubungi admin TTE instansi Anda",
        "unknown BSrE certificate status ({status}); contact your agency's TTE administrator"),
    # the service said no
    "sign_err_esc_not_registered": (
        "BSrE: pengguna tidak terdaftar (2011); periksa NIK atau hubungi admin TTE instansi "
        "({detail})",
        "BSrE: user not registered (2011); check the NIK or contact the agency's TTE "
        "administrator ({detail})"),
    "sign_err_esc_no_certificate": (
        "BSrE: tidak ada sertifikat yang dapat dipakai untuk NIK ini (2021) ({detail})",
        "BSrE: no usable certificate for this NIK (2021) ({detail})"),
    "sign_err_esc_wrong_passphrase": (
        "BSrE: passphrase salah (2031); tidak ada berkas yang ditandatangani. Lupa passphrase? "
        "Atur ulang di portal-bsre.bssn.go.id",
        "BSrE: wrong passphrase (2031); nothing was signed. Forgot it? Reset it at "
        "portal-bsre.bssn.go.id"),
    "sign_err_esc_wrong_totp": (
        "BSrE: kode TOTP salah atau kedaluwarsa; minta kode baru di aplikasi BeSign "
        "({detail})",
        "BSrE: the TOTP code is wrong or expired; get a new code in the BeSign app "
        "({detail})"),
    "sign_err_esc_auth_failed": (
        "ESC menolak kredensial klien instansi (HTTP {status}); minta administrator memeriksa "
        "esc.user dan kata sandinya",
        "the ESC refused the agency's client credential (HTTP {status}); ask the "
        "administrator to check esc.user and its password"),
    "sign_err_esc_rejected": (
        "ESC menolak permintaan (HTTP {status}): {detail}",
        "the ESC refused the request (HTTP {status}): {detail}"),
    "sign_err_esc_server_error": (
        "ESC gagal memproses PDF (HTTP {status}); tidak ada berkas yang dibuat. Rincian: "
        "{detail}",
        "the ESC failed to process the PDF (HTTP {status}); no output was made. Details: "
        "{detail}"),
    "sign_err_esc_timeout": (
        "ESC di {url} tidak menjawab dalam {seconds} detik; hasilnya tidak diketahui dan tidak "
        "dicoba ulang otomatis. Periksa jurnal/portal sebelum mencoba lagi",
        "the ESC at {url} did not answer within {seconds} seconds; the outcome is unknown and "
        "nothing is retried. Check before trying again"),
    "sign_err_esc_unreachable": (
        "ESC di {url} tidak dapat dihubungi (koneksi ditolak atau jaringan); periksa alamat "
        "dan jaringan instansi",
        "the ESC at {url} cannot be reached (connection refused or network); check the "
        "address and the agency network"),
    "sign_err_esc_tls_failed": (
        "koneksi aman ke ESC di {url} gagal (sertifikat TLS); hubungi administrator",
        "the secure connection to the ESC at {url} failed (TLS certificate); contact the "
        "administrator"),
    # the reply
    "sign_err_esc_bad_reply": (
        "jawaban ESC tidak dapat dibaca ({what}); tidak ada berkas yang dibuat ({detail})",
        "the ESC's reply cannot be read ({what}); no output was made ({detail})"),
    "sign_err_esc_not_pdf": (
        "ESC mengembalikan sesuatu yang bukan PDF (berkas {index}); tidak ada berkas yang "
        "dibuat",
        "the ESC returned something that is not a PDF (file {index}); no output was made"),
    "sign_err_esc_input_modified": (
        "ESC mengubah isi dokumen yang dikirim (bukan hanya menambah tanda tangan); hasil "
        "ditolak, tidak ada berkas yang dibuat",
        "the ESC changed the document it was sent (not only appended a signature); the "
        "result is refused, no output was made"),
    "sign_err_esc_signature_count": (
        "ESC mengembalikan {found} tanda tangan baru (seharusnya tepat satu); hasil ditolak",
        "the ESC returned {found} new signatures (exactly one expected); the result is "
        "refused"),
    "sign_err_esc_level_too_low": (
        "ESC mengembalikan tanda tangan tingkat {level}, diminta {requested}; hasil ditolak "
        "(izinkan dengan --allow-downgrade)",
        "the ESC returned a {level} signature, {requested} was asked for; the result is "
        "refused (allow with --allow-downgrade)"),
    "sign_err_esc_stamp_moved": (
        "ESC menaruh stempel di tempat lain ({detail}) daripada kotak yang diminta di halaman "
        "{page}; hasil ditolak",
        "the ESC put the stamp elsewhere ({detail}) than the box asked for on page {page}; "
        "the result is refused"),
    "err_esc_not_in_setup": (
        "lingkungan latihan di {path} dibuat sebelum simulator ESC ada; jalankan training init "
        "lagi di folder baru",
        "the training set-up in {path} predates the ESC simulator; run training init again "
        "in a new folder"),
    # training esc
    "training_esc_help": (
        "jalankan simulator eSign Client Service BSrE (API v2) di 127.0.0.1",
        "run the BSrE eSign Client Service simulator (API v2) on 127.0.0.1"),
    "training_esc_port_help": ("port HTTP di 127.0.0.1 (bawaan: port bebas)",
                               "HTTP port on 127.0.0.1 (default: a free port)"),
    "training_esc_latency_help": ("detik tambahan per permintaan (latihan jaringan lambat)",
                                  "extra seconds per request (practising a slow network)"),
    "training_esc_fault_help": ("gangguan yang disimulasikan: {choices}",
                                "fault to simulate: {choices}"),
    "training_esc_serving": (
        "Simulator ESC berjalan di {url} (pengguna klien: {user}, kata sandi klien: "
        "{password}; passphrase peserta: {passphrase}). Tekan Ctrl+C untuk berhenti.",
        "ESC simulator running at {url} (client user: {user}, client password: {password}; "
        "trainee passphrase: {passphrase}). Press Ctrl+C to stop."),
    "training_esc_users": ("NIK / email peserta: {users}",
                           "Trainee NIKs / emails: {users}"),
    "training_esc_info": (
        "Simulator ESC: {url} (training serve) — pengguna klien {user}, kata sandi klien "
        "{password}, passphrase semua peserta: {passphrase}",
        "ESC simulator: {url} (training serve) — client user {user}, client password "
        "{password}, every trainee's passphrase: {passphrase}"),
}
MESSAGES.update({
    "sign_err_esc_certificate_unknown": (
        "sertifikat BSrE baru diketahui setelah tanda tangan pertama",
        "the BSrE certificate is only known after the first signature"),
    "sign_err_esc_no_local_signer": (
        "tanda tangan BSrE jarak jauh dibuat oleh layanan, bukan di komputer ini",
        "BSrE remote signatures are made by the service, not on this computer"),
})

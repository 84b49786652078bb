"""Texts of ``desktop-signer selfcheck``, Indonesian first, English second."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "selfcheck_help": (
        "periksa apakah instalasi ini lengkap (sumber daya, pustaka, keyring)",
        "check that this installation is complete (resources, libraries, keyring)",
    ),
    "selfcheck_keyring_help": (
        "juga simpan, baca kembali dan hapus sebuah nilai acak di keyring sistem",
        "also store, read back and remove a random value in the system keyring",
    ),
    "selfcheck_json_help": ("keluaran JSON", "JSON output"),
    "selfcheck_ok": ("OK   ", "OK   "),
    "selfcheck_failed": ("GAGAL", "FAIL "),
    "selfcheck_note": ("INFO ", "NOTE "),
    "selfcheck_resources": ("berkas sumber daya (huruf, logo, terjemahan, registri)",
                            "resource files (fonts, logos, translations, registry)"),
    "selfcheck_library_data": ("data pustaka (pyHanko, certomancer)",
                               "library data (pyHanko, certomancer)"),
    "selfcheck_pdf_engine": ("mesin PDF (PyMuPDF)", "PDF engine (PyMuPDF)"),
    "selfcheck_pkcs11": ("pustaka PKCS#11 (python-pkcs11)", "PKCS#11 library (python-pkcs11)"),
    "selfcheck_keyring": ("keyring sistem", "system keyring"),
    "selfcheck_no_keyring": (
        "  Tanpa keyring program tetap berjalan, tetapi tidak ada kata sandi yang diingat.",
        "  Without a keyring the program works, but no password is remembered.",
    ),
    "selfcheck_missing": ("  tidak ada: {name}", "  missing: {name}"),
    "selfcheck_summary_ok": ("Instalasi lengkap.", "The installation is complete."),
    "selfcheck_summary_failed": (
        "Instalasi tidak lengkap: pasang ulang paketnya atau hubungi dukungan TI.",
        "The installation is incomplete: reinstall the package or contact IT support.",
    ),
}

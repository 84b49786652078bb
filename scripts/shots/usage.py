"""The yearly usage report and the signing history (issue 15).

A realistic year is written into this scene's journal through the core's journal API (the
training certificates of three civil servants, token and PKCS#12 keys, the usual failures:
a mistyped PIN, a time-stamp service that did not answer, a locked folder), then two
letters are really signed so that "open document" has files to open. Saved: the report's
PDF pages (rendered by the core), the history window, and the report window with its
preview.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

YEAR = 2026
AGENCY = "Dinas Komunikasi dan Informatika Kabupaten Latihan"


def fill_journal(ctx) -> None:  # noqa: ANN001 - ShotContext
    from asn1crypto import pem, x509

    from desktop_signer.journal import Journal, JournalEntry
    from desktop_signer.signing import SignResult

    def certificate(label: str) -> x509.Certificate:
        data = Path(ctx.training.identity(label).certificate).read_bytes()
        return x509.Certificate.load(pem.unarmor(data)[2] if pem.detect(data) else data)

    people = [  # (certificate, key kind, level, letters per working day on average)
        (certificate("budi"), "pkcs11", "B-LTA", 1.6),
        (certificate("rahmat"), "pkcs11", "B-LT", 0.9),
        (certificate("putri"), "pkcs12", "B-LT", 0.35),
    ]
    letters = ["Surat Undangan Rapat Koordinasi", "Nota Dinas Pengadaan", "SK Tim Pelaksana",
               "Surat Edaran Kepala Dinas", "Surat Tugas Perjalanan Dinas",
               "Berita Acara Serah Terima"]
    failures = ["pin_incorrect"] * 6 + ["tsa_unreachable"] * 2 + [
        "output_dir_not_writable", "token_removed", "revocation_unavailable"]
    rng = random.Random(15)
    day = datetime(YEAR, 1, 2, 8, 0, tzinfo=UTC) - timedelta(hours=7)  # 08:00 WIB
    end = datetime.now(UTC) - timedelta(days=1)
    folder = ctx.work / "Surat Keluar"
    with Journal() as journal:
        while day < end:
            busy = 1.6 if day.month in (3, 6, 11, 12) else 1.0  # budget and year-end months
            if day.weekday() < 5:
                for cert, kind, level, rate in people:
                    for _ in range(int(rng.random() * rate * busy * 2.2)):
                        when = day + timedelta(minutes=rng.randint(0, 8 * 60))
                        name = f"{rng.choice(letters)} {rng.randint(1, 480):03d}.pdf"
                        output = folder / name.replace(".pdf", "_signed.pdf")
                        if rng.random() < 0.06:
                            journal.record(JournalEntry.for_failure(
                                folder / name, output, rng.choice(failures), kind, level,
                                None if rng.random() < 0.4 else cert, when=when))
                            continue
                        digest = f"{rng.getrandbits(256):064x}"
                        result = SignResult(folder / name, output, "signed", level,
                                            level=level, output_sha256=digest)
                        journal.record(JournalEntry.for_result(result, cert, kind, when=when))
            day += timedelta(days=1)


def sign_two_letters(ctx) -> None:  # noqa: ANN001
    """Two real signatures today (their files exist: the history can open them)."""
    from desktop_signer.journal import Journal
    from desktop_signer.signing import SignJob, SignOptions, TsaConfig, sign_files
    from desktop_signer.tokens import load_pkcs12_identity
    from desktop_signer.training import letters
    from desktop_signer.trust.store import load_trust

    folder = ctx.work / "Surat Keluar"
    folder.mkdir(parents=True, exist_ok=True)
    jobs = []
    for name, data in (("Nota Dinas Bimbingan Teknis.pdf", letters.nota_dinas()),
                       ("Surat Undangan Sosialisasi TTE.pdf", letters.surat_dinas())):
        (folder / name).write_bytes(data)
        jobs.append(SignJob(folder / name, folder / name.replace(".pdf", "_signed.pdf")))
    training = ctx.training
    p12 = training.identity("putri").pkcs12
    options = SignOptions(level="B-T", tsa=TsaConfig(training.tsa_url, timeout=10),
                          trust=load_trust(training_mode=True,
                                           training_root=training.root_certificate,
                                           use_installed=False))
    with Journal() as journal:
        sign_files(lambda: load_pkcs12_identity(p12, training.pkcs12_passphrase), jobs,
                   options, key_kind="pkcs12", journal=journal)


def report_pages(ctx) -> None:  # noqa: ANN001
    """The PDF as it is sent to BSrE, each page as a picture."""
    import pymupdf

    from desktop_signer.usage import build_report
    from desktop_signer.usage.pdf import ReportInfo, render_pdf

    report = build_report(YEAR)
    data = render_pdf(report, ReportInfo(agency=AGENCY))
    with pymupdf.open("pdf", data) as doc:
        for index in range(doc.page_count):
            suffix = "" if ctx.scale == 1 else f"@{ctx.scale}x"
            target = ctx.out / f"usage-report-page{index + 1}{suffix}.png"
            doc[index].get_pixmap(dpi=96 * ctx.scale).save(str(target))
            print(f"  {target}")


def shoot(ctx) -> None:  # noqa: ANN001 - ShotContext
    import os
    import time

    os.environ["TZ"] = "Asia/Jakarta"  # an office in Jakarta: times and months in WIB
    time.tzset()
    from desktop_signer import settings
    from desktop_signer.settings import AgencySettings

    loaded = settings.load()
    settings.save(loaded, replace(loaded.settings, agency=AgencySettings(name=AGENCY)))
    fill_journal(ctx)
    sign_two_letters(ctx)
    report_pages(ctx)

    window = ctx.window([])
    ctx.wait_rendered(window)
    shown = []
    window.dialogShown.connect(shown.append)

    window.usage_actions.history_action.trigger()
    ctx.wait(lambda: bool(shown), what="history dialog")
    history = shown.pop()
    ctx.wait(lambda: history.history is not None, what="history loaded")
    history.resize(1180, 620)
    history.select(0)
    ctx.save(history, "usage-history")
    history.result_filter.setCurrentIndex(history.result_filter.findData("failed"))
    ctx.save(history, "usage-history-failed")
    history.close()

    window.usage_actions.report_action.trigger()
    ctx.wait(lambda: bool(shown), what="report dialog")
    dialog = shown.pop()
    ready = []
    dialog.previewReady.connect(lambda: ready.append(True))
    ctx.wait(lambda: bool(ready) and dialog.report is not None
             and dialog.report.year == YEAR, what="report preview")
    ctx.save(dialog, "usage-report-window")
    dialog.close()

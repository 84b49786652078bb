"""The validity panel (issue 11): every banner state, the details of a valid and an invalid
signature, the compare view and the exported report's first page.

Letters are signed here with the training set-up (PKCS#12 files of the training PKI, the
training TSA/OCSP/CRL served by the screenshot runner); the window runs in training mode
(first start), so the training root is trusted and the training letters are valid.
"""

from __future__ import annotations

import os
from pathlib import Path


def _sign(ctx, source: Path, target: Path, who: str, level: str) -> Path:  # noqa: ANN001
    from desktop_signer.signing import SignJob, SignOptions, TsaConfig, sign_document
    from desktop_signer.tokens import load_pkcs12_identity
    from desktop_signer.trust.store import load_trust

    training = ctx.training
    os.environ.setdefault("SOFTHSM2_CONF", training.softhsm_conf)
    identity = training.identity(who)
    signer = load_pkcs12_identity(identity.pkcs12, training.pkcs12_passphrase)
    trust = load_trust(training_mode=True, training_root=training.root_certificate,
                       use_installed=False)
    options = SignOptions(level=level, tsa=TsaConfig(training.tsa_url, timeout=10),  # type: ignore[arg-type]
                          trust=trust, overwrite=True, verify_output=False)
    sign_document(signer, SignJob(source, target), options)
    return target


def _tamper(signed: Path, target: Path) -> Path:
    """An incremental update after signing that changes what the first page says."""
    import pymupdf

    target.write_bytes(signed.read_bytes())
    doc = pymupdf.open(target)
    page = doc[0]
    page.draw_rect(pymupdf.Rect(300, 240, 540, 262), color=None, fill=(1, 1, 1))
    page.insert_text((302, 256), "Rp 975.000.000,-", fontsize=11, color=(0, 0, 0))
    doc.saveIncr()
    doc.close()
    return target


def _letters(ctx) -> dict[str, Path]:  # noqa: ANN001
    surat = Path(ctx.training.directory) / "surat"
    three = surat / "surat-dinas-3-halaman.pdf"
    one = surat / "nota-dinas-1-halaman.pdf"
    work = ctx.work
    valid = _sign(ctx, three, ctx.long_named_copy(three, " (ditandatangani)"), "budi", "B-LT")
    unknown = _sign(ctx, one, work / "nota-dinas-root-asing.pdf", "asing", "B-B")
    signed_one = _sign(ctx, one, work / "nota-dinas-ttd.pdf", "rahmat", "B-LT")
    changed = _tamper(signed_one, work / "nota-dinas-diubah-setelah-ttd.pdf")
    plain = work / "nota-dinas-belum-ditandatangani.pdf"
    plain.write_bytes(one.read_bytes())
    return {"valid": valid, "indeterminate": unknown, "invalid": changed, "unsigned": plain}


def _wait_verified(ctx, window) -> None:  # noqa: ANN001
    tab = window.current_tab()
    ctx.wait(lambda: tab.is_open and tab.validity.finished, 90, "verification finished")
    ctx.wait_rendered(window)


def _scroll_details(tab, fraction: float) -> None:  # noqa: ANN001
    bar = tab.validity.panel.details.verticalScrollBar()
    bar.setValue(round(bar.maximum() * fraction))


def shoot(ctx) -> None:  # noqa: ANN001 - ShotContext
    letters = _letters(ctx)
    order = ["valid", "indeterminate", "invalid", "unsigned"]
    window = ctx.window([letters[name] for name in order])
    for index, name in enumerate(order):
        window.tabs.setCurrentIndex(index)
        _wait_verified(ctx, window)
        tab = window.current_tab()
        ctx.save(window, f"validity-{name}")
        if name == "valid":
            _scroll_details(tab, 1.0)
            ctx.save(window, "validity-valid-details")
            _scroll_details(tab, 0.0)
            # a re-check in progress: the banner shows no verdict while it runs
            tab.validity.controller.verify()
            target = ctx.out / ("validity-verifying.png" if ctx.scale == 1
                                else f"validity-verifying@{ctx.scale}x.png")
            window.grab().save(str(target))
            ctx.saved.append(target)
            _wait_verified(ctx, window)
        if name == "invalid":
            _scroll_details(tab, 0.55)
            ctx.save(window, "validity-invalid-details")
            _scroll_details(tab, 0.0)
            tab.validity.panel.details.buttons["compare"].click()
            ctx.pump(0.3)
            ctx.wait_rendered(window)
            ctx.save(window, "validity-compare")
            _report_page(ctx, tab.validity.report)


def _report_page(ctx, report) -> None:  # noqa: ANN001
    """The exported report's first page, rendered by the core's PDF library."""
    import pymupdf

    from desktop_signer.reports.validation_pdf import build_validation_pdf

    doc = pymupdf.open("pdf", build_validation_pdf(report, "id"))
    pixmap = doc[0].get_pixmap(dpi=96 * ctx.scale)
    target = ctx.out / ("validity-report.png" if ctx.scale == 1
                        else f"validity-report@{ctx.scale}x.png")
    pixmap.save(str(target))
    ctx.saved.append(target)

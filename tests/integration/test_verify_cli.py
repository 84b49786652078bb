"""``desktop-signer verify``: exit codes, JSON (Lines), text in Indonesian and English,
--trust/--at/--offline, and isolation (time and memory limits)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_signer.cli import main
from desktop_signer.verification import VerifyOptions, verify_file

VALID = "real/itext/SVIT_validDoc.pdf"
ITEXT_ROOT = "real/certs/itext/root_cert.pem"
PYHANKO_ROOT = "real/certs/pyhanko/testing-ca_root_root.cert.pem"
PYHANKO_DOC = "real/pyhanko/pades-with-old-style-signing-cert-attr.pdf"


@pytest.fixture(autouse=True)
def _isolated(isolated_dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESKTOP_SIGNER_LANG", "id")


def test_exit_codes(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    trust = ["--trust", str(corpus / ITEXT_ROOT), "--offline"]
    assert main(["verify", str(corpus / VALID), *trust]) == 0
    assert main(["verify", str(corpus / "attacks/isa/isa-3.pdf"), "--offline"]) == 1
    assert main(["verify", str(corpus / VALID), "--offline"]) == 2  # no anchor
    fieldmdp = corpus / "attacks/certification-eaa-ssa/rub-signed_fieldmdp.pdf"
    assert main(["verify", str(fieldmdp), "--offline"]) == 3
    assert main(["verify", str(tmp_path / "tidak-ada.pdf")]) == 4
    # several files: the most serious outcome wins
    assert main(["verify", str(corpus / VALID), str(corpus / "attacks/isa/isa-3.pdf"), *trust]) == 1
    capsys.readouterr()


def test_usage_errors_exit_64(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["verify", str(corpus / VALID), "--at", "kemarin"])
    assert exit_info.value.code == 64
    with pytest.raises(SystemExit) as exit_info:
        main(["verify"])
    assert exit_info.value.code == 64
    assert main(["verify", str(corpus / VALID), "--trust", str(corpus / VALID)]) == 64
    capsys.readouterr()


def test_json_lines_for_several_files(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(corpus / VALID), str(corpus / "attacks/isa/isa-3.pdf")]
    main(["verify", *files, "--json", "--offline", "--trust", str(corpus / ITEXT_ROOT)])
    lines = capsys.readouterr().out.strip().splitlines()
    docs = [json.loads(line) for line in lines]
    assert [d["verdict"] for d in docs] == ["valid", "invalid"]
    assert all(d["language"] == "id" for d in docs)


def test_single_json_report(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["verify", str(corpus / VALID), "--json", "--offline"])
    doc = json.loads(capsys.readouterr().out)
    assert doc["schema"] == "desktop-signer/verification-report/2"
    assert doc["verdict"] == "indeterminate"
    codes = {f["code"] for f in doc["signatures"][0]["findings"]}
    assert "untrusted" in codes


def test_text_is_indonesian_by_default_and_english_on_request(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    main(["verify", str(corpus / "attacks/isa/isa-3.pdf"), "--offline"])
    text = capsys.readouterr().out
    assert "Hasil: TIDAK SAH" in text and "Penanda tangan" in text
    monkeypatch.setenv("DESKTOP_SIGNER_LANG", "en")
    main(["verify", str(corpus / "attacks/isa/isa-3.pdf"), "--offline"])
    text = capsys.readouterr().out
    assert "Result: INVALID" in text and "Signed by" in text


def test_at_judges_at_a_past_time(
    corpus: Path, isolated_dirs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["verify", str(corpus / PYHANKO_DOC), "--trust", str(corpus / PYHANKO_ROOT), "--offline"]
    # the signer's certificate names OCSP and CRL services nobody can ask offline: strict
    # revocation (the default) says indeterminate, and the text says why and what to do
    assert main([*args, "--at", "2020-11-01T00:00:00Z"]) == 2
    assert "luring" in capsys.readouterr().out
    # the administrator's old setting revocation_hard_fail=false still means soft-fail
    admin = isolated_dirs["site"] / "desktop-signer"
    admin.mkdir()
    (admin / "settings.json").write_text(
        json.dumps({"defaults": {"revocation_hard_fail": False}}), encoding="utf-8"
    )
    assert main([*args, "--at", "2020-11-01T00:00:00Z"]) == 0
    assert main(args) == 2  # today the testing CA's certificates have expired
    capsys.readouterr()


def test_a_child_that_runs_out_of_time_is_could_not_validate(corpus: Path) -> None:
    report = verify_file(corpus / VALID, VerifyOptions(offline=True, time_limit=0.0001))
    assert report.verdict == "indeterminate"
    (sig,) = report.signatures
    assert [(f.code, f.param("reason")) for f in sig.findings] == [
        ("could_not_validate", "timeout")
    ]


def _with_huge_signature_object(source: Path, target: Path) -> None:
    """``source`` plus an update holding a signature dictionary whose /Contents is 40 MB of
    hex: reading it (the verifier looks at every current signature dictionary) needs far
    more memory than the child is given below."""
    import io
    import os

    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(source.read_bytes()), strict=False)
    writer.add_object(generic.DictionaryObject({
        generic.NameObject("/Type"): generic.NameObject("/Sig"),
        generic.NameObject("/ByteRange"): generic.ArrayObject(
            [generic.NumberObject(n) for n in (0, 10, 20, 30)]),
        generic.NameObject("/Contents"): generic.ByteStringObject(os.urandom(20 << 20)),
    }))
    out = io.BytesIO()
    writer.write(out)
    target.write_bytes(out.getvalue())


def test_a_child_that_runs_out_of_memory_is_could_not_validate(corpus: Path,
                                                                 tmp_path: Path) -> None:
    greedy = tmp_path / "greedy.pdf"
    _with_huge_signature_object(corpus / VALID, greedy)
    assert verify_file(greedy, VerifyOptions(offline=True)).signatures  # fine with memory
    report = verify_file(greedy, VerifyOptions(offline=True, memory_limit_mb=16))
    assert report.verdict == "indeterminate"
    (sig,) = report.signatures
    assert sig.findings[0].code == "could_not_validate"
    assert sig.findings[0].param("reason") == "memory"

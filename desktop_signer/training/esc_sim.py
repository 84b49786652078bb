"""The eSign Client Service simulator (``training esc``): BSrE's REST API v2 for the
training identities, on 127.0.0.1, signing with pyHanko and the training TSA.

Like the real service (research/bsre-ecosystem.md §2.3): HTTP Basic with a client
credential (401 ``{timestamp,status,error,path}`` otherwise), JSON bodies with base64 PDFs,
``{time, file:[…]}`` in input order, errors ``{error, status_code}`` with the service's
codes (2011 user not registered, 2021 no certificate, 2031 wrong passphrase), HTTP 500
with the signing engine's text for a PDF it cannot read, and new signatures at B-T
without LTV. The stamp is the caller's picture, pasted into the box it names (coordinates
from the displayed page's lower-left corner).

For trainers and tests, beyond the real API:
- ``GET /training/besign/<nik>``: the TOTP the BeSign app would show after
  ``/api/v2/sign/get/totp`` (a real service sends it to the phone);
- ``GET /training/stats``: requests, files and seconds spent signing (benchmarks);
- :class:`SimulatorControl`: latency and faults (also ``training esc --latency --fault``).
The TOTP code of the simulator's own refusal is 2040 (the real code is not public).
"""

from __future__ import annotations

import base64
import binascii
import io
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pyhanko.pdf_utils import layout
from pyhanko.pdf_utils.images import PdfImage
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.timestamps.requests_client import RequestsHTTPTimeStamper
from pyhanko.stamp import StaticStampStyle
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Request, Response

from desktop_signer.training import esc_users, setup
from desktop_signer.training.errors import TrainingError
from desktop_signer.training.wsgi_server import HOST, BackgroundServer

TOTP_LIFETIME = 300.0  # seconds
CODE_TOTP_INVALID = 2040  # the simulator's own

#: faults a trainer or a test can switch on (``SimulatorControl.fault``)
FAULTS = (
    "server_error",  # HTTP 500 with an iText-like text for every signing request
    "not_pdf",  # answers with something that is not a PDF
    "modify_input",  # rewrites the document before signing (not an incremental update)
    "no_timestamp",  # signs without a time stamp (B-B)
    "extra_signature",  # signs twice
    "move_stamp",  # puts the stamp 60 pt away from the box it was given
    "drop_file",  # returns one file fewer than sent
    "unauthorized",  # refuses the client credential
    "slow_first",  # only the next signing request waits ``latency`` (then the fault ends)
)


@dataclass
class SimulatorControl:
    latency: float = 0.0  # seconds added to every API request
    fault: str | None = None


@dataclass
class _Totp:
    code: str
    remaining: int
    expires: float


@dataclass
class Stats:
    sign_requests: int = 0
    files: int = 0
    processing_seconds: float = 0.0  # inside the handlers, latency excluded
    totps: dict[str, _Totp] = field(default_factory=dict)


class _Refusal(Exception):
    def __init__(self, status: int, body: dict[str, Any]) -> None:
        super().__init__(body)
        self.status = status
        self.body = body


class EscSimulatorApp:
    """The WSGI application (mounted at ``/esc`` by ``training serve``)."""

    def __init__(self, made: setup.TrainingSetup,
                 control: SimulatorControl | None = None) -> None:
        if not made.esc_passphrase:
            raise TrainingError("esc_not_in_setup", path=made.directory)
        self.setup = made
        self.control = control or SimulatorControl()
        self.stats = Stats()
        self._lock = threading.Lock()
        known = esc_users.users()
        self._users = {u.nik: u for u in known}
        self._by_email = {u.email.lower(): u for u in known if u.email}
        self._signers: dict[str, signers.SimpleSigner] = {}
        self._timestamper = RequestsHTTPTimeStamper(made.tsa_url, timeout=20)

    # -- WSGI -----------------------------------------------------------------------------------
    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        try:
            response = self._dispatch(request)
        except _Refusal as exc:
            response = _json(exc.body, exc.status)
        except HTTPException as exc:
            response = exc.get_response()
        return response(environ, start_response)

    def _dispatch(self, request: Request) -> Response:
        path = request.path.rstrip("/")
        if path == "/training/stats":
            with self._lock:
                s = self.stats
                return _json({"sign_requests": s.sign_requests, "files": s.files,
                              "processing_seconds": s.processing_seconds})
        if path.startswith("/training/besign/"):
            with self._lock:
                totp = self.stats.totps.get(path.rsplit("/", 1)[1])
            if totp is None:
                return _json({"error": "no TOTP requested"}, 404)
            return _json({"totp": totp.code, "remaining": totp.remaining})
        routes = {"/api/v2/sign/pdf": self._sign, "/api/v2/user/check/status": self._status,
                  "/api/v2/sign/get/totp": self._get_totp}
        handler = routes.get(path)
        if handler is None or request.method != "POST":
            return _json({"timestamp": _now_iso(), "status": 404, "error": "Not Found",
                          "path": request.path}, 404)
        if self.control.fault == "slow_first":
            if path == "/api/v2/sign/pdf":
                delay, self.control.fault, self.control.latency = self.control.latency, None, 0
                time.sleep(delay)
        elif self.control.latency > 0:
            time.sleep(self.control.latency)
        started = time.perf_counter()
        self._authorise(request)
        try:
            body = json.loads(request.get_data())
        except ValueError:
            raise _Refusal(400, {"error": "Format JSON tidak valid", "status_code": 400}
                           ) from None
        if not isinstance(body, dict):
            raise _Refusal(400, {"error": "Format JSON tidak valid", "status_code": 400})
        try:
            return handler(body)
        finally:
            if handler == self._sign:
                with self._lock:
                    self.stats.processing_seconds += time.perf_counter() - started

    def _authorise(self, request: Request) -> None:
        auth = request.authorization
        good = (auth is not None and auth.type == "basic"
                and auth.username == esc_users.CLIENT_USER
                and secrets.compare_digest(auth.password or "",
                                           self.setup.esc_client_password))
        if not good or self.control.fault == "unauthorized":
            raise _Refusal(401, {"timestamp": _now_iso(), "status": 401,
                                 "error": "Unauthorized", "path": request.path})

    # -- the API --------------------------------------------------------------------------------
    def _lookup(self, body: dict[str, Any]) -> esc_users.EscUser | None:
        """By ``nik``, else by ``email`` (the real API takes either)."""
        nik = str(body.get("nik") or "").strip()
        if nik:
            return self._users.get(nik)
        return self._by_email.get(str(body.get("email") or "").strip().lower())

    def _user(self, body: dict[str, Any]) -> esc_users.EscUser:
        user = self._lookup(body)
        if user is None:
            raise _Refusal(400, {"error": "User tidak terdaftar", "status_code": 2011})
        return user

    def _status(self, body: dict[str, Any]) -> Response:
        user = self._lookup(body)
        if user is None:
            return _json({"status_code": 2011, "message": "User tidak terdaftar",
                          "status": "NOT_REGISTERED"})
        code = {"ISSUE": 1111, "NO_CERTIFICATE": 2021}.get(user.status, 2021)
        return _json({"status_code": code, "message": f"Status sertifikat: {user.status}",
                      "status": user.status})

    def _get_totp(self, body: dict[str, Any]) -> Response:
        user = self._user(body)
        count = body.get("data", 1)
        if not isinstance(count, int) or count < 1:
            raise _Refusal(400, {"error": "Jumlah dokumen tidak valid", "status_code": 400})
        code = f"{secrets.randbelow(10**6):06d}"
        with self._lock:
            self.stats.totps[user.nik] = _Totp(code, count, time.monotonic() + TOTP_LIFETIME)
        return _json({"status_code": 1111,
                      "message": "TOTP telah dikirim ke aplikasi BeSign"})

    def _sign(self, body: dict[str, Any]) -> Response:
        user = self._user(body)
        files = body.get("file")
        props = body.get("signatureProperties")
        if not isinstance(files, list) or not files or not isinstance(props, list) \
                or len(props) not in (1, len(files)):
            raise _Refusal(400, {"error": "Parameter file/signatureProperties tidak valid",
                                 "status_code": 400})
        if user.status != "ISSUE":
            raise _Refusal(400, {"error": f"Sertifikat tidak dapat digunakan ({user.status})",
                                 "status_code": 2021})
        self._check_secret(user, body, len(files))
        if self.control.fault == "server_error":
            raise _Refusal(500, {"error": "Proses signing gagal : com.itextpdf.text."
                                          "exceptions.InvalidPdfException: Rebuild failed"})
        signer = self._signer(user)
        out: list[str] = []
        for index, item in enumerate(files):
            data = _decode_pdf(item)
            prop = props[index] if len(props) > 1 else props[0]
            signed = self._sign_one(signer, data, prop if isinstance(prop, dict) else {},
                                    index)
            out.append(base64.b64encode(signed).decode("ascii"))
        if self.control.fault == "not_pdf":
            out = [base64.b64encode(b"<html>Service Unavailable</html>").decode()] * len(out)
        if self.control.fault == "drop_file":
            out = out[:-1]
        with self._lock:
            self.stats.sign_requests += 1
            self.stats.files += len(files)
        return _json({"time": int(time.time() * 1000), "file": out})

    def _check_secret(self, user: esc_users.EscUser, body: dict[str, Any], count: int) -> None:
        passphrase, totp = body.get("passphrase"), body.get("totp")
        if isinstance(passphrase, str) and passphrase:
            if not secrets.compare_digest(passphrase, self.setup.esc_passphrase):
                raise _Refusal(400, {"error": "Passphrase anda salah", "status_code": 2031})
            return
        if isinstance(totp, str) and totp:
            with self._lock:
                pending = self.stats.totps.get(user.nik)
                if (pending is None or pending.expires < time.monotonic()
                        or not secrets.compare_digest(totp.strip(), pending.code)
                        or pending.remaining < count):
                    raise _Refusal(400, {"error": "TOTP tidak valid atau kedaluwarsa",
                                         "status_code": CODE_TOTP_INVALID})
                pending.remaining -= count
            return
        raise _Refusal(400, {"error": "Passphrase atau TOTP wajib diisi", "status_code": 400})

    def _signer(self, user: esc_users.EscUser) -> signers.SimpleSigner:
        with self._lock:
            signer = self._signers.get(user.nik)
            if signer is None:
                ident = self.setup.identity(user.label)
                assert ident.pkcs12 is not None
                loaded = signers.SimpleSigner.load_pkcs12(
                    ident.pkcs12, passphrase=self.setup.pkcs12_passphrase.encode())
                if loaded is None:
                    raise _Refusal(500, {"error": "Kunci tidak dapat dibuka"})
                signer = self._signers[user.nik] = loaded
            return signer

    def _sign_one(self, signer: signers.SimpleSigner, data: bytes, prop: dict[str, Any],
                  index: int) -> bytes:
        from desktop_signer.appearance.placement import page_geometry, page_index

        if self.control.fault == "modify_input":
            data = _rewritten(data)
        try:
            writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
        except Exception as exc:
            raise _Refusal(500, {"error": "Proses signing gagal : com.itextpdf.text."
                                          f"exceptions.InvalidPdfException: {exc}"}) from exc
        name = f"sig_{int(time.time() * 1000)}_{index}"
        style = None
        spec = fields.SigFieldSpec(name)
        if str(prop.get("tampilan", "")).upper() == "VISIBLE":
            try:
                count = int(writer.root["/Pages"]["/Count"])
                geom = page_geometry(writer, page_index(int(prop.get("page", 1)), count))
                x, y = float(prop["originX"]), float(prop["originY"])
                w, h = float(prop["width"]), float(prop["height"])
                image = _image(str(prop.get("imageBase64", "")), geom.rotation)
            except (KeyError, TypeError, ValueError, binascii.Error, OSError) as exc:
                raise _Refusal(400, {"error": f"signatureProperties tidak valid: {exc}",
                                     "status_code": 400}) from exc
            except Exception as exc:
                raise _Refusal(400, {"error": f"signatureProperties tidak valid: {exc}",
                                     "status_code": 400}) from exc
            if self.control.fault == "move_stamp":
                x, y = x + 60, y + 60
            box = geom.rect_to_user((x, y, x + w, y + h))
            spec = fields.SigFieldSpec(name, on_page=geom.index,
                                       box=tuple(round(v, 3) for v in box))  # type: ignore
            style = StaticStampStyle(
                border_width=0, background=PdfImage(image),
                background_layout=layout.SimpleBoxLayoutRule(
                    x_align=layout.AxisAlignment.ALIGN_MID,
                    y_align=layout.AxisAlignment.ALIGN_MID,
                    inner_content_scaling=layout.InnerScaling.STRETCH_FILL))
        meta = signers.PdfSignatureMetadata(
            field_name=name, md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES,
            reason=str(prop.get("reason") or "Dokumen ini ditandatangani secara elektronik"),
            location=str(prop.get("location") or "") or None)
        timestamper = None if self.control.fault == "no_timestamp" else self._timestamper
        pdf_signer = signers.PdfSigner(meta, signer, timestamper=timestamper,
                                       stamp_style=style, new_field_spec=spec)
        out = pdf_signer.sign_pdf(writer).getvalue()
        if self.control.fault == "extra_signature":
            again = IncrementalPdfFileWriter(io.BytesIO(out), strict=False)
            out = signers.PdfSigner(
                signers.PdfSignatureMetadata(field_name=name + "_2",
                                             subfilter=fields.SigSeedSubFilter.PADES),
                signer, timestamper=timestamper).sign_pdf(again).getvalue()
        return bytes(out)


def _decode_pdf(item: object) -> bytes:
    try:
        data = base64.b64decode(item, validate=True) if isinstance(item, str) else b""
    except (binascii.Error, ValueError):
        data = b""
    if not data.lstrip()[:5] == b"%PDF-":
        raise _Refusal(500, {"error": "Proses signing gagal : com.itextpdf.text.exceptions."
                                      "InvalidPdfException: PDF header signature not found."})
    return data


def _rewritten(data: bytes) -> bytes:
    """The whole document saved again (as a careless service would): same pages, new
    bytes, no longer our input followed by an update."""
    import pymupdf

    with pymupdf.open("pdf", data) as doc:
        out: bytes = doc.tobytes(garbage=3, deflate=True)
        return out


def _image(b64: str, rotation: int) -> Any:
    from PIL import Image

    opened = Image.open(io.BytesIO(base64.b64decode(b64, validate=True)))
    opened.load()
    image: Image.Image = opened
    if rotation:
        # the picture is upright as displayed; in the page's user space it is turned back
        image = image.rotate(rotation, expand=True)
    return image.convert("RGB")


def _json(body: dict[str, Any], status: int = 200) -> Response:
    return Response(json.dumps(body), status=status, mimetype="application/json")


def _now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def mount_point(directory: Path, animator: Any) -> tuple[EscSimulatorApp | None, Any]:
    """For ``training serve``: the simulator at ``/esc`` beside certomancer's services."""
    from werkzeug.middleware.dispatcher import DispatcherMiddleware

    try:
        made = setup.load(directory)
    except TrainingError:
        return None, animator
    if not made.esc_passphrase:  # a set-up made before the simulator existed
        return None, animator
    app = EscSimulatorApp(made)
    return app, DispatcherMiddleware(animator, {"/esc": app})


class EscSimulator:
    """The simulator on its own port (``training esc``, tests); ``url`` is the base URL.
    Port 0 (the default): any free port, bound at ``start`` (read ``port`` after it)."""

    def __init__(self, directory: Path, port: int = 0,
                 control: SimulatorControl | None = None) -> None:
        self.app = EscSimulatorApp(setup.load(directory), control)
        self._server = BackgroundServer(self.app, port, "esc-simulator")

    @property
    def control(self) -> SimulatorControl:
        return self.app.control

    @property
    def port(self) -> int:
        return self._server.port

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self) -> EscSimulator:
        self._server.start()
        return self

    def stop(self) -> None:
        self._server.stop()

    def wait(self) -> None:
        self._server.wait()

    def __enter__(self) -> EscSimulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

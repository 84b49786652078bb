"""Does this installation have what it needs? (``desktop-signer selfcheck``)

For administrators after deploying the package, and for the installed-package smoke test:
a missing resource or a lost keyring backend shows up here, not at a user's first
signature. Each check returns a :class:`Check`; none raises.
"""

from __future__ import annotations

import importlib
import importlib.resources
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop_signer.appearance import resources as appearance_resources
from desktop_signer.paths import resources_dir
from desktop_signer.secrets import SecretStore

# Files the program reads from resources/ (fonts and logo of the stamp, the window's
# catalogues, the trust registry). The icons folder is checked as a whole.
REQUIRED_RESOURCES = (
    appearance_resources.FONT_REGULAR,
    appearance_resources.FONT_BOLD,
    appearance_resources.BSRE_LOGO_PLACEHOLDER,
    "translations/desktop_signer_id.qm",
    "translations/desktop_signer_en.qm",
    "translations/qtbase_id.qm",
    "trust/registry.json",
)
ICONS_DIR = "icons"
# Data files libraries read through importlib.resources (lost by a careless freeze).
LIBRARY_DATA = (
    ("pyhanko.sign.validation.qualified", "lotl-certs"),
    ("certomancer.integrations", "animator_templates"),
)
KEYRING_PROBE = "selfcheck"


@dataclass(frozen=True)
class Check:
    name: str  # resources, library_data, pdf_engine, pkcs11, keyring
    ok: bool
    detail: str = ""  # what is missing or what failed, for IT support
    missing: tuple[str, ...] = field(default=())
    # informational only: the program works without it (no keyring: nothing remembered)
    optional: bool = False

    @property
    def passed(self) -> bool:
        return self.ok or self.optional


def check_resources() -> Check:
    root = resources_dir()
    missing = [name for name in REQUIRED_RESOURCES if not (root / name).is_file()]
    if not any((root / ICONS_DIR).glob("*.svg")):
        missing.append(f"{ICONS_DIR}/*.svg")
    registry = root / "trust" / "registry.json"
    if registry.is_file():
        try:
            json.loads(registry.read_text("utf-8"))
        except ValueError:
            missing.append("trust/registry.json (unreadable)")
    return Check("resources", not missing, str(root), tuple(missing))


def check_library_data() -> Check:
    missing = []
    for package, folder in LIBRARY_DATA:
        try:
            found = importlib.resources.files(package).joinpath(folder).is_dir()
        except (ImportError, OSError):
            found = False
        if not found:
            missing.append(f"{package}/{folder}")
    return Check("library_data", not missing, "", tuple(missing))


def check_pdf_engine() -> Check:
    try:
        import pymupdf

        document = pymupdf.open()
        document.new_page(width=100, height=100)
        pixmap = document[0].get_pixmap()
        ok = pixmap.width == 100
        return Check("pdf_engine", ok, f"PyMuPDF {pymupdf.VersionBind}")
    except Exception as exc:  # any failure of the engine is the finding
        return Check("pdf_engine", False, f"{type(exc).__name__}: {exc}")


def check_pkcs11() -> Check:
    try:
        module = importlib.import_module("pkcs11._pkcs11")
        return Check("pkcs11", True, str(getattr(module, "__file__", "")))
    except Exception as exc:  # an extension module that does not load is the finding
        return Check("pkcs11", False, f"{type(exc).__name__}: {exc}")


def check_keyring(store: SecretStore | None = None, *, round_trip: bool = False) -> Check:
    """The keyring backend in use (without one the program works but remembers nothing:
    optional); with ``round_trip`` a random value is stored, read back and removed again
    (as the TSA password of user and address ``selfcheck``), and must be."""
    store = store or SecretStore()
    status = store.status()
    if not status.available:
        return Check("keyring", False, f"{status.backend or '-'} ({status.reason})",
                     optional=not round_trip)
    if not round_trip:
        return Check("keyring", True, status.backend)
    value = secrets.token_urlsafe(16)
    stored = store.remember_tsa_password(KEYRING_PROBE, KEYRING_PROBE, value)
    read = store.tsa_password(KEYRING_PROBE, KEYRING_PROBE)
    store.forget_tsa_password(KEYRING_PROBE, KEYRING_PROBE)
    ok = read.value == value
    return Check("keyring", ok, f"{status.backend}: {stored.value}, {read.outcome.value}")


def run_all(*, keyring_round_trip: bool = False,
            store: SecretStore | None = None) -> list[Check]:
    checks: list[Callable[[], Check]] = [
        check_resources, check_library_data, check_pdf_engine, check_pkcs11,
        lambda: check_keyring(store, round_trip=keyring_round_trip),
    ]
    return [check() for check in checks]

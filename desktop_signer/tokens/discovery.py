"""Where PKCS#11 modules may be: the known-module table, p11-kit registrations, the
user's settings and the administrator's system-wide settings, and the command line.

Nothing is loaded here (see ``inventory`` for that): this only says which files exist.
Every place looked at is reported, so "module not found" always comes with what was tried.

p11-kit (Linux): ``*.module`` files in ``~/.config/pkcs11/modules``, ``/etc/pkcs11/modules``
and ``/usr/share/p11-kit/modules`` (a file name found earlier hides the same name later, as
in p11-kit). ``module:`` may be relative to p11-kit's module folder. Trust-policy modules
(the system CA store) hold no tokens and are skipped, as are modules whose ``enable-in`` /
``disable-in`` exclude ``desktop-signer``.

Administrator: ``{"defaults": {"modules": [PATH, ...]}}`` in the system-wide
``settings.json`` (``desktop_signer.settings``; /etc/xdg/desktop-signer on Linux,
C:\\ProgramData\\desktop-signer on Windows); lock ``modules`` there to stop users from
changing the list. User: ``modules`` (added) and ``removed_modules`` (hidden) in the user's
settings.
"""

from __future__ import annotations

import os
import platform
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop_signer.settings import LoadedSettings
from desktop_signer.tokens.known_modules import (
    KNOWN_MODULES,
    ModuleFamily,
    multiarch,
    search_dirs,
)

PROGRAM_NAME = "desktop-signer"

SOURCE_KNOWN = "known"
SOURCE_P11KIT = "p11-kit"
SOURCE_USER = "user"
SOURCE_ADMIN = "admin"
SOURCE_COMMAND_LINE = "command_line"


def current_system() -> str:
    name = platform.system()
    return {"Windows": "windows", "Darwin": "macos"}.get(name, "linux")


@dataclass
class Candidate:
    """A module file that was looked for. ``path`` is absolute when ``found``; for a known
    family that was not found it is None and ``looked_for`` lists the names tried."""

    path: str | None
    found: bool
    family: str = ""
    sources: list[str] = field(default_factory=list)
    looked_for: tuple[str, ...] = ()
    registration: str = ""  # the p11-kit .module file that named it
    hidden: bool = False  # the user removed it from the list (settings.removed_modules)


@dataclass(frozen=True)
class Discovery:
    system: str
    candidates: tuple[Candidate, ...]
    search_dirs: tuple[str, ...]
    p11kit_dirs: tuple[str, ...]


def p11kit_config_dirs(home: Path | None = None) -> tuple[str, ...]:
    home = home or Path.home()
    return (str(home / ".config" / "pkcs11" / "modules"), "/etc/pkcs11/modules",
            "/usr/share/p11-kit/modules")


def p11kit_module_dir() -> str:
    arch = multiarch()
    candidates = [f"/usr/lib/{arch}/pkcs11"] if arch else []
    candidates += ["/usr/lib64/pkcs11", "/usr/lib/pkcs11"]
    return next((d for d in candidates if os.path.isdir(d)), candidates[0])


def parse_p11kit_module(text: str) -> dict[str, str]:
    """``key: value`` lines; ``#`` starts a comment (p11-kit's pkcs11.conf(5) format)."""
    out: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or ":" not in line:
            continue
        key, _, value = line.partition(":")
        out[key.strip().lower()] = value.strip()
    return out


def _listed(value: str) -> set[str]:
    return {v.strip() for v in value.replace(",", " ").split() if v.strip()}


def p11kit_modules(config_dirs: Sequence[str], module_dir: str) -> list[tuple[str, str]]:
    """(module path, registration file) for every usable p11-kit registration."""
    seen_names: set[str] = set()
    out: list[tuple[str, str]] = []
    for folder in config_dirs:
        try:
            entries = sorted(Path(folder).glob("*.module"))
        except OSError:
            continue
        for entry in entries:
            if entry.name in seen_names:
                continue
            seen_names.add(entry.name)
            try:
                conf = parse_p11kit_module(entry.read_text(encoding="utf-8", errors="replace"))
            except OSError:
                continue
            module = conf.get("module", "")
            if not module or conf.get("trust-policy", "").lower() in ("yes", "true"):
                continue
            if "enable-in" in conf and PROGRAM_NAME not in _listed(conf["enable-in"]):
                continue
            if PROGRAM_NAME in _listed(conf.get("disable-in", "")):
                continue
            path = module if os.path.isabs(module) else os.path.join(module_dir, module)
            out.append((path, str(entry)))
    return out


def family_of(path: str, system: str) -> str:
    name = os.path.basename(path).lower()
    for fam in KNOWN_MODULES:
        if any(os.path.basename(n).lower() == name for n in fam.names_for(system)):
            return fam.name
    return ""


def _find_family(fam: ModuleFamily, system: str, dirs: Sequence[str]) -> list[str]:
    hits: list[str] = []
    for name in fam.names_for(system):
        places = [name] if os.path.isabs(name) or name[1:3] == ":\\" else [
            os.path.join(d, name) for d in dirs
        ]
        hits.extend(p for p in places if os.path.isfile(p))
    return hits


def admin_modules(loaded: LoadedSettings | None) -> list[str]:
    if loaded is None:
        return []
    value = dict(loaded.admin_defaults).get("modules", [])
    return [str(v) for v in value] if isinstance(value, list) else []


def discover(
    loaded: LoadedSettings | None = None,
    command_line: Iterable[str] = (),
    *,
    system: str | None = None,
    dirs: Sequence[str] | None = None,
    p11kit_dirs: Sequence[str] | None = None,
    p11kit_module_folder: str | None = None,
    use_known: bool = True,
) -> Discovery:
    """Every candidate module, found or not, without loading any.

    ``command_line`` modules come first (``--module``), then the administrator's, the
    user's, p11-kit registrations and the known table. ``dirs``/``p11kit_dirs`` default to
    the system's folders (tests pass their own)."""
    system = system or current_system()
    dirs = tuple(dirs) if dirs is not None else search_dirs(system)
    if p11kit_dirs is None:
        p11kit_dirs = p11kit_config_dirs() if system == "linux" else ()
    by_real: dict[str, Candidate] = {}
    ordered: list[Candidate] = []
    hidden = {os.path.realpath(p) for p in (loaded.settings.removed_modules if loaded else ())}

    def add(path: str, source: str, registration: str = "") -> None:
        path = os.path.abspath(os.path.expanduser(path))
        found = os.path.isfile(path)
        key = os.path.realpath(path) if found else path
        existing = by_real.get(key)
        if existing is not None:
            if source not in existing.sources:
                existing.sources.append(source)
            existing.registration = existing.registration or registration
            return
        cand = Candidate(path=path, found=found, family=family_of(path, system),
                         sources=[source], registration=registration,
                         hidden=found and key in hidden and source != SOURCE_COMMAND_LINE)
        by_real[key] = cand
        ordered.append(cand)

    for path in command_line:
        add(path, SOURCE_COMMAND_LINE)
    admin = admin_modules(loaded)
    for path in admin:
        add(path, SOURCE_ADMIN)
    if loaded is not None:
        for path in loaded.settings.modules:
            if path not in admin:
                add(path, SOURCE_USER)
    if p11kit_dirs:
        folder = p11kit_module_folder or p11kit_module_dir()
        for path, registration in p11kit_modules(p11kit_dirs, folder):
            add(path, SOURCE_P11KIT, registration)
    if use_known:
        for fam in KNOWN_MODULES:
            hits = _find_family(fam, system, dirs)
            for hit in hits:
                add(hit, SOURCE_KNOWN)
            if not hits and not any(c.family == fam.name and c.found for c in ordered):
                ordered.append(Candidate(path=None, found=False, family=fam.name,
                                         sources=[SOURCE_KNOWN],
                                         looked_for=fam.names_for(system)))
    return Discovery(system, tuple(ordered), tuple(dirs) if use_known else (),
                     tuple(p11kit_dirs))

"""Known PKCS#11 modules per operating system (DESIGN §4.2, research §4.2).

Each family lists file names (looked for in the system library folders of
:data:`SEARCH_DIRS`) and, where vendors install outside them, absolute paths. Keep the
README table ("Tokens and certificates") in step with this file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class ModuleFamily:
    name: str
    windows: tuple[str, ...]
    linux: tuple[str, ...]
    macos: tuple[str, ...]

    def names_for(self, system: str) -> tuple[str, ...]:
        return {"windows": self.windows, "linux": self.linux, "macos": self.macos}[system]


KNOWN_MODULES: tuple[ModuleFamily, ...] = (
    ModuleFamily(
        "SafeNet/Thales eToken",
        windows=("eTPKCS11.dll",),
        linux=("libeTPkcs11.so", "libeToken.so", "/lib/libeToken.so.9", "/lib/libeToken.so.8"),
        macos=("libeTPkcs11.dylib",
               "/Library/Frameworks/eToken.framework/Versions/Current/libeToken.dylib"),
    ),
    ModuleFamily(
        "Thales IDPrime",
        windows=("IDPrimePKCS11.dll",),
        linux=("libIDPrimePKCS11.so",),
        macos=("libIDPrimePKCS11.dylib",),
    ),
    ModuleFamily(
        "Feitian ePass2003 / HYP2003",
        windows=("eps2003csp11.dll", "eps2003csp11v2.dll", "HYP2003PKCS11.dll"),
        linux=("libcastle.so.1.0.0", "libcastle.so", "libeps2003csp11.so"),
        macos=("libeps2003csp11.dylib", "libcastle_v2.1.0.0.dylib"),
    ),
    ModuleFamily(
        "Longmai mToken",
        windows=("cryptoide_pkcs11.dll",),
        linux=("libcryptoide_pkcs11.so", "/opt/CryptoIDE/lib/libcryptoide_pkcs11.so"),
        macos=("libcryptoide_pkcs11.dylib",),
    ),
    ModuleFamily(
        "Watchdata ProxKey",
        windows=("SignatureP11.dll", "WDPKCS.dll"),
        linux=("libwdpkcs_SignatureP11.so", "libwdpkcs.so",
               "/usr/lib/WatchData/ProxKey/lib/libwdpkcs_SignatureP11.so"),
        macos=("libwdpkcs.dylib",),
    ),
    ModuleFamily(
        "Bit4id",
        windows=("bit4xpki.dll", "bit4ipki.dll"),
        linux=("libbit4xpki.so", "libbit4ipki.so"),
        macos=("libbit4xpki.dylib", "libbit4ipki.dylib"),
    ),
    ModuleFamily(
        "OpenSC",
        windows=("opensc-pkcs11.dll",
                 r"C:\Program Files\OpenSC Project\OpenSC\pkcs11\opensc-pkcs11.dll"),
        linux=("opensc-pkcs11.so",),
        macos=("opensc-pkcs11.so", "/Library/OpenSC/lib/opensc-pkcs11.so"),
    ),
    ModuleFamily(
        "SoftHSM2 (latihan)",
        windows=("softhsm2.dll", "softhsm2-x64.dll", r"C:\SoftHSM2\lib\softhsm2-x64.dll"),
        linux=("libsofthsm2.so",),
        macos=("libsofthsm2.so",),
    ),
)


def multiarch() -> str:
    """Debian's multiarch triplet (x86_64-linux-gnu), or "" elsewhere."""
    import sysconfig

    return str(sysconfig.get_config_var("MULTIARCH") or "")


def search_dirs(system: str, environ: dict[str, str] | None = None) -> tuple[str, ...]:
    """System library folders where vendors put their modules."""
    env = os.environ if environ is None else environ
    if system == "windows":
        root = env.get("SystemRoot", r"C:\Windows")
        # a 64-bit Python cannot load the 32-bit DLLs of SysWOW64
        return (rf"{root}\System32",)
    if system == "macos":
        return ("/usr/local/lib", "/opt/homebrew/lib", "/Library/OpenSC/lib",
                "/usr/local/lib/softhsm", "/opt/homebrew/lib/softhsm", "/usr/lib")
    arch = multiarch()
    arch_dirs = (f"/usr/lib/{arch}", f"/usr/lib/{arch}/pkcs11", f"/usr/lib/{arch}/softhsm",
                 f"/lib/{arch}") if arch else ()
    return (*arch_dirs, "/usr/lib", "/usr/lib64", "/usr/local/lib", "/lib", "/lib64",
            "/usr/lib/pkcs11", "/usr/lib64/pkcs11", "/usr/lib/softhsm", "/usr/lib64/softhsm",
            "/usr/local/lib/softhsm")

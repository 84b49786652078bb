"""The PIN length limits a token announces (``ulMinPinLen``/``ulMaxPinLen`` of
CK_TOKEN_INFO), so the window can refuse a PIN of the wrong length before it reaches the
token and costs one of its tries.

python-pkcs11 0.9.5 reads CK_TOKEN_INFO but keeps only label, serial, model and flags, so
we ask the module ourselves through its exported ``C_GetTokenInfo`` (the library is the one
python-pkcs11 already initialised: the operating system loads a shared library once per
process). Any failure means "unknown" (0, 0): the limits are a help, never a gate.
"""

from __future__ import annotations

import ctypes
import sys

from desktop_signer.tokens import loader

# CK_ULONG is "unsigned long": 32 bits on Windows, the pointer size elsewhere; Windows
# modules pack their structures to 1 byte (pkcs11.h, CK_PTR conventions)
_PACK = 1 if sys.platform == "win32" else 0


class _Version(ctypes.Structure):
    _fields_ = [("major", ctypes.c_ubyte), ("minor", ctypes.c_ubyte)]


class _TokenInfo(ctypes.Structure):
    if _PACK:
        _pack_ = _PACK
    _fields_ = [
        ("label", ctypes.c_char * 32),
        ("manufacturerID", ctypes.c_char * 32),
        ("model", ctypes.c_char * 16),
        ("serialNumber", ctypes.c_char * 16),
        ("flags", ctypes.c_ulong),
        ("ulMaxSessionCount", ctypes.c_ulong),
        ("ulSessionCount", ctypes.c_ulong),
        ("ulMaxRwSessionCount", ctypes.c_ulong),
        ("ulRwSessionCount", ctypes.c_ulong),
        ("ulMaxPinLen", ctypes.c_ulong),
        ("ulMinPinLen", ctypes.c_ulong),
        ("ulTotalPublicMemory", ctypes.c_ulong),
        ("ulFreePublicMemory", ctypes.c_ulong),
        ("ulTotalPrivateMemory", ctypes.c_ulong),
        ("ulFreePrivateMemory", ctypes.c_ulong),
        ("hardwareVersion", _Version),
        ("firmwareVersion", _Version),
        ("utcTime", ctypes.c_char * 16),
    ]


_UNAVAILABLE = (1 << (8 * ctypes.sizeof(ctypes.c_ulong))) - 1  # CK_UNAVAILABLE_INFORMATION


def read_pin_limits(module_path: str, slot_id: int) -> tuple[int, int]:
    """(min, max) PIN length of the token in ``slot_id``; (0, 0) when unknown."""
    module = loader.loaded(module_path)
    if module is None:
        return 0, 0
    try:
        lib = ctypes.CDLL(module.real_path)
        get_info = lib.C_GetTokenInfo
    except (OSError, AttributeError):
        return 0, 0
    get_info.argtypes = [ctypes.c_ulong, ctypes.POINTER(_TokenInfo)]
    get_info.restype = ctypes.c_ulong
    info = _TokenInfo()
    with module.lock:
        rv = get_info(slot_id, ctypes.byref(info))
    if rv != 0:
        return 0, 0
    low, high = int(info.ulMinPinLen), int(info.ulMaxPinLen)
    low = 0 if low == _UNAVAILABLE or low > 1024 else low
    high = 0 if high == _UNAVAILABLE or high > 1024 else high
    return low, high

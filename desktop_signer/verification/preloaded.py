"""Imported last in the verifier's forkserver: what it preloaded is frozen for the garbage
collector.

Each verification runs in a child forked from the forkserver. Without this, the first
collection in every child walks all the objects the forkserver imported (pyHanko,
certvalidator, asn1crypto, PyMuPDF: hundreds of thousands) and writes to each one's header,
so the child copies most of those memory pages and spends its first milliseconds on
preloaded modules instead of the file (``gc.freeze``, Python's advice for fork servers).
The child's own objects are collected as usual.
"""

from __future__ import annotations

import gc

gc.freeze()

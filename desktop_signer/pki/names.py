"""Distinguished-name attributes that BSrE certificates use and asn1crypto lacks.

BSrE puts the holder's id (NIK or NIP) into the X.520 ``description`` attribute
(OID 2.5.4.13), e.g. ``3201010101900001_Tanda Tangan Elektronik``. asn1crypto (used by
pyHanko and certomancer) has no name for that OID, so ``Name.build`` rejects it and
``Name.native`` shows it as a bare OID. We register it once, the same way pyHanko extends
asn1crypto's OID maps for CMS attributes, instead of parsing names by hand.
"""

from __future__ import annotations

from asn1crypto import x509

DESCRIPTION_OID = "2.5.4.13"


def register_name_attributes() -> None:
    """Teach asn1crypto the ``description`` attribute (idempotent)."""
    if x509.NameType._map.get(DESCRIPTION_OID) == "description":
        return
    x509.NameType._map[DESCRIPTION_OID] = "description"
    x509.NameType._reverse_map = None  # rebuilt lazily from _map
    x509.NameTypeAndValue._oid_specs["description"] = x509.DirectoryString


register_name_attributes()

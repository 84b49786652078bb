"""Our hex-string reader must give exactly what pyHanko's own gives, or raise what it raises,
and leave the stream at the same place: it is installed into pyHanko's parser."""

from __future__ import annotations

import io
import random

import pytest
from pyhanko.pdf_utils import generic

from desktop_signer.pdf import hex_strings
from desktop_signer.pdf.hex_strings import read_hex_string

pyhanko_reader = hex_strings._pyhanko_reader


def outcome(reader, raw: bytes):
    stream = io.BytesIO(raw)
    try:
        value = reader(stream)
    except Exception as exc:  # the type and message are what must agree
        return ("error", type(exc), str(exc))
    return ("value", type(value), bytes(value.original_bytes), stream.tell())


LONG = b"3082" + b"0a1B" * 3000

CASES = [
    b"<>",
    b"<41>",
    b"<4>",
    b"<41 42\n43>rest",
    b"<" + LONG + b">",
    b"<" + LONG + b"7>",  # odd: pyHanko pads a 0
    b"<" + LONG + b"> trailing",
    b"<" + b" \n\r\t\x0c\x00".join([LONG[:200]] * 50) + b">",
    b"<" + LONG + b"% a comment with > inside\n" + LONG + b">",
    b"<" + LONG + b"%comment at the end>",
    b"<" + LONG + b"zz" + LONG + b">",  # not hex
    b"<" + LONG,  # no end
    b"<" + LONG + b"%no end either",
    b"<" + b"00" * 40000 + b">",  # a reserved, empty /Contents
    b"<feff00410042>",  # UTF-16 text
]


@pytest.mark.parametrize("raw", CASES, ids=range(len(CASES)))
def test_same_as_pyhanko(raw: bytes) -> None:
    assert outcome(read_hex_string, raw) == outcome(pyhanko_reader, raw)


def test_random_inputs_agree() -> None:
    rng = random.Random(4)
    alphabet = b"0123456789abcdefABCDEF" * 6 + b" \n\r\t%>gx<"
    for _ in range(400):
        body = bytes(rng.choice(alphabet) for _ in range(rng.randint(0, 3000)))
        raw = b"<" + body + (b">" if rng.random() < 0.8 else b"") + b" 1 0 R"
        assert outcome(read_hex_string, raw) == outcome(pyhanko_reader, raw), raw[:80]


def test_installed_in_pyhankos_parser() -> None:
    assert generic.read_hex_string_from_stream is read_hex_string
    parsed = generic.read_object(io.BytesIO(b"<" + LONG + b"> 0"), None)
    assert parsed.original_bytes == bytes.fromhex(LONG.decode())

"""Sample letters for training and tests: a 3-page "Surat Dinas" and a 1-page "Nota Dinas".

Both carry a lone ``#`` where the signature goes (the anchor agencies already use with
BSrE's gateway), so ``desktop-signer sign --anchor "#"`` places the stamp there. They are
drawn with PyMuPDF's base-14 Helvetica (not embedded: the letters are plain ASCII) and are
deterministic apart from the creation date in the metadata.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pymupdf

ANCHOR = "#"
A4 = (595.0, 842.0)
MARGIN_X = 72.0
MARGIN_TOP = 56.0
MARGIN_BOTTOM = 72.0
FONT = "helv"
BOLD = "hebo"
SIZE = 11.0
LEADING = 1.45

AGENCY = "PEMERINTAH KABUPATEN LATIHAN"
OFFICE = "DINAS KOMUNIKASI DAN INFORMATIKA"
ADDRESS = "Jalan Merdeka Nomor 1, Kota Latihan 12345 - Telepon (021) 555-0100"
SIGNER_TITLE = "Kepala Dinas Komunikasi dan Informatika"
SIGNER_NAME = "Budi Santoso"
SIGNER_NIP = "198503152010011002"

SURAT_FILE = "surat-dinas-3-halaman.pdf"
NOTA_FILE = "nota-dinas-1-halaman.pdf"

_AGENDA = [
    "Pembukaan dan pengantar tentang sertifikat elektronik yang diterbitkan oleh Balai "
    "Sertifikasi Elektronik (BSrE), Badan Siber dan Sandi Negara.",
    "Pengenalan token kriptografi, PIN, dan cara menjaga keamanan token agar tidak terblokir.",
    "Praktik menandatangani surat dinas secara elektronik, satu per satu dan sekaligus banyak.",
    "Praktik memeriksa keabsahan dokumen yang diterima dari instansi lain, termasuk dokumen "
    "yang telah diubah setelah ditandatangani.",
    "Penjelasan stempel waktu (timestamp), validasi jangka panjang (LTV), dan pelaporan "
    "penggunaan sertifikat kepada BSrE.",
    "Diskusi, tanya jawab, dan penutupan.",
]

_BODY = [
    "Dalam rangka mendukung penyelenggaraan Sistem Pemerintahan Berbasis Elektronik (SPBE) "
    "dan pemanfaatan tanda tangan elektronik tersertifikasi di lingkungan Pemerintah "
    "Kabupaten Latihan, bersama ini kami mengundang Saudara untuk mengikuti kegiatan "
    "Bimbingan Teknis Penggunaan Sertifikat Elektronik yang akan dilaksanakan pada:",
    "Kegiatan ini bertujuan agar setiap pejabat penandatangan dan pengelola persuratan "
    "mampu menandatangani dokumen secara elektronik dengan benar, memahami arti dari "
    "tampilan tanda tangan pada dokumen, serta mampu memeriksa keaslian dokumen elektronik "
    "yang diterima. Tanda tangan elektronik yang menggunakan sertifikat elektronik memiliki "
    "kekuatan hukum dan akibat hukum yang sah sebagaimana diatur dalam Undang-Undang Nomor "
    "11 Tahun 2008 tentang Informasi dan Transaksi Elektronik beserta perubahannya.",
    "Adapun susunan acara kegiatan adalah sebagai berikut:",
]

_BODY_2 = [
    "Peserta diharapkan membawa laptop yang telah terpasang aplikasi penandatanganan, token "
    "kriptografi (bagi pejabat yang telah memiliki sertifikat elektronik), serta contoh "
    "dokumen yang biasa ditandatangani. Bagi peserta yang belum memiliki sertifikat "
    "elektronik, panitia menyediakan token latihan yang hanya berlaku selama kegiatan dan "
    "tidak dapat digunakan untuk menandatangani dokumen resmi.",
    "Dokumen yang ditandatangani dengan token latihan akan memuat tanda \"LATIHAN - TIDAK "
    "SAH\" dan tidak memiliki kekuatan hukum. Peserta dimohon untuk tidak mengirimkan "
    "dokumen hasil latihan kepada pihak lain.",
    "Setiap perangkat daerah diminta menugaskan paling banyak dua orang peserta, yaitu "
    "pejabat penandatangan atau pejabat yang ditunjuk, dan satu orang pengelola persuratan. "
    "Nama peserta disampaikan kepada panitia paling lambat tiga hari kerja sebelum kegiatan "
    "melalui surat elektronik resmi dinas.",
    "Selama kegiatan, peserta akan mempraktikkan seluruh alur kerja: memilih sertifikat, "
    "memasukkan PIN, menempatkan tanda tangan pada posisi yang telah ditandai, memilih "
    "tingkat tanda tangan (termasuk stempel waktu), hingga memeriksa hasil tanda tangan "
    "dengan aplikasi verifikasi. Peserta juga akan berlatih mengenali dokumen yang tidak "
    "sah, misalnya dokumen yang diubah setelah ditandatangani, ditandatangani dengan "
    "sertifikat yang telah kedaluwarsa atau dicabut, atau ditandatangani dengan sertifikat "
    "yang tidak diterbitkan oleh penyelenggara sertifikasi elektronik yang dipercaya.",
    "Biaya penyelenggaraan kegiatan dibebankan pada Dokumen Pelaksanaan Anggaran Dinas "
    "Komunikasi dan Informatika Kabupaten Latihan Tahun Anggaran 2025. Peserta tidak "
    "dipungut biaya apa pun.",
    "Informasi lebih lanjut dapat diperoleh melalui Sekretariat Panitia, Bidang Persandian "
    "dan Keamanan Informasi, pada jam kerja.",
]

_CLOSING = ("Demikian undangan ini kami sampaikan. Atas perhatian dan kehadiran Saudara, "
            "kami ucapkan terima kasih.")


@dataclass
class _Cursor:
    doc: pymupdf.Document
    page: pymupdf.Page
    y: float
    footer: str

    @property
    def width(self) -> float:
        return A4[0] - 2 * MARGIN_X

    def new_page(self) -> None:
        self.page = self.doc.new_page(width=A4[0], height=A4[1])
        self.y = MARGIN_TOP + 20
        self._page_number()

    def _page_number(self) -> None:
        # at the top from page 2 on (tata naskah dinas); the bottom stays free for the
        # optional "Catatan" footer
        if self.doc.page_count < 2:
            return
        text = f"- {self.doc.page_count} -"
        width = pymupdf.get_text_length(text, fontname=FONT, fontsize=9)
        self.page.insert_text(((A4[0] - width) / 2, 36), text, fontname=FONT, fontsize=9)

    def room(self, height: float) -> None:
        if self.y + height > A4[1] - MARGIN_BOTTOM:
            self.new_page()

    def line(self, text: str, *, x: float = MARGIN_X, bold: bool = False,
             size: float = SIZE, centre: bool = False) -> None:
        self.room(size * LEADING)
        font = BOLD if bold else FONT
        if centre:
            x = (A4[0] - pymupdf.get_text_length(text, fontname=font, fontsize=size)) / 2
        self.page.insert_text((x, self.y + size), text, fontname=font, fontsize=size)
        self.y += size * LEADING

    def paragraph(self, text: str, *, indent: float = 0.0, first: float = 28.0) -> None:
        words = text.split()
        x0 = MARGIN_X + indent
        width = self.width - indent
        line: list[str] = []
        lead = first
        for word in words:
            candidate = " ".join([*line, word])
            if pymupdf.get_text_length(candidate, fontname=FONT, fontsize=SIZE) + lead > width:
                self.line(" ".join(line), x=x0 + lead)
                line, lead = [word], 0.0
            else:
                line.append(word)
        if line:
            self.line(" ".join(line), x=x0 + lead)
        self.y += SIZE * 0.5

    def gap(self, lines: float = 1.0) -> None:
        self.y += SIZE * LEADING * lines


def _letterhead(c: _Cursor) -> None:
    c.y = MARGIN_TOP
    c.line(AGENCY, bold=True, size=14, centre=True)
    c.line(OFFICE, bold=True, size=16, centre=True)
    c.line(ADDRESS, size=9, centre=True)
    c.page.draw_line((MARGIN_X, c.y + 2), (A4[0] - MARGIN_X, c.y + 2), width=1.5)
    c.page.draw_line((MARGIN_X, c.y + 5), (A4[0] - MARGIN_X, c.y + 5), width=0.5)
    c.y += 18


def _signature_block(c: _Cursor, place_date: str) -> None:
    c.room(SIZE * LEADING * 9)
    x = A4[0] / 2 + 20
    c.line(place_date, x=x)
    c.line(f"{SIGNER_TITLE},", x=x)
    c.gap(2.3)  # room for a 200 x 80 pt stamp centred on the anchor
    c.line(ANCHOR, x=x)  # the stamp goes here (--anchor "#")
    c.gap(2.3)
    c.line(SIGNER_NAME, x=x, bold=True)
    c.line(f"NIP. {SIGNER_NIP}", x=x)


def _new_document(title: str) -> tuple[pymupdf.Document, _Cursor]:
    doc = pymupdf.open()
    doc.set_metadata({"title": title, "author": f"{OFFICE.title()} (contoh latihan)",
                      "creator": "Desktop Signer - surat contoh latihan"})
    page = doc.new_page(width=A4[0], height=A4[1])
    cursor = _Cursor(doc, page, MARGIN_TOP, "")
    cursor._page_number()
    return doc, cursor


def surat_dinas() -> bytes:
    """The 3-page invitation letter (Surat Dinas) with a ``#`` anchor on page 3."""
    doc, c = _new_document("Undangan Bimbingan Teknis Penggunaan Sertifikat Elektronik")
    _letterhead(c)
    for label, value in (("Nomor", "000.1.2/117/Diskominfo/2025"), ("Sifat", "Biasa"),
                         ("Lampiran", "1 (satu) berkas"),
                         ("Hal", "Undangan Bimbingan Teknis Sertifikat Elektronik")):
        c.line(label, x=MARGIN_X)
        c.page.insert_text((MARGIN_X + 60, c.y - SIZE * LEADING + SIZE), f": {value}",
                           fontname=FONT, fontsize=SIZE)
    c.gap()
    for text in ("Yth. Kepala Perangkat Daerah", "di Lingkungan Pemerintah Kabupaten Latihan",
                 "di -", "     Tempat"):
        c.line(text)
    c.gap()
    c.paragraph(_BODY[0])
    for label, value in (("hari, tanggal", "Senin s.d. Rabu, 16 - 18 Juni 2025"),
                         ("waktu", "08.00 WIB s.d. selesai"),
                         ("tempat", "Ruang Rapat Utama Dinas Komunikasi dan Informatika"),
                         ("acara", "Bimbingan Teknis Penggunaan Sertifikat Elektronik")):
        c.line(label, x=MARGIN_X + 28)
        c.page.insert_text((MARGIN_X + 120, c.y - SIZE * LEADING + SIZE), f": {value}",
                           fontname=FONT, fontsize=SIZE)
    c.gap(0.5)
    c.paragraph(_BODY[1])
    c.paragraph(_BODY[2])
    for number, item in enumerate(_AGENDA, start=1):
        c.paragraph(f"{number}. {item}", indent=28, first=0)
    for text in _BODY_2:
        c.paragraph(text)
    # the closing and the signature belong on page 3 of this sample
    while c.doc.page_count < 3:
        c.new_page()
    c.paragraph(_CLOSING)
    c.gap()
    _signature_block(c, "Kota Latihan, 5 Juni 2025")
    c.gap(2)
    c.line("Tembusan:", bold=True)
    c.line("1. Bupati Latihan (sebagai laporan);")
    c.line("2. Sekretaris Daerah Kabupaten Latihan.")
    data: bytes = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    return data


def nota_dinas() -> bytes:
    """A 1-page internal memo (Nota Dinas) with a ``#`` anchor."""
    doc, c = _new_document("Nota Dinas Laporan Penggunaan Sertifikat Elektronik")
    _letterhead(c)
    c.line("NOTA DINAS", bold=True, size=13, centre=True)
    c.line("NOMOR 000.1.2/118/Diskominfo/2025", size=SIZE, centre=True)
    c.gap()
    for label, value in (("Yth.", "Sekretaris Daerah Kabupaten Latihan"),
                         ("Dari", SIGNER_TITLE), ("Tanggal", "5 Juni 2025"),
                         ("Sifat", "Biasa"), ("Lampiran", "-"),
                         ("Hal", "Laporan Penggunaan Sertifikat Elektronik Tahun 2024")):
        c.line(label)
        c.page.insert_text((MARGIN_X + 60, c.y - SIZE * LEADING + SIZE), f": {value}",
                           fontname=FONT, fontsize=SIZE)
    c.page.draw_line((MARGIN_X, c.y + 2), (A4[0] - MARGIN_X, c.y + 2), width=0.8)
    c.gap()
    c.paragraph("Sesuai dengan perjanjian kerja sama dengan Balai Sertifikasi Elektronik "
                "(BSrE), bersama ini kami laporkan penggunaan sertifikat elektronik di "
                "lingkungan Pemerintah Kabupaten Latihan selama tahun 2024 sebanyak 1.284 "
                "tanda tangan oleh 37 pemilik sertifikat, dengan rincian per bulan sebagaimana "
                "terlampir.")
    c.paragraph("Demikian kami sampaikan, mohon arahan lebih lanjut.")
    c.gap()
    _signature_block(c, "Kota Latihan, 5 Juni 2025")
    data: bytes = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    return data


def write_letters(directory: Path) -> list[Path]:
    """Write both sample letters into ``directory`` (created if needed)."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in ((SURAT_FILE, surat_dinas()), (NOTA_FILE, nota_dinas())):
        path = directory / name
        path.write_bytes(data)
        written.append(path)
    return written

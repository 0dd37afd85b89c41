"""Pages drawn again as a PDF: characters placed one by one (each at its baseline, of its size,
direction and width) and ruling lines, in millimetres with y downwards, written as a small PDF
whose font maps every character back to its text, for the PDF reader
(:mod:`analytics.ingest.tables.pdf`) to find the tables in. What the OFD reader
(:mod:`analytics.ingest.tables.ofd`) and the reader of scans (:mod:`analytics.ingest.tables.scan`)
draw their pages as.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

__all__ = ["Page", "advance", "page_pdf"]

_MM = 72 / 25.4  # points a millimetre


@dataclass
class Page:
    """One page: its size (mm), its characters ``(text, x, y, size, (ux, uy), width)`` at their
    baselines (mm, y downwards; ``u`` the direction the text runs) and its paths, each a list of
    subpaths of points (mm) with whether it is stroked or filled."""

    width: float
    height: float
    chars: list[tuple[str, float, float, float, tuple[float, float], float]] = field(default_factory=list)
    paths: list[tuple[list[list[tuple[float, float]]], bool, bool]] = field(default_factory=list)
    images: int = 0


def advance(ch: str) -> float:
    """A character's width in ems: a Chinese (wide) character one, others half."""
    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.5


def page_pdf(pages: list[Page]) -> bytes:
    """The pages drawn as a PDF: each character at its place and of its width in a font that maps
    it back to its text (a Type 0 font, ``Identity-H``, with a ``ToUnicode`` map; widths one em for
    Chinese characters, half for others, each stretched to the character's own width by ``Tz``),
    each path stroked or filled as drawn."""
    glyphs: dict[str, int] = {}
    streams = []
    for page in pages:
        h = page.height
        ops = []
        for subpaths, stroke, fill in page.paths:
            for sub in subpaths:
                pts = [(x * _MM, (h - y) * _MM) for x, y in sub]
                ops.append(f"{pts[0][0]:.3f} {pts[0][1]:.3f} m " + " ".join(f"{x:.3f} {y:.3f} l" for x, y in pts[1:]))
            ops.append("B" if stroke and fill else "f" if fill else "S")
        ops.append("BT")
        for ch, x, y, size, (ux, uy), wide in page.chars:
            cid = glyphs.setdefault(ch, len(glyphs) + 1)
            s = size * _MM
            squeeze = 100 * wide / (advance(ch) * size) if size else 100  # Tz: the character's own width
            # text space: along u, and up (y upwards on the PDF page, so u's y is turned over)
            ops.append(f"/F1 1 Tf {squeeze:.1f} Tz {s * ux:.4f} {-s * uy:.4f} {s * uy:.4f} {s * ux:.4f} "
                       f"{x * _MM:.3f} {(h - y) * _MM:.3f} Tm <{cid:04X}> Tj")
        ops.append("ET")
        streams.append("\n".join(ops).encode("ascii"))
    return _pdf(pages, streams, glyphs)


def _pdf(pages: list[Page], streams: list[bytes], glyphs: dict[str, int]) -> bytes:
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(body: bytes, extra: str = "") -> bytes:
        return f"<< /Length {len(body)}{extra} >>\nstream\n".encode() + body + b"\nendstream"

    catalog = add(b"")
    pages_id = add(b"")
    to_unicode = [f"<{cid:04X}> <{ch.encode('utf-16-be').hex().upper()}>" for ch, cid in glyphs.items()]
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) "
            "/Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def "
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n")
    for start in range(0, len(glyphs), 100):  # at most 100 entries a block
        block = to_unicode[start:start + 100]
        cmap += f"{len(block)} beginbfchar\n" + "\n".join(block) + "\nendbfchar\n"
    cmap += "endcmap CMapName currentdict /CMap defineresource pop end end"
    unicode_id = add(stream(cmap.encode("ascii")))
    widths = " ".join(f"{cid} [{int(advance(ch) * 1000)}]" for ch, cid in glyphs.items())
    descriptor = add(b"<< /Type /FontDescriptor /FontName /OFDText /Flags 4 /FontBBox [0 -200 1000 900] "
                     b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>")
    cid_font = add(f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /OFDText /CIDSystemInfo << /Registry (Adobe) "
                   f"/Ordering (Identity) /Supplement 0 >> /FontDescriptor {descriptor} 0 R /DW 1000 "
                   f"/W [{widths}] /CIDToGIDMap /Identity >>".encode())
    font = add(f"<< /Type /Font /Subtype /Type0 /BaseFont /OFDText /Encoding /Identity-H /DescendantFonts "
               f"[{cid_font} 0 R] /ToUnicode {unicode_id} 0 R >>".encode())
    kids = []
    for page, body in zip(pages, streams):
        content = add(stream(body))
        kids.append(add(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {page.width * _MM:.3f} "
                        f"{page.height * _MM:.3f}] /Resources << /Font << /F1 {font} 0 R >> >> "
                        f"/Contents {content} 0 R >>".encode()))
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode()
    objects[pages_id - 1] = (f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] "
                             f"/Count {len(kids)} >>").encode()
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


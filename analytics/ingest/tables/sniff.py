"""What a file that holds no table text is, by its first bytes (a picture, an archive) or by the
parts of its zip (an OFD 版式文件, an OpenDocument file, a PowerPoint deck), so that the reader can
say so and what to upload instead, rather than fail on its encoding.
"""

from __future__ import annotations

__all__ = ["file_kind", "zip_kind"]

#: files that hold no table text, by their first bytes: (signature, offset, code)
_OTHER_FILES = ((b"\x89PNG\r\n\x1a\n", 0, "image_file"), (b"\xff\xd8\xff", 0, "image_file"), (b"GIF8", 0, "image_file"),
                (b"II*\x00", 0, "image_file"), (b"MM\x00*", 0, "image_file"), (b"WEBP", 8, "image_file"),
                (b"ftypheic", 4, "image_file"), (b"ftypmif1", 4, "image_file"), (b"Rar!\x1a\x07", 0, "archive_file"),
                (b"7z\xbc\xaf\x27\x1c", 0, "archive_file"), (b"\x1f\x8b", 0, "archive_file"))


def file_kind(data: bytes) -> str | None:
    """``image_file`` / ``archive_file`` for a picture (a screenshot or a scan: PNG, JPEG, GIF, TIFF,
    WebP, HEIC, BMP) or an archive (RAR, 7z, gzip), else ``None``."""
    for magic, at, code in _OTHER_FILES:
        if data[at:at + len(magic)] == magic:
            return code
    if data[:2] == b"BM" and b"\x00" in data[2:64]:
        return "image_file"
    return None


def zip_kind(names: set[str], data: bytes) -> str | None:
    """What a zip that is no Word document and no workbook holds: an OFD (版式文件), an
    OpenDocument file, a PowerPoint deck, an Excel binary workbook (.xlsb), or an archive of files."""
    if "OFD.xml" in names or any(n.lower().endswith("/ofd.xml") for n in names):
        return "ofd_file"
    if "mimetype" in names and b"application/vnd.oasis.opendocument" in data[:200]:
        return "odf_file"
    if "ppt/presentation.xml" in names:
        return "slides_file"
    if "xl/workbook.bin" in names:
        return "xlsb_file"  # Excel's binary workbook (.xlsb): its sheets are no XML to read
    if "[Content_Types].xml" in names:
        return None  # an Office file of another kind: the workbook reader says what it found
    return "archive_file"

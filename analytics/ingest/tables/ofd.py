"""Reading an OFD 版式文件 (GB/T 33190, the fixed-layout format China's government documents and
批复 are sent in): each page's text (``TextObject`` / ``TextCode``, its characters placed one by
one) and drawn lines (``PathObject``, the table's rules, whether stroked lines or thin filled
rectangles), with the page's template (``TemplatePage``: a form's printed grid), are drawn again
as the page of a PDF, which is then read as any PDF is (:mod:`analytics.ingest.tables.pdf`: the
tables found from their ruling lines, merged cells, rows split by a page break, a page without
rules read by its words' places). The OFD's coordinates (millimetres, y downwards, each object
placed by its ``Boundary`` and ``CTM``) become the PDF's (points, y upwards); each character keeps
its place, so the table finder sees the same cells a reader sees.

Untrusted input: each member read is bounded (``max_table_unpacked_bytes``, four times that in
all), at most ``max_pdf_pages`` pages and ``max_pdf_objects`` objects, characters and path points
in the whole document (data/limits.yaml), the XML is read without its entities resolved (the
standard library's parser), and the PDF made is read in the PDF reader's bounded child process.
Problems raise :class:`OfdError` with a failure code, which the caller returns.
"""

from __future__ import annotations

import io
import math
import posixpath
import zipfile
from collections.abc import Iterator
from xml.etree import ElementTree as ET

from analytics.ingest.limits import Limits
from analytics.ingest.tables.redraw import Page, advance

__all__ = ["ofd_pages", "OfdError"]

_A4 = (0.0, 0.0, 210.0, 297.0)  # a page whose size is stated nowhere

#: (a, b, c, d, e, f): x' = a x + c y + e, y' = b x + d y + f (OFD's CTM, y downwards)
Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class OfdError(Exception):
    """A failure code (``too_large_unpacked`` | ``too_many_pages`` | ``too_many_objects`` |
    ``bad_ofd``) with its detail."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(code, detail)
        self.code, self.detail = code, detail


class _Budget:
    """The objects, characters and path points drawn so far over the whole document, at most
    ``most`` (``max_pdf_objects``): a page of a million characters costs no more than that."""

    def __init__(self, most: int) -> None:
        self.most, self.used, self.page = most, 0, 0

    def spend(self, n: int) -> None:
        self.used += n
        if self.used > self.most:
            raise OfdError("too_many_objects", f"{self.most} (p{self.page})")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(node: ET.Element, name: str) -> Iterator[ET.Element]:
    return (c for c in node if _local(c.tag) == name)


def _child(node: ET.Element, name: str) -> ET.Element | None:
    return next(_children(node, name), None)


def _numbers(text: str | None) -> list[float]:
    out = []
    for tok in (text or "").replace(",", " ").split():
        try:
            out.append(float(tok))
        except ValueError:
            continue
    return out


def _box(text: str | None) -> tuple[float, float, float, float] | None:
    nums = _numbers(text)
    return (nums[0], nums[1], nums[2], nums[3]) if len(nums) >= 4 else None


def _physical_box(area: ET.Element | None) -> tuple[float, float, float, float] | None:
    """A page area's ``PhysicalBox`` (x, y, width, height in mm), if it states one."""
    box = _child(area, "PhysicalBox") if area is not None else None
    return _box(box.text) if box is not None else None


def _deltas(text: str | None, most: int) -> list[float]:
    """``DeltaX`` / ``DeltaY``: the gaps between a text's characters, ``g N v`` standing for N times
    v; at most ``most`` (the gaps a text of ``most`` + 1 characters has)."""
    toks = (text or "").split()
    out: list[float] = []
    k = 0
    while k < len(toks) and len(out) < most:
        if toks[k] == "g" and k + 2 < len(toks):
            try:
                n, v = int(float(toks[k + 1])), float(toks[k + 2])
            except ValueError:
                n, v = 0, 0.0
            out += [v] * max(0, min(n, most - len(out)))
            k += 3
            continue
        try:
            out.append(float(toks[k]))
        except ValueError:
            pass
        k += 1
    return out


def _matrix(text: str | None) -> Matrix:
    nums = _numbers(text)
    return (nums[0], nums[1], nums[2], nums[3], nums[4], nums[5]) if len(nums) >= 6 else _IDENTITY


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


class _Package:
    """The OFD's zip, each member read once and bounded."""

    def __init__(self, data: bytes, limits: Limits) -> None:
        self.zf = zipfile.ZipFile(io.BytesIO(data))
        self.names = {n.lstrip("/"): n for n in self.zf.namelist()}
        self.lower = {n.lower(): n for n in self.names}
        self.limit, self.size = limits.max_table_unpacked_bytes, limits.unpacked_size
        self.read_bytes = 0
        found = sorted((n for n in self.names if posixpath.basename(n).lower() == "ofd.xml"), key=len)
        self.main = found[0] if found else "OFD.xml"  # the package's entry, at its root or in a folder
        self.root = posixpath.dirname(self.main)

    def path(self, base: str, loc: str) -> str:
        """A ``BaseLoc`` as a member name: absolute (``/Doc_0/…``, from the package's root) or
        relative to ``base``'s folder."""
        loc = loc.strip().replace("\\", "/")
        joined = posixpath.join(self.root, loc.lstrip("/")) if loc.startswith("/") \
            else posixpath.join(posixpath.dirname(base), loc)
        return posixpath.normpath(joined)

    def xml(self, name: str) -> ET.Element | None:
        real = self.names.get(name) or self.names.get(self.lower.get(name.lower(), ""))
        if real is None:
            return None
        info = self.zf.getinfo(real)
        if info.file_size > self.limit or self.read_bytes + info.file_size > 4 * self.limit:
            raise OfdError("too_large_unpacked", self.size)
        out = bytearray()
        with self.zf.open(real) as fh:
            while chunk := fh.read(1 << 20):
                out += chunk
                if len(out) > self.limit:
                    raise OfdError("too_large_unpacked", self.size)
        self.read_bytes += len(out)
        try:
            return ET.fromstring(bytes(out))
        except ET.ParseError as exc:
            raise OfdError("bad_ofd", name) from exc


def ofd_pages(data: bytes, limits: Limits) -> list[Page]:
    """The pages of an OFD's first document, each with its template drawn beneath; raises
    :class:`OfdError`."""
    try:
        pkg = _Package(data, limits)
    except zipfile.BadZipFile as exc:
        raise OfdError("bad_ofd", "zip") from exc
    root = pkg.xml(pkg.main)
    body = _child(root, "DocBody") if root is not None else None
    doc_root = _child(body, "DocRoot") if body is not None else None
    if doc_root is None or not (doc_root.text or "").strip():
        raise OfdError("bad_ofd", "OFD.xml")
    doc_name = pkg.path(pkg.main, doc_root.text or "")
    doc = pkg.xml(doc_name)
    if doc is None:
        raise OfdError("bad_ofd", doc_name)
    common = _child(doc, "CommonData")
    default_box = _A4
    templates: dict[str, str] = {}
    units: dict[str, ET.Element] = {}  # composite graphics by their ID
    if common is not None:
        default_box = _physical_box(_child(common, "PageArea")) or _A4
        for tpl in _children(common, "TemplatePage"):
            templates[tpl.get("ID", "")] = pkg.path(doc_name, tpl.get("BaseLoc", ""))
        for res in [*_children(common, "PublicRes"), *_children(common, "DocumentRes")]:
            held = pkg.xml(pkg.path(doc_name, res.text or "")) if (res.text or "").strip() else None
            for unit in held.iter() if held is not None else ():
                if _local(unit.tag) == "CompositeGraphicUnit":
                    units[unit.get("ID", "")] = unit
    budget = _Budget(limits.max_pdf_objects)
    pages_node = _child(doc, "Pages")
    entries = list(_children(pages_node, "Page")) if pages_node is not None else []
    if len(entries) > limits.max_pdf_pages:
        raise OfdError("too_many_pages", str(limits.max_pdf_pages))
    pages = []
    drawn: dict[str, ET.Element | None] = {}  # template pages read so far, by their member name
    for number, entry in enumerate(entries, start=1):
        name = pkg.path(doc_name, entry.get("BaseLoc", ""))
        content = pkg.xml(name)
        if content is None:
            continue
        x0, y0, w, h = _physical_box(_child(content, "Area")) or default_box
        page = Page(w, h)
        budget.page = number
        for tpl in _children(content, "Template"):
            tpl_name = templates.get(tpl.get("TemplateID", ""))
            if tpl_name and tpl_name not in drawn:
                drawn[tpl_name] = pkg.xml(tpl_name)  # a template many pages share is read once
            tpl_xml = drawn.get(tpl_name or "")
            if tpl_xml is not None:
                _draw(tpl_xml, page, (1.0, 0.0, 0.0, 1.0, -x0, -y0), budget, units)
        _draw(content, page, (1.0, 0.0, 0.0, 1.0, -x0, -y0), budget, units)
        pages.append(page)
    return pages


def _compose(outer: Matrix, inner: Matrix) -> Matrix:
    """``outer`` after ``inner``."""
    a, b, c, d, e, f = outer
    return (a * inner[0] + c * inner[1], b * inner[0] + d * inner[1], a * inner[2] + c * inner[3],
            b * inner[2] + d * inner[3], a * inner[4] + c * inner[5] + e, b * inner[4] + d * inner[5] + f)


_DEPTH = 8  # composite graphics drawn inside composite graphics, at most so deep


def _draw(node: ET.Element, page: Page, outer: Matrix, budget: _Budget, units: dict[str, ET.Element],
          depth: int = 0) -> None:
    """The text and paths under ``node`` (a page's content, its layers and page blocks) onto
    ``page``; a ``CompositeObject`` draws its ``CompositeGraphicUnit`` (a resource: how some
    converters store every piece of a page) in its place."""
    for obj in node.iter():
        kind = _local(obj.tag)
        if kind not in ("TextObject", "PathObject", "ImageObject", "CompositeObject"):
            continue
        budget.spend(1)
        box = _box(obj.get("Boundary")) or (0.0, 0.0, 0.0, 0.0)
        # object space → its CTM → the boundary's origin → what holds it → the page
        place = _compose(outer, _compose((1.0, 0.0, 0.0, 1.0, box[0], box[1]), _matrix(obj.get("CTM"))))
        if kind == "ImageObject":
            page.images += 1
        elif kind == "CompositeObject":
            unit = units.get(obj.get("ResourceID", ""))
            content = _child(unit, "Content") if unit is not None else None
            if content is not None and depth < _DEPTH:
                _draw(content, page, place, budget, units, depth + 1)
        elif kind == "TextObject":
            _text(obj, page, place, budget)
        elif obj.get("Stroke", "true").lower() != "false" or obj.get("Fill", "false").lower() == "true":
            data = _child(obj, "AbbreviatedData")
            subpaths = _path(data.text if data is not None else "", place, budget)
            if subpaths:
                page.paths.append((subpaths, obj.get("Stroke", "true").lower() != "false",
                                   obj.get("Fill", "false").lower() == "true"))


def _text(obj: ET.Element, page: Page, place: Matrix, budget: _Budget) -> None:
    scale = math.sqrt(abs(place[0] * place[3] - place[1] * place[2])) or 1.0
    size = (_numbers(obj.get("Size")) or [3.5])[0] * scale
    ux, uy = place[0], place[1]
    norm = math.hypot(ux, uy) or 1.0
    direction = (ux / norm, uy / norm)
    x = y = 0.0
    for code in _children(obj, "TextCode"):
        text = code.text or ""
        if code.get("X") is not None:
            x = (_numbers(code.get("X")) or [x])[0]
        if code.get("Y") is not None:
            y = (_numbers(code.get("Y")) or [y])[0]
        dx, dy = _deltas(code.get("DeltaX"), len(text)), _deltas(code.get("DeltaY"), len(text))
        base = size / scale
        gaps = [dx[k] if k < len(dx) else (dx[-1] if dx else advance(text[k]) * base) for k in range(len(text) - 1)]
        for k, ch in enumerate(text):
            if k:
                x += gaps[k - 1]
                y += dy[k - 1] if k - 1 < len(dy) else 0.0
            if not ch.isspace():
                budget.spend(1)
                px, py = _apply(place, x, y)
                # its width: the gap to the next character where that is about one character wide (the
                # font's own advance, as the converter measured it), else the usual width
                wide = gaps[k] if k < len(gaps) and 0.3 * base < gaps[k] <= 1.2 * base else advance(ch) * base
                page.chars.append((ch, px, py, size, direction, wide * scale))
        if text:
            x += advance(text[-1]) * base


def _path(text: str | None, place: Matrix, budget: _Budget) -> list[list[tuple[float, float]]]:
    """``AbbreviatedData`` as subpaths of page points (mm): M / S start one, L a line, Q / B / A
    curves and arcs drawn straight to their end (a table's rules are straight), C closes it."""
    toks = (text or "").split()
    subpaths: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] = []
    need = {"M": 2, "S": 2, "L": 2, "Q": 4, "B": 6, "A": 7, "C": 0}
    k = 0
    while k < len(toks):
        op = toks[k]
        if op not in need:
            k += 1
            continue
        args = _numbers(" ".join(toks[k + 1:k + 1 + need[op]]))
        k += 1 + need[op]
        budget.spend(1)
        if len(args) < need[op]:
            break
        if op in ("M", "S"):
            if len(current) > 1:
                subpaths.append(current)
            current = [_apply(place, args[0], args[1])]
        elif op == "C":
            if current:
                current.append(current[0])
        else:
            end = _apply(place, args[-2], args[-1])
            current = current or [end]
            current.append(end)
    if len(current) > 1:
        subpaths.append(current)
    return subpaths

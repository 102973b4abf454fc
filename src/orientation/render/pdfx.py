"""PDF/X-4: the output intent, the XMP metadata and the version keys of a print file.

A PDF whose pages name a printing condition (:attr:`~orientation.render.scene.Page.
output_intent`, e.g. ``FOGRA39``) is turned into a PDF/X-4 file (ISO 15930-7) by
:func:`to_pdfx`, after reportlab has written it (PDF 1.6, CMYK only, fonts embedded, a TrimBox
and a BleedBox on every page, a trailer ``/ID``):

* an **output intent** in the catalogue (``/OutputIntents``, ``/S /GTS_PDFX``) with the
  condition's registered identifier (``FOGRA39``, ``CGATS TR 006``; registry
  ``http://www.color.org``) and its CMYK output profile embedded (``/DestOutputProfile``,
  one of the profiles bundled in ``orientation/render/icc``, see ``LICENSE-ICC.txt``);
* the **XMP metadata** stream (``/Metadata``): title, dates, producer, ``pdf:Trapped``,
  ``xmpMM:DocumentID``/``InstanceID``/``VersionID``/``RenditionClass`` and
  ``pdfxid:GTS_PDFXVersion = PDF/X-4``, matching the document information;
* ``/GTS_PDFXVersion (PDF/X-4)`` in the document information dictionary.

They are added as an **incremental update** (new objects, the catalogue and the information
dictionary written again, a cross-reference section pointing back at reportlab's), so the
file reportlab wrote stays as it is and nothing here depends on reportlab's internals.
Deterministic: the document id is a hash of the file before the update, the dates those of
the file (reportlab's fixed ``invariant`` date).
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType

from ..errors import LayoutError


@dataclass(frozen=True, slots=True)
class OutputIntent:
    """A printing condition: the key pages name it by, its identifier in the ICC registry of
    characterization data, a readable description and the bundled profile's file name."""

    key: str
    identifier: str
    info: str
    profile_file: str
    registry: str = "http://www.color.org"


#: The printing conditions signs can be made for (``print.output_intent`` of a profile).
OUTPUT_INTENTS = MappingProxyType({
    "FOGRA39": OutputIntent("FOGRA39", "FOGRA39", "Coated FOGRA39 (ISO 12647-2:2004)",
                            "FOGRA39L.icc"),
    "GRACoL2006": OutputIntent("GRACoL2006", "CGATS TR 006",
                               "GRACoL 2006 Coated #1 (ANSI CGATS TR 006)",
                               "GRACoL2006_TR006.icc"),
})
PDFX_VERSION = "PDF/X-4"
#: The smallest PDF version of a PDF/X-4 file.
PDF_VERSION = (1, 6)


def intent(key: str) -> OutputIntent:
    """The output intent called ``key``; a :class:`~orientation.errors.LayoutError` naming
    the known ones otherwise."""
    try:
        return OUTPUT_INTENTS[key]
    except KeyError:
        raise LayoutError(f"unknown output intent {key!r}; choose one of: "
                          f"{', '.join(OUTPUT_INTENTS)}", element="output_intent") from None


@cache
def profile_bytes(key: str) -> bytes:
    """The bundled ICC profile of the output intent ``key``."""
    name = intent(key).profile_file
    return (resources.files("orientation.render") / "icc" / name).read_bytes()


def _pdf_string(text: str) -> bytes:
    """A PDF text string: a literal for printable ASCII, else UTF-16BE with its byte order
    mark as a hex string.

    >>> _pdf_string("FOGRA39"), _pdf_string("Weiß")
    (b'(FOGRA39)', b'<feff00570065006900df>')
    """
    if all(32 <= ord(c) < 127 for c in text):
        return b"(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode() + b")"
    return b"<feff" + text.encode("utf-16-be").hex().encode() + b">"


def _xml(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$", re.S)
_DATE = re.compile(rb"/CreationDate \(D:(\d{14})")


def _ref(trailer: bytes, key: bytes) -> int:
    m = re.search(rb"/" + key + rb"\s+(\d+)\s+0\s+R", trailer)
    if m is None:
        raise LayoutError(f"the PDF has no /{key.decode()} in its trailer", element="pdf")
    return int(m.group(1))


def _object(data: bytes, num: int) -> bytes:
    """The body of object ``num`` (between ``obj`` and ``endobj``), as written."""
    m = re.search(rb"\n" + str(num).encode() + rb" 0 obj\n(.*?)\nendobj", data, re.S)
    if m is None:
        raise LayoutError(f"object {num} is not in the PDF", element="pdf")
    return m.group(1)


def _iso(stamp: bytes) -> str:
    s = stamp.decode()
    return f"{s[0:4]}-{s[4:6]}-{s[6:8]}T{s[8:10]}:{s[10:12]}:{s[12:14]}Z"


def xmp_packet(*, title: str, producer: str, created: str, document_id: str) -> bytes:
    """The XMP metadata of a PDF/X-4 file (UTF-8, in an ``xpacket``)."""
    return ("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
            '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
            '<rdf:Description rdf:about=""'
            ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
            ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"'
            ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"'
            ' xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"'
            ' xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">\n'
            "<dc:format>application/pdf</dc:format>\n"
            f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{_xml(title)}</rdf:li>'
            "</rdf:Alt></dc:title>\n"
            f"<xmp:CreateDate>{created}</xmp:CreateDate>\n"
            f"<xmp:ModifyDate>{created}</xmp:ModifyDate>\n"
            f"<xmp:MetadataDate>{created}</xmp:MetadataDate>\n"
            "<xmp:CreatorTool>orientation</xmp:CreatorTool>\n"
            f"<pdf:Producer>{_xml(producer)}</pdf:Producer>\n"
            "<pdf:Trapped>False</pdf:Trapped>\n"
            f"<xmpMM:DocumentID>uuid:{document_id}</xmpMM:DocumentID>\n"
            f"<xmpMM:InstanceID>uuid:{document_id}</xmpMM:InstanceID>\n"
            "<xmpMM:VersionID>1</xmpMM:VersionID>\n"
            "<xmpMM:RenditionClass>default</xmpMM:RenditionClass>\n"
            f"<pdfxid:GTS_PDFXVersion>{PDFX_VERSION}</pdfxid:GTS_PDFXVersion>\n"
            "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
            '<?xpacket end="w"?>').encode()


def _uuid(data: bytes) -> str:
    h = hashlib.sha256(data).hexdigest()
    return f"{h[0:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


def _unescape(literal: bytes) -> str:
    """A PDF literal string's text (reportlab writes Latin-1 with octal escapes)."""
    out = bytearray()
    i = 0
    while i < len(literal):
        c = literal[i]
        if c == 0x5C and i + 1 < len(literal):  # backslash
            nxt = literal[i + 1 : i + 4]
            m = re.match(rb"[0-7]{1,3}", nxt)
            if m:
                out.append(int(m.group(0), 8) & 0xFF)
                i += 1 + len(m.group(0))
                continue
            esc = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}
            out.append(esc.get(literal[i + 1], literal[i + 1]))
            i += 2
            continue
        out.append(c)
        i += 1
    return out.decode("latin-1")


def _info_text(info: bytes, key: bytes) -> str:
    m = re.search(rb"/" + key + rb" \(((?:\\.|[^\\)])*)\)", info, re.S)
    return _unescape(m.group(1)) if m else ""


def to_pdfx(data: bytes, key: str) -> bytes:
    """``data`` (a PDF written by reportlab, version 1.6 or later) as a PDF/X-4 file with the
    output intent ``key`` (see the module docstring)."""
    oi = intent(key)
    m = _TRAILER.search(data)
    if m is None:
        raise LayoutError("the PDF has no trailer to update", element="pdf")
    trailer, prev = m.group(1), int(m.group(2))
    root, info, size = _ref(trailer, b"Root"), _ref(trailer, b"Info"), None
    sm = re.search(rb"/Size\s+(\d+)", trailer)
    size = int(sm.group(1)) if sm else 0
    idm = re.search(rb"/ID\s*\[.*?\]", trailer, re.S)
    catalog, info_body = _object(data, root), _object(data, info)
    dm = _DATE.search(info_body)
    created = _iso(dm.group(1)) if dm else "2000-01-01T00:00:00Z"
    title = _info_text(info_body, b"Title") or "orientation"
    producer = _info_text(info_body, b"Producer")
    doc_id = _uuid(data)

    icc = profile_bytes(key)
    icc_z = zlib.compress(icc, 9)
    xmp = xmp_packet(title=title, producer=producer, created=created, document_id=doc_id)
    n_icc, n_intent, n_xmp = size, size + 1, size + 2
    objects: dict[int, bytes] = {
        n_icc: (b"<< /N 4 /Alternate /DeviceCMYK /Filter /FlateDecode /Length %d >>\nstream\n"
                % len(icc_z)) + icc_z + b"\nendstream",
        n_intent: (b"<< /Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier "
                   + _pdf_string(oi.identifier) + b" /OutputCondition "
                   + _pdf_string(oi.info) + b" /Info " + _pdf_string(oi.info)
                   + b" /RegistryName " + _pdf_string(oi.registry)
                   + b" /DestOutputProfile %d 0 R >>" % n_icc),
        n_xmp: (b"<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n" % len(xmp)
                + xmp + b"\nendstream"),
    }
    cat = catalog.rstrip()
    if not cat.endswith(b">>"):
        raise LayoutError("the PDF's catalogue is not a dictionary", element="pdf")
    objects[root] = (cat[:-2].rstrip() + b" /OutputIntents [ %d 0 R ] /Metadata %d 0 R\n>>"
                     % (n_intent, n_xmp))
    inf = info_body.rstrip()
    objects[info] = (inf[:-2].rstrip() + b" /GTS_PDFXVersion "
                     + _pdf_string(PDFX_VERSION) + b"\n>>")

    out = bytearray(data)
    if not out.endswith(b"\n"):
        out += b"\n"
    offsets: dict[int, int] = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n"
    nums = sorted(offsets)
    runs: list[list[int]] = []
    for num in nums:  # contiguous subsections
        if runs and runs[-1][-1] + 1 == num:
            runs[-1].append(num)
        else:
            runs.append([num])
    for run in runs:
        out += b"%d %d\n" % (run[0], len(run))
        for num in run:
            out += b"%010d 00000 n \n" % offsets[num]
    out += (b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /Prev %d "
            % (n_xmp + 1, root, info, prev))
    if idm is not None:
        out += idm.group(0) + b" "
    out += b">>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


__all__ = ["OUTPUT_INTENTS", "OutputIntent", "PDFX_VERSION", "PDF_VERSION", "intent",
           "profile_bytes", "to_pdfx", "xmp_packet"]

#!/usr/bin/python3
"""Writes Word (.docx) and PDF forms of the project's own sample minutes.

Each source is a .txt or .md document written for the project; its form is
read back (headings, tables, lists, paragraphs) and written again as a
strategist receives it:

  .docx  python3-docx: headings in Word's heading styles, tables as tables
         (the header row of a two-row header merged across its columns),
         list items in list styles, short lines of one block as one
         paragraph with line breaks, a running header and footer.
  .pdf   python3-reportlab, laid out here line by line: A4, DejaVu Sans, a
         running header and a "Sida N av M" footer on every page, prose
         wrapped with long words hyphenated at the line end, tables with
         aligned columns that go on over page breaks.

    python3 scripts/make_documents.py SOURCE... --out DIR [--bad BADDIR]

writes DIR/<stem>.docx and DIR/<stem>.pdf (and, with --bad, the hostile
files of tests/fixtures/documents/bad). What is committed was made by

    scripts/make_documents.py benchmarks/fidelity/documents/{03,08,09,18}_* \
        --out benchmarks/fidelity/forms --bad tests/fixtures/documents/bad
 The output is committed (tests
and CI need no office suite); run this again after changing a source.
Debian packages: python3-docx, python3-reportlab, fonts-dejavu-core.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


# ------------------------------------------------------------ reading the source

def plain(text: str) -> str:
    """Markdown emphasis and link targets out."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = text.replace("**", "").replace("__", "")
    return text.strip()


def table_cells(line: str):
    s = line.strip()
    if s.startswith("|"):
        cells = [c.strip() for c in s.strip("|").split("|")]
        if all(re.fullmatch(r":?-*:?", c) for c in cells):
            return "separator"
        return [plain(c) for c in cells]
    if "\t" in s or re.search(r"\S {3,}\S", s):
        return [plain(c) for c in re.split(r"\t+| {3,}", s)]
    return None


def blocks_of(text: str):
    """[(kind, payload)]: ("heading", (level, text)), ("table", rows),
    ("list", items), ("lines", lines), ("prose", text)."""
    out = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        if not line.strip():
            i += 1
            continue
        s = line.strip()
        if re.fullmatch(r"[-*_=]{3,}", s):
            i += 1
            continue
        m = re.match(r"(#{1,6})\s+(.*)", s)
        if m:
            out.append(("heading", (len(m.group(1)), plain(m.group(2)))))
            i += 1
            continue
        if s.startswith("**") and s.endswith("**") and s.count("**") == 2:
            out.append(("heading", (4, plain(s))))
            i += 1
            continue
        if table_cells(s) is not None:
            rows = []
            while i < len(lines) and lines[i].strip() and table_cells(lines[i]) is not None:
                cells = table_cells(lines[i])
                if cells != "separator":
                    rows.append(cells)
                i += 1
            width = max(len(r) for r in rows)
            out.append(("table", [r + [""] * (width - len(r)) for r in rows]))
            continue
        if re.match(r"[-*•] ", s):
            items = []
            while i < len(lines) and re.match(r"\s*[-*•] ", lines[i]):
                items.append(plain(re.sub(r"^\s*[-*•] ", "", lines[i])))
                i += 1
                # a wrapped item goes on on indented lines
                while i < len(lines) and lines[i].startswith("  ") and lines[i].strip() and not re.match(r"\s*[-*•] ", lines[i]):
                    items[-1] += " " + plain(lines[i])
                    i += 1
            out.append(("list", items))
            continue
        block = []
        while (i < len(lines) and lines[i].strip() and table_cells(lines[i]) is None
               and not re.match(r"\s*(#{1,6}\s|[-*•] )", lines[i])):
            block.append(plain(lines[i]))
            i += 1
        # Prose wrapped at a fixed width reads on; a block of short lines
        # (a list of names, labels) keeps its lines. A line that starts with
        # a label ("Kommunerna: ...", "Beslut: ...") starts a paragraph.
        if len(block) > 1 and all(len(b) >= 55 for b in block[:-1]) and not any(b.endswith(":") for b in block[:-1]):
            paragraphs = [[]]
            for b in block:
                if paragraphs[-1] and re.match(r"[A-ZÅÄÖ][\w ./-]{0,40}: ", b):
                    paragraphs.append([])
                paragraphs[-1].append(b)
            for para in paragraphs:
                out.append(("prose", " ".join(para)))
        else:
            out.append(("lines", block))
    return out


# ------------------------------------------------------------ .docx

def write_docx(blocks, header: str, path: Path) -> None:
    import docx

    d = docx.Document()
    d.core_properties.author = "samverkan"
    d.core_properties.title = header
    # Fixed dates, so that regenerating gives the same bytes' content.
    import datetime
    d.core_properties.created = datetime.datetime(2024, 1, 1)
    d.core_properties.modified = datetime.datetime(2024, 1, 1)
    d.core_properties.last_modified_by = "samverkan"
    section = d.sections[0]
    section.header.paragraphs[0].text = header
    section.footer.paragraphs[0].text = "Sida 1"
    for kind, payload in blocks:
        if kind == "heading":
            level, text = payload
            d.add_heading(text, level=min(level, 4))
        elif kind == "table":
            rows = payload
            cols = len(rows[0])
            t = d.add_table(rows=len(rows), cols=cols)
            t.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    t.cell(r, c).text = value
            # A header row whose first cell alone is written ("Deltagare",
            # then empty cells) is one cell spanning the table.
            if cols > 1 and rows[0][0] and not any(rows[0][1:]):
                t.cell(0, 0).merge(t.cell(0, cols - 1))
                t.cell(0, 0).text = rows[0][0]
        elif kind == "list":
            numbered = all(re.match(r"\d+[.)] ", it) for it in payload)
            for it in payload:
                if numbered:
                    d.add_paragraph(re.sub(r"^\d+[.)] ", "", it), style="List Number")
                else:
                    d.add_paragraph(it, style="List Bullet")
        elif kind == "prose":
            d.add_paragraph(payload)
        else:
            p = d.add_paragraph()
            for k, line in enumerate(payload):
                run = p.add_run(line)
                if k + 1 < len(payload):
                    run.add_break()
    d.save(str(path))


# ------------------------------------------------------------ PDF

class Layout:
    def __init__(self, path: Path, header: str):
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.pdfgen import canvas

        pdfmetrics.registerFont(TTFont("DejaVu", str(DEJAVU / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(DEJAVU / "DejaVuSans-Bold.ttf")))
        self.metrics = pdfmetrics
        self.width, self.height = A4
        self.margin = 60
        self.size = 10.5
        self.leading = 14
        self.header = header
        self.pages = []  # one list of (font, size, x, y, text) per page
        self.page = []
        self.y = 0
        self.new_page()
        self.canvas_class = canvas.Canvas
        self.path = path

    def new_page(self):
        if self.page:
            self.pages.append(self.page)
        self.page = []
        self.y = self.height - self.margin - 30

    def need(self, height):
        if self.y - height < self.margin + 30:
            self.new_page()

    def text_width(self, text, font, size):
        return self.metrics.stringWidth(text, font, size)

    def put(self, text, font="DejaVu", size=None, x=None):
        size = size or self.size
        self.page.append((font, size, self.margin if x is None else x, self.y, text))

    def gap(self, lines=0.6):
        self.y -= self.leading * lines

    def wrap(self, text, font="DejaVu", size=None, indent=0.0):
        """Lines of at most the text width; a long word that does not fit is
        hyphenated when both parts keep three letters."""
        size = size or self.size
        room = self.width - 2 * self.margin - indent
        words = text.split()
        lines, current = [], ""
        while words:
            w = words.pop(0)
            trial = (current + " " + w).strip()
            if self.text_width(trial, font, size) <= room:
                current = trial
                continue
            # Hyphenate: the longest head of w that fits with a dash.
            if len(w) >= 9 and w.isalpha():
                for cut in range(len(w) - 3, 2, -1):
                    head = (current + " " + w[:cut] + "-").strip()
                    if self.text_width(head, font, size) <= room and w[cut - 1].islower() and w[cut].islower():
                        lines.append(head)
                        current = ""
                        words.insert(0, w[cut:])
                        break
                else:
                    lines.append(current)
                    current = w
                continue
            lines.append(current)
            current = w
        if current:
            lines.append(current)
        return [line for line in lines if line]

    def paragraph(self, text, font="DejaVu", size=None, indent=0.0, first=""):
        size = size or self.size
        for k, line in enumerate(self.wrap(text, font, size, indent + (self.text_width(first, font, size) if first else 0))):
            self.need(self.leading)
            if k == 0 and first:
                self.put(first, font, size, self.margin + indent)
            x = self.margin + indent + (self.text_width(first, font, size) if first else 0)
            self.put(line, font, size, x)
            self.y -= self.leading

    def table(self, rows):
        size = self.size
        gap = 2.6 * size
        cols = len(rows[0])
        room = self.width - 2 * self.margin
        while True:
            widths = [max(self.text_width(r[c], "DejaVu-Bold" if k == 0 else "DejaVu", size) for k, r in enumerate(rows))
                      for c in range(cols)]
            if sum(widths) + gap * (cols - 1) <= room or size <= 6:
                break
            size -= 0.5
            gap = 2.6 * size
        xs = [self.margin]
        for w in widths[:-1]:
            xs.append(xs[-1] + w + gap)
        leading = min(self.leading, size * 1.4)
        for k, row in enumerate(rows):
            self.need(leading)
            for c, value in enumerate(row):
                if value:
                    self.put(value, "DejaVu-Bold" if k == 0 else "DejaVu", size, xs[c])
            self.y -= leading

    def save(self):
        if self.page:
            self.pages.append(self.page)
            self.page = []
        c = self.canvas_class(str(self.path), pagesize=(self.width, self.height), invariant=1)
        c.setAuthor("samverkan")
        c.setTitle(self.header)
        total = len(self.pages)
        for n, page in enumerate(self.pages, 1):
            c.setFont("DejaVu", 8.5)
            c.drawString(self.margin, self.height - 40, self.header)
            c.drawRightString(self.width - self.margin, 30, f"Sida {n} av {total}")
            for font, size, x, y, text in page:
                c.setFont(font, size)
                c.drawString(x, y, text)
            c.showPage()
        c.save()


def write_pdf(blocks, header: str, path: Path) -> None:
    lay = Layout(path, header)
    for kind, payload in blocks:
        if kind == "heading":
            level, text = payload
            size = {1: 16, 2: 14, 3: 12.5}.get(level, lay.size)
            lay.gap(0.5)
            lay.need(lay.leading * 3)
            lay.paragraph(text, "DejaVu-Bold", size)
            lay.gap(0.2)
        elif kind == "table":
            lay.gap(0.3)
            lay.table(payload)
            lay.gap(0.6)
        elif kind == "list":
            for it in payload:
                lay.paragraph(it, indent=12, first="• ")
            lay.gap(0.6)
        elif kind == "prose":
            lay.paragraph(payload)
            lay.gap(0.6)
        else:
            for line in payload:
                lay.paragraph(line)
            lay.gap(0.6)
    lay.save()


# ------------------------------------------------------------ hostile files

def write_bad(good_docx: Path, out: Path) -> None:
    """Files the readers must refuse or bound, each with a clear message."""
    import io
    import zipfile

    data = good_docx.read_bytes()
    (out / "damaged.docx").write_bytes(data[: len(data) // 2])  # cut: no central directory

    def package(document_xml: bytes, name: str, compress=zipfile.ZIP_DEFLATED) -> None:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", compress) as z:
            z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                       'package/2006/content-types"/>')
            z.writestr("word/document.xml", document_xml)
        (out / name).write_bytes(buf.getvalue())

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    # 200 MB of spaces inside a text run: some 200 kB packed.
    head = f'<?xml version="1.0"?><w:document {w}><w:body><w:p><w:r><w:t>'.encode()
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    package(head + b" " * (200 << 20) + tail, "bomb.docx")
    # External and recursive entities: must be neither fetched nor expanded.
    xxe = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">'
           f'<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
           f'<w:document {w}><w:body><w:p><w:r><w:t>Protokoll &x; &b;</w:t></w:r></w:p>'
           f'<w:p><w:r><w:t>Datum: 2024-03-14</w:t></w:r></w:p></w:body></w:document>').encode()
    package(xxe, "entities.docx")
    # 10^6 nested elements.
    n = 1_000_000
    deep = (f'<?xml version="1.0"?><w:document {w}><w:body><w:p>'.encode() + b"<w:r>" * n + b"<w:t>x</w:t>"
            + b"</w:r>" * n + b"</w:p></w:body></w:document>")
    package(deep, "deep.docx")
    # A zip that is not Word.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("content.xml", "<office:document/>")
    (out / "spreadsheet.docx").write_bytes(buf.getvalue())
    # Neither text, zip nor PDF: an image's header and bytes.
    (out / "image.pdf").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)

    from reportlab.pdfgen import canvas
    from reportlab.lib.pagesizes import A4

    enc = out / "encrypted.pdf"
    c = canvas.Canvas(str(enc), pagesize=A4, invariant=1, encrypt="hemligt")
    c.drawString(72, 760, "Protokoll 2024-03-14")
    c.showPage()
    c.save()
    good = canvas.Canvas(str(out / "damaged.pdf"), pagesize=A4, invariant=1)
    good.drawString(72, 760, "Protokoll 2024-03-14")
    good.showPage()
    good.save()
    raw = (out / "damaged.pdf").read_bytes()
    (out / "damaged.pdf").write_bytes(raw[:200] + b"\x00garbage" * 10)
    scan = canvas.Canvas(str(out / "scan.pdf"), pagesize=A4, invariant=1)
    for _ in range(2):
        scan.rect(72, 72, 400, 600, fill=1)  # an image of a page, as far as text goes
        scan.showPage()
    scan.save()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sources", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--formats", default="docx,pdf")
    ap.add_argument("--bad", type=Path, metavar="DIR",
                    help="also write hostile files (damaged, zip bomb, entities, deep nesting, encrypted, "
                         "scanned, neither) to DIR, from the first source's .docx")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for src in args.sources:
        text = src.read_text(encoding="utf-8")
        blocks = blocks_of(text)
        first = next(plain(line) for line in text.splitlines() if plain(line).strip("#").strip())
        header = first.strip("# ").strip()
        if "docx" in args.formats:
            write_docx(blocks, header, args.out / (src.stem + ".docx"))
        if "pdf" in args.formats:
            write_pdf(blocks, header, args.out / (src.stem + ".pdf"))
        print(f"{src.name}: {len(blocks)} blocks -> {args.out}/{src.stem}.{{{args.formats}}}", file=sys.stderr)
    if args.bad:
        args.bad.mkdir(parents=True, exist_ok=True)
        write_bad(args.out / (args.sources[0].stem + ".docx"), args.bad)
        print(f"hostile files -> {args.bad}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Checks that an EPUB's page-break markers and page list match its PDF.

usage: page_check.py BOOK.epub BOOK.pdf MARGIN_TOP_MM

- The page list (nav.xhtml, epub:type="page-list") names every page of the
  PDF once, in order, "1" to "N"; every folio printed on a PDF page is that
  page's number (the folios are the page numbers, front matter included).
- Each entry leads to an empty <span epub:type="pagebreak"
  role="doc-pagebreak"> with the page's number as aria-label; the markers
  come in the same order in the spine's reading order; none is inside a
  word, and none stands where a span may not (in a list, a table or a row).
- The text after each marker begins as the page does in `pdftotext -f N -l N`.
  The running head and folio are above the text block, so the page is
  cropped to start just above the top margin (MARGIN_TOP_MM, the style's)
  and they are left out. Both texts are compared as their letters only
  (NFKC, case folded, no digits, punctuation or spaces): line ends, soft and
  hard hyphens, superscript note numbers and list numbers do not count. A
  page that begins inside a word (broken at a hyphen or a dash) has its
  marker before the whole word: then the PDF page begins with the word's
  end, and the word's beginning ends the page before; or, where the word
  was hyphenated, the page before copies the whole word and the page
  begins with the next one.
"""
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from posixpath import dirname, join, normpath

XHTML = "{http://www.w3.org/1999/xhtml}"
EPUB = "{http://www.idpf.org/2007/ops}"
OPF = "{http://www.idpf.org/2007/opf}"
NCX = "{http://www.daisy.org/z3986/2005/ncx/}"
# Letters of a page compared with the EPUB's text after its marker.
COMPARE_LETTERS = 30
BLOCKS = {
    "body", "section", "header", "footer", "nav", "aside", "div", "p", "blockquote", "figure",
    "figcaption", "ol", "ul", "li", "table", "tbody", "tr", "td", "th", "dl", "dt", "dd",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr",
}
NO_SPAN_HERE = {"ol", "ul", "table", "tbody", "thead", "tr", "dl"}
failures = []


def fail(msg):
    failures.append(msg)


def letters(s):
    s = unicodedata.normalize("NFKC", s).casefold()
    return "".join(c for c in s if c.isalpha())


def run(*cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


class Reader:
    """The spine's text in reading order, with the markers in it."""

    def __init__(self):
        self.text = []  # characters in reading order
        self.markers = []  # (file#id, label, index into text)
        self.last = None  # the character before, within the current block

    def walk(self, el, name, parent):
        tag = el.tag.replace(XHTML, "")
        if tag == "head" or el.get("hidden") is not None:
            self.chars(el.tail)
            return
        block = tag in BLOCKS
        if block:
            self.last = None
        if el.get(EPUB + "type") == "pagebreak":
            self.marker(el, tag, name, parent)
        text = el.text
        if tag == "br":
            text = "\n"  # a line break: the end of a word
        elif el.get("class") == "figure-placeholder" and len(el) and el[0].text:
            # The EPUB says what the PDF's frame only shows.
            el[0].text = el[0].text.replace("Image not included: ", "", 1)
        self.chars(text)
        for child in el:
            self.walk(child, name, tag)
        if block:
            self.last = None
        self.chars(el.tail)

    def marker(self, el, tag, name, parent):
        label = el.get("aria-label")
        if tag != "span" or el.get("role") != "doc-pagebreak" or not label:
            fail(f"{name}: marker {el.get('id')} is not a labelled doc-pagebreak span")
        if (el.text or "") or len(el):
            fail(f"{name}: marker {el.get('id')} is not empty")
        if parent in NO_SPAN_HERE:
            fail(f"{name}: marker {el.get('id')} stands directly in <{parent}>")
        if self.last is not None and not self.last.isspace():
            fail(f"{name}: marker {el.get('id')} splits a word (after {self.last!r})")
        self.markers.append((f"{name}#{el.get('id')}", label, len(self.text)))

    def chars(self, s):
        if s:
            self.text.extend(s)
            self.last = s[-1]


def read_epub(path):
    z = zipfile.ZipFile(path)
    container = ET.fromstring(z.read("META-INF/container.xml"))
    opf_path = container.find(".//{*}rootfile").get("full-path")
    opf = ET.fromstring(z.read(opf_path))
    base = dirname(opf_path)
    items = {i.get("id"): i for i in opf.iter(OPF + "item")}
    spine = [items[r.get("idref")].get("href") for r in opf.iter(OPF + "itemref")]
    nav_href = next(i.get("href") for i in items.values() if "nav" in (i.get("properties") or ""))
    reader = Reader()
    for href in spine:
        root = ET.fromstring(z.read(normpath(join(base, href))))
        reader.walk(root, href, None)
    nav = ET.fromstring(z.read(normpath(join(base, nav_href))))
    lists = [n for n in nav.iter(XHTML + "nav") if n.get(EPUB + "type") == "page-list"]
    if len(lists) != 1:
        fail(f"{nav_href}: {len(lists)} page-list navs")
        return reader, []
    entries = [(a.get("href"), "".join(a.itertext())) for a in lists[0].iter(XHTML + "a")]
    ncx_href = next((i.get("href") for i in items.values()
                     if i.get("media-type") == "application/x-dtbncx+xml"), None)
    if ncx_href:
        check_ncx(ET.fromstring(z.read(normpath(join(base, ncx_href)))), entries, reader)
    return reader, entries


def check_ncx(ncx, entries, reader):
    """The NCX (for older readers) lists the same pages, and one play order
    runs through its navPoints and pageTargets: from 1, without gaps, one
    number a target, in reading order."""
    targets = [(t.find(NCX + "content").get("src"), t.get("value"), int(t.get("playOrder")))
               for t in ncx.iter(NCX + "pageTarget")]
    if [(src, value) for src, value, _ in targets] != entries:
        fail("the NCX's pageList is not the page list")
    count = ncx.find(f".//{NCX}meta[@name='dtb:totalPageCount']").get("content")
    if count != str(len(entries)):
        fail(f"dtb:totalPageCount is {count}, not {len(entries)}")
    orders = {}
    for el in list(ncx.iter(NCX + "navPoint")) + list(ncx.iter(NCX + "pageTarget")):
        src = el.find(NCX + "content").get("src")
        if orders.setdefault(src, el.get("playOrder")) != el.get("playOrder"):
            fail(f"two play orders for {src}")
    numbers = sorted(set(int(v) for v in orders.values()))
    if numbers != list(range(1, len(numbers) + 1)) or len(numbers) != len(orders):
        fail("the NCX's play order has gaps or gives two targets one number")
    pages_order = [order for _, _, order in targets]
    if pages_order != sorted(pages_order):
        fail("the NCX's pages are not in play order")


def pdf_pages(path):
    info = run("pdfinfo", path)
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    w, h = map(float, re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", info, re.M).groups())
    return pages, w, h


def page_texts(pdf, pages, y, w, h):
    """Each page's text in the area from `y` down, `h` high (points): one
    pdftotext for all, as `pdftotext -f N -l N` gives each (a form feed
    ends every page)."""
    out = run("pdftotext", "-x", "0", "-y", str(int(y)), "-W", str(int(w) + 1),
              "-H", str(int(h) + 1), pdf, "-")
    texts = out.split("\f")
    if len(texts) < pages:
        fail(f"pdftotext gave {len(texts)} pages of {pages}")
    return texts[:pages] + [""] * (pages - len(texts))


def check_folios(pdf, pages, top, w):
    """The number printed above the text block of a page is its own."""
    printed = 0
    for n, head in enumerate(page_texts(pdf, pages, 0, w, top), 1):
        numbers = re.findall(r"\b\d+\b", head)
        if numbers:
            printed += 1
            if str(n) not in numbers:
                fail(f"page {n}: folio printed {numbers}")
    if printed == 0:
        fail("no page has a folio")
    return printed


def starts_like(epub, page, prev_page):
    """Whether the EPUB's text after a marker begins as the PDF page does:
    "word" when the page begins with a word, "inside" when inside one."""
    want = letters(page)[:COMPARE_LETTERS]
    got = letters("".join(epub[:4 * COMPARE_LETTERS + 200]))
    if got.startswith(want):
        return "word"
    # The page begins inside the marker's first word (a long URL is broken
    # anywhere, so the page's first piece may end inside the word too).
    first_word = letters(("".join(epub[:1000]).split() or [""])[0])
    first_piece = letters((page.split() or [""])[0])
    # A word hyphenated across the page break copies whole from the page
    # before (the tagged PDF gives its text to its first part), and the
    # page's text begins with the next word.
    rest = got[len(first_word):]
    if first_word and rest.startswith(want) and first_word in letters(prev_page):
        return "inside"
    cut = first_word.find(first_piece, 1) if first_piece else -1
    if cut <= 0:
        return None
    head = first_word[:cut]
    if got[len(head):].startswith(want) and head in letters(prev_page):
        return "inside"
    return None


def main():
    epub, pdf, margin_mm = sys.argv[1], sys.argv[2], float(sys.argv[3])
    pages, w, h = pdf_pages(pdf)
    # Just above the text block: the running head's baseline is 1.4 body
    # sizes higher, its letters' feet well above this line.
    top = margin_mm * 72 / 25.4 - 4
    reader, entries = read_epub(epub)
    labels = [label for _, label in entries]
    if labels != [str(n) for n in range(1, pages + 1)]:
        fail(f"page list {labels[:5]}...{labels[-3:]} is not 1..{pages}")
    by_href = {href: (label, at) for href, label, at in reader.markers}
    if [m[1] for m in reader.markers] != labels:
        fail("the markers in reading order are not the page list's pages in order")
    printed = check_folios(pdf, pages, top, w)
    compared = blank = inside = 0
    prev = ""
    fulls = page_texts(pdf, pages, 0, w, h)
    bodies = page_texts(pdf, pages, top, w, h - top)
    for n, (href, label) in enumerate(entries, 1):
        if href not in by_href or by_href[href][0] != label or n > pages:
            fail(f"page list entry {label} ({href}) leads to no marker of page {label}")
            continue
        full, body = fulls[n - 1], bodies[n - 1]
        if not letters(body):
            blank += 1
        elif how := starts_like(reader.text[by_href[href][1]:], body, prev):
            compared += 1
            inside += how == "inside"
        else:
            after = "".join(reader.text[by_href[href][1]:][:80])
            fail(f"page {n}: the EPUB has {after!r} after its marker; the PDF page begins "
                 f"{' '.join(body.split())[:80]!r}")
        prev = full
    for f in failures:
        print(f"FAIL: {epub}: {f}")
    print(f"{epub}: {pages} pages, {len(reader.markers)} markers, {printed} folios printed, "
          f"{compared} pages' first words compared ({inside} begin inside a word), {blank} blank")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

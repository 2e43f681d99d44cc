"""HTML to PDF with WeasyPrint, and the print stylesheet every handout shares.

WeasyPrint needs Pango from the operating system. When it cannot load, the
error names the Debian packages to install, so a trainer is never left with a
traceback; nothing else in the kit needs it.
"""

from __future__ import annotations

#: Debian's packages WeasyPrint needs (and a font with wide coverage).
SYSTEM_PACKAGES = ("libpango-1.0-0", "libpangoft2-1.0-0", "fonts-dejavu-core")

#: The print stylesheet: A4, readable sizes, contrast well above WCAG AA, no colour-only meaning.
PRINT_CSS = """
@page { size: A4; margin: 18mm 16mm 20mm 16mm;
        @bottom-center { content: string(doc-title) " · page " counter(page) " of " counter(pages);
                         font-size: 8.5pt; color: #3d4451; } }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt;
       line-height: 1.45; color: #1a1a1a; }
h1 { string-set: doc-title content(); font-size: 22pt; color: #1d4f91; margin: 0 0 6pt; }
h2 { font-size: 15pt; color: #1d4f91; border-bottom: 1.5pt solid #1d4f91; padding-bottom: 2pt;
     margin: 14pt 0 6pt; break-after: avoid; }
h3 { font-size: 12pt; margin: 10pt 0 4pt; break-after: avoid; }
p, li { orphans: 2; widows: 2; }
.lesson { break-before: page; }
.meta { color: #3d4451; font-size: 9.5pt; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; font-size: 9.5pt; }
th, td { border: 0.75pt solid #5b6475; padding: 3pt 5pt; text-align: left; vertical-align: top; }
th { background: #e8eef7; }
tr { break-inside: avoid; }
.write { border: 0.75pt solid #5b6475; min-height: 28mm; margin: 3pt 0 10pt; border-radius: 2pt; }
.write.small { min-height: 12mm; }
.box { display: inline-block; width: 9pt; height: 9pt; border: 0.75pt solid #1a1a1a; margin-right: 4pt;
       vertical-align: -1pt; }
.card { border: 1.2pt solid #1d4f91; border-radius: 4pt; padding: 8pt 10pt; margin: 0 0 10pt;
        break-inside: avoid; }
.answer { color: #1b6e3a; }
figure { margin: 6pt 0; break-inside: avoid; }
figure img { max-width: 100%; }
figcaption { font-size: 9pt; color: #3d4451; }
"""


class PdfUnavailable(RuntimeError):
    """WeasyPrint or the system libraries it needs are missing; the message says what to install."""


def _weasyprint():
    try:
        import weasyprint
    except (ImportError, OSError) as problem:  # OSError: Pango cannot be loaded
        raise PdfUnavailable(
            "PDF files need WeasyPrint and Debian's Pango library, which could not be loaded "
            f"({str(problem).splitlines()[0][:120]}). Run: sudo apt-get install -y {' '.join(SYSTEM_PACKAGES)}"
            " and then ./start-workshop.sh again.") from None
    return weasyprint


def require_pdf() -> None:
    """Load WeasyPrint now, so an app offers a PDF only when it can make one (:class:`PdfUnavailable` if not)."""
    _weasyprint()


def pdf_bytes(html: str) -> bytes:
    """The PDF of a self-contained HTML page (its images inline as data URLs)."""
    return pdf_with_pages(html)[0]


def pdf_with_pages(html: str) -> tuple[bytes, int]:
    """The PDF of a self-contained HTML page, and its number of pages."""
    document = _weasyprint().HTML(string=html, base_url=None).render()
    return document.write_pdf(), len(document.pages)


def page(title: str, body: str, css: str = "") -> str:
    """A whole HTML page for printing: the print stylesheet, ``css`` after it, and ``body``."""
    from kit.documents import escape

    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{PRINT_CSS}{css}</style></head><body>{body}</body></html>")

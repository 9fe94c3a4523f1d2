"""Draw official documents as PDF (fpdf2) and DOCX (python-docx), laid out as the rules say.

Two layouts (``Spec.party``):
- a party body's, per Hướng dẫn 36-HD/VPTW: top left the superior body, the issuing body and a
  star, then "Số 14-KH/BTGThU"; top right "ĐẢNG CỘNG SẢN VIỆT NAM" and "Hồng Lĩnh, ngày …";
  signed "T/M BAN THƯỜNG VỤ" or "K/T TRƯỞNG BAN";
- a state body's, per Nghị định 30/2020/NĐ-CP: top left the governing body and the issuing body,
  then "Số: 123/QĐ-UBND"; top right the national motto and the place and date; signed "TM." or
  "KT.". A công văn has no type heading: its "V/v …" summary stands under its number.

The PDFs embed DejaVu Serif (``fonts/``, with its licence), which has every Vietnamese letter.
"""

import io
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib.resources import files

PARTY_MOTTO = ["ĐẢNG CỘNG SẢN VIỆT NAM"]
STATE_MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


@dataclass(frozen=True)
class Spec:
    """One document to draw. ``header`` is the top-left block (superior body first); ``authority``
    the lines above the signer's position ("T/M BAN THƯỜNG VỤ"), ``position`` the signer's own."""

    party: bool
    header: tuple[str, ...]
    number: str
    place: str
    issued_on: date
    type_name: str
    title: str
    authority: tuple[str, ...]
    position: str
    signer: str
    paragraphs: tuple[str, ...]
    recipients: tuple[str, ...] = ("Như trên;", "Lưu VP.")
    pages: int = 1

    @property
    def is_letter(self) -> bool:
        """A công văn: no heading, its summary "V/v …" under the number."""
        return self.type_name == "Công văn"

    @property
    def number_line(self) -> str:
        return f"Số {self.number}" if self.party else f"Số: {self.number}"

    @property
    def date_line(self) -> str:
        day = self.issued_on
        return f"{self.place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"

    @property
    def motto(self) -> list[str]:
        return PARTY_MOTTO if self.party else STATE_MOTTO

    @property
    def left_block(self) -> list[str]:
        lines = [*self.header, "*" if self.party else "-----", self.number_line]
        return lines + ([f"V/v {self.title}"] if self.is_letter else [])

    @property
    def signature(self) -> list[str]:
        return [*self.authority, self.position, "(Đã ký)", self.signer]


def _font_path(name: str) -> str:
    return str(files("portal.demo").joinpath("fonts", name))


def pdf_bytes(spec: Spec) -> bytes:
    """The document as a PDF of ``spec.pages`` A4 pages or more."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(20, 20, 15)
    pdf.add_font("serif", "", _font_path("DejaVuSerif.ttf"))
    pdf.add_font("serif", "B", _font_path("DejaVuSerif-Bold.ttf"))
    pdf.add_page()
    _pdf_two_columns(pdf, spec.left_block, [*spec.motto, "", spec.date_line], bold_left=len(spec.header))
    pdf.ln(8)
    if not spec.is_letter:
        pdf.set_font("serif", "B", 14)
        pdf.cell(0, 8, spec.type_name.upper(), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("serif", "B", 12)
        pdf.multi_cell(0, 6, spec.title, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.cell(0, 6, "-----", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("serif", "", 12)
    for page in range(spec.pages):
        if page:
            pdf.add_page()
        for paragraph in spec.paragraphs:
            pdf.multi_cell(0, 6.5, "      " + paragraph, align="J", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    pdf.ln(6)
    recipients = ["Nơi nhận:", *(f"- {line}" for line in spec.recipients)]
    _pdf_two_columns(pdf, recipients, spec.signature, bold_left=0, bold_right=len(spec.signature) - 2, small_left=True)
    return bytes(pdf.output())


def _pdf_two_columns(pdf, left: list[str], right: list[str], bold_left: int, bold_right: int = 1, small_left=False) -> None:
    """Two blocks side by side, each centred in its half; the first lines of each in bold."""
    top, half = pdf.get_y(), (pdf.w - pdf.l_margin - pdf.r_margin) / 2
    bottom = top
    for column, (lines, bold) in enumerate(((left, bold_left), (right, bold_right))):
        pdf.set_xy(pdf.l_margin + column * half, top)
        for number, line in enumerate(lines):
            size = 10 if small_left and column == 0 else 11
            pdf.set_font("serif", "B" if number < bold else "", size)
            align = "L" if small_left and column == 0 else "C"
            pdf.set_x(pdf.l_margin + column * half)
            pdf.multi_cell(half, 6, line, align=align, new_x="LEFT", new_y="NEXT")
        bottom = max(bottom, pdf.get_y())
    pdf.set_xy(pdf.l_margin, bottom)


def docx_bytes(spec: Spec) -> bytes:
    """The document as a DOCX: the two header blocks and the signature in borderless tables."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    _docx_two_columns(document, spec.left_block, [*spec.motto, spec.date_line])
    if not spec.is_letter:
        for text, size in ((spec.type_name.upper(), 14), (spec.title, 12)):
            paragraph = document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(text)
            run.bold = True
            run.font.size = docx.shared.Pt(size)
    for _ in range(spec.pages):
        for text in spec.paragraphs:
            document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _docx_two_columns(document, ["Nơi nhận:", *(f"- {line}" for line in spec.recipients)], spec.signature)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _docx_two_columns(document, left: list[str], right: list[str]) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    cells = document.add_table(rows=1, cols=2).rows[0].cells
    for cell, lines in zip(cells, (left, right)):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
        for paragraph in cell.paragraphs:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


@lru_cache(maxsize=None)
def drawn(spec: Spec, kind: str) -> bytes:
    """The file of ``kind`` ("pdf" or "docx"), drawn once per process (the tests load the demo often)."""
    return pdf_bytes(spec) if kind == "pdf" else docx_bytes(spec)

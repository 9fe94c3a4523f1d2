"""A document's file: recognised by its content, read in a bounded child process, stored whole or
not at all; every bad file gets a clear Vietnamese message (issue 17, "Bad input")."""

import io
import time
import zipfile
from datetime import date
from pathlib import Path

import pytest
from fpdf import FPDF
from PIL import Image
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from portal.demo.documents import DOCUMENTS
from portal.demo.official_files import drawn
from portal.extensions import db
from portal.models import Document, DocumentFile, DocumentStatus, TermKind
from portal.services import documents
from portal.services.document_files import DocumentLimits, prepare_file
from portal.services.media import MediaError

PLAN = DOCUMENTS[0]  # Kế hoạch 14-KH/BTGThU, a 3-page PDF
DOCX = next(item for item in DOCUMENTS if item.kind == "docx")


def limits(folder: Path, **changes) -> DocumentLimits:
    return DocumentLimits(folder, **({"max_bytes": 5 * 1024 * 1024} | changes))


def simple_pdf(pages: int, encrypted: bool = False) -> bytes:
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for number in range(pages):
        pdf.add_page()
        pdf.cell(0, 10, f"Trang {number + 1} ke hoach")
    if encrypted:
        pdf.set_encryption(owner_password="chu", user_password="khach")
    return bytes(pdf.output())


def docx_bomb() -> bytes:
    """A few hundred kilobytes that say they inflate to 200 MB of zeros."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            block = b"\0" * (1024 * 1024)
            for _ in range(200):
                part.write(block)
    return out.getvalue()


def test_a_pdf_is_read_with_its_text_pages_and_previews(tmp_path):
    prepared = prepare_file(io.BytesIO(drawn(PLAN.spec, "pdf")), "Kế hoạch 14.pdf", limits(tmp_path))
    row = prepared.row
    assert (row.extension, row.mime_type, row.page_count, row.preview_pages) == ("pdf", "application/pdf", 3, 3)
    assert row.has_text and "Số 14-KH/BTGThU" in row.text and "tuyên truyền, khoa giáo năm 2020" in row.text
    assert row.original_name == "Kế hoạch 14.pdf" and row.filename.endswith(".pdf") and "Kế" not in row.filename
    previews = [prepared.files[row.preview_filename(n)] for n in (1, 2, 3)]
    assert all(picture.startswith(b"\x89PNG") for picture in previews)


def test_a_docx_is_read_in_order_and_has_no_preview(tmp_path):
    prepared = prepare_file(io.BytesIO(drawn(DOCX.spec, "docx")), "chi-thi.docx", limits(tmp_path))
    assert prepared.row.extension == "docx" and prepared.row.preview_pages == 0 and prepared.row.page_count is None
    lines = prepared.row.text.splitlines()
    assert lines.index(DOCX.spec.number_line) < lines.index("CHỈ THỊ") < lines.index(DOCX.spec.signer)


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"<html><script>alert(1)</script></html>", "ke-hoach.pdf", "Tệp không phải văn bản PDF, DOC, DOCX"),
        (simple_pdf(1), "ke-hoach.docx", "Tệp có đuôi .docx nhưng nội dung là tệp PDF"),
        (simple_pdf(1), "ke-hoach.exe", "Chỉ nhận tệp PDF, DOC, DOCX, XLS, XLSX hoặc ODT"),
        (simple_pdf(1, encrypted=True), "mat-khau.pdf", "Tệp PDF được đặt mật khẩu"),
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n%%EOF", "hong.pdf", "Tệp PDF bị hỏng"),
        (simple_pdf(2)[:400], "cut.pdf", "Tệp PDF bị hỏng"),
        (b"PK\x03\x04 not really a zip", "hong.docx", "Tệp bị hỏng"),
        (docx_bomb(), "bom.docx", "nội dung nén bung ra quá lớn"),
        (b"", "rong.pdf", "Tệp rỗng"),
    ],
    ids=["html-named-pdf", "pdf-named-docx", "exe", "encrypted", "broken", "truncated", "bad-zip", "docx-bomb", "empty"],
)
def test_bad_files_are_refused_with_a_clear_message(tmp_path, data, name, message):
    started = time.monotonic()
    with pytest.raises(MediaError, match=message):
        prepare_file(io.BytesIO(data), name, limits(tmp_path))
    assert time.monotonic() - started < 10


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path):
    with pytest.raises(MediaError, match="Tệp quá lớn: tối đa 1 MB"):
        prepare_file(io.BytesIO(b"%PDF-" + b"0" * (1024 * 1024)), "lon.pdf", limits(tmp_path, max_bytes=1024 * 1024))


def test_a_200_page_pdf_is_read_within_seconds_with_three_previews(tmp_path):
    started = time.monotonic()
    prepared = prepare_file(io.BytesIO(simple_pdf(200)), "dai.pdf", limits(tmp_path))
    assert time.monotonic() - started < 10
    assert prepared.row.page_count == 200 and prepared.row.preview_pages == 3
    assert "Trang 200 ke hoach" in prepared.row.text


def test_a_file_that_takes_too_long_is_stopped(tmp_path):
    with pytest.raises(MediaError, match="quá phức tạp để đọc trong thời gian cho phép"):
        prepare_file(io.BytesIO(simple_pdf(200)), "cham.pdf", limits(tmp_path, seconds=0.05))


def test_a_failed_save_leaves_neither_rows_nor_files(app):
    folder = Path(app.config["UPLOAD_FOLDER"])
    with app.app_context():
        prepared = prepare_file(io.BytesIO(drawn(PLAN.spec, "pdf")), "ke-hoach.pdf", limits(folder))
        kind = documents.term_named(TermKind.TYPE, "Kế hoạch")
        fields = documents.DocumentFields(number="1-KH", title="Thử", type=kind, issuer=None, issued_on=date(2020, 1, 1),
                                          status="khong-co")  # fmt: skip
        with pytest.raises(IntegrityError):
            documents.add_document(fields, [prepared], folder)  # an unknown status: the database refuses the row
        assert db.session.execute(select(func.count(Document.id))).scalar() == 0
        assert db.session.execute(select(func.count(DocumentFile.id))).scalar() == 0
    assert list(folder.iterdir()) == []


def scanned_pdf() -> bytes:
    """A page that is only a picture, as a scanner makes it: no text layer."""
    picture = io.BytesIO()
    Image.new("L", (600, 850), 255).save(picture, format="PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(picture, x=0, y=0, w=210)
    return bytes(pdf.output())


def test_a_scan_is_found_by_its_fields_and_marked_as_a_scan(app):
    folder = Path(app.config["UPLOAD_FOLDER"])
    prepared = prepare_file(io.BytesIO(scanned_pdf()), "ban-chup.pdf", limits(folder))
    assert not prepared.row.has_text and prepared.row.preview_pages == 1
    with app.app_context():
        kind, issuer = documents.term_named(TermKind.TYPE, "Thông báo"), documents.term_named(TermKind.ISSUER, "UBND xã A")
        fields = documents.DocumentFields(number="3/TB-UBND", title="lịch tiếp công dân tháng 7", type=kind, issuer=issuer,
                                          issued_on=date(2020, 7, 1), status=DocumentStatus.PUBLISHED)  # fmt: skip
        documents.add_document(fields, [prepared], folder)
    client = app.test_client()
    found = client.get("/van-ban?q=lich+tiep+cong+dan").get_data(as_text=True)
    assert "3/TB-UBND" in found
    with app.test_request_context():
        url = db.session.execute(select(Document)).scalar_one().url
    assert "là bản chụp (không có lớp chữ)" in client.get(url).get_data(as_text=True)


def zipped(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (zipped({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}), "bang.xlsx", "xlsx"),
        (zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}), "van-ban.odt", "odt"),
        (OLE2 + "WordDocument".encode("utf-16-le"), "cu.doc", "doc"),
        (OLE2 + "Workbook".encode("utf-16-le"), "bang-cu.xls", "xls"),
    ],
)
def test_office_files_are_kept_for_download_without_reading(tmp_path, data, name, kind):
    prepared = prepare_file(io.BytesIO(data), name, limits(tmp_path))
    assert (prepared.row.extension, prepared.row.preview_pages, prepared.row.has_text) == (kind, 0, False)
    assert list(prepared.files) == [prepared.row.filename] and prepared.row.filename.endswith(f".{kind}")


def test_a_zip_that_is_no_office_file_is_refused(tmp_path):
    with pytest.raises(MediaError, match="Tệp nén này không phải văn bản"):
        prepare_file(io.BytesIO(zipped({"index.html": b"<script>alert(1)</script>"})), "trang.docx", limits(tmp_path))

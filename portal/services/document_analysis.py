"""Reading an uploaded document's file: its text, its page count and the pictures of its first pages.

PDFium and the XML parser behind python-docx are native code that a hostile file can keep busy
or make allocate a lot, and neither can be interrupted from Python. So an upload is analysed in
a child process (``analyse_bounded``) that limits its own memory and CPU time before it reads
anything, and that the parent kills after ``timeout`` seconds: the worst a file can do is fail
with a clear message. The child runs this file as a script (``python -I``), so it imports
nothing of the portal, only pypdfium2, python-docx and Pillow.

The demo loader, whose files our own code made, calls ``analyse`` in its own process.
"""

import base64
import io
import json
import subprocess
import sys
from dataclasses import dataclass, field

MEMORY_LIMIT = 1024 * 1024 * 1024  # bytes of address space for the child
TEXT_PAGES = 300  # pages read for text; a longer file is found by the words of its first pages
TEXT_CHARS = 2_000_000
PREVIEW_WIDTH = 900  # pixels; a page taller than 1.6 widths is scaled to that height
PREVIEW_MAX_HEIGHT = 1440

BROKEN_PDF = "Tệp PDF bị hỏng hoặc không đọc được. Hãy xuất lại tệp PDF rồi tải lên."
ENCRYPTED_PDF = "Tệp PDF được đặt mật khẩu. Hãy gỡ mật khẩu rồi tải lên lại."
BROKEN_DOCX = "Tệp DOCX bị hỏng hoặc không đọc được. Hãy lưu lại bằng Word rồi tải lên."


class AnalysisError(ValueError):
    """The file cannot be read; the message says why, in Vietnamese, for the webmaster."""


@dataclass
class Analysis:
    """What was read from a file: ``text`` with line breaks, ``previews`` as PNG bytes."""

    text: str = ""
    page_count: int | None = None
    previews: list[bytes] = field(default_factory=list)


def _pdf(data: bytes, preview_pages: int) -> Analysis:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise AnalysisError(ENCRYPTED_PDF if getattr(error, "err_code", None) == 4 else BROKEN_PDF) from None
    try:
        return _read_pdf(pdf, preview_pages)
    finally:
        pdf.close()


def _read_pdf(pdf, preview_pages: int) -> Analysis:
    import pypdfium2 as pdfium

    analysis = Analysis(page_count=len(pdf))
    if analysis.page_count == 0:
        raise AnalysisError(BROKEN_PDF)
    texts, length = [], 0
    try:
        for number in range(min(analysis.page_count, TEXT_PAGES)):
            page = pdf[number]
            text = page.get_textpage().get_text_bounded()
            texts.append(text.replace("\r\n", "\n"))
            length += len(text)
            if number < preview_pages:
                analysis.previews.append(_picture(page))
            if length > TEXT_CHARS:
                break
    except pdfium.PdfiumError:
        raise AnalysisError(BROKEN_PDF) from None
    analysis.text = "\n\f\n".join(texts)[:TEXT_CHARS]
    return analysis


def _picture(page) -> bytes:
    """The page as a PNG ``PREVIEW_WIDTH`` pixels wide (narrower if it is very tall), in grey."""
    width, height = page.get_size()
    if width <= 0 or height <= 0:
        raise AnalysisError(BROKEN_PDF)
    scale = min(PREVIEW_WIDTH / width, PREVIEW_MAX_HEIGHT / height)
    image = page.render(scale=scale, grayscale=True).to_pil()
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _docx(data: bytes) -> Analysis:
    """The text of the body in order, paragraphs and tables (a cell's text on its own line)."""
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # python-docx raises many kinds (KeyError, ValueError, lxml's) for a broken file
        raise AnalysisError(BROKEN_DOCX) from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    lines.extend(paragraph.text for paragraph in cell.paragraphs)
        else:
            lines.append(block.text)
    return Analysis(text="\n".join(lines)[:TEXT_CHARS])


def analyse(data: bytes, kind: str, preview_pages: int) -> Analysis:
    """Read a file whose ``kind`` was found from its content; other kinds have nothing to read."""
    if kind == "pdf":
        return _pdf(data, preview_pages)
    if kind == "docx":
        return _docx(data)
    return Analysis()


def analyse_bounded(data: bytes, kind: str, preview_pages: int, timeout: float) -> Analysis:
    """``analyse`` in a child process limited in memory, CPU time and wall time."""
    if kind not in ("pdf", "docx"):
        return Analysis()
    command = [sys.executable, "-I", __file__, kind, str(preview_pages), str(int(timeout))]
    too_long = AnalysisError(
        "Tệp quá phức tạp để đọc trong thời gian cho phép. Hãy chia nhỏ tệp hoặc lưu lại dưới dạng đơn giản hơn."
    )
    try:
        done = subprocess.run(command, input=data, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise too_long from None
    if done.returncode != 0:
        raise too_long
    answer = json.loads(done.stdout)
    if "error" in answer:
        raise AnalysisError(answer["error"])
    previews = [base64.b64decode(picture) for picture in answer["previews"]]
    return Analysis(text=answer["text"], page_count=answer["page_count"], previews=previews)


def _child(kind: str, preview_pages: int, seconds: int) -> None:
    """The child's side: limit itself, read stdin, answer one JSON object on stdout."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds))
    data = sys.stdin.buffer.read()
    try:
        analysis = analyse(data, kind, preview_pages)
    except AnalysisError as error:
        json.dump({"error": str(error)}, sys.stdout)
        return
    previews = [base64.b64encode(picture).decode() for picture in analysis.previews]
    json.dump({"text": analysis.text, "page_count": analysis.page_count, "previews": previews}, sys.stdout)


if __name__ == "__main__":
    _child(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))

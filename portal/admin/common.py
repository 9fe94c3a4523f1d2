"""What the admin's views share: the acting user, upload limits, fragments and confirmations."""

import re
from pathlib import Path

from flask import Response, abort, current_app, render_template, request, url_for
from flask_login import current_user

from portal.admin.forms import ConfirmForm
from portal.extensions import db
from portal.models import Article, User
from portal.models.attachments import ATTACHMENT_FOLDER
from portal.services.document_files import DocumentLimits
from portal.services.media import UploadLimits
from portal.web.fragments import wants_fragment


def actor() -> User:
    """The signed-in account (the guard has made sure there is one)."""
    return current_user._get_current_object()


def image_limits() -> UploadLimits:
    config = current_app.config
    widths = tuple(config["IMAGE_RENDITION_WIDTHS"])
    return UploadLimits(Path(config["UPLOAD_FOLDER"]), config["IMAGE_MAX_BYTES"], widths, config["IMAGE_MAX_PIXELS"])


def audio_limits() -> UploadLimits:
    config = current_app.config
    return UploadLimits(Path(config["UPLOAD_FOLDER"]), config["AUDIO_MAX_BYTES"], ())


def document_limits(folder: Path | None = None) -> DocumentLimits:
    """The bounds of a văn bản file (the library's, or an article's attachment in ``folder``)."""
    config = current_app.config
    folder = folder or Path(config["UPLOAD_FOLDER"])
    return DocumentLimits(folder, config["DOCUMENT_MAX_BYTES"], config["DOCUMENT_PREVIEW_PAGES"], config["DOCUMENT_ANALYSIS_SECONDS"])


def attachment_folder() -> Path:
    """Where articles' attached files are kept: under the uploads, out of ``/uploads``' reach."""
    folder = Path(current_app.config["UPLOAD_FOLDER"]) / ATTACHMENT_FOLDER
    folder.mkdir(exist_ok=True)
    return folder


def ask_first(question: str, button: str, back: str) -> Response | None:
    """Ask before a destructive action, for a view that answers GET and POST at one address.

    GET: the question, as a dialog fragment for htmx or else a full page, its form posting back
    here. POST: None once the form's CSRF token is valid, so that the view goes on to act; else 400."""
    if request.method == "GET":
        action = url_for(request.endpoint, **request.view_args)
        context = {"question": question, "action": action, "button": button, "back": back, "form": ConfirmForm()}
        template = "admin/_confirm.html" if wants_fragment() else "admin/confirm.html"
        response = current_app.make_response(render_template(template, **context))
        response.vary.add("HX-Request")
        return response
    if not ConfirmForm().validate_on_submit():
        abort(400)
    return None


ARTICLE_ADDRESS = re.compile(r"-(\d+)\.html(?:[?#].*)?$")


def articles_at(addresses: str) -> tuple[list[Article], list[str]]:
    """The articles at the addresses pasted one a line (each once, in order), and the lines
    that name no article."""
    found, wrong = [], []
    for line in (addresses or "").splitlines():
        if not line.strip():
            continue
        address = ARTICLE_ADDRESS.search(line.strip())
        article = db.session.get(Article, int(address.group(1))) if address and len(address.group(1)) < 10 else None
        (found if article else wrong).append(article or line.strip())
    return list(dict.fromkeys(found)), wrong


def article_addresses(articles: list[Article]) -> str:
    """The articles' full addresses, one a line, as the forms take them."""
    return "\n".join(url_for("news.home", _external=True).rstrip("/") + article.url for article in articles)


def articles_field(field) -> list[Article] | None:
    """The articles a form's address field lists, or None with the field's error set."""
    found, wrong = articles_at(field.data)
    if wrong:
        field.errors = [f"Không tìm thấy bài viết ở địa chỉ: {', '.join(wrong)[:300]}."]
        return None
    return found

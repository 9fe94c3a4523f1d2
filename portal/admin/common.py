"""What the admin's views share: the acting user, upload limits, fragments and confirmations."""

from pathlib import Path

from flask import Response, abort, current_app, render_template, request, url_for
from flask_login import current_user

from portal.admin.forms import ConfirmForm
from portal.models import User
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

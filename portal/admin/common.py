"""What the admin's views share: the acting user, upload limits, fragments and confirmations."""

from pathlib import Path

from flask import current_app, render_template
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


def confirm_page(question: str, action: str, button: str, back: str):
    """Ask before a destructive action: a dialog fragment for htmx, else a full page with the same form."""
    context = {"question": question, "action": action, "button": button, "back": back, "form": ConfirmForm()}
    if wants_fragment():
        response = current_app.make_response(render_template("admin/_confirm.html", **context))
    else:
        response = current_app.make_response(render_template("admin/confirm.html", **context))
    response.vary.add("HX-Request")
    return response

"""An article's attached files in the admin form: new files, those taken off, the order typed
(the files are sent to the admin by ``portal.admin.articles``)."""

from flask import request

from portal.admin.common import attachment_folder, document_limits
from portal.admin.forms import ArticleForm
from portal.models import Article, ArticleAttachment
from portal.services.attachments import AttachmentChanges
from portal.services.document_files import prepare_file
from portal.services.media import MediaError
from portal.web.inputs import bounded_int

SHOWN = "dinh_kem"  # posted by the form when its attachment fields were shown (not to a locked article)


def changes_from_form(form: ArticleForm, article: Article | None) -> AttachmentChanges | None:
    """What the form asks of the files; None when it did not show them. A refused upload sets
    the field's error (with the file's name) and nothing of the others is kept either."""
    if not request.form.get(SHOWN):
        return None
    folder = attachment_folder()
    changes = AttachmentChanges(folder)
    for upload in form.attachment_files.data or []:
        if not upload or not upload.filename:
            continue
        try:
            changes.uploads.append(prepare_file(upload.stream, upload.filename, document_limits(folder), ArticleAttachment))
        except MediaError as error:
            form.attachment_files.errors = [*form.attachment_files.errors, f"{upload.filename}: {error}"]
    for item in article.attachments if article is not None else []:
        if str(item.id) in request.form.getlist("bo_tep"):
            changes.removed.add(item.id)
        position = bounded_int(request.form.get(f"thu_tu_{item.id}"), 1)
        if position is not None:
            changes.order[item.id] = position
    return changes

"""The library's admin forms: a document's fields, uploading files, the lists' entries."""

from flask_wtf.file import FileField, MultipleFileField
from wtforms import DateField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from portal.admin.forms import REQUIRED, AdminForm, options
from portal.models import DocumentStatus, TermKind, Validity
from portal.web.inputs import form_int

STATUS_CHOICES = options((status.value, status.label) for status in DocumentStatus)
VALIDITY_CHOICES = options((validity.value, validity.label) for validity in Validity)
KIND_CHOICES = options((kind.value, kind.label) for kind in TermKind)
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


def _stripped(value: str | None) -> str:
    """A text field's value without surrounding spaces; a field left out of the post is empty."""
    return " ".join(value.split()) if value else ""


def _length(maximum: int):
    return Length(max=maximum, message=f"Tối đa {maximum} ký tự.")


class DocumentForm(AdminForm):
    """A document's fields; those proposed from its file come filled in, to be confirmed."""

    number = StringField("Số/ký hiệu", [Optional(), _length(80)], filters=[_stripped], description="Ví dụ: 14-KH/BTGThU, 125/QĐ-UBND.")
    title = StringField("Trích yếu", [InputRequired(REQUIRED), _length(500)], filters=[_stripped])
    type_id = SelectField("Loại văn bản", coerce=form_int, validate_choice=True)
    issuer_id = SelectField("Cơ quan ban hành", coerce=form_int, validate_choice=True)
    field_id = SelectField("Lĩnh vực", coerce=form_int, validate_choice=True)
    place = StringField("Địa danh", [Optional(), _length(120)], filters=[_stripped], description="Nơi ban hành, ví dụ: Hồng Lĩnh.")
    issued_on = DateField("Ngày ban hành", [Optional()], format=DATE_FORMATS)
    effective_on = DateField("Ngày có hiệu lực", [Optional()], format=DATE_FORMATS)
    signer = StringField("Người ký", [Optional(), _length(120)], filters=[_stripped])
    signer_title = StringField("Chức vụ người ký", [Optional(), _length(200)], filters=[_stripped])
    validity = SelectField("Tình trạng hiệu lực", choices=VALIDITY_CHOICES)
    replaced_by_id = SelectField("Bị thay thế bởi", coerce=form_int, validate_choice=True)
    related_ids = SelectMultipleField("Văn bản liên quan", coerce=int, validate_choice=True,
                                      description="Giữ phím Ctrl (trên điện thoại: chạm) để chọn nhiều văn bản.")  # fmt: skip
    status = SelectField("Trạng thái", choices=STATUS_CHOICES)
    article_links = TextAreaField(
        "Bài viết nhắc đến văn bản này", [Optional(), _length(5000)],
        description="Dán địa chỉ các bài viết, mỗi dòng một địa chỉ: văn bản hiện dưới bài («Tài liệu đính kèm»), "
        "bài viết hiện trên trang văn bản.",
    )  # fmt: skip

    def validate_replaced_by_id(self, field):
        if self.validity.data == Validity.REPLACED and not field.data:
            raise ValidationError("Hãy chọn văn bản thay thế.")


class UploadForm(AdminForm):
    files = MultipleFileField("Tệp văn bản", description="PDF, DOC, DOCX, XLS, XLSX hoặc ODT; chọn được nhiều tệp một lần.")

    def validate_files(self, field):
        if not [upload for upload in field.data or [] if upload and upload.filename]:
            raise ValidationError("Hãy chọn ít nhất một tệp.")


class ReplaceFileForm(AdminForm):
    file = FileField("Tệp mới")

    def validate_file(self, field):
        if not field.data or not field.data.filename:
            raise ValidationError("Hãy chọn tệp mới.")


class TermForm(AdminForm):
    kind = SelectField("Danh sách", choices=KIND_CHOICES)
    name = StringField("Tên", [InputRequired(REQUIRED), _length(200)], filters=[_stripped])

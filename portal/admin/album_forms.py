"""The admin's forms for albums and polls."""

from flask_wtf.file import MultipleFileField
from wtforms import BooleanField, DateField, DateTimeLocalField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from portal.admin.forms import REQUIRED, AdminForm
from portal.models.polls import MAX_CHOICES, MIN_CHOICES


def _length(maximum: int):
    return Length(max=maximum, message=f"Tối đa {maximum} ký tự.")


ARTICLE_HINT = "Dán địa chỉ bài viết (mỗi dòng một địa chỉ)"


class AlbumForm(AdminForm):
    title = StringField("Tên album", [InputRequired(REQUIRED), _length(300)])
    slug = StringField("Đường dẫn (slug)", [Optional(), _length(120)], description="Để trống để tạo từ tên album.")
    taken_on = DateField("Ngày diễn ra", [InputRequired("Hãy chọn ngày.")], format=["%Y-%m-%d", "%d/%m/%Y"])
    description = TextAreaField("Mô tả", [Optional(), _length(2000)])
    published = BooleanField("Hiện trên trang (/anh)", default=True)
    article_links = TextAreaField(
        "Bài viết dẫn tới album", [Optional(), _length(5000)],
        description=f"{ARTICLE_HINT}: album hiện dưới nội dung các bài viết đó.",
    )  # fmt: skip


class PhotoUploadForm(AdminForm):
    photos = MultipleFileField("Ảnh", description="JPEG, PNG hoặc WebP; chọn được nhiều ảnh một lần. Tệp hỏng bị bỏ qua và được nêu tên.")

    def validate_photos(self, field):
        if not [upload for upload in field.data or [] if upload and upload.filename]:
            raise ValidationError("Hãy chọn ít nhất một ảnh.")


class PollForm(AdminForm):
    question = StringField("Câu hỏi", [InputRequired(REQUIRED), _length(300)])
    choices = TextAreaField(
        "Các câu trả lời", [InputRequired(REQUIRED), _length(3000)], render_kw={"rows": MAX_CHOICES},
        description=f"Mỗi dòng một câu trả lời, từ {MIN_CHOICES} đến {MAX_CHOICES} câu.",
    )  # fmt: skip
    multiple = BooleanField("Cho chọn nhiều câu trả lời")
    closes_at = DateTimeLocalField(
        "Kết thúc lúc", [Optional()], format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"],
        description="Để trống: nhận phiếu đến khi bấm «Kết thúc».",
    )  # fmt: skip
    in_sidebar = BooleanField("Hiện ở khối bên phải", description="Khối «Thăm dò ý kiến» hiện cuộc thăm dò mới nhất đang mở được chọn hiện ở đó.")
    article_link = StringField("Hiện trong bài viết", [Optional(), _length(500)], description="Dán địa chỉ một bài viết; để trống nếu không.")

    @property
    def labels(self) -> list[str]:
        return [line.strip() for line in (self.choices.data or "").splitlines() if line.strip()]

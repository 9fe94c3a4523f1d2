"""The admin's WTForms, with Vietnamese labels and messages."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, MultipleFileField
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    HiddenField,
    FieldList,
    Form,
    FormField,
    IntegerField,
    PasswordField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, NumberRange, Optional, Regexp, ValidationError

from portal import clock
from portal.models import ArticleStatus
from portal.text import format_number
from portal.web.inputs import MAX_INT, form_int
from portal.web.vietnamese_forms import WTFormsInVietnamese as _Vietnamese

REQUIRED = "Không được để trống."
STATUS_CHOICES = [(status.value, status.label) for status in ArticleStatus]
COUNT_RANGE = f"Phải là một số từ 0 đến {format_number(MAX_INT)}."

class AdminForm(FlaskForm):
    class Meta:
        def get_translations(self, form):
            return _Vietnamese()


def options(pairs) -> list[SelectChoice]:
    """SelectField choices from (value, label) pairs."""
    return [SelectChoice(value, label) for value, label in pairs]


def _length(maximum: int):
    return Length(max=maximum, message=f"Tối đa {maximum} ký tự.")


class SignInForm(AdminForm):
    username = StringField("Tên đăng nhập", [InputRequired(REQUIRED), _length(80)])
    password = PasswordField("Mật khẩu", [InputRequired(REQUIRED), _length(200)])
    next = HiddenField()


class ArticleForm(AdminForm):
    """The article's content; the button pressed says what happens next (save, or a move of
    portal.services.workflow), and ``version`` the version the form was opened at."""

    title = StringField("Tiêu đề", [InputRequired(REQUIRED), _length(300)])
    slug = StringField(
        "Đường dẫn (slug)", [Optional(), _length(120)],
        description="Để trống để tạo tự động từ tiêu đề. Chỉ gồm chữ không dấu, số và dấu gạch ngang.",
    )  # fmt: skip
    summary = TextAreaField("Tóm tắt", [Optional(), _length(1000)])
    body = TextAreaField("Nội dung", [InputRequired(REQUIRED)])
    category_id = SelectField("Chuyên mục", coerce=form_int, validate_choice=True)
    cover_file = FileField("Ảnh đại diện", description="JPEG, PNG hoặc WebP.")
    cover_alt = StringField("Mô tả ảnh (cho người khiếm thị)", [_length(300)])  # required with a file, see below
    cover_caption = StringField("Chú thích ảnh", [Optional(), _length(500)])
    remove_cover = BooleanField("Bỏ ảnh đại diện")
    byline = StringField("Tác giả / nguồn", [Optional(), _length(200)])
    attachment_files = MultipleFileField(
        "Thêm tệp đính kèm",
        description="PDF, DOC, DOCX, XLS, XLSX hoặc ODT; chọn được nhiều tệp một lần. Tệp PDF được xem trước ngay dưới bài.",
    )  # fmt: skip
    document_ids = SelectMultipleField(
        "Văn bản trong thư viện", coerce=int, validate_choice=True,
        description="Các văn bản chọn ở đây hiện dưới bài («Tài liệu đính kèm») và trang văn bản dẫn về bài. "
        "Giữ phím Ctrl (trên điện thoại: chạm) để chọn nhiều văn bản.",
    )  # fmt: skip
    published_at = DateTimeLocalField(
        "Thời điểm đăng", [Optional()], format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"],
        description="Để trống để đăng ngay khi duyệt; chọn một thời điểm ở tương lai để hẹn giờ đăng.",
    )  # fmt: skip
    expires_at = DateTimeLocalField(
        "Thời điểm hết hạn", [Optional()], format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"],
        description="Để trống nếu bài không hết hạn; đến thời điểm này bài tự rời khỏi trang (vẫn giữ trong quản trị, trạng thái “Hết hạn”).",
    )  # fmt: skip
    tags = StringField(
        "Thẻ", [Optional(), _length(1000)],
        description="Các thẻ cách nhau bằng dấu phẩy, ví dụ: hội nghị, tuyên truyền. Thẻ mới được tạo khi lưu.",
    )  # fmt: skip
    thread_ids = SelectMultipleField("Chuyên đề", coerce=form_int, validate_choice=False)
    comment = TextAreaField(
        "Ý kiến gửi kèm", [Optional(), _length(2000)],
        description="Bắt buộc khi trả lại bài: người viết sẽ đọc ý kiến này để sửa bài.",
    )  # fmt: skip
    version = HiddenField()

    def validate_cover_alt(self, field):
        if self.cover_file.data and not (field.data or "").strip():
            raise ValidationError("Hãy nhập mô tả cho ảnh đại diện.")


def _moment(label: str, description: str = "") -> DateTimeLocalField:
    return DateTimeLocalField(label, [Optional()], format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"], description=description)


class FeatureForm(AdminForm):
    """Pin an article as tiêu điểm, or change when its pin ends."""

    until = _moment("Ghim đến", "Để trống để ghim đến khi bỏ ghim.")


class ThreadForm(AdminForm):
    name = StringField("Tên chuyên đề", [InputRequired(REQUIRED), _length(200)])
    slug = StringField("Đường dẫn (slug)", [Optional(), _length(140)], description="Để trống để tạo từ tên.")
    description = TextAreaField("Giới thiệu", [Optional(), _length(5000)])
    starts_at = _moment("Bắt đầu", "Để trống nếu không có ngày bắt đầu.")
    ends_at = _moment("Kết thúc", "Để trống nếu chuyên đề chưa có ngày kết thúc.")
    on_home = BooleanField("Hiện băng chuyên đề trên trang chủ trong thời gian diễn ra")
    cover_file = FileField("Ảnh bìa", description="JPEG, PNG hoặc WebP.")
    cover_alt = StringField("Mô tả ảnh bìa (cho người khiếm thị)", [_length(300)])
    remove_cover = BooleanField("Bỏ ảnh bìa đang dùng")

    def validate_cover_alt(self, field):
        if self.cover_file.data and not (field.data or "").strip():
            raise ValidationError("Hãy nhập mô tả cho ảnh bìa.")


class TagRenameForm(AdminForm):
    name = StringField("Tên mới", [InputRequired(REQUIRED), _length(80)])


class TagMergeForm(AdminForm):
    target = StringField("Gộp vào thẻ", [InputRequired(REQUIRED), _length(80)], description="Tên một thẻ đã có; mọi bài của thẻ này chuyển sang thẻ đó.")


class HomeBlockRow(Form):
    """One category's line in the home page's layout (a sub-form: the outer form has the token)."""

    class Meta:
        def get_translations(self, form):
            return _Vietnamese()

    category_id = HiddenField()
    shown = BooleanField("Hiện")
    position = IntegerField("Thứ tự", [InputRequired("Hãy nhập một số."), NumberRange(1, 99, "Từ 1 đến 99.")])
    items = IntegerField("Số bài", [InputRequired("Hãy nhập một số."), NumberRange(1, 20, "Từ 1 đến 20.")])
    pictures = BooleanField("Có ảnh")


class HomeBlocksForm(AdminForm):
    blocks = FieldList(FormField(HomeBlockRow), min_entries=0, max_entries=100)


class VersionForm(AdminForm):
    """A button acting on an article from the version the page showed (restoring a revision)."""

    version = HiddenField()


class ConfirmForm(AdminForm):
    """An empty form: its CSRF token is the whole point (delete, reset)."""


class MoveForm(AdminForm):
    direction = SelectField(choices=options([("up", "Lên"), ("down", "Xuống")]))

    @property
    def step(self) -> int:
        return -1 if self.direction.data == "up" else 1


class CategoryForm(AdminForm):
    name = StringField("Tên chuyên mục", [InputRequired(REQUIRED), _length(120)])
    slug = StringField("Đường dẫn (slug)", [Optional(), _length(140)], description="Để trống để tạo từ tên.")
    parent_id = SelectField("Thuộc chuyên mục", coerce=form_int, validate_choice=False)


class ImageForm(AdminForm):
    image = FileField("Ảnh", description="JPEG, PNG hoặc WebP.")
    alt = StringField("Mô tả ảnh (cho người khiếm thị)", [InputRequired(REQUIRED), _length(300)])

    def validate_image(self, field):
        if not field.data:
            raise ValidationError("Hãy chọn một tệp ảnh.")


class MapForm(AdminForm):
    title = StringField("Tiêu đề khối", [InputRequired(REQUIRED), _length(200)])
    caption = StringField("Chú thích", [Optional(), _length(300)])
    link = StringField("Liên kết", [Optional(), _length(500)], description="Để trống để dẫn tới trang bản đồ của cổng.")
    image_file = FileField("Ảnh bản đồ mới", description="Để trống nếu giữ ảnh cũ.")
    alt = StringField("Mô tả ảnh", [_length(300)])  # required with a file, see below

    def validate_alt(self, field):
        if self.image_file.data and not (field.data or "").strip():
            raise ValidationError("Hãy nhập mô tả cho ảnh bản đồ.")


class SongForm(AdminForm):
    title = StringField("Tên bài hát", [InputRequired(REQUIRED), _length(200)])
    composer = StringField("Sáng tác", [Optional(), _length(200)])
    performer = StringField("Thể hiện", [Optional(), _length(200)])
    audio_file = FileField(
        "Tệp âm thanh", description="MP3, OGG, M4A hoặc WAV.",
        render_kw={"accept": "audio/mpeg,audio/ogg,audio/mp4,audio/wav,.mp3,.ogg,.m4a,.wav"},
    )  # fmt: skip


class LinkForm(AdminForm):
    title = StringField("Tên trang", [InputRequired(REQUIRED), _length(200)])
    url = StringField("Địa chỉ (URL)", [InputRequired(REQUIRED), _length(500)], description="Ví dụ: https://hatinh.gov.vn")


class SettingsForm(AdminForm):
    name = StringField("Tên cổng thông tin", [InputRequired(REQUIRED), _length(200)])
    tagline = StringField("Khẩu hiệu", [Optional(), _length(300)])
    address = StringField("Địa chỉ", [Optional(), _length(300)])
    phone = StringField("Điện thoại", [Optional(), _length(50)])
    email = StringField("Thư điện tử", [Optional(), Regexp(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", message="Địa chỉ thư điện tử không hợp lệ."), _length(200)])
    footer = TextAreaField("Chân trang", [Optional(), _length(2000)])
    owner = StringField("Cơ quan chủ quản", [Optional(), _length(300)])
    licence = StringField("Giấy phép", [Optional(), _length(300)], description="Ví dụ: Giấy phép số 12/GP-TTĐT ngày 01/02/2024 của Sở Thông tin và Truyền thông.")
    responsible = StringField("Người chịu trách nhiệm chính", [Optional(), _length(200)])
    # The English section (/en/): each left empty shows the Vietnamese there.
    name_en = StringField("Tên cổng thông tin bằng tiếng Anh", [Optional(), _length(200)], description="Cho trang tiếng Anh (/en/).")
    introduction_en = TextAreaField("Giới thiệu ngắn bằng tiếng Anh", [Optional(), _length(2000)],
                                    description="Vài câu về cơ quan, ở đầu trang chủ tiếng Anh.")  # fmt: skip
    owner_en = StringField("Cơ quan chủ quản bằng tiếng Anh", [Optional(), _length(300)])
    licence_en = StringField("Giấy phép bằng tiếng Anh", [Optional(), _length(300)])
    responsible_en = StringField("Người chịu trách nhiệm chính, bằng tiếng Anh", [Optional(), _length(200)],
                                 description="Một chức danh thì dịch; một họ tên để trống (hiện như đã viết).")  # fmt: skip
    logo = FileField("Biểu trưng (logo)", description="JPEG, PNG hoặc WebP, vuông; hiện ở đầu trang.")
    remove_logo = BooleanField("Bỏ biểu trưng đang dùng")
    banner = FileField("Ảnh băng rôn", description="JPEG, PNG hoặc WebP, rộng; hiện dưới đầu trang. Mô tả ảnh là ô dưới đây.")
    banner_alt = StringField("Mô tả ảnh băng rôn", [_length(300)])
    remove_banner = BooleanField("Bỏ ảnh băng rôn đang dùng")


def _count(label: str, description: str) -> IntegerField:
    """A counter's figure: a whole number the database's integer column holds."""
    return IntegerField(label, [InputRequired("Hãy nhập một số."), NumberRange(0, MAX_INT, COUNT_RANGE)], description=description)


class OffsetForm(AdminForm):
    visit_offset = _count("Số lượt truy cập ban đầu", "Cộng vào tổng lượt truy cập (ví dụ số đếm của trang web cũ).")


class OnlineRecordForm(AdminForm):
    """Correct "Cao nhất": a record pumped by a flood, or carried over from an older site."""

    visitors = _count("Số người online cao nhất", "Nếu thấp hơn số người đang online, kỷ lục sẽ tự tăng lại theo số thực.")
    at = DateTimeLocalField(
        "Thời điểm đạt kỷ lục", [InputRequired("Hãy chọn thời điểm.")], format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]
    )

    def validate_at(self, field):
        if field.data is not None and field.data > clock.now():
            raise ValidationError("Thời điểm không được ở trong tương lai.")

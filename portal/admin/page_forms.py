"""The admin forms of the site's own pages, of the organisation (units and people) and of the
citizens' messages."""

from flask_wtf.file import FileField
from wtforms import BooleanField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, NumberRange, Optional

from portal.admin.forms import REQUIRED, AdminForm, _length, options
from portal.models import ContactStatus, MenuKind
from portal.web.inputs import EMAIL, PHONE, form_int


class PageForm(AdminForm):
    title = StringField("Tiêu đề", [InputRequired(REQUIRED), _length(300)])
    slug = StringField(
        "Đường dẫn (slug)", [Optional(), _length(120)],
        description="Để trống để tạo từ tiêu đề. Địa chỉ của trang là đường dẫn của các trang cấp trên rồi đến đường dẫn này.",
    )  # fmt: skip
    parent_id = SelectField("Thuộc trang", coerce=form_int, validate_choice=False)
    summary = TextAreaField("Tóm tắt", [Optional(), _length(500)])
    body = TextAreaField("Nội dung", [InputRequired(REQUIRED)])
    published = BooleanField("Hiện trên trang web", default=True)


class UnitForm(AdminForm):
    name = StringField("Tên đơn vị", [InputRequired(REQUIRED), _length(200)])
    name_en = StringField("Tên đơn vị bằng tiếng Anh", [Optional(), _length(200)], description="Cho trang tiếng Anh (/en/organisation).")
    slug = StringField("Đường dẫn (slug)", [Optional(), _length(140)], description="Để trống để tạo từ tên.")
    parent_id = SelectField("Trực thuộc", coerce=form_int, validate_choice=False)
    duties = TextAreaField("Chức năng, nhiệm vụ")
    duties_en = TextAreaField(
        "Chức năng, nhiệm vụ bằng tiếng Anh",
        description="Cho trang tiếng Anh; các đoạn văn, danh sách như ô trên (HTML đơn giản: <p>, <ul><li>). Để trống: trang tiếng Anh hiện bản tiếng Việt.",
    )  # fmt: skip
    address = StringField("Địa chỉ", [Optional(), _length(300)])
    phone = StringField("Điện thoại", [Optional(), _length(50), PHONE])
    email = StringField("Thư điện tử", [Optional(), _length(200), EMAIL])


class PersonForm(AdminForm):
    name = StringField("Họ và tên", [InputRequired(REQUIRED), _length(120)])
    job_title = StringField("Chức vụ", [Optional(), _length(200)])
    job_title_en = StringField("Chức vụ bằng tiếng Anh", [Optional(), _length(200)], description="Cho trang tiếng Anh (/en/organisation).")
    is_leader = BooleanField("Là lãnh đạo (hiện trước, và ở mục Lãnh đạo của trang Tổ chức bộ máy)")
    unit_id = SelectField("Đơn vị", coerce=form_int, validate_choice=False)
    phone = StringField("Điện thoại", [Optional(), _length(50), PHONE])
    email = StringField("Thư điện tử", [Optional(), _length(200), EMAIL])
    position = IntegerField("Thứ tự trong đơn vị", [InputRequired(REQUIRED), NumberRange(0, 10_000, "Phải là một số từ 0 đến 10.000.")],
                            default=1, description="Số nhỏ đứng trước.")  # fmt: skip
    photo = FileField("Ảnh", description="JPEG, PNG hoặc WebP; ảnh chân dung, đứng.")
    remove_photo = BooleanField("Bỏ ảnh hiện có")


class ContactHandlingForm(AdminForm):
    status = SelectField("Tình trạng", choices=options((status.value, status.label) for status in ContactStatus))
    answer = TextAreaField("Trả lời", [Optional(), _length(5000)], description="Ghi lại cùng thư, để biết đã trả lời những gì.")
    send_answer = BooleanField("Gửi trả lời này đến thư điện tử của người gửi")


class QuestionModerationForm(AdminForm):
    """What the moderator may correct before publishing (the words as they will be shown), and the answer."""

    title = StringField("Tiêu đề", [InputRequired(REQUIRED), _length(200)])
    question = TextAreaField("Câu hỏi", [InputRequired(REQUIRED), _length(5000)])
    topic_id = SelectField("Chủ đề", coerce=form_int, validate_choice=False)
    unit_id = SelectField("Đơn vị trả lời", coerce=form_int, validate_choice=False)
    answer = TextAreaField("Trả lời", [Optional(), _length(10000)], description="Bắt buộc để đăng.")


class MenuItemForm(AdminForm):
    label = StringField("Tên trên trình đơn", [InputRequired(REQUIRED), _length(120)])
    kind = SelectField("Dẫn đến", choices=options((kind.value, kind.label) for kind in MenuKind))
    category_id = SelectField("Chuyên mục", coerce=form_int, validate_choice=False, description="Khi dẫn đến một chuyên mục.")
    page_id = SelectField("Trang", coerce=form_int, validate_choice=False, description="Khi dẫn đến một trang.")
    url = StringField("Địa chỉ liên kết", [Optional(), _length(500)],
                      description="Khi là liên kết: một đường dẫn của trang (/to-chuc, /lien-he) hoặc https://… của trang khác.")  # fmt: skip
    parent_id = SelectField("Thuộc trình đơn con của", coerce=form_int, validate_choice=False)

"""The admin forms of the site's own pages and of the organisation (units and people)."""

from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Optional

from portal.admin.forms import REQUIRED, AdminForm, _length
from portal.web.inputs import form_int


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
    in_menu = BooleanField("Hiện trên trình đơn chính (chỉ với trang cấp cao nhất)")

"""The forms of accounts: one's own password and two-factor sign-in, and quản trị's accounts."""

from wtforms import HiddenField, PasswordField, SelectField, SelectMultipleField, StringField
from wtforms.validators import EqualTo, InputRequired, Length, Regexp, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from portal.admin.forms import REQUIRED, AdminForm, options
from portal.models import ROLE_LABELS
from portal.services import passwords

CODE_HINT = "6 chữ số đang hiện trong ứng dụng xác thực (hoặc một mã dự phòng, dạng xxxxx-xxxxx)."


class CodeForm(AdminForm):
    """A code of the authenticator app, or a recovery code."""

    code = StringField("Mã xác thực", [InputRequired(REQUIRED), Length(max=20, message="Mã quá dài.")], description=CODE_HINT)
    next = HiddenField()


class EnrolForm(AdminForm):
    code = StringField(
        "Mã trong ứng dụng", [InputRequired(REQUIRED), Regexp(r"^\s*\d{3}\s?\d{3}\s*$", message="Mã gồm 6 chữ số.")],
        description="Sau khi thêm tài khoản vào ứng dụng, nhập 6 chữ số ứng dụng đang hiện.",
    )  # fmt: skip


class PasswordChangeForm(AdminForm):
    """One's own new password, checked by the ASVS rules (portal.services.passwords)."""

    current = PasswordField("Mật khẩu hiện tại", [InputRequired(REQUIRED), Length(max=200, message="Tối đa 200 ký tự.")])
    new = PasswordField(
        "Mật khẩu mới", [InputRequired(REQUIRED)],
        description=f"{passwords.RULES} Sau khi đổi, mọi nơi khác đang đăng nhập bằng tài khoản này đều bị đăng xuất.",
    )  # fmt: skip
    confirm = PasswordField(
        "Nhập lại mật khẩu mới", [InputRequired(REQUIRED), EqualTo("new", "Hai lần nhập mật khẩu mới không giống nhau.")]
    )

    def __init__(self, *args, username: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.username = username

    def validate_new(self, field) -> None:
        problem = passwords.problem(field.data or "", self.username)
        if problem:
            raise ValidationError(problem)


class CheckboxesField(SelectMultipleField):
    """Several choices as a list of checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class AccountForm(AdminForm):
    """An account as quản trị sets it: the user name only when it is made."""

    username = StringField(
        "Tên đăng nhập", [InputRequired(REQUIRED), Length(max=80, message="Tối đa 80 ký tự."),
                          Regexp(r"^[\w.@-]+$", message="Chỉ gồm chữ, số và các dấu . _ - @ (không dấu cách).")],
    )  # fmt: skip
    display_name = StringField("Tên hiển thị", [Length(max=120, message="Tối đa 120 ký tự.")],
                               description="Tên người thật, hiện trong danh sách và nhật ký.")  # fmt: skip
    role = SelectField("Vai trò", choices=options((role.value, label) for role, label in ROLE_LABELS.items()))
    categories = CheckboxesField(
        "Chuyên mục được giao", coerce=int,
        invalid_value_message="Lựa chọn không hợp lệ.", invalid_choice_message="Lựa chọn không hợp lệ.",
        description="Phóng viên viết bài, biên tập viên duyệt bài trong các chuyên mục này; quản trị có mọi chuyên mục.",
    )  # fmt: skip

    def validate_categories(self, field) -> None:
        if self.role.data != "admin" and not field.data:
            raise ValidationError("Hãy chọn ít nhất một chuyên mục cho phóng viên hoặc biên tập viên.")

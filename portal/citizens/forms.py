"""The citizens' forms, every message in Vietnamese. No CSRF token: the forms sit in pages every
reader shares; ``portal.citizens.guard`` keeps bots and cross-site posts out instead."""

from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from portal.services.contact import Submission
from portal.web.inputs import EMAIL, PHONE, form_int
from portal.web.vietnamese_forms import WTFormsInVietnamese

REQUIRED = "Xin điền ô này."
MESSAGE_MAX = 5000


def _length(maximum: int):
    return Length(max=maximum, message=f"Tối đa {maximum:,} ký tự.".replace(",", "."))


class CitizenForm(FlaskForm):
    """The fields every citizen's form has: who writes, how to answer them, the unit, the guard's."""

    class Meta:
        csrf = False

        def get_translations(self, form):
            return WTFormsInVietnamese()

    name = StringField("Họ và tên", [InputRequired(REQUIRED), _length(120)], render_kw={"autocomplete": "name"})
    email = StringField("Thư điện tử", [Optional(), _length(200), EMAIL], render_kw={"autocomplete": "email", "inputmode": "email"})
    phone = StringField("Số điện thoại", [Optional(), _length(50), PHONE], render_kw={"autocomplete": "tel", "inputmode": "tel"})
    unit_id = SelectField("Gửi đến đơn vị", coerce=form_int, validate_choice=False)
    website = StringField("Để trống ô này", render_kw={"autocomplete": "off", "tabindex": "-1"})  # the honeypot
    stamp = HiddenField()

    def submission(self, subject: str, text: str) -> Submission:
        """What the citizen wrote, trimmed, with ``subject`` and ``text`` from the form's own fields."""
        return Submission(self.name.data.strip(), (self.email.data or "").strip(), (self.phone.data or "").strip(),
                          subject.strip(), text.strip(), self.unit_id.data)  # fmt: skip

    def validate(self, extra_validators=None) -> bool:
        """The fields' own checks, then: one way at least to answer the citizen."""
        valid = super().validate(extra_validators)
        if not (self.email.data or "").strip() and not (self.phone.data or "").strip():
            self.email.errors = [*self.email.errors, "Xin cho biết thư điện tử hoặc số điện thoại để cơ quan trả lời bạn."]
            return False
        return valid


class ContactForm(CitizenForm):
    subject = StringField("Tiêu đề", [InputRequired(REQUIRED), _length(200)])
    message = TextAreaField("Nội dung", [InputRequired(REQUIRED), _length(MESSAGE_MAX)],
                            description=f"Tối đa {MESSAGE_MAX:,} ký tự.".replace(",", "."))  # fmt: skip


class QuestionForm(CitizenForm):
    topic_id = SelectField("Chủ đề", coerce=form_int, validate_choice=False)
    title = StringField("Câu hỏi ngắn gọn (tiêu đề)", [InputRequired(REQUIRED), _length(200)])
    question = TextAreaField("Nội dung câu hỏi", [InputRequired(REQUIRED), _length(MESSAGE_MAX)],
                             description=f"Tối đa {MESSAGE_MAX:,} ký tự. Câu hỏi có thể được biên tập lại trước khi đăng.".replace(",", "."))  # fmt: skip

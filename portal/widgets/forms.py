"""The widgets' forms, with every message in Vietnamese."""

from flask_wtf import FlaskForm
from wtforms import RadioField, SelectChoice, ValidationError

STARS_MESSAGE = "Xin chọn từ 1 đến 5 sao."
STAR_VALUES = ("1", "2", "3", "4", "5")


class StarsField(RadioField):
    """Five radio buttons, "1 sao" … "5 sao". Only the exact strings "1" to "5" are accepted
    (not " 3", "03" or "3.5", which int() would let through or choke on in English)."""

    def __init__(self, label: str, **kwargs):
        choices = [SelectChoice(int(value), f"{value} sao") for value in STAR_VALUES]
        super().__init__(label, choices=choices, coerce=int, render_kw={"required": True}, **kwargs)

    def process_formdata(self, valuelist: list[str]) -> None:
        if valuelist:
            if valuelist[0] not in STAR_VALUES:
                raise ValueError(STARS_MESSAGE)
            self.data = int(valuelist[0])

    def pre_validate(self, form: FlaskForm) -> None:
        if not self.process_errors and self.data not in range(1, 6):
            raise ValidationError(STARS_MESSAGE)


class RatingForm(FlaskForm):
    """No CSRF token: the form sits in pages every reader shares; cross-site posts are
    refused by ``portal.web.cross_origin`` instead."""

    class Meta:
        csrf = False

    stars = StarsField("Số sao", id="danh-gia-sao")

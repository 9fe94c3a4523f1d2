"""WTForms' own messages in Vietnamese, for the admin's forms and the citizens'."""


class WTFormsInVietnamese:
    """WTForms' own messages in Vietnamese (WTForms ships no Vietnamese catalogue)."""

    MESSAGES = {
        "Not a valid integer value.": "Phải là một số nguyên.",
        "Not a valid datetime value.": "Thời điểm không hợp lệ (ngày/tháng/năm giờ:phút).",
        "Not a valid date value.": "Ngày không hợp lệ.",
        "Not a valid choice.": "Lựa chọn không hợp lệ.",
        "Invalid Choice: could not coerce.": "Lựa chọn không hợp lệ.",
        "Invalid choice(s): one or more data inputs could not be coerced.": "Lựa chọn không hợp lệ.",
    }

    def gettext(self, message: str) -> str:
        return self.MESSAGES.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)

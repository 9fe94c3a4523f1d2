import unicodedata
from datetime import date, datetime
from decimal import Decimal

import pytest

from portal.text import fold, format_date, format_datetime, format_number, format_one_decimal, slugify


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Đảng bộ thị xã Hồng Lĩnh", "dang-bo-thi-xa-hong-linh"),
        ("Nguyễn Thị Hường", "nguyen-thi-huong"),
        ("ĐẠI HỘI ĐẢNG LẦN THỨ XIII", "dai-hoi-dang-lan-thu-xiii"),
        ("Hội nghị triển khai nhiệm vụ công tác tuyên truyền, khoa giáo năm 2020",
         "hoi-nghi-trien-khai-nhiem-vu-cong-tac-tuyen-truyen-khoa-giao-nam-2020"),
        ("  Lĩnh -- vực: “văn hóa” & thể thao!  ", "linh-vuc-van-hoa-the-thao"),
        ("Chỉ thị 05-CT/TW", "chi-thi-05-ct-tw"),
        ("Ủy ban nhân dân", "uy-ban-nhan-dan"),
        ("", ""),
    ],
)
def test_slugify(title, slug):
    assert slugify(title) == slug


def test_slugify_decomposed_input_and_length():
    assert slugify(unicodedata.normalize("NFD", "Đảng Lĩnh")) == "dang-linh"
    long_slug = slugify("Hồng Lĩnh " * 50, max_length=40)
    assert len(long_slug) <= 40 and not long_slug.endswith("-")


def test_fold_keeps_spaces_and_lowers():
    assert fold("HỘI NGHỊ Tuyên Truyền") == "hoi nghi tuyen truyen"
    assert fold("Đại hội") == "dai hoi"


@pytest.mark.parametrize(
    ("value", "text"),
    [(791935, "791.935"), (0, "0"), (42, "42"), (1234567, "1.234.567"), (1000, "1.000")],
)
def test_format_number(value, text):
    assert format_number(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [(4.26, "4,3"), (4.25, "4,3"), (4.0, "4,0"), (Decimal("3.349"), "3,3"), (5, "5,0"), (13 / 3, "4,3")],
)
def test_format_one_decimal(value, text):
    assert format_one_decimal(value) == text


def test_vietnamese_dates():
    assert format_date(date(2020, 2, 20)) == "Thứ Năm, 20/02/2020"
    assert format_datetime(datetime(2020, 2, 20, 8, 30)) == "Thứ Năm, 20/02/2020 08:30"
    assert format_date(date(2020, 2, 23)) == "Chủ Nhật, 23/02/2020"
    assert format_date(date(2020, 2, 17)) == "Thứ Hai, 17/02/2020"

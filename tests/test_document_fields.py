"""Proposing a document's fields from its file (issue 17, point 4): measured on the demo's sixteen
documents drawn as PDF and as DOCX, both layouts, and on hand-written variants."""

from datetime import date

import pytest

from bench.document_fields import FIELD_NAMES, ISSUERS, measure
from portal.demo.library import TYPES
from portal.services.document_fields import propose


def test_every_field_is_proposed_right_on_the_generated_documents():
    right, files, wrong = measure()
    assert files == 32
    assert {name: right[name] for name in FIELD_NAMES} == {name: files for name in FIELD_NAMES}, wrong


STATE_LETTER = """ỦY BAN NHÂN DÂN
XÃ THUẬN LỘC
Số:07/UBND
V/v đăng ký nghĩa vụ quân sự
năm 2024
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT
NAM
Độc lập - Tự do - Hạnh phúc
Thuận Lộc, ngày 5 tháng 3 năm
2024
Kính gửi: Các thôn, tổ dân phố.
Nội dung công văn.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Tâm"""

PARTY_RESOLUTION = """ĐẢNG BỘ TỈNH HÀ TĨNH
THỊ ỦY HỒNG LĨNH
*
Số 125-NQ/ThU
ĐẢNG CỘNG SẢN VIỆT NAM
Hồng Lĩnh, ngày 12 tháng 03 năm 2020
NGHỊ QUYẾT
về phát triển đô thị Hồng Lĩnh
giai đoạn 2020 - 2025
-----
Căn cứ Điều lệ Đảng.
Nơi nhận:
- Như trên;
T/M BAN CHẤP HÀNH
BÍ THƯ
Trần Văn Minh"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (STATE_LETTER, {"number": "07/UBND", "place": "Thuận Lộc", "issued_on": date(2024, 3, 5), "type_name": "Công văn",
                        "title": "đăng ký nghĩa vụ quân sự năm 2024", "issuer": "Ủy ban nhân dân xã thuận lộc",
                        "signer": "Lê Văn Tâm", "signer_title": "Chủ tịch"}),
        (PARTY_RESOLUTION, {"number": "125-NQ/ThU", "place": "Hồng Lĩnh", "issued_on": date(2020, 3, 12),
                            "type_name": "Nghị quyết", "title": "về phát triển đô thị Hồng Lĩnh giai đoạn 2020 - 2025",
                            "issuer": "Thị ủy Hồng Lĩnh", "signer": "Trần Văn Minh", "signer_title": "Bí thư"}),
    ],
    ids=["state-letter-unknown-issuer", "party-resolution"],
)  # fmt: skip
def test_variants_not_drawn_by_our_generator(text, expected):
    proposal = propose(text, TYPES, ISSUERS)
    assert {name: getattr(proposal, name) for name in expected} == expected


def test_a_text_without_the_layout_proposes_nothing():
    proposal = propose("Biên bản họp tổ dân phố.\nNgười ghi: không rõ.", TYPES, ISSUERS)
    assert (proposal.number, proposal.issued_on, proposal.type_name, proposal.issuer) == (None, None, None, None)


def test_an_impossible_date_is_not_proposed():
    proposal = propose("UBND XÃ A\nSố: 1/TB-UBND\nA, ngày 31 tháng 02 năm 2021\nTHÔNG BÁO\nvề lịch họp", TYPES, ISSUERS)
    assert proposal.issued_on is None and proposal.number == "1/TB-UBND" and proposal.type_name == "Thông báo"

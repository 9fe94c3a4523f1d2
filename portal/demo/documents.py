"""The demo library's documents: invented, of Hồng Lĩnh's party and state bodies, in both layouts.

Each entry is the drawing (``Spec``), the file kind it is published as, and the fields as a
webmaster files them (loại, cơ quan, lĩnh vực). The same set measures the field proposal
(``scripts/measure_document_fields.py``, tests/test_document_fields.py).
"""

from dataclasses import dataclass
from datetime import date

from portal.demo.official_files import Spec

PARTY_TOWN = ("ĐẢNG BỘ TỈNH HÀ TĨNH", "THỊ ỦY HỒNG LĨNH")
STATE_TOWN = ("UBND TỈNH HÀ TĨNH", "ỦY BAN NHÂN DÂN THỊ XÃ HỒNG LĨNH")
PLACE = "Hồng Lĩnh"

BODY = {
    "tuyen-giao": (
        "Thực hiện Hướng dẫn của Ban Tuyên giáo Tỉnh ủy về công tác tuyên giáo năm 2020, Ban Tuyên giáo Thị ủy "
        "xây dựng kế hoạch tuyên truyền, khoa giáo năm 2020 với trọng tâm là tuyên truyền đại hội Đảng bộ các cấp "
        "nhiệm kỳ 2020 - 2025, tiến tới Đại hội đại biểu toàn quốc lần thứ XIII của Đảng.",
        "Các chi bộ, đảng bộ cơ sở quán triệt chuyên đề năm 2020 về tăng cường khối đại đoàn kết toàn dân tộc, xây "
        "dựng Đảng và hệ thống chính trị trong sạch, vững mạnh theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
        "Đẩy mạnh thông tin, tuyên truyền phòng, chống dịch bệnh viêm đường hô hấp cấp do vi rút corona; chỉnh trang "
        "đô thị, xây dựng đô thị văn minh và nông thôn mới kiểu mẫu.",
    ),
    "dang": (
        "Ban Thường vụ Thị ủy yêu cầu các cấp ủy, tổ chức đảng nghiêm túc triển khai, quán triệt đến cán bộ, đảng viên; "
        "gắn với việc thực hiện Nghị quyết Trung ương 4 khóa XII về xây dựng, chỉnh đốn Đảng.",
        "Các chi bộ, đảng bộ trực thuộc báo cáo kết quả thực hiện về Văn phòng Thị ủy trước ngày 15 hằng tháng.",
    ),
    "chinh-quyen": (
        "Ủy ban nhân dân thị xã yêu cầu các phòng, ban, ngành và Ủy ban nhân dân các phường, xã triển khai thực hiện "
        "nghiêm túc, hiệu quả; báo cáo kết quả về Văn phòng HĐND và UBND thị xã để tổng hợp.",
        "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị phản ánh kịp thời để xem xét, giải quyết.",
    ),
}


@dataclass(frozen=True)
class DemoDocument:
    spec: Spec
    kind: str  # "pdf" or "docx"
    type_name: str
    issuer: str
    field: str
    effective_on: date | None = None
    expired: bool = False


def _party(number, day, type_name, title, issuer_lines, authority, position, signer, body="dang", pages=1) -> Spec:
    header = (PARTY_TOWN[1], *issuer_lines) if issuer_lines else PARTY_TOWN
    return Spec(True, header, number, PLACE, day, type_name, title,
                authority, position, signer, BODY[body], pages=pages)  # fmt: skip


def _state(number, day, type_name, title, header, authority, position, signer, pages=1) -> Spec:
    return Spec(False, header, number, PLACE, day, type_name, title, authority, position, signer, BODY["chinh-quyen"],
                pages=pages)  # fmt: skip


BTG = ("BAN TUYÊN GIÁO",)
UBND = STATE_TOWN
DOCUMENTS = [
    DemoDocument(
        _party("14-KH/BTGThU", date(2020, 1, 30), "Kế hoạch", "tuyên truyền, khoa giáo năm 2020", BTG,
               ("K/T TRƯỞNG BAN",), "PHÓ TRƯỞNG BAN", "Nguyễn Thị Hường", body="tuyen-giao", pages=3),
        "pdf", "Kế hoạch", "Ban Tuyên giáo Thị ủy", "Tuyên giáo",
    ),
    DemoDocument(
        _party("125-NQ/ThU", date(2020, 3, 12), "Nghị quyết", "về phát triển đô thị Hồng Lĩnh giai đoạn 2020 - 2025", (),
               ("T/M BAN CHẤP HÀNH",), "BÍ THƯ", "Trần Văn Minh"),
        "pdf", "Nghị quyết", "Thị ủy Hồng Lĩnh", "Xây dựng Đảng",
    ),
    DemoDocument(
        _party("08-CT/ThU", date(2020, 5, 4), "Chỉ thị", "về lãnh đạo đại hội chi bộ trực thuộc đảng bộ cơ sở", (),
               ("T/M BAN THƯỜNG VỤ",), "PHÓ BÍ THƯ", "Nguyễn Văn Hải"),
        "docx", "Chỉ thị", "Thị ủy Hồng Lĩnh", "Xây dựng Đảng",
    ),
    DemoDocument(
        _party("230-TB/ThU", date(2020, 7, 20), "Thông báo", "kết luận của Ban Thường vụ Thị ủy về công tác chỉnh trang đô thị", (),
               ("T/L BAN THƯỜNG VỤ",), "CHÁNH VĂN PHÒNG", "Lê Thị Thu Trang"),
        "pdf", "Thông báo", "Thị ủy Hồng Lĩnh", "Đô thị",
    ),
    DemoDocument(
        _party("45-BC/BTGThU", date(2020, 12, 15), "Báo cáo", "kết quả công tác tuyên giáo năm 2020", BTG,
               ("K/T TRƯỞNG BAN",), "PHÓ TRƯỞNG BAN", "Nguyễn Thị Hường", body="tuyen-giao"),
        "docx", "Báo cáo", "Ban Tuyên giáo Thị ủy", "Tuyên giáo",
    ),
    DemoDocument(
        _party("03-HD/BTGThU", date(2021, 2, 2), "Hướng dẫn", "tuyên truyền kỷ niệm 91 năm Ngày thành lập Đảng", BTG,
               ("K/T TRƯỞNG BAN",), "PHÓ TRƯỞNG BAN", "Phan Đình Quang", body="tuyen-giao"),
        "pdf", "Hướng dẫn", "Ban Tuyên giáo Thị ủy", "Tuyên giáo",
    ),
    DemoDocument(
        _party("512-CV/ThU", date(2021, 4, 9), "Công văn", "tăng cường phòng, chống dịch COVID-19", (),
               ("T/L BAN THƯỜNG VỤ",), "CHÁNH VĂN PHÒNG", "Lê Thị Thu Trang"),
        "docx", "Công văn", "Thị ủy Hồng Lĩnh", "Y tế",
    ),
    DemoDocument(
        _state("1250/QĐ-UBND", date(2020, 6, 18), "Quyết định", "Về việc ban hành Quy chế quản lý Cổng thông tin điện tử thị xã",
               UBND, ("TM. ỦY BAN NHÂN DÂN",), "CHỦ TỊCH", "Đỗ Văn Long"),
        "pdf", "Quyết định", "UBND thị xã Hồng Lĩnh", "Thông tin và truyền thông", effective_on=date(2020, 7, 1),
    ),
    DemoDocument(
        _state("86/KH-UBND", date(2020, 9, 7), "Kế hoạch", "Tổ chức Tết Trung thu cho thiếu nhi năm 2020",
               UBND, ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), "PHÓ CHỦ TỊCH", "Hoàng Thị Lan"),
        "docx", "Kế hoạch", "UBND thị xã Hồng Lĩnh", "Văn hóa - xã hội", expired=True,
    ),
    DemoDocument(
        _state("2031/UBND-VP", date(2021, 3, 22), "Công văn", "tăng cường công tác phòng cháy, chữa cháy mùa khô",
               UBND, ("TL. CHỦ TỊCH",), "CHÁNH VĂN PHÒNG", "Trần Quốc Bảo"),
        "pdf", "Công văn", "UBND thị xã Hồng Lĩnh", "Quốc phòng - an ninh",
    ),
    DemoDocument(
        _state("15/TB-UBND", date(2021, 5, 10), "Thông báo", "Lịch tiếp công dân định kỳ của lãnh đạo UBND thị xã",
               UBND, ("TL. CHỦ TỊCH",), "CHÁNH VĂN PHÒNG", "Trần Quốc Bảo"),
        "docx", "Thông báo", "UBND thị xã Hồng Lĩnh", "Tiếp công dân",
    ),
    DemoDocument(
        _state("342/BC-UBND", date(2021, 12, 20), "Báo cáo", "Tình hình kinh tế - xã hội năm 2021 và kế hoạch năm 2022",
               UBND, ("TM. ỦY BAN NHÂN DÂN",), "CHỦ TỊCH", "Đỗ Văn Long", pages=2),
        "pdf", "Báo cáo", "UBND thị xã Hồng Lĩnh", "Kinh tế",
    ),
    DemoDocument(
        _state("05/CT-UBND", date(2022, 1, 14), "Chỉ thị", "Về tăng cường quản lý trật tự xây dựng trên địa bàn thị xã",
               UBND, ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), "PHÓ CHỦ TỊCH", "Hoàng Thị Lan"),
        "docx", "Chỉ thị", "UBND thị xã Hồng Lĩnh", "Đô thị",
    ),
    DemoDocument(
        _state("27/HD-PVHTT", date(2022, 3, 3), "Hướng dẫn", "Xây dựng gia đình văn hóa, tổ dân phố văn hóa năm 2022",
               ("UBND THỊ XÃ HỒNG LĨNH", "PHÒNG VĂN HÓA VÀ THÔNG TIN"), (), "TRƯỞNG PHÒNG", "Võ Thị Mai"),
        "pdf", "Hướng dẫn", "Phòng Văn hóa và Thông tin", "Văn hóa - xã hội",
    ),
    DemoDocument(
        _state("112/QĐ-UBND", date(2022, 8, 25), "Quyết định", "Về việc công nhận phường Bắc Hồng đạt chuẩn đô thị văn minh",
               UBND, ("TM. ỦY BAN NHÂN DÂN",), "CHỦ TỊCH", "Đỗ Văn Long"),
        "docx", "Quyết định", "UBND thị xã Hồng Lĩnh", "Đô thị", effective_on=date(2022, 8, 25),
    ),
    DemoDocument(
        _state("09/KH-UBND", date(2023, 1, 16), "Kế hoạch", "Trồng cây xanh đầu xuân Quý Mão năm 2023",
               ("UBND THỊ XÃ HỒNG LĨNH", "ỦY BAN NHÂN DÂN PHƯỜNG ĐỨC THUẬN"), ("TM. ỦY BAN NHÂN DÂN",), "CHỦ TỊCH",
               "Nguyễn Đình Tuấn"),
        "pdf", "Kế hoạch", "UBND phường Đức Thuận", "Môi trường",
    ),
]
SEED_DOCUMENT_NUMBER = "14-KH/BTGThU"

# Attached to the seed article as a file of its own (not a library document): the outline the
# conference handed out, a two-page PDF previewed under the article.
SEED_ATTACHMENT = _party("16-ĐC/BTGThU", date(2020, 2, 18), "Đề cương", "tuyên truyền nhiệm vụ tuyên giáo năm 2020",
                         BTG, ("K/T TRƯỞNG BAN",), "PHÓ TRƯỞNG BAN", "Nguyễn Thị Hường", body="tuyen-giao", pages=2)  # fmt: skip
SEED_ATTACHMENT_NAME = "de-cuong-tuyen-truyen-2020.pdf"

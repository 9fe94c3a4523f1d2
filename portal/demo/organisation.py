"""The demo's organisation: the units of Thị ủy Hồng Lĩnh with their duties and contacts, and
people with drawn portraits. The names, numbers and addresses are invented (mail goes to the
reserved .example domain)."""

from collections.abc import Callable

from portal.models import Media
from portal.services import organisation
from portal.services.organisation import PersonFields, UnitFields

ADDRESS = "Đường Nguyễn Du, phường Bắc Hồng, thị xã Hồng Lĩnh, tỉnh Hà Tĩnh"
TOP = ("Thị ủy Hồng Lĩnh", "<p>Cơ quan lãnh đạo của Đảng bộ thị xã giữa hai kỳ đại hội.</p>", "0239 3 836 100", "thiuy@honglinh.example")
UNITS = (
    ("Văn phòng Thị ủy", "<p>Tham mưu, giúp việc Thị ủy trong tổ chức, điều hành công việc hằng ngày; quản lý tài chính, tài sản của Đảng bộ; "
     "tiếp nhận, phát hành văn bản.</p>", "0239 3 836 101", "vanphong@honglinh.example"),
    ("Ban Tổ chức Thị ủy", "<p>Tham mưu về tổ chức bộ máy, cán bộ, đảng viên và bảo vệ chính trị nội bộ.</p>", "0239 3 836 102", "bantochuc@honglinh.example"),
    ("Ban Tuyên giáo Thị ủy", "<p>Tham mưu về công tác chính trị, tư tưởng, lý luận, tuyên truyền, báo chí, văn hóa, văn nghệ và khoa giáo; "
     "định hướng thông tin cho cổng thông tin điện tử.</p>", "0239 3 836 125", "tuyengiao@honglinh.example"),
    ("Ủy ban Kiểm tra Thị ủy", "<p>Kiểm tra, giám sát tổ chức đảng và đảng viên; giải quyết tố cáo, khiếu nại về kỷ luật Đảng.</p>",
     "0239 3 836 104", "uykiemtra@honglinh.example"),
    ("Ban Dân vận Thị ủy", "<p>Tham mưu về công tác dân vận, tôn giáo, dân tộc; theo dõi Mặt trận Tổ quốc và các đoàn thể.</p>",
     "0239 3 836 105", "danvan@honglinh.example"),
)
# (unit index, 0 for the Thị ủy, name, position, leader, phone, email)
PEOPLE = (
    (0, "Nguyễn Văn An", "Bí thư Thị ủy", True, "0239 3 836 110", "nvan@honglinh.example"),
    (0, "Trần Thị Bình", "Phó Bí thư Thường trực Thị ủy", True, "0239 3 836 111", "ttbinh@honglinh.example"),
    (1, "Lê Văn Cường", "Chánh Văn phòng", True, "0239 3 836 112", "lvcuong@honglinh.example"),
    (1, "Phan Thị Duyên", "Chuyên viên", False, "0239 3 836 113", ""),
    (2, "Hoàng Văn Đức", "Trưởng ban", True, "0239 3 836 114", "hvduc@honglinh.example"),
    (3, "Đặng Thị Hà", "Trưởng ban", True, "0239 3 836 115", "dtha@honglinh.example"),
    (3, "Võ Văn Hùng", "Phó Trưởng ban", True, "0239 3 836 116", "vvhung@honglinh.example"),
    (3, "Bùi Thị Lan", "Chuyên viên phụ trách báo chí, cổng thông tin", False, "0912 345 678", "btlan@honglinh.example"),
    (4, "Ngô Văn Minh", "Chủ nhiệm", True, "0239 3 836 117", "nvminh@honglinh.example"),
    (5, "Đinh Thị Ngọc", "Trưởng ban", True, "0239 3 836 118", "dtngoc@honglinh.example"),
)
COLOURS = ("#8f1d1d", "#1d4f8f", "#2e6b3a", "#7a4b12")


def portrait_svg(seed: int) -> str:
    """A drawn head and shoulders, a colour per seed: a stand-in for a photo."""
    colour = COLOURS[seed % len(COLOURS)]
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="300" viewBox="0 0 240 300">'
        '<rect width="240" height="300" fill="#e9e4dc"/>'
        f'<path d="M30 300c0-70 40-105 90-105s90 35 90 105z" fill="{colour}"/>'
        '<circle cx="120" cy="120" r="58" fill="#c9a88a"/>'
        '<path d="M62 112c0-40 26-62 58-62s58 22 58 62c-14-18-34-26-58-26s-44 8-58 26z" fill="#2b2b2b"/></svg>'
    )


def load_organisation(save_portrait: Callable[[str, str], Media]) -> None:
    """The Thị ủy with its five bodies under it, and people in each, leaders first."""
    top_name, duties, phone, email = TOP
    units = [organisation.save_unit(None, UnitFields(top_name, "", None, duties, ADDRESS, phone, email), None)]
    for name, duties, phone, email in UNITS:
        units.append(organisation.save_unit(None, UnitFields(name, "", units[0].id, duties, ADDRESS, phone, email), None))
    for position, (unit, name, title, leader, phone, email) in enumerate(PEOPLE, start=1):
        person = organisation.save_person(None, PersonFields(name, title, leader, units[unit].id, phone, email, position), None, None)
        person.photo_id = save_portrait(portrait_svg(position), f"Ảnh {name}").id  # committed with the rest of the demo

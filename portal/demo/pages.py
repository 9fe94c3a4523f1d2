"""The demo's own pages about Hồng Lĩnh, of our own writing: Giới thiệu and three pages under it."""

from portal import clock
from portal.services import pages
from portal.services.pages import PageFields

INTRODUCTION = (
    "Giới thiệu",
    "Cổng thông tin điện tử của Ban Tuyên giáo Thị ủy Hồng Lĩnh, tỉnh Hà Tĩnh.",
    "<p>Cổng thông tin điện tử đưa tin về hoạt động của Đảng bộ, chính quyền và nhân dân thị xã Hồng Lĩnh; "
    "đăng các văn bản của Thị ủy, giới thiệu tổ chức bộ máy và là nơi người dân gửi ý kiến, câu hỏi đến các cơ quan.</p>"
    "<p>Các trang dưới đây giới thiệu lịch sử vùng đất, chức năng, nhiệm vụ và cơ cấu tổ chức của Ban Tuyên giáo Thị ủy.</p>",
)
CHILDREN = (
    (
        "Lịch sử",
        "Vùng đất dưới chân núi Hồng Lĩnh.",
        "<p>Thị xã Hồng Lĩnh mang tên dãy núi Hồng Lĩnh, dãy núi mà người dân quen gọi là Ngàn Hống, "
        "tương truyền có chín mươi chín ngọn. Vùng đất nằm bên quốc lộ 1, nơi nối đồng bằng ven biển với miền núi phía tây của tỉnh Hà Tĩnh.</p>"
        "<p>Thị xã được thành lập năm 1992 từ một phần đất của các huyện lân cận. Từ đó đến nay, Đảng bộ và nhân dân thị xã "
        "đã xây dựng nơi đây thành một đô thị trung tâm phía bắc của tỉnh, với các khu dân cư mới, trường học, chợ và cụm công nghiệp.</p>"
        "<h2>Truyền thống</h2><p>Người dân Hồng Lĩnh giữ gìn các di tích, lễ hội và làng nghề truyền thống; "
        "các phong trào thi đua yêu nước được duy trì qua nhiều thế hệ.</p>",
    ),
    (
        "Chức năng nhiệm vụ",
        "Ban Tuyên giáo là cơ quan tham mưu, giúp việc của Thị ủy về công tác tuyên giáo.",
        "<h2>Chức năng</h2><p>Ban Tuyên giáo Thị ủy là cơ quan tham mưu, giúp việc của Ban Chấp hành, Ban Thường vụ Thị ủy "
        "về công tác chính trị, tư tưởng, lý luận, tuyên truyền, báo chí, văn hóa, văn nghệ và khoa giáo.</p>"
        "<h2>Nhiệm vụ</h2><ul><li>Nghiên cứu, đề xuất các chủ trương của Thị ủy về công tác tuyên giáo.</li>"
        "<li>Hướng dẫn, kiểm tra việc học tập, quán triệt các nghị quyết của Đảng.</li>"
        "<li>Nắm bắt tình hình tư tưởng trong cán bộ, đảng viên và nhân dân, báo cáo Thị ủy.</li>"
        "<li>Định hướng thông tin cho báo chí và cổng thông tin điện tử của thị xã.</li></ul>",
    ),
    (
        "Cơ cấu tổ chức",
        "Lãnh đạo Ban và các bộ phận chuyên môn.",
        "<p>Ban Tuyên giáo Thị ủy gồm Trưởng ban, các Phó Trưởng ban và các chuyên viên phụ trách từng lĩnh vực. "
        "Danh sách các cơ quan, đơn vị cùng người liên hệ, số điện thoại và thư điện tử có ở trang "
        "<a href=\"/to-chuc\">Tổ chức bộ máy</a>.</p>",
    ),
)


def load_pages() -> None:
    """Giới thiệu, with Lịch sử, Chức năng nhiệm vụ and Cơ cấu tổ chức under it."""
    now = clock.now()
    title, summary, body = INTRODUCTION
    top = pages.save(None, PageFields(title, "", None, summary, body, True), None, now)
    for title, summary, body in CHILDREN:
        pages.save(None, PageFields(title, "", top.id, summary, body, True), None, now)

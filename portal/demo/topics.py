"""The demo's chuyên đề, tags and tiêu điểm: two threads with covers drawn by our own code
(portal.demo.covers), tags on most articles, and two featured articles."""

import io
from datetime import datetime
from pathlib import Path

from flask import current_app
from sqlalchemy import insert, select

from portal.demo import covers
from portal.extensions import db
from portal.models import Article, FeaturedArticle, Thread, article_thread
from portal.services import topics
from portal.services.media import UploadLimits, prepare_image
from portal.text import slugify

SEED = "(the seed article)"  # its title is the loader's, which imports this module

THREADS = [
    {
        "name": "Đại hội Đảng bộ thị xã", "style": "xay-dung-dang", "starts_at": datetime(2020, 1, 1), "ends_at": datetime(2020, 12, 31),
        "description": "Tin, bài về đại hội đảng bộ các cấp ở thị xã Hồng Lĩnh nhiệm kỳ 2020 - 2025: từ đại hội chi bộ, "
                       "đại hội điểm ở phường Đậu Liêu đến Đại hội đại biểu Đảng bộ thị xã lần thứ VI.",
        "articles": [SEED, "Đảng bộ phường Đậu Liêu tổ chức thành công đại hội điểm nhiệm kỳ 2020 - 2025",
                     "Đảng bộ thị xã Hồng Lĩnh kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam",
                     "Chú trọng phát triển đảng viên trong đoàn viên thanh niên"],
    },
    {
        "name": "Năm văn minh đô thị", "style": "kinh-te-xa-hoi", "starts_at": datetime(2020, 1, 1), "ends_at": None, "on_home": True,
        "description": "Cả thị xã chung tay chỉnh trang phố phường, giữ gìn vệ sinh môi trường, trật tự lòng đường, vỉa hè "
                       "và nếp sống văn minh trong mỗi khu dân cư.",
        "articles": ["Phường Bắc Hồng đẩy mạnh chỉnh trang đô thị văn minh", "Xã Thuận Lộc ra quân xây dựng nông thôn mới kiểu mẫu",
                     "Ngày hội Đại đoàn kết toàn dân tộc ấm áp ở các khu dân cư",
                     "Tăng cường bảo đảm trật tự an toàn giao thông trên Quốc lộ 1A"],
    },
]  # fmt: skip

TAGS = {
    SEED: "Hội nghị, Tuyên truyền, Đại hội Đảng",
    "HĐND thị xã Hồng Lĩnh tổ chức kỳ họp thường lệ cuối năm 2019": "HĐND, Kỳ họp",
    "Thị xã Hồng Lĩnh tổng kết công tác năm 2019, triển khai nhiệm vụ năm 2020": "Hội nghị, Tổng kết",
    "Lãnh đạo thị xã thăm, tặng quà gia đình chính sách dịp Tết Nguyên đán Canh Tý 2020": "Tết Canh Tý, An sinh xã hội",
    "Hồng Lĩnh triển khai quyết liệt các biện pháp phòng, chống dịch COVID-19": "COVID-19, Y tế",
    "Đại biểu HĐND thị xã tiếp xúc cử tri trước kỳ họp giữa năm 2020": "HĐND, Tiếp xúc cử tri",
    "Đảng bộ thị xã Hồng Lĩnh kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam": "Ngày thành lập Đảng",
    "Đảng bộ phường Đậu Liêu tổ chức thành công đại hội điểm nhiệm kỳ 2020 - 2025": "Đại hội Đảng, Đậu Liêu",
    "Chú trọng phát triển đảng viên trong đoàn viên thanh niên": "Thanh niên, Phát triển đảng viên",
    "Xã Thuận Lộc ra quân xây dựng nông thôn mới kiểu mẫu": "Nông thôn mới, Thuận Lộc",
    "Phường Bắc Hồng đẩy mạnh chỉnh trang đô thị văn minh": "Văn minh đô thị, Bắc Hồng",
    "Kịp thời hỗ trợ người dân gặp khó khăn do đại dịch COVID-19": "COVID-19, An sinh xã hội",
    "Học sinh Hồng Lĩnh trở lại trường sau thời gian nghỉ phòng dịch": "COVID-19, Giáo dục",
    "Sôi nổi giải bóng đá thanh niên thị xã Hồng Lĩnh năm 2019": "Thể thao, Thanh niên",
    "Câu lạc bộ dân ca ví, giặm phường Trung Lương: nơi giữ lửa làn điệu quê hương": "Dân ca ví giặm, Trung Lương",
    "Chương trình nghệ thuật mừng Đảng, mừng Xuân Canh Tý 2020": "Tết Canh Tý, Văn nghệ",
    "Hồng Lĩnh tổ chức khám sức khỏe nghĩa vụ quân sự năm 2020": "Nghĩa vụ quân sự",
    "Tân binh Hồng Lĩnh phấn khởi lên đường nhập ngũ": "Nghĩa vụ quân sự, Thanh niên",
    "Công an thị xã ra quân bảo đảm an ninh trật tự dịp Tết Nguyên đán": "An ninh trật tự, Tết Canh Tý",
    "Tăng cường bảo đảm trật tự an toàn giao thông trên Quốc lộ 1A": "An toàn giao thông, Văn minh đô thị",
}
FEATURED = [SEED, "Phường Bắc Hồng đẩy mạnh chỉnh trang đô thị văn minh"]
FEATURED_AT = datetime(2020, 2, 20, 9, 0)


def _cover(name: str, style: str):
    """A cover for the thread drawn like the categories' (portal.demo.covers), through the upload checks."""
    jpeg = covers.cover_jpeg(style, name)
    folder = Path(current_app.config["UPLOAD_FOLDER"])
    prepared = prepare_image(io.BytesIO(jpeg), f"Ảnh bìa chuyên đề {name}", UploadLimits(folder, max_bytes=len(jpeg)))
    with prepared.stored() as media:
        return media


def load_topics(seed_title: str) -> None:
    ids = dict(db.session.execute(select(Article.title, Article.id)).all())
    ids[SEED] = ids[seed_title]
    for item in THREADS:
        thread = Thread(name=item["name"], slug=slugify(item["name"]), description=item["description"], starts_at=item["starts_at"],
                        ends_at=item["ends_at"], on_home=item.get("on_home", False), updated_at=item["starts_at"],
                        cover=_cover(item["name"], item["style"]))  # fmt: skip
        db.session.add(thread)
        db.session.flush()
        db.session.execute(insert(article_thread), [{"article_id": ids[title], "thread_id": thread.id} for title in item["articles"]])
    for title, typed in TAGS.items():
        topics.set_topics_in_transaction(ids[title], topics.tag_names(typed), topics.thread_ids(ids[title]))
    for position, title in enumerate(FEATURED, start=1):
        db.session.add(FeaturedArticle(article_id=ids[title], position=position, pinned_by="bientap", pinned_at=FEATURED_AT))

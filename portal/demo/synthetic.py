"""Synthetic articles in bulk, for load tests and the search benchmark.

``generate_articles`` writes Vietnamese-looking news (titles, summaries, several paragraphs) from
phrase lists, spread over the existing categories and over the years before ``until``;
``add_synthetic_articles`` inserts them with one multi-row INSERT per thousand articles and
indexes them for search the same way. The same seed gives the same articles.
"""

import random
from collections.abc import Iterator
from datetime import datetime, timedelta
from html import escape

from sqlalchemy import func, insert, select, text

from portal.extensions import db
from portal.models import Article, ArticleStatus, Category
from portal.services.search import index_articles
from portal.text import slugify

BATCH = 1000
SPAN = timedelta(days=6 * 365)

ACTORS = [
    "Thị ủy Hồng Lĩnh", "UBND thị xã", "Ban Tuyên giáo Thị ủy", "Hội Nông dân thị xã", "Đoàn Thanh niên",
    "Hội Liên hiệp Phụ nữ", "Công an thị xã", "Ban Chỉ huy Quân sự thị xã", "Phòng Văn hóa - Thông tin",
    "Đảng bộ phường Bắc Hồng", "Đảng bộ phường Nam Hồng", "Phường Đậu Liêu", "Xã Thuận Lộc",
    "Phường Trung Lương", "Phường Đức Thuận", "Hội Cựu chiến binh", "Mặt trận Tổ quốc thị xã",
]  # fmt: skip
ACTIONS = [
    "tổ chức hội nghị", "triển khai kế hoạch", "sơ kết công tác", "tổng kết phong trào", "ra quân",
    "phát động thi đua", "kiểm tra tiến độ", "trao tặng", "tập huấn", "đối thoại với nhân dân về",
    "khánh thành", "phát động phong trào", "ký kết phối hợp", "tuyên dương điển hình",
]  # fmt: skip
TOPICS = [
    "xây dựng nông thôn mới", "chuyển đổi số", "cải cách hành chính", "bảo vệ môi trường",
    "phòng chống dịch bệnh", "an toàn giao thông", "xây dựng đô thị văn minh", "khuyến học, khuyến tài",
    "giảm nghèo bền vững", "phát triển kinh tế trang trại", "bảo tồn di tích lịch sử", "tuyên truyền pháp luật",
    "công tác tuyển quân", "phòng cháy chữa cháy", "học tập và làm theo tư tưởng, đạo đức Hồ Chí Minh",
    "xây dựng Đảng trong sạch, vững mạnh", "văn hóa đọc", "thể dục thể thao quần chúng",
]  # fmt: skip
PLACES = [
    "trên địa bàn thị xã", "tại hội trường Thị ủy", "ở các khu dân cư", "tại núi Hồng Lĩnh",
    "ở tổ dân phố 5", "tại chùa Chân Tiên", "ở vùng đồi Hồng Lĩnh", "tại Nhà văn hóa thị xã",
]  # fmt: skip
OPENINGS = [
    "Sáng ngày {day}, {actor} đã {action} {topic} {place}.",
    "Trong những năm qua, {actor} luôn quan tâm đến {topic}.",
    "Thực hiện kế hoạch năm {year}, {actor} {action} {topic}.",
]  # fmt: skip
SENTENCES = [
    "Các đại biểu đã thảo luận, đánh giá kết quả đạt được và chỉ ra những hạn chế cần khắc phục.",
    "Nhiều mô hình hay, cách làm sáng tạo đã được nhân rộng trong toàn thị xã.",
    "Phát biểu chỉ đạo, đồng chí lãnh đạo đề nghị các cấp ủy tiếp tục quan tâm, tạo điều kiện thuận lợi.",
    "Người dân phấn khởi, tích cực hưởng ứng và đóng góp hàng nghìn ngày công lao động.",
    "Qua đó góp phần nâng cao nhận thức, trách nhiệm của cán bộ, đảng viên và quần chúng nhân dân.",
    "Dịp này, nhiều tập thể và cá nhân có thành tích xuất sắc đã được khen thưởng.",
    "Kết quả, có {count} hộ gia đình tham gia, vượt chỉ tiêu đề ra.",
    "Tổng kinh phí thực hiện ước đạt {count} triệu đồng, chủ yếu từ nguồn xã hội hóa.",
    "Hồng Lĩnh phấn đấu đến cuối năm {year} hoàn thành các chỉ tiêu chủ yếu của Nghị quyết.",
    "Đây là hoạt động thiết thực, ý nghĩa, được đông đảo nhân dân đồng tình ủng hộ.",
]  # fmt: skip
BYLINES = ["Minh Hương", "Quang Huy", "Thu Trang", "Văn Hải", "Hồng Nhung", "Đức Anh", "Thanh Hà"]


def _paragraph(rng: random.Random, year: int) -> str:
    chosen = rng.sample(SENTENCES, k=rng.randint(2, 4))
    return " ".join(s.format(count=rng.randint(12, 980), year=year) for s in chosen)


def _article(rng: random.Random, category_ids: list[int], published_at: datetime) -> dict:
    actor, action, topic, place = rng.choice(ACTORS), rng.choice(ACTIONS), rng.choice(TOPICS), rng.choice(PLACES)
    year = published_at.year
    title = f"{actor} {action} {topic} năm {year}"
    opening = rng.choice(OPENINGS).format(
        day=published_at.strftime("%d/%m/%Y"), actor=actor, action=action, topic=topic, place=place, year=year
    )
    paragraphs = [opening] + [_paragraph(rng, year) for _ in range(rng.randint(3, 6))]
    return {
        "title": title,
        "slug": f"{slugify(title, 150)}-{rng.getrandbits(64):016x}",
        "summary": opening,
        "body": "".join(f"<p>{escape(p)}</p>" for p in paragraphs),
        "byline": f"{rng.choice(BYLINES)} - {actor}",
        "category_id": rng.choice(category_ids),
        "status": ArticleStatus.PUBLISHED,
        "published_at": published_at,
        "created_at": published_at,
        "updated_at": published_at,
    }


def generate_articles(n: int, category_ids: list[int], until: datetime, seed: int = 2020) -> Iterator[dict]:
    """``n`` article rows (as dicts for a bulk INSERT), published over the six years before ``until``."""
    rng = random.Random(seed)
    start = until - SPAN
    for _ in range(n):
        moment = start + timedelta(seconds=rng.randrange(int(SPAN.total_seconds())))
        yield _article(rng, category_ids, moment.replace(second=0, microsecond=0))


def add_synthetic_articles(n: int, until: datetime, seed: int | None = None) -> int:
    """Insert ``n`` synthetic articles over the existing categories, indexed for search.

    Without a seed, the number of articles already there is the seed, so a second run adds
    different articles rather than copies."""
    category_ids = list(db.session.execute(select(Category.id)).scalars())
    if seed is None:
        seed = db.session.execute(select(func.count(Article.id))).scalar()
    if not category_ids:
        raise ValueError("Chưa có chuyên mục nào: hãy nạp dữ liệu mẫu trước.")
    statement = insert(Article).returning(Article.id, sort_by_parameter_order=True)
    rows: list[dict] = []
    for row in generate_articles(n, category_ids, until, seed):
        rows.append(row)
        if len(rows) == BATCH:
            _insert_batch(statement, rows)
            rows = []
    _insert_batch(statement, rows)
    db.session.commit()
    if db.engine.dialect.name == "postgresql":  # fresh statistics, or the planner ignores the indexes
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("ANALYZE article, article_search"))
    return n


def _insert_batch(statement, rows: list[dict]) -> None:
    if not rows:
        return
    ids = db.session.execute(statement, rows).scalars().all()
    index_articles(db.session.connection(), [{**row, "id": id_} for row, id_ in zip(rows, ids, strict=True)])

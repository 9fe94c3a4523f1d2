"""Synthetic articles for the benchmark, inserted in bulk.

Vietnamese-looking text built from common syllables into sentences and paragraphs, of the
sizes a town news site has (titles of 8–18 words, a summary of two sentences, bodies of
6–14 paragraphs: 2–6 KB of HTML), spread over every category and over the years
2012–2020, a few drafts among them. The rows go in with SQLAlchemy Core
(``INSERT … executemany`` in batches, one transaction), so 100,000 articles take well
under a minute on SQLite.

The bodies are built from escaped plain text in ``<p>`` elements only, the shape
``sanitise_html`` keeps unchanged, so they skip the sanitiser.
"""

import random
from datetime import datetime, timedelta
from html import escape

from sqlalchemy import insert, select

from portal.extensions import db
from portal.models import Article, ArticleStatus, Category
from portal.text import slugify

SYLLABLES = (
    "hội nghị triển khai nhiệm vụ công tác tuyên truyền khoa giáo năm thị xã Hồng Lĩnh Đảng bộ "
    "phường xã nhân dân cán bộ đảng viên kinh tế xã hội văn hóa thể thao quốc phòng an ninh "
    "nông thôn mới đô thị giáo dục y tế môi trường giao thông đầu tư xây dựng phát triển bền vững "
    "chính quyền Ủy ban Hội đồng Mặt trận Tổ quốc đoàn thể thanh niên phụ nữ cựu chiến binh "
    "nông dân công nhân doanh nghiệp hợp tác sản xuất thu hoạch lúa mùa vụ chăn nuôi trồng trọt "
    "lễ hội truyền thống di tích lịch sử chùa đền núi sông Lam Bắc Hồng Nam Hồng Đức Thuận "
    "Trung Lương Đậu Liêu Thuận Lộc tỉnh Hà Tĩnh kế hoạch kết quả đánh giá tổng kết sơ kết "
    "chỉ đạo lãnh đạo đồng chí Bí thư Chủ tịch Phó trưởng ban thường vụ quyết định nghị quyết "
    "thực hiện chương trình mục tiêu giải pháp tăng cường nâng cao chất lượng hiệu quả "
    "khen thưởng tập thể cá nhân thành tích xuất sắc phong trào thi đua yêu nước học tập "
    "làm theo tư tưởng đạo đức phong cách Hồ Chí Minh an sinh hộ nghèo cận nghèo hỗ trợ "
    "người có công gia đình chính sách tiêm chủng phòng chống dịch bệnh trường học học sinh "
    "giáo viên khai giảng tốt nghiệp thi đấu giải bóng đá bóng chuyền vận động viên huy chương "
    "đường điện chiếu sáng cấp nước thoát nước vệ sinh rác thải cây xanh công viên chợ"
).split()
FIRST_YEAR_START = datetime(2012, 1, 1, 6, 0)
SPAN_SECONDS = int((datetime(2020, 6, 30, 18, 0) - FIRST_YEAR_START).total_seconds())
PARAGRAPH_POOL = 600
BATCH = 5_000


def _sentence(rng: random.Random, low: int, high: int) -> str:
    words = rng.choices(SYLLABLES, k=rng.randint(low, high))
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng, 10, 28) for _ in range(rng.randint(2, 5)))


def _row(rng: random.Random, number: int, category_ids: list[int], paragraphs: list[str]) -> dict:
    title = _sentence(rng, 8, 18).rstrip(".")
    published_at = FIRST_YEAR_START + timedelta(seconds=rng.randrange(SPAN_SECONDS))
    rating_count = rng.choice((0, 0, 0, rng.randint(1, 40)))
    return {
        "title": title,
        "slug": f"{slugify(title, max_length=150)}-{number}",
        "summary": f"{_sentence(rng, 14, 26)} {_sentence(rng, 10, 22)}",
        "body": "".join(f"<p>{p}</p>" for p in rng.sample(paragraphs, rng.randint(6, 14))),
        "byline": f"{_sentence(rng, 2, 4).rstrip('.')} - Trung tâm Văn hóa - Truyền thông",
        "category_id": rng.choice(category_ids),
        "status": ArticleStatus.DRAFT if rng.random() < 0.02 else ArticleStatus.PUBLISHED,
        "published_at": published_at,
        "created_at": published_at,
        "updated_at": published_at,
        "view_count": int(rng.paretovariate(1.2) * 40),
        "rating_count": rating_count,
        "rating_sum": sum(rng.randint(3, 5) for _ in range(rating_count)),
        "cover_caption": "",
    }


def add_articles(count: int, seed: int = 2020) -> int:
    """Insert ``count`` synthetic articles over the existing categories; return how many.

    Needs an app context and at least one category (load the demo first).
    """
    rng = random.Random(seed)
    category_ids = list(db.session.execute(select(Category.id)).scalars())
    if not category_ids:
        raise RuntimeError("no category: load the demo site first")
    paragraphs = [escape(_paragraph(rng)) for _ in range(PARAGRAPH_POOL)]
    first = (db.session.execute(select(db.func.max(Article.id))).scalar() or 0) + 1
    connection = db.session.connection()
    for start in range(0, count, BATCH):
        rows = [_row(rng, first + n, category_ids, paragraphs) for n in range(start, min(start + BATCH, count))]
        connection.execute(insert(Article.__table__), rows)
    db.session.commit()
    return count

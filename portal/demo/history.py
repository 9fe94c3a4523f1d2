"""The demo's seed article comes with a short history: written, sent for approval, its summary
corrected by the editor, published. So a fresh site's "Lịch sử và các phiên bản" and the
side-by-side comparison show what they are for."""

from datetime import timedelta

from portal.extensions import db
from portal.models import Article, ArticleRevision, ArticleStateChange, ArticleStatus
from portal.services.attachments import attachment_ids, document_ids
from portal.services.revisions import content_of

DEMO_NAME = "(dữ liệu mẫu)"
FIRST_SUMMARY = "Ban Tuyên giáo Thị ủy triển khai nhiệm vụ tuyên truyền năm 2020, trọng tâm là đại hội Đảng các cấp."


def add_seed_history(article: Article) -> None:
    """Two revisions and three moves for the (flushed) seed article, before its publication."""
    written = article.published_at - timedelta(days=1)
    corrected = article.published_at - timedelta(minutes=20)
    content = content_of(article) | {"attachment_ids": attachment_ids(article), "document_ids": document_ids(article)}
    db.session.add_all([
        ArticleRevision(article_id=article.id, number=1, status=ArticleStatus.DRAFT, username=DEMO_NAME,
                        created_at=written, **(content | {"summary": FIRST_SUMMARY})),
        ArticleRevision(article_id=article.id, number=2, status=ArticleStatus.PENDING, username=DEMO_NAME,
                        created_at=corrected, **content),
        ArticleStateChange(article_id=article.id, from_status=None, to_status=ArticleStatus.DRAFT, username=DEMO_NAME,
                           created_at=written),
        ArticleStateChange(article_id=article.id, from_status=ArticleStatus.DRAFT, to_status=ArticleStatus.PENDING,
                           username=DEMO_NAME, created_at=written + timedelta(minutes=10)),
        ArticleStateChange(article_id=article.id, from_status=ArticleStatus.PENDING, to_status=ArticleStatus.PUBLISHED,
                           username=DEMO_NAME, created_at=article.published_at),
    ])  # fmt: skip

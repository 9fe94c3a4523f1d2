"""What an article shows the outside world: its lead image, share links and schema.org data."""

import base64
import json
import re
from dataclasses import dataclass
from urllib.parse import quote, urljoin

from portal.models import Article
from portal.services.content import ArticleFigures

_IMG = re.compile(r'<img\b[^>]*?\ssrc="(?P<src>[^"]+)"[^>]*>')
_ATTRIBUTE = r'\s{name}="(?P<value>[^"]*)"'


@dataclass(frozen=True)
class LeadImage:
    url: str  # absolute
    width: int | None
    height: int | None
    alt: str


def _attribute(tag: str, name: str) -> str | None:
    found = re.search(_ATTRIBUTE.format(name=name), tag)
    return found.group("value") if found else None


def _number(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def lead_image(article: Article, base_url: str) -> LeadImage | None:
    """The cover, else the first picture of the body, with an absolute address; None if neither."""
    if article.cover is not None:
        cover = article.cover
        return LeadImage(urljoin(base_url, cover.path), cover.width, cover.height, cover.alt or article.cover_caption)
    found = _IMG.search(article.body or "")
    if found is None:
        return None
    tag = found.group(0)
    return LeadImage(
        urljoin(base_url, found.group("src")),
        _number(_attribute(tag, "width")),
        _number(_attribute(tag, "height")),
        _attribute(tag, "alt") or "",
    )


def share_links(url: str) -> dict[str, str]:
    """Plain links to the Facebook and Zalo share pages: no script of theirs on ours."""
    zalo_payload = base64.b64encode(json.dumps({"url": url}).encode()).decode()
    return {
        "facebook": f"https://www.facebook.com/sharer/sharer.php?u={quote(url, safe='')}",
        "zalo": f"https://button-share.zalo.me/share_external?d={quote(zalo_payload, safe='')}",
    }


def news_article_data(
    article: Article,
    figures: ArticleFigures,
    url: str,
    published: str,
    modified: str,
    publisher: dict,
    image: LeadImage | None,
) -> dict:
    """schema.org NewsArticle, with the rating once it has votes."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": article.title[:110],
        "description": article.summary,
        "datePublished": published,
        "dateModified": modified,
        "articleSection": article.category.name,
        "inLanguage": "vi",
        "publisher": {"@type": "Organization", **publisher},
        "author": {"@type": "Person", "name": article.byline} if article.byline else {"@type": "Organization", **publisher},
    }
    if image is not None:
        data["image"] = [image.url]
    if figures.rating_count:
        data["aggregateRating"] = {
            "@type": "AggregateRating",
            "ratingValue": round(figures.rating_average, 2),
            "ratingCount": figures.rating_count,
            "bestRating": 5,
            "worstRating": 1,
        }
    return data

"""What the article page needs for sharing: canonical address, lead image, share links, JSON-LD."""

from flask import current_app, url_for

from portal.models import Article, SiteSettings
from portal.services import sharing
from portal.services.content import ArticleFigures
from portal.services.feeds import last_modified, w3c


def canonical_url(article: Article) -> str:
    return url_for(
        "news.article", category_slug=article.category.slug, slug=article.slug, article_id=article.id, _external=True
    )


def sharing_context(article: Article) -> dict:
    """Template variables for the article's meta tags, JSON-LD and share links."""
    zone = current_app.config["SITE_TIMEZONE"]
    url = canonical_url(article)
    home = url_for("news.home", _external=True)
    image = sharing.lead_image(article, home)
    published, modified = w3c(article.published_at, zone), w3c(last_modified(article), zone)
    logo = {"@type": "ImageObject", "url": url_for("static", filename="img/favicon.svg", _external=True)}

    def structured_data(site: SiteSettings, figures: ArticleFigures) -> dict:
        """Called by the template with the site settings and the live figures the page holds."""
        publisher = {"name": site.name, "url": home, "logo": logo}
        return sharing.news_article_data(article, figures, url, published, modified, publisher, image)

    return {
        "canonical": url,
        "lead_image": image,
        "published_iso": published,
        "modified_iso": modified,
        "share": sharing.share_links(url),
        "structured_data": structured_data,
    }

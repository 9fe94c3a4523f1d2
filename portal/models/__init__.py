"""Models, one module per subject. Importing this package registers them all."""

from portal.models.content import Article, ArticleStatus, Category, Media, MediaKind
from portal.models.search import ArticleSearch
from portal.models.sidebar import BlockKind, SidebarBlock, Song, WebLink
from portal.models.site import SiteSettings

__all__ = [
    "Article",
    "ArticleSearch",
    "ArticleStatus",
    "BlockKind",
    "Category",
    "Media",
    "MediaKind",
    "SidebarBlock",
    "SiteSettings",
    "Song",
    "WebLink",
]

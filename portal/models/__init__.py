"""Models, one module per subject. Importing this package registers them all."""

from portal.models.content import Article, ArticleStatus, Category, Media, MediaKind
from portal.models.sidebar import BlockKind, SidebarBlock, Song, WebLink
from portal.models.site import SiteSettings
from portal.models.users import AuditLog, Role, SignInFailure, User

__all__ = [
    "Article",
    "AuditLog",
    "ArticleStatus",
    "BlockKind",
    "Category",
    "Media",
    "MediaKind",
    "Role",
    "SidebarBlock",
    "SignInFailure",
    "SiteSettings",
    "Song",
    "User",
    "WebLink",
]

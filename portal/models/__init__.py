"""Models, one module per subject. Importing this package registers them all."""

from portal.models.albums import Album, AlbumPhoto
from portal.models.attachments import ArticleAttachment
from portal.models.citizens import ContactMessage, ContactStatus, MailStatus, Question, QuestionStatus, QuestionTopic
from portal.models.content import Article, ArticleStatus, Category, Media, MediaKind
from portal.models.front_page import FeaturedArticle, HomeBlock
from portal.models.documents import (
    Document,
    DocumentFile,
    DocumentRevision,
    DocumentSearch,
    DocumentStatus,
    DocumentTerm,
    TermKind,
    Validity,
)
from portal.models.pages import Page, PageRevision
from portal.models.people import Person, Unit
from portal.models.polls import Poll, PollBallot, PollChoice
from portal.models.ratings import RateLimitHits, Vote
from portal.models.revisions import ArticleAutosave, ArticleRevision, ArticleStateChange
from portal.models.search import ArticleSearch
from portal.models.sidebar import BlockKind, SidebarBlock, Song, WebLink
from portal.models.site import ContentVersion, MenuItem, MenuKind, SiteSettings
from portal.models.topics import Tag, TagRedirect, Thread, article_tag, article_thread
from portal.models.stats import TOTAL_PERIOD, OnlinePeak, TallyKind, VisitorPresence, VisitTally
from portal.models.users import ROLE_LABELS, AdminSession, AuditLog, RecoveryCode, Role, SignInThrottle, User

__all__ = [
    "Album",
    "AlbumPhoto",
    "Article",
    "ArticleAttachment",
    "ArticleAutosave",
    "ArticleRevision",
    "ArticleStateChange",
    "ArticleSearch",
    "ArticleStatus",
    "AdminSession",
    "AuditLog",
    "BlockKind",
    "Category",
    "ContactMessage",
    "ContactStatus",
    "ContentVersion",
    "Document",
    "DocumentFile",
    "DocumentRevision",
    "DocumentSearch",
    "DocumentStatus",
    "DocumentTerm",
    "FeaturedArticle",
    "HomeBlock",
    "MailStatus",
    "MenuItem",
    "MenuKind",
    "Media",
    "MediaKind",
    "OnlinePeak",
    "Page",
    "PageRevision",
    "Poll",
    "PollBallot",
    "PollChoice",
    "Person",
    "Question",
    "QuestionStatus",
    "QuestionTopic",
    "RateLimitHits",
    "ROLE_LABELS",
    "RecoveryCode",
    "Role",
    "SidebarBlock",
    "SignInThrottle",
    "SiteSettings",
    "Song",
    "Tag",
    "TagRedirect",
    "Thread",
    "TallyKind",
    "TermKind",
    "TOTAL_PERIOD",
    "Unit",
    "User",
    "Validity",
    "VisitorPresence",
    "VisitTally",
    "Vote",
    "WebLink",
    "article_tag",
    "article_thread",
]

"""Who may do what in the admin: the one place that decides.

Three roles (portal.models.Role). The admin's single guard (portal.admin.guard) asks
``may_reach`` for every request's endpoint; an endpoint listed nowhere here is for quản trị
only, so a new route is closed until it is given to a role. What a page reaches is then
narrowed by the object: the article's category (``may_write_in``, ``may_approve_in``), its
author and its state (portal.services.workflow).

| role                        | reaches                                                        |
| --------------------------- | -------------------------------------------------------------- |
| cộng tác viên / phóng viên  | own account pages; articles and images (``NEWSROOM``)           |
| biên tập viên               | the same, the approver's actions (``APPROVING``: tiêu điểm      |
|                             | too), the văn bản library's documents and files (``LIBRARY``),  |
|                             | photo albums and polls (``ALBUMS_AND_POLLS``), chuyên đề and    |
|                             | tags (``CURATING``)                                              |
| quản trị                    | everything: accounts, categories, sidebar, settings, audit log  |
"""

from portal.models import Role, User

SIGNED_OUT = frozenset({"admin.sign_in", "admin.two_factor_sign_in"})  # the steps of signing in
OWN_ACCOUNT = frozenset(
    {
        "admin.dashboard",
        "admin.sign_out",
        "admin.change_password",
        "admin.two_factor_status",
        "admin.two_factor_enrol",
        "admin.two_factor_disable",
        "admin.recovery_codes",
        "admin.own_sessions",
        "admin.end_session",
        "admin.sign_out_everywhere",
    }
)
# Writing: which article and category is then checked by may_write_in and the workflow.
NEWSROOM = frozenset(
    {
        "admin.articles",
        "admin.article_new",
        "admin.article_translate",
        "admin.article_edit",
        "admin.article_preview",
        "admin.article_autosave",
        "admin.article_revisions",
        "admin.article_compare",
        "admin.article_revision_restore",
        "admin.article_revision_view",
        "admin.article_attachment",
        "admin.article_attachment_page",
        "admin.media_list",
        "admin.media_upload",
        "admin.editor_upload",
        "admin.tag_suggestions",
    }
)
# Approving, returning, scheduling, publishing, unpublishing, deleting: checked by may_approve_in.
# Tiêu điểm (pinning, unpinning, ordering) too: checked by may_approve_in on the article pinned.
APPROVING = frozenset(
    {"admin.article_delete", "admin.article_untrash", "admin.article_feature", "admin.article_unfeature", "admin.article_feature_move"}
)

# Chuyên đề and tags, which gather articles of every category: the editors look after them.
CURATING = frozenset(
    {"admin.threads_list", "admin.thread_edit", "admin.thread_delete", "admin.tags_list", "admin.tag_edit", "admin.tag_rename", "admin.tag_merge"}
)

# The văn bản library: official documents are published by those who approve (its lists, by quản trị).
LIBRARY = frozenset({"admin.documents_list", "admin.document_upload", "admin.document_edit", "admin.document_file_replace",
                     "admin.document_file_download", "admin.document_revisions", "admin.document_revision_restore"})  # fmt: skip

# Photo albums and polls: what the editors put forward, published by those who approve.
ALBUMS_AND_POLLS = frozenset(
    {
        "admin.albums_list", "admin.album_edit", "admin.album_upload", "admin.album_photos", "admin.album_delete",
        "admin.polls_list", "admin.poll_edit", "admin.poll_close", "admin.poll_delete",
    }
)  # fmt: skip

REACH = {
    Role.WRITER: OWN_ACCOUNT | NEWSROOM,
    Role.EDITOR: OWN_ACCOUNT | NEWSROOM | APPROVING | LIBRARY | ALBUMS_AND_POLLS | CURATING,
}


def _signed_in(user: User | None) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def may_reach(user: User | None, endpoint: str | None) -> bool:
    """May this account (None or anonymous: nobody signed in) open this admin endpoint?"""
    if endpoint in SIGNED_OUT:
        return True
    if not _signed_in(user) or endpoint is None:
        return False
    return user.is_admin or endpoint in REACH[Role(user.role)]


def category_ids(user: User) -> set[int] | None:
    """The ids of the categories assigned to the account; None means every category (quản trị)."""
    if user.is_admin:
        return None
    return {category.id for category in user.categories}


def _assigned(user: User, category_id: int) -> bool:
    allowed = category_ids(user)
    return allowed is None or category_id in allowed


def may_write_in(user: User | None, category_id: int) -> bool:
    """May the account create articles in this category, or move one into it?"""
    return _signed_in(user) and _assigned(user, category_id)


def may_approve_in(user: User | None, category_id: int) -> bool:
    """May the account approve, return, schedule, publish or unpublish articles of this category?"""
    return _signed_in(user) and (user.is_admin or (user.is_editor and _assigned(user, category_id)))


def required_step(user: User, two_factor_required: bool) -> str | None:
    """The page a signed-in account must go through before any other: a new password after a
    temporary one, then setting up two-factor sign-in where its role requires it."""
    if user.must_change_password:
        return "admin.change_password"
    if two_factor_required and not user.two_factor_on:
        return "admin.two_factor_enrol"
    return None

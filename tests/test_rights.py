"""The rights table itself (portal.services.rights), for each role and category: what the single
guard and the article workflow ask it (issue 16, point 1)."""

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.models import Category, User
from portal.services import rights
from tests.helpers import EDITOR_CATEGORIES, WRITER_CATEGORIES

ALL = ("tin-tuc-su-kien", "xay-dung-dang", "kinh-te-xa-hoi", "van-hoa-the-thao", "quoc-phong-an-ninh")


@pytest.fixture
def accounts(admin_app):
    with admin_app.app_context():
        users = {user.username: user for user in db.session.execute(select(User)).scalars()}
        ids = dict(db.session.execute(select(Category.slug, Category.id)).all())
        yield users, ids


@pytest.mark.parametrize(
    ("username", "writes", "approves"),
    [("phongvien", WRITER_CATEGORIES, ()), ("bientap", EDITOR_CATEGORIES, EDITOR_CATEGORIES), ("quantri", ALL, ALL)],
)
def test_categories_decide_writing_and_approving(accounts, username, writes, approves):
    users, ids = accounts
    user = users[username]
    assert rights.category_ids(user) == (None if username == "quantri" else {ids[slug] for slug in writes})
    for slug in ALL:
        assert rights.may_write_in(user, ids[slug]) == (slug in writes)
        assert rights.may_approve_in(user, ids[slug]) == (slug in approves)


def test_a_disabled_account_and_nobody_may_do_nothing(accounts):
    users, ids = accounts
    editor = users["bientap"]
    editor.active = False
    for user in (editor, None):
        assert not rights.may_write_in(user, ids["tin-tuc-su-kien"])
        assert not rights.may_approve_in(user, ids["tin-tuc-su-kien"])
        assert not rights.may_reach(user, "admin.articles")
    assert rights.may_reach(None, "admin.sign_in")


def test_a_route_given_to_no_role_is_for_quan_tri_only(accounts):
    users, _ = accounts
    assert rights.may_reach(users["quantri"], "admin.a_page_added_later")
    assert not rights.may_reach(users["bientap"], "admin.a_page_added_later")
    assert not rights.may_reach(users["phongvien"], "admin.a_page_added_later")


def test_the_first_step_after_signing_in(accounts):
    users, _ = accounts
    writer = users["phongvien"]
    assert rights.required_step(writer, two_factor_required=False) is None
    assert rights.required_step(writer, two_factor_required=True) == "admin.two_factor_enrol"
    writer.must_change_password = True
    assert rights.required_step(writer, two_factor_required=True) == "admin.change_password"

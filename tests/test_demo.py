"""The demo loader: what it loads, and that it refuses to overwrite a real site."""

from pathlib import Path

from sqlalchemy import func, select

from portal.demo.loader import SEED_TITLE
from portal.extensions import db
from portal.models import Article, BlockKind, Category, Media, SidebarBlock, SiteSettings, Song, WebLink


def count(model) -> int:
    return db.session.execute(select(func.count()).select_from(model)).scalar_one()


def test_demo_content(demo_app):
    with demo_app.app_context():
        assert count(Article) >= 17
        assert count(Category) >= 4
        per_category = db.session.execute(select(Article.category_id, func.count()).group_by(Article.category_id)).all()
        assert len(per_category) >= 4
        months = {(a.published_at.year, a.published_at.month) for a in db.session.execute(select(Article)).scalars()}
        assert len(months) >= 4
        assert count(Song) >= 3 and count(WebLink) >= 6
        kinds = set(db.session.execute(select(SidebarBlock.kind)).scalars())
        assert kinds == {kind.value for kind in BlockKind}
        assert db.session.execute(select(SiteSettings.visit_offset)).scalar_one() == 791_935
        seed = db.session.execute(select(Article).where(Article.title == SEED_TITLE)).scalar_one()
        assert seed.byline == "Nguyễn Thị Hường - BTG Thị ủy"
        assert seed.published_at.strftime("%d/%m/%Y") == "20/02/2020"
        for media in db.session.execute(select(Media)).scalars():
            path = Path(demo_app.config["UPLOAD_FOLDER"], media.filename)
            assert path.stat().st_size == media.size > 0


def test_demo_command_refuses_a_site_with_content(demo_app):
    runner = demo_app.test_cli_runner()
    result = runner.invoke(args=["portal", "demo"])
    assert result.exit_code != 0
    assert "đã có nội dung" in result.output
    with demo_app.app_context():
        before = count(Article)
    skipped = runner.invoke(args=["portal", "demo", "--if-empty"])
    assert skipped.exit_code == 0 and "không nạp" in skipped.output
    with demo_app.app_context():
        assert count(Article) == before


def test_demo_command_force_reloads(demo_app):
    runner = demo_app.test_cli_runner()
    with demo_app.app_context():
        db.session.add(Category(name="Tạm", slug="tam"))
        db.session.commit()
        before = count(Category)
    result = runner.invoke(args=["portal", "demo", "--force"])
    assert result.exit_code == 0, result.output
    with demo_app.app_context():
        assert count(Category) == before - 1
        assert count(SiteSettings) == 1


def test_demo_force_keeps_the_webmasters_accounts(make_app):
    from portal.models import Role, User
    from portal.services.accounts import create_user

    app = make_app(demo=True, PASSWORD_HASH_PROFILE="CHEAPEST")
    with app.app_context():
        create_user("quantri", "mat-khau-rat-dai-2020", Role.ADMIN)
    assert app.test_cli_runner().invoke(args=["portal", "demo", "--force"]).exit_code == 0
    with app.app_context():
        assert db.session.execute(select(User.username)).scalars().all() == ["quantri"]
        assert count(Article) >= 17


def test_demo_command_on_empty_database(runner, app):
    result = runner.invoke(args=["portal", "demo"])
    assert result.exit_code == 0, result.output
    assert "Đã nạp dữ liệu mẫu" in result.output
    with app.app_context():
        assert count(Article) >= 17

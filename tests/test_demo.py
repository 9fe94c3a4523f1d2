"""The demo loader: what it loads, and that it refuses to overwrite a real site."""

from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select

from portal.demo.loader import SEED_TITLE
from portal.extensions import db
from portal.models import (
    TOTAL_PERIOD,
    Article,
    BlockKind,
    Category,
    Media,
    SidebarBlock,
    SiteSettings,
    Song,
    TallyKind,
    VisitTally,
    WebLink,
)


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
        # the total shown is the seed page's figure: the carried-over offset plus the demo's visit history
        offset = db.session.execute(select(SiteSettings.visit_offset)).scalar_one()
        history_row = db.session.get(VisitTally, (TallyKind.TOTAL, TOTAL_PERIOD))
        history = history_row.visits if history_row else 0  # none where Redis keeps the counters
        assert offset + history == 791_935 and history < offset
        seed = db.session.execute(select(Article).where(Article.title == SEED_TITLE)).scalar_one()
        assert seed.byline == "Nguyễn Thị Hường - BTG Thị ủy"
        assert seed.published_at.strftime("%d/%m/%Y") == "20/02/2020"
        for media in db.session.execute(select(Media)).scalars():
            path = Path(demo_app.config["UPLOAD_FOLDER"], media.filename)
            assert path.stat().st_size == media.size > 0


def test_every_demo_article_has_its_own_drawn_cover_with_renditions(demo_app):
    with demo_app.app_context():
        articles = db.session.execute(select(Article).where(Article.language == "vi")).scalars().all()  # an English version shares its original's cover
        assert articles and all(article.cover for article in articles)
        assert len({article.cover_id for article in articles}) == len(articles)
        for article in articles:
            cover = article.cover
            assert cover.mime_type == "image/jpeg" and (cover.width, cover.height) == (1200, 675)
            assert cover.rendition_widths == [320, 800] and article.category.name in cover.alt
            for name in (cover.filename, *(cover.rendition_filename(w) for w in cover.rendition_widths)):
                assert Path(demo_app.config["UPLOAD_FOLDER"], name).stat().st_size > 0
    home = demo_app.test_client().get("/").get_data(as_text=True)
    assert "srcset=" in home and "-320.jpg 320w" in home


def test_demo_visit_history_is_coherent(make_app):
    """DEMO DATA: the invented days add up to their months and to the all-time tally; today starts at zero."""
    demo_app = make_app(demo=True, REDIS_URL=None)  # the history is written where the SQL store reads it
    with demo_app.app_context():
        sums = dict(db.session.execute(select(VisitTally.kind, func.sum(VisitTally.visits)).group_by(VisitTally.kind)).all())
        days = db.session.execute(select(VisitTally.period).where(VisitTally.kind == TallyKind.DAY)).scalars().all()
    assert sums[TallyKind.DAY] == sums[TallyKind.MONTH] == sums[TallyKind.TOTAL] > 0
    assert len(days) >= 365 and max(days) < date.today() + timedelta(days=1)


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

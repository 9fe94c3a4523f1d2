"""The migrations build exactly the schema the models describe, from an empty database and again
after going all the way down; every revision is a snapshot that imports nothing of the portal."""

import ast
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

import portal
from portal import create_app
from portal.extensions import db
from portal.models.search import include_object
from portal.services.search import document_of, rank_key
from tests.real_services import require_postgresql, throwaway_postgresql_database

REVISIONS = Path(portal.__file__).parent / "migrations" / "versions"


@pytest.fixture(autouse=True)
def own_instance_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("PORTAL_INSTANCE_PATH", str(tmp_path))


@contextmanager
def empty_database(kind: str, folder: Path, name: str) -> Iterator[str]:
    """The URL of a database with nothing in it: a new SQLite file, or a new PostgreSQL database."""
    if kind == "sqlite":
        yield f"sqlite:///{folder}/{name}.sqlite3"
    else:
        with throwaway_postgresql_database(require_postgresql()) as url:
            yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_kind(request) -> str:
    return request.param


@pytest.fixture
def empty_database_url(database_kind, tmp_path):
    with empty_database(database_kind, tmp_path, "migrated") as url:
        yield url


@contextmanager
def app_context_on(database_url: str) -> Iterator[None]:
    """An app context on ``database_url``, whose connections are closed when it ends."""
    with create_app({"SQLALCHEMY_DATABASE_URI": database_url}).app_context():
        try:
            yield
        finally:
            db.session.remove()
            db.engine.dispose()


def same_server_default(context, inspected_column, metadata_column, inspected, metadata_default, rendered):
    """SQLite reflects ``server_default=""`` (``media.renditions``) as ``('')``, which Alembic's
    SQLite comparison cannot unquote (it unquotes non-empty literals only) and would report as a
    change; False says "the same", None leaves every other default to Alembic."""
    if context.dialect.name == "sqlite" and inspected == "('')" and rendered == "":
        return False
    return None


def differences_from_models(connection: Connection) -> list:
    """What Alembic would change to make the database match the models: types and server
    defaults included, the search index's own objects left out (``include_object``)."""
    options = {"include_object": include_object, "compare_type": True, "compare_server_default": same_server_default}
    return compare_metadata(MigrationContext.configure(connection, opts=options), db.metadata)


def objects_outside_metadata(connection: Connection) -> set[tuple[str, str]]:
    """(name, definition) of what the models build with DDL events, which Alembic's comparison
    cannot see: the triggers, the FTS5 tables, the trigger functions, the generated tsvector
    columns and their GIN indexes."""
    if connection.dialect.name == "sqlite":
        query = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' OR sql LIKE 'CREATE VIRTUAL TABLE%'"
    else:
        query = """
            SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal
            UNION ALL SELECT proname, pg_get_functiondef(oid) FROM pg_proc WHERE pronamespace = 'public'::regnamespace
            UNION ALL SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexdef LIKE '%USING gin%'
            UNION ALL SELECT column_name, generation_expression FROM information_schema.columns
                WHERE table_schema = 'public' AND is_generated = 'ALWAYS'
        """
    return set(connection.execute(text(query)).all())


def test_upgrade_matches_models(empty_database_url):
    with app_context_on(empty_database_url):
        upgrade()
        with db.engine.connect() as connection:
            differences = differences_from_models(connection)
    assert differences == []


def test_upgrade_builds_what_create_all_builds_outside_the_metadata(database_kind, tmp_path):
    """The triggers and search objects the revisions carry as their own statements are the ones the
    models build today: a table added to the models' content tables, say, needs a new revision."""
    built = {}
    for name, build in (("migrated", upgrade), ("created", db.create_all)):
        with empty_database(database_kind, tmp_path, name) as url, app_context_on(url):
            build()
            with db.engine.connect() as connection:
                built[name] = objects_outside_metadata(connection)
    assert built["migrated"]
    assert built["migrated"] == built["created"]


def test_downgrade_to_base_and_upgrade_again(empty_database_url):
    """Every downgrade() undoes its upgrade(): at base only Alembic's own table is left, no
    trigger, function or FTS5 table behind, and the way up again builds the same schema."""
    with app_context_on(empty_database_url):
        upgrade()
        with db.engine.connect() as connection:
            first = objects_outside_metadata(connection)
        downgrade(revision="base")
        with db.engine.connect() as connection:
            assert inspect(connection).get_table_names() == ["alembic_version"]
            assert objects_outside_metadata(connection) == set()
        upgrade()
        with db.engine.connect() as connection:
            assert differences_from_models(connection) == []
            assert objects_outside_metadata(connection) == first


def test_upgrade_indexes_articles_written_before_the_search_index(empty_database_url):
    """Articles already there at 0004 get the index rows the search service writes for a new
    article: words folded by 0005's own copy of ``document_of``, rank keys filled by 0007."""
    published = datetime(2020, 5, 6, 7, 8, 9)
    articles = [
        (1, "Đại hội Đảng bộ İzmir", "Tóm tắt: hội_nghị", "<p>Hội&nbsp;nghị</p><p>tuyên <b>truyền</b> ĐẠI-hội 2020!</p>",
         "published", published),
        (2, "Nháp \u0048\u006f\u0302\u0323i", "", "<ul><li>một</li><li>hai</li></ul>", "draft", None),
        (3, "Sắp đăng", "", "<p>Ngày mai</p>", "scheduled", datetime(2030, 1, 1)),
    ]  # fmt: skip
    with app_context_on(empty_database_url):
        upgrade(revision="0004")
        db.session.execute(text("INSERT INTO category (id, name, slug, position) VALUES (1, 'Tin tức', 'tin-tuc', 1)"))
        for id_, title, summary, body, status, published_at in articles:
            db.session.execute(
                text(
                    "INSERT INTO article (id, title, slug, summary, body, cover_caption, byline, category_id, status,"
                    " published_at, created_at, updated_at) VALUES (:id, :title, :slug, :summary, :body, '', '', 1,"
                    " :status, :published_at, :created, :created)"
                ),
                {"id": id_, "title": title, "slug": f"bai-{id_}", "summary": summary, "body": body, "status": status,
                 "published_at": published_at, "created": published},
            )  # fmt: skip
        db.session.commit()
        upgrade()
        rows = db.session.execute(text("SELECT article_id, title, body, rank_key FROM article_search ORDER BY article_id"))
        indexed = [tuple(row) for row in rows]
    expected = []
    for id_, title, summary, body, status, published_at in articles:
        document = document_of(title, summary, body)
        expected.append((id_, document["title"], document["body"], rank_key(id_, status, published_at)))
    assert indexed == expected


def test_upgrade_keeps_the_rows_that_refer_to_a_rebuilt_table(empty_database_url):
    """SQLite changes a table's constraints by building it anew (0013 does so to user_account):
    the sessions and audit entries that refer to the accounts stay, and still point at them."""
    moment = datetime(2026, 1, 2, 3, 4, 5)
    with app_context_on(empty_database_url):
        upgrade(revision="0012")
        statements = (
            "INSERT INTO user_account (id, username, password_hash, role, active, created_at)"
            " VALUES (7, 'quantri', 'x', 'admin', true, :now)",
            "INSERT INTO admin_session (token_hash, user_id, created_at, last_seen_at) VALUES ('t', 7, :now, :now)",
            "INSERT INTO audit_log (user_id, username, action, target_type, summary, created_at)"
            " VALUES (7, 'quantri', 'sign_in', 'user', '', :now)",
        )
        for statement in statements:
            db.session.execute(text(statement), {"now": moment})
        db.session.commit()
        upgrade()
        sessions = db.session.execute(text("SELECT user_id FROM admin_session")).scalars().all()
        audited = db.session.execute(text("SELECT user_id FROM audit_log")).scalars().all()
        accounts = db.session.execute(text("SELECT id, role FROM user_account")).all()
    assert sessions == [7] and audited == [7] and [tuple(row) for row in accounts] == [(7, "admin")]


def test_revisions_import_nothing_of_the_portal():
    """A revision is a snapshot: it carries its own statements and helpers, so a later change to
    the models or the services can neither break it nor change what it builds. Only the standard
    library, SQLAlchemy and Alembic; any import, at the top or inside a function."""
    allowed = set(sys.stdlib_module_names) | {"sqlalchemy", "alembic"}
    revisions = sorted(REVISIONS.glob("*.py"))
    assert revisions
    outside = []
    for path in revisions:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                modules = ["." * node.level + (node.module or "")]
            else:
                continue
            outside += [(path.name, module) for module in modules if module.split(".")[0] not in allowed]
    assert outside == []


def test_make_run_steps_on_a_fresh_instance(empty_database_url, monkeypatch):
    """What `make run` does before serving: upgrade, then the demo when empty, twice over; on
    PostgreSQL the database is chosen the production way, by PORTAL_DATABASE_URL."""
    monkeypatch.setenv("PORTAL_DATABASE_URL", empty_database_url)
    app = create_app()
    runner = app.test_cli_runner()
    for _ in range(2):
        assert runner.invoke(args=["db", "upgrade"]).exit_code == 0
        result = runner.invoke(args=["portal", "demo", "--if-empty"])
        assert result.exit_code == 0, result.output
    assert "không nạp" in result.output
    assert app.test_client().get("/").status_code == 200
    with app.app_context():
        assert db.engine.url.get_backend_name() == empty_database_url.split(":")[0].split("+")[0]
        db.engine.dispose()

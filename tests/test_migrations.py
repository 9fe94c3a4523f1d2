"""The migrations build exactly the schema the models describe."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade

from portal import create_app
from portal.extensions import db
from portal.models.search import include_object
from tests.real_services import require_postgresql, throwaway_postgresql_database


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database_url(request, tmp_path):
    """A database with nothing in it: a new SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/migrated.sqlite3"
    else:
        with throwaway_postgresql_database(require_postgresql()) as url:
            yield url


def test_upgrade_matches_models(empty_database_url, tmp_path, monkeypatch):
    monkeypatch.setenv("PORTAL_INSTANCE_PATH", str(tmp_path))
    app = create_app({"SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            differences = compare_metadata(
                MigrationContext.configure(connection, opts={"include_object": include_object}), db.metadata
            )
        db.engine.dispose()
    assert differences == []


def test_make_run_steps_on_a_fresh_instance(empty_database_url, tmp_path, monkeypatch):
    """What `make run` does before serving: upgrade, then the demo when empty, twice over; on
    PostgreSQL the database is chosen the production way, by PORTAL_DATABASE_URL."""
    monkeypatch.setenv("PORTAL_INSTANCE_PATH", str(tmp_path))
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

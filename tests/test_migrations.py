"""The migrations build exactly the schema the models describe."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade

from portal import create_app
from portal.extensions import db
from portal.models.search import include_object


def test_upgrade_matches_models(tmp_path, monkeypatch):
    monkeypatch.setenv("PORTAL_INSTANCE_PATH", str(tmp_path))
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/migrated.sqlite3"})
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            differences = compare_metadata(
                MigrationContext.configure(connection, opts={"include_object": include_object}), db.metadata
            )
    assert differences == []


def test_make_run_steps_on_a_fresh_instance(tmp_path, monkeypatch):
    """What `make run` does before serving: upgrade, then the demo when empty, twice over."""
    monkeypatch.setenv("PORTAL_INSTANCE_PATH", str(tmp_path))
    app = create_app()
    runner = app.test_cli_runner()
    for _ in range(2):
        assert runner.invoke(args=["db", "upgrade"]).exit_code == 0
        result = runner.invoke(args=["portal", "demo", "--if-empty"])
        assert result.exit_code == 0, result.output
    assert "không nạp" in result.output
    assert app.test_client().get("/").status_code == 200

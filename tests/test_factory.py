"""Configuration order and where the instance's data lives."""

from pathlib import Path

from portal import create_app


def test_instance_path_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("PORTAL_INSTANCE_PATH", str(tmp_path / "data"))
    app = create_app()
    assert app.instance_path == str(tmp_path / "data")
    assert Path(app.config["UPLOAD_FOLDER"]) == tmp_path / "data" / "uploads"
    assert Path(app.config["UPLOAD_FOLDER"]).is_dir()
    with app.app_context():
        from portal.extensions import db

        assert db.engine.url.database == str(tmp_path / "data" / "portal.sqlite3")


def test_secret_key_is_generated_once_and_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("PORTAL_INSTANCE_PATH", str(tmp_path))
    first = create_app().config["SECRET_KEY"]
    assert len(first) == 64
    assert (tmp_path / "secret_key").read_text() == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    assert create_app().config["SECRET_KEY"] == first


def test_config_order_defaults_then_instance_file_then_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("PORTAL_INSTANCE_PATH", str(tmp_path))
    assert create_app().config["ARTICLES_PER_PAGE"] == 10
    (tmp_path / "config.py").write_text("ARTICLES_PER_PAGE = 7\nRELATED_ARTICLES = 3\n")
    app = create_app()
    assert app.config["ARTICLES_PER_PAGE"] == 7 and app.config["RELATED_ARTICLES"] == 3
    monkeypatch.setenv("PORTAL_ARTICLES_PER_PAGE", "12")
    app = create_app()
    assert app.config["ARTICLES_PER_PAGE"] == 12 and app.config["RELATED_ARTICLES"] == 3


def test_database_url_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("PORTAL_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("PORTAL_DATABASE_URL", f"sqlite:///{tmp_path}/khac.sqlite3")
    assert create_app().config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path}/khac.sqlite3"


def test_redis_url_moves_limits_to_redis(tmp_path, monkeypatch):
    monkeypatch.setenv("PORTAL_INSTANCE_PATH", str(tmp_path))
    alone = create_app()
    assert alone.config["RATELIMIT_STORAGE_URI"] == "portal-db://"
    monkeypatch.setenv("PORTAL_REDIS_URL", "redis://127.0.0.1:6379/3")
    monkeypatch.setenv("PORTAL_REDIS_KEY_PREFIX", "hong-linh:")
    config = create_app().config
    assert config["RATELIMIT_STORAGE_URI"] == "redis://127.0.0.1:6379/3"
    assert config["RATELIMIT_STORAGE_OPTIONS"]["key_prefix"] == "hong-linh:limits"


def test_postgresql_connections_are_checked_before_use(tmp_path, monkeypatch):
    monkeypatch.setenv("PORTAL_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("PORTAL_DATABASE_URL", "postgresql+psycopg://portal@127.0.0.1/portal")
    options = create_app().config["SQLALCHEMY_ENGINE_OPTIONS"]
    assert options["pool_pre_ping"] is True and options["connect_args"] == {"connect_timeout": 5}

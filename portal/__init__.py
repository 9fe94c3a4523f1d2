"""portal: a news portal for a Vietnamese town."""

import os
import secrets
from pathlib import Path

from flask import Flask

from portal import i18n, text
from portal.counters import counting
from portal.extensions import compress, csrf, db, htmx, limiter, login_manager, migrate
from portal.web import assets, inputs, page_cache, security, site_address, visitor
from portal.web.site_address import Portal

ROOT = Path(__file__).resolve().parent.parent
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def create_app(test_config: dict | None = None) -> Portal:
    """Build the app: defaults, then instance/config.py, then PORTAL_* variables."""
    app = Portal(
        __name__,
        instance_path=os.environ.get("PORTAL_INSTANCE_PATH", str(ROOT / "instance")),
        instance_relative_config=True,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    app.config.from_object("portal.config")
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("PORTAL")
    if test_config:
        app.config.update(test_config)
    site_address.init_app(app)
    _prepare_instance(app)
    _choose_services(app)
    _init_extensions(app)
    _register_blueprints(app)
    _register_template_helpers(app)
    return app


def _prepare_instance(app: Flask) -> None:
    """Create the instance folders, choose the database and keep a secret key there."""
    instance = Path(app.instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    app.config.setdefault("UPLOAD_FOLDER", str(instance / app.config["UPLOAD_FOLDER_NAME"]))
    Path(app.config["UPLOAD_FOLDER"]).mkdir(parents=True, exist_ok=True)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret_key(instance / "secret_key")


def _instance_secret_key(path: Path) -> str:
    """Read the deployment's secret key, making one on first run so sessions survive restarts."""
    if not path.exists():
        draft = path.with_name(f".{path.name}.{os.getpid()}")
        draft.write_text(secrets.token_hex(32))
        draft.chmod(0o600)
        try:
            os.link(draft, path)  # atomic: when several workers start at once, one key wins
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return path.read_text().strip()


def _choose_services(app: Flask) -> None:
    """Point the database, and with REDIS_URL the rate limits, at their servers."""
    config = app.config
    if config.get("DATABASE_URL"):
        config["SQLALCHEMY_DATABASE_URI"] = config["DATABASE_URL"]
    if config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        # A restarted server leaves dead connections in the pool (test each one before use), and an
        # unreachable one must fail a request, or /healthz, in seconds rather than hang it.
        defaults = {"pool_pre_ping": True, "connect_args": {"connect_timeout": 5}}
        config["SQLALCHEMY_ENGINE_OPTIONS"] = defaults | config["SQLALCHEMY_ENGINE_OPTIONS"]
    if config.get("REDIS_URL"):
        timeouts = {"socket_timeout": config["REDIS_TIMEOUT"], "socket_connect_timeout": config["REDIS_TIMEOUT"]}
        config.update(
            RATELIMIT_STORAGE_URI=config["REDIS_URL"],
            RATELIMIT_STORAGE_OPTIONS=timeouts | {"key_prefix": config["REDIS_KEY_PREFIX"] + "limits"},
        )


def _init_extensions(app: Flask) -> None:
    from portal import models  # noqa: F401  (register the tables)
    from portal.web import rate_limit_store  # noqa: F401  (register portal-db://)

    inputs.init_app(app)  # first: its URL check runs before every other hook
    db.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS), render_as_batch=True)
    csrf.init_app(app)
    htmx.init_app(app)
    limiter.init_app(app)
    # Limits are set per view (the rating widget's RATING_LIMIT) and checked by the view's own
    # decorator; with no default limits, the hook Flask-Limiter runs before every request
    # found nothing to check and cost 4 % of an article page.
    # (PORTAL_RATELIMIT_ENABLED=false: Flask-Limiter added no hook, and nothing is limited.)
    if limiter._check_request_limit in app.before_request_funcs.get(None, []):
        app.before_request_funcs[None].remove(limiter._check_request_limit)
    visitor.init_app(app)
    counting.init_app(app)
    # Public pages must not read the session (Flask would add Vary: Cookie, and a user query,
    # to every page): only the admin puts current_user into its templates, and the remember-me
    # cookie hook, which reads the session on every response, runs on admin responses only.
    login_manager.init_app(app, add_context_processor=False)
    app.after_request_funcs[None].remove(login_manager._update_remember_cookie)
    page_cache.init_app(app)  # before compress: its hook must see the page compressed
    security.init_app(app)  # after the page cache: a kept page keeps these headers; its ProxyFix goes in front
    compress.init_app(app)
    assets.init_app(app)  # after compress: its hooks must run before compress's


def _register_blueprints(app: Flask) -> None:
    from portal import admin, api, citizens, cli, documents, errors, health, news, pages, stats, widgets

    app.register_blueprint(news.bp)
    app.register_blueprint(documents.bp)
    app.register_blueprint(citizens.bp)
    app.register_blueprint(widgets.bp)
    app.register_blueprint(stats.bp)
    app.register_blueprint(admin.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(health.bp)
    app.register_blueprint(errors.bp)
    app.register_blueprint(pages.bp)  # last: its /<path> answers only what no other route does
    app.cli.add_command(cli.portal)


def _register_template_helpers(app: Flask) -> None:
    from portal.layout import page_url

    app.jinja_env.globals["page_url"] = page_url
    app.jinja_env.filters.update(
        tel=text.tel_uri,
        file_size=text.format_size,
        one_decimal=text.format_one_decimal,
        vn_date=text.format_date,
        vn_datetime=text.format_datetime,
    )
    i18n.init_app(app)  # the labels of the English section, and numbers and dates in the page's language

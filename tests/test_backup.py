"""`flask --app wsgi portal backup` and `portal restore`: a consistent copy while the site
writes, and bringing it back into an empty instance."""

import re
import sqlite3
import tarfile
import threading
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from portal import create_app
from portal.extensions import db
from portal.models import Article, ArticleStatus, Category

STAMP = datetime(2020, 6, 30, 12, 0, 5)
ARCHIVE = "backup-20200630-120005.tar.gz"


@pytest.fixture
def sqlite_site(tmp_path, monkeypatch, fixed_clock):
    """The demo site on a real SQLite file in its own instance folder (backups are SQLite's)."""
    fixed_clock.moment = STAMP
    instance = tmp_path / "instance"
    monkeypatch.setenv("PORTAL_INSTANCE_PATH", str(instance))
    app = create_app({"TESTING": True, "CLOCK": fixed_clock})
    with app.app_context():
        db.create_all()
        from portal.demo.loader import load_demo

        load_demo()
    return app


def fresh_instance(tmp_path, monkeypatch, name: str):
    """A new, empty instance folder, as on a replacement server."""
    monkeypatch.setenv("PORTAL_INSTANCE_PATH", str(tmp_path / name))
    return create_app({"TESTING": True})


def backup(app, *arguments):
    return app.test_cli_runner().invoke(args=["portal", "backup", *arguments])


def restore(app, *arguments):
    return app.test_cli_runner().invoke(args=["portal", "restore", *arguments])


class VoteLikeWriters:
    """Threads that each commit, in one transaction, a new row and the aggregate it adds to:
    an article row whose view_count carries 1–5 "stars", and the target article's rating_count
    and rating_sum. The vote table arrives with the ratings; the invariant is the same one:
    aggregates equal what the rows add up to."""

    def __init__(self, app, target_id: int, threads: int = 3):
        self.app, self.target_id = app, target_id
        self.stop = threading.Event()
        self.committed = [0] * threads
        self.errors: list[BaseException] = []
        self.threads = [threading.Thread(target=self._write, args=(n,)) for n in range(threads)]

    def _write(self, number: int) -> None:
        with self.app.app_context():
            category_id = db.session.get(Article, self.target_id).category_id
            try:
                while not self.stop.is_set():
                    stars = (self.committed[number] + number) % 5 + 1
                    db.session.add(Article(
                        title="lượt", slug=f"luot-{number}-{self.committed[number]}", category_id=category_id,
                        status=ArticleStatus.DRAFT, view_count=stars,
                    ))  # fmt: skip
                    db.session.execute(
                        update(Article)
                        .where(Article.id == self.target_id)
                        .values(rating_count=Article.rating_count + 1, rating_sum=Article.rating_sum + stars)
                    )
                    db.session.commit()
                    self.committed[number] += 1
            except BaseException as error:  # noqa: BLE001  (reported by the test)
                self.errors.append(error)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=30)

    @property
    def total(self) -> int:
        return sum(self.committed)


def vote_rows_and_aggregates(database: Path, target_id: int) -> tuple[int, int, int, int]:
    with sqlite3.connect(database) as connection:
        count, total = connection.execute(
            "SELECT count(*), coalesce(sum(view_count), 0) FROM article WHERE slug LIKE 'luot-%'"
        ).fetchone()
        rating_count, rating_sum = connection.execute(
            "SELECT rating_count, rating_sum FROM article WHERE id = ?", (target_id,)
        ).fetchone()
    connection.close()
    return count, total, rating_count, rating_sum


def test_backup_during_writes_restores_consistent(sqlite_site, tmp_path, monkeypatch):
    with sqlite_site.app_context():
        target_id = db.session.execute(select(Article.id).limit(1)).scalar_one()
    dest = tmp_path / "sao-luu"
    with VoteLikeWriters(sqlite_site, target_id) as writers:
        while writers.total < 50:
            threading.Event().wait(0.01)
        result = backup(sqlite_site, "--dest", str(dest))
        at_backup = writers.total
        while writers.total < at_backup + 50:  # the writes go on after the copy
            threading.Event().wait(0.01)
    assert writers.errors == []
    assert result.exit_code == 0, result.output
    archive = dest / ARCHIVE
    assert f"Đã sao lưu vào {archive}" in result.output

    replacement = fresh_instance(tmp_path, monkeypatch, "may-moi")
    restored = restore(replacement, str(archive))
    assert restored.exit_code == 0, restored.output
    database = Path(replacement.instance_path, "portal.sqlite3")
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    connection.close()
    count, total, rating_count, rating_sum = vote_rows_and_aggregates(database, target_id)
    assert (rating_count, rating_sum) == (count, total)
    assert 50 <= count < writers.total  # a copy taken in the middle of the stream
    with sqlite_site.app_context():
        live = db.session.execute(select(func.count()).where(Article.slug.like("luot-%"))).scalar_one()
    assert live == writers.total


def test_archive_holds_database_uploads_and_key(sqlite_site):
    result = backup(sqlite_site)
    assert result.exit_code == 0, result.output
    archive = Path(sqlite_site.instance_path, "backups", ARCHIVE)
    assert archive.stat().st_mode & 0o077 == 0
    folder = Path(sqlite_site.config["UPLOAD_FOLDER"])
    uploads = sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))  # the articles' attachments in dinh-kem/
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "portal.sqlite3" in names and "secret_key" in names
    assert sorted(n.removeprefix("uploads/") for n in names if n.startswith("uploads/")) == uploads
    assert len(uploads) >= 5
    assert re.fullmatch(r"backup-\d{8}-\d{6}\.tar\.gz", archive.name)


def test_restored_site_serves_the_same_pages(sqlite_site, tmp_path, monkeypatch, fixed_clock):
    assert backup(sqlite_site, "--dest", str(tmp_path / "b")).exit_code == 0
    home = sqlite_site.test_client().get("/").get_data(as_text=True)
    replacement = fresh_instance(tmp_path, monkeypatch, "may-moi")
    assert restore(replacement, str(tmp_path / "b" / ARCHIVE)).exit_code == 0
    # the site restarted on the restored instance, on the same day (the sidebar counts today's visits)
    again = create_app({"TESTING": True, "CLOCK": fixed_clock})
    assert again.config["SECRET_KEY"] == sqlite_site.config["SECRET_KEY"]
    client = again.test_client()
    assert client.get("/").get_data(as_text=True) == home
    image = re.search(r'src="(/uploads/[^"]+\.(?:jpg|svg))"', home).group(1)
    with client.get(image) as response:
        assert response.status_code == 200


def test_restore_refuses_an_instance_with_data_unless_forced(sqlite_site, tmp_path):
    assert backup(sqlite_site, "--dest", str(tmp_path / "b")).exit_code == 0
    with sqlite_site.app_context():
        db.session.add(Category(name="Mới sau sao lưu", slug="moi-sau-sao-luu"))
        db.session.commit()
        db.engine.dispose()
    refused = restore(sqlite_site, str(tmp_path / "b" / ARCHIVE))
    assert refused.exit_code != 0 and "đã có dữ liệu" in refused.output and "--force" in refused.output
    forced = restore(sqlite_site, str(tmp_path / "b" / ARCHIVE), "--force")
    assert forced.exit_code == 0, forced.output
    with sqlite_site.app_context():
        assert db.session.execute(select(Category).where(Category.slug == "moi-sau-sao-luu")).first() is None


def test_restore_into_freshly_upgraded_database(sqlite_site, tmp_path, monkeypatch):
    """`flask db upgrade` on the new server first leaves empty tables: that instance is empty."""
    assert backup(sqlite_site, "--dest", str(tmp_path / "b")).exit_code == 0
    replacement = fresh_instance(tmp_path, monkeypatch, "may-moi")
    assert replacement.test_cli_runner().invoke(args=["db", "upgrade"]).exit_code == 0
    result = restore(replacement, str(tmp_path / "b" / ARCHIVE))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("member", "content"),
    [("../ngoai.txt", b"x"), ("/etc/portal", b"x"), ("portal.sqlite3", b"not a database")],
    ids=["path-traversal", "absolute-path", "corrupt-database"],
)
def test_restore_rejects_foreign_or_broken_archives(tmp_path, monkeypatch, member, content):
    archive = tmp_path / "la.tar.gz"
    source = tmp_path / "payload"
    source.write_bytes(content)
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(source, member)
    replacement = fresh_instance(tmp_path, monkeypatch, "may-moi")
    result = restore(replacement, str(archive))
    assert result.exit_code != 0
    assert "Error:" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "ngoai.txt").exists()
    assert not Path(replacement.instance_path, "portal.sqlite3").exists()


def test_backup_refuses_postgresql(tmp_path, monkeypatch):
    monkeypatch.setenv("PORTAL_INSTANCE_PATH", str(tmp_path))
    app = create_app({"SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://portal@127.0.0.1:1/portal"})
    result = backup(app)
    assert result.exit_code != 0 and "pg_dump" in result.output

"""Backups of a SQLite deployment, and bringing one back.

A backup is one dated archive ``backup-YYYYMMDD-HHMMSS.tar.gz`` holding the database, copied
with SQLite's online backup API (one read transaction: a consistent snapshot while the site
keeps serving and writing), the uploads folder, and the instance's ``secret_key`` and
``config.py`` when present (the key keeps visitors' and sessions' cookies valid after a
restore, so the archive is as private as the database: it is written mode 0600).
PostgreSQL deployments use pg_dump and pg_restore instead (README, "Backups").
"""

import os
import shutil
import sqlite3
import tarfile
import tempfile
from datetime import datetime
from pathlib import Path

from portal.extensions import db

DATABASE = "portal.sqlite3"
UPLOADS = "uploads"
INSTANCE_FILES = ("secret_key", "config.py")


class BackupError(Exception):
    """A backup or restore that cannot be done; the message is for the webmaster."""


def archive_name(moment: datetime) -> str:
    return f"backup-{moment:%Y%m%d-%H%M%S}.tar.gz"


def create_backup(database: Path, uploads: Path, instance: Path, dest: Path, moment: datetime) -> Path:
    """Write the archive for ``moment`` into ``dest`` and return its path."""
    if not database.is_file():
        raise BackupError(f"Không có cơ sở dữ liệu tại {database}.")
    dest.mkdir(parents=True, exist_ok=True)
    archive = dest / archive_name(moment)
    if archive.exists():
        raise BackupError(f"Đã có bản sao lưu {archive}; xin chờ một giây rồi chạy lại.")
    with tempfile.TemporaryDirectory(dir=dest, prefix=".sao-luu-") as work:
        snapshot = Path(work, DATABASE)
        snapshot_sqlite(database, snapshot)
        partial = Path(work, archive.name)
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(snapshot, DATABASE)
            if uploads.is_dir():
                tar.add(uploads, UPLOADS)
            for name in INSTANCE_FILES:
                if (instance / name).is_file():
                    tar.add(instance / name, name)
        partial.chmod(0o600)
        os.replace(partial, archive)  # the dated name appears only once the archive is whole
    return archive


def snapshot_sqlite(database: Path, copy: Path) -> None:
    """Copy ``database`` to ``copy`` in one step of the backup API, then check the copy."""
    source = sqlite3.connect(database, timeout=30)
    target = sqlite3.connect(copy)
    try:
        source.backup(target)  # all pages in one step, inside one read transaction
        target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
    finally:
        source.close()
        target.close()
    check_integrity(copy)


def check_integrity(database: Path) -> None:
    connection = sqlite3.connect(database)
    try:
        verdict = connection.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"Tệp cơ sở dữ liệu {database.name} hỏng: {error}.") from None
    finally:
        connection.close()
    if verdict != [("ok",)]:
        raise BackupError(f"Tệp cơ sở dữ liệu {database.name} không qua kiểm tra toàn vẹn: {verdict[:3]}.")


def instance_has_data(database: Path, uploads: Path) -> bool:
    """True when any of the portal's tables holds a row or uploads holds a file. A database
    fresh from ``flask db upgrade`` counts as empty (Alembic's version row, the content version
    and the search index's FTS5 bookkeeping rows are not data)."""
    if uploads.is_dir() and any(path.is_file() for path in uploads.rglob("*")):
        return True
    if not database.is_file():
        return False
    connection = sqlite3.connect(database)
    try:
        present = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return any(
            connection.execute(f'SELECT EXISTS (SELECT 1 FROM "{table}")').fetchone()[0]
            for table in present & db.metadata.tables.keys() - {"content_version"}
        )
    finally:
        connection.close()


def restore_backup(archive: Path, database: Path, uploads: Path, instance: Path, force: bool = False) -> None:
    """Bring ``archive`` back: database, uploads and instance files. Refuses an instance that
    has data unless ``force``; the site must be stopped while it runs."""
    if not archive.is_file():
        raise BackupError(f"Không tìm thấy tệp {archive}.")
    if not force and instance_has_data(database, uploads):
        raise BackupError("Thư mục instance đã có dữ liệu; dùng --force để ghi đè (hãy dừng trang web trước).")
    with tempfile.TemporaryDirectory(dir=instance, prefix=".khoi-phuc-") as work:
        _extract(archive, Path(work))
        check_integrity(Path(work, DATABASE))
        for stale in (Path(f"{database}-wal"), Path(f"{database}-shm")):
            stale.unlink(missing_ok=True)  # a leftover write-ahead log would be replayed into the copy
        database.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(Path(work, DATABASE), database)
        if uploads.exists():
            shutil.rmtree(uploads)
        restored_uploads = Path(work, UPLOADS)
        if restored_uploads.is_dir():
            shutil.move(restored_uploads, uploads)
        else:
            uploads.mkdir(parents=True)
        for name in INSTANCE_FILES:
            if Path(work, name).is_file():
                os.replace(Path(work, name), instance / name)


def _extract(archive: Path, into: Path) -> None:
    """Unpack only what a backup holds: regular files and folders under the expected names."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            members = tar.getmembers()
            names = {member.name for member in members}
            unexpected = [
                m.name for m in members
                if not (m.isfile() or m.isdir())
                or m.name.split("/")[0] not in (DATABASE, UPLOADS, *INSTANCE_FILES)
            ]  # fmt: skip
            if unexpected or DATABASE not in names:
                raise BackupError(f"{archive.name} không phải bản sao lưu của cổng thông tin.")
            tar.extractall(into, members=members, filter="data")
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"Không đọc được {archive.name}: {error}.") from None

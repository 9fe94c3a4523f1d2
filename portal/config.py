"""Default settings. create_app overlays instance/config.py, then PORTAL_* variables."""

from datetime import timedelta

SQLALCHEMY_DATABASE_URI = "sqlite:///portal.sqlite3"  # resolved inside the instance folder
SQLALCHEMY_ENGINE_OPTIONS: dict = {}
SITE_TIMEZONE = "Asia/Ho_Chi_Minh"
ARTICLES_PER_PAGE = 10
RELATED_ARTICLES = 6
UPLOAD_FOLDER_NAME = "uploads"
MAX_CONTENT_LENGTH = 16 * 1024 * 1024
WTF_CSRF_TIME_LIMIT = None  # the token lives as long as the session
MOST_READ_COUNT = 5
HOME_ARTICLES_PER_CATEGORY = 4

# The webmaster's admin (issue 5)
PERMANENT_SESSION_LIFETIME = timedelta(hours=8)  # signed out after 8 hours without a request
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# argon2id parameters, a profile name from argon2.profiles (64 MiB, 3 passes); tests use CHEAPEST.
PASSWORD_HASH_PROFILE = "RFC_9106_LOW_MEMORY"
SIGN_IN_MAX_FAILURES = 5  # per account and per (hashed) address …
SIGN_IN_LOCK_MINUTES = 15  # … within this many minutes, then wait
IMAGE_MAX_BYTES = 8 * 1024 * 1024
AUDIO_MAX_BYTES = 15 * 1024 * 1024
IMAGE_RENDITION_WIDTHS = (320, 800, 1600)
ADMIN_PER_PAGE = 20

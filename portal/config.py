"""Default settings. create_app overlays instance/config.py, then PORTAL_* variables."""

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
# Flask-Compress: HTML, CSS and JS go out compressed (zstd, brotli or gzip, as the browser
# accepts). Streamed responses (uploads) stay as they are; static files are buffered first,
# see portal.assets. Set PORTAL_COMPRESS_REGISTER=false when a proxy in front compresses.
COMPRESS_STREAMS = False

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
# Votes one network address may cast (Flask-Limiter notation; empty turns the limit off).
# A Vietnamese class has at most 45 pupils and a staff room fewer: 60 in 10 minutes lets a
# whole room behind one address rate together, retries included, while a script gets 300 a day.
RATING_LIMIT = "60 per 10 minutes;300 per day"
RATELIMIT_STORAGE_URI = "memory://"  # per process; set a redis:// URI when several workers serve
RATELIMIT_HEADERS_ENABLED = True  # Retry-After on 429
# If the limit's store (Redis) fails, limit in this process's memory meanwhile, and never
# refuse or lose a vote because of the store: a vote matters more than its throttle.
RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
RATELIMIT_SWALLOW_ERRORS = True

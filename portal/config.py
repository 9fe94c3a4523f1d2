"""Default settings. create_app overlays instance/config.py, then PORTAL_* variables."""

from datetime import timedelta

SQLALCHEMY_DATABASE_URI = "sqlite:///portal.sqlite3"  # resolved inside the instance folder
SQLALCHEMY_ENGINE_OPTIONS: dict = {}
SITE_TIMEZONE = "Asia/Ho_Chi_Minh"
ARTICLES_PER_PAGE = 10
ALBUMS_PER_PAGE = 12  # /anh
DOCUMENTS_PER_PAGE = 20
RELATED_ARTICLES = 6
UPLOAD_FOLDER_NAME = "uploads"
MAX_CONTENT_LENGTH = 16 * 1024 * 1024  # largest request body (an upload included); larger ones get 413
MAX_URL_LENGTH = 4096  # bytes of path and query string; longer URLs get 414 (gunicorn's own limit is set above it)
WTF_CSRF_TIME_LIMIT = None  # the token lives as long as the session
MOST_READ_COUNT = 5
HOME_ARTICLES_PER_CATEGORY = 4  # until the webmaster sets the home page's blocks (/quan-tri/trang-chu)
FEATURED_MAX = 5  # the most articles pinned as tiêu điểm at once
# Public pages (portal.web.page_cache): how long nginx, a browser or the app may keep one, so
# how old the figures printed in it may be (the live fragment brings them afresh), and how
# many bytes of pages each worker keeps in memory (Redis holds them instead with REDIS_URL).
PAGE_MAX_AGE = 10
PAGE_CACHE_BYTES = 64 * 1024 * 1024

# Production and scale-out settings (README, "Deployment"). Each can be set as PORTAL_<NAME>.
# The site's address: every absolute URL (feeds, sitemap, canonical, share data, the API) is built
# from it, and requests for any other Host get 400 (TRUSTED_HOSTS, derived from it unless set).
# The default is `make run`'s; a deployment sets its own, e.g. https://honglinh.gov.vn.
SITE_URL = "http://127.0.0.1:8000"
DATABASE_URL = None  # e.g. postgresql+psycopg://portal@127.0.0.1/portal; default the SQLite file above
REDIS_URL = None  # e.g. redis://127.0.0.1:6379/0: rate limits and counters shared by every server
REDIS_KEY_PREFIX = "portal:"  # every key the portal writes in Redis starts with this
REDIS_TIMEOUT = 0.5  # seconds: a Redis that stops answering must not hold up a page
PROXY_FIX = 0  # how many trusted proxies (nginx: 1) set X-Forwarded-For/-Proto/-Host; 0 trusts none
HSTS_MAX_AGE = 365 * 24 * 3600  # Strict-Transport-Security on HTTPS responses; 0 sends none
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = False  # True forces Secure cookies; they are Secure anyway on an HTTPS request
CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "media-src": "'self'",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'self'",
}
REFERRER_POLICY = "strict-origin-when-cross-origin"
# Rate limits (Flask-Limiter) are counted in the site's database, where every worker sees them
# (portal.web.rate_limit_store), unless REDIS_URL moves them to Redis (create_app derives
# RATELIMIT_STORAGE_URI from it).
RATELIMIT_ENABLED = True  # set in every app: Flask-Limiter's one limiter would keep another app's False
RATELIMIT_STORAGE_URI = "portal-db://"
RATELIMIT_SWALLOW_ERRORS = True  # a failing store lets requests through rather than answering 500
RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True  # …and limits them in memory until it answers again
RATELIMIT_HEADERS_ENABLED = True
# Votes one network address may cast (Flask-Limiter notation; empty turns the limit off).
# A Vietnamese class has at most 45 pupils and a staff room fewer: 60 in 10 minutes lets a
# whole room behind one address rate together, retries included, while a script gets 300 a day.
# If the limit's store (Redis) fails, votes are limited in memory meanwhile, never refused.
RATING_LIMIT = "60 per 10 minutes;300 per day"
# The citizens' forms (contact, questions): messages from one network address, the least time a
# person takes to fill the form (a bot posts at once), how long the sender's details are kept.
CITIZEN_FORM_LIMIT = "5 per 10 minutes;20 per day"
CITIZEN_FORM_MIN_SECONDS = 3
CITIZEN_FORM_MAX_HOURS = 24
CONTACT_RETENTION_DAYS = 365
# Visit counters move to Redis too when REDIS_URL is set (keys under REDIS_KEY_PREFIX + "counters:").
COUNTERS_REFRESH_SECONDS = 30  # how often an open, visible page refreshes its counters
STATISTICS_MOST_READ = 10
# The webmaster's admin (issue 5)
PERMANENT_SESSION_LIFETIME = timedelta(hours=8)  # signed out after 8 hours without a request
# argon2id parameters, a profile name from argon2.profiles (64 MiB, 3 passes); tests use CHEAPEST.
PASSWORD_HASH_PROFILE = "RFC_9106_LOW_MEMORY"
ADMIN_IDLE_MINUTES = 60  # an admin session not used for this long is over (server-side)
# Roles that must sign in with an authenticator app's code too (portal.services.two_factor);
# an account of such a role without it is sent to set it up right after signing in.
TWO_FACTOR_ROLES = ["admin"]
TWO_FACTOR_PENDING_MINUTES = 5  # between the right password and the code
# Sign-in throttling (portal.services.sign_in_throttle), counted within SIGN_IN_LOCK_MINUTES:
SIGN_IN_MAX_FAILURES = 5  # per account from one (hashed) address, then wait out the window
SIGN_IN_ADDRESS_MAX_FAILURES = 30  # per address, any accounts: an office shares one address
SIGN_IN_ACCOUNT_FREE_FAILURES = 10  # per account from anywhere; past it each try waits 1, 2, 4 … s
SIGN_IN_ACCOUNT_MAX_DELAY_SECONDS = 60  # … up to this: slowed, never locked out
SIGN_IN_LOCK_MINUTES = 15
IMAGE_MAX_BYTES = 8 * 1024 * 1024
# Pixels an uploaded image may declare, checked in its header before it is decoded. 25 million
# holds a 24 MP camera's 6000 x 4000 and a phone's 12-16 MP photo (50-200 MP phone modes are
# off by default and far larger than a web page needs); decoded it is ~75 MB, a bound on memory.
IMAGE_MAX_PIXELS = 25_000_000
AUDIO_MAX_BYTES = 15 * 1024 * 1024
DOCUMENT_MAX_BYTES = 15 * 1024 * 1024  # a document's file (PDF, DOC, DOCX, XLS, XLSX, ODT)
DOCUMENT_PREVIEW_PAGES = 3  # first pages of a PDF drawn as pictures when it is uploaded
DOCUMENT_ANALYSIS_SECONDS = 30  # reading a file (text, pages) in its bounded child process
IMAGE_RENDITION_WIDTHS = (320, 800, 1600)
ADMIN_PER_PAGE = 20
# Flask-Compress: HTML, CSS and JS go out compressed (zstd, brotli or gzip, as the browser
# accepts). Streamed responses (uploads) stay as they are; static files are buffered first,
# see portal.web.assets. Set PORTAL_COMPRESS_REGISTER=false when a proxy in front compresses.
COMPRESS_STREAMS = False
# Mail to the newsroom (an article awaiting approval, one returned): off unless a server is named.
MAIL_SERVER = None  # "host" or "host:port" (25 by default), e.g. PORTAL_MAIL_SERVER=smtp.example.vn:587
MAIL_SENDER = "Cổng thông tin <no-reply@localhost>"
MAIL_STARTTLS = False
MAIL_USERNAME = None
MAIL_PASSWORD = None

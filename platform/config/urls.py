from csp.decorators import csp_update
from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, include, path, re_path
from django.views.decorators.csrf import ensure_csrf_cookie
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

# What vite.config.ts `html.cspNonce` writes into the built index.html.
CSP_NONCE_PLACEHOLDER = "__CSP_NONCE__"


@ensure_csrf_cookie
def frontend(request: HttpRequest, route: str = "") -> HttpResponse:
    """The single-page app: every non-API path gets the built index.html, with this response's
    Content-Security-Policy nonce in place of the build's placeholder (vite.config.ts)."""
    index = settings.FRONTEND_DIST / "index.html"
    if not index.is_file():
        return HttpResponse(
            "The frontend is not built: run `make run` (or `npm run build` in frontend/).",
            status=503,
            content_type="text/plain",
        )
    page = index.read_text(encoding="utf-8").replace(CSP_NONCE_PLACEHOLDER, str(request.csp_nonce))  # type: ignore[attr-defined]
    return HttpResponse(page, content_type="text/html")


api_patterns: list[URLPattern | URLResolver] = [
    path("", include("accounts.urls")),
    path("", include("signalpool.urls")),
    path("", include("registry.urls")),
    path("", include("llm.urls")),
    path("", include("ops.urls")),
    path("", include("audit.urls")),
    path("", include("loop.urls")),
    path("", include("webhooks.urls")),
    path("", include("diversity.urls")),
    path("", include("trust.urls")),
    path("", include("annotation.debates.urls")),
    path("", include("annotation.hazards.urls")),
    path("", include("annotation.principles.urls")),
    path("", include("annotation.studies.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves its start-up script from its own URL: no inline script for the CSP.
    # Swagger UI applies inline styles, allowed on this page only (styles cannot run code).
    path(
        "docs/",
        csp_update({"style-src": ["'unsafe-inline'"]})(
            SpectacularSwaggerSplitView.as_view(url_name="schema")
        ),
        name="docs",
    ),
]

urlpatterns = [
    path("api/", include(api_patterns)),
    path("admin/", admin.site.urls),
    re_path(r"^(?!api/|admin/|static/|ws/)(?P<route>.*)$", frontend),
]

handler400 = "config.middleware.bad_request"
handler404 = "config.middleware.page_not_found"
handler500 = "config.middleware.server_error"

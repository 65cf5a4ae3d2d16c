from django.urls import URLPattern, URLResolver, path

from audit import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("audit/", api.AuditListView.as_view()),
]

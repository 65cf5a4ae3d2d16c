from django.urls import path

from registry import api

# Publishing and rollback live in the loop (api/loop/versions/<id>/publish/ and rollback/):
# one path that applies the gates and writes the audit row.
urlpatterns = [
    path("registry/lines/", api.LineListView.as_view()),
    path("registry/lines/<slug:slug>/versions/", api.VersionListView.as_view()),
]

from django.urls import path

from registry import api

urlpatterns = [
    path("registry/lines/", api.LineListView.as_view()),
    path("registry/lines/<slug:slug>/versions/", api.VersionListView.as_view()),
    path("registry/versions/<int:pk>/publish/", api.PublishView.as_view()),
]

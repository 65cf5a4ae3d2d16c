from django.urls import URLPattern, URLResolver, path

from loop import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("loop/snapshots/", api.SnapshotListView.as_view()),
    path("loop/snapshots/<int:pk>/", api.SnapshotDetailView.as_view()),
    path("loop/snapshots/<int:pk>/download/", api.SnapshotDownloadView.as_view()),
    path("loop/snapshots/<int:pk>/export/", api.SnapshotExportView.as_view()),
    path("loop/runs/", api.RunListView.as_view()),
    path("loop/runs/<int:pk>/", api.RunDetailView.as_view()),
    path("loop/runs/<int:pk>/cancel/", api.RunCancelView.as_view()),
    path("loop/versions/<int:pk>/", api.VersionDetailView.as_view()),
    path("loop/versions/<int:pk>/publish/", api.VersionPublishView.as_view()),
    path("loop/versions/<int:pk>/rollback/", api.VersionRollbackView.as_view()),
    path("loop/policies/", api.PolicyListView.as_view()),
    path("loop/policies/<slug:slug>/", api.PolicyDetailView.as_view()),
]

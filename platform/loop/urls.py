from django.urls import URLPattern, URLResolver, path

from loop.api import policies, runs, snapshots, versions

urlpatterns: list[URLPattern | URLResolver] = [
    path("loop/snapshots/", snapshots.SnapshotListView.as_view()),
    path("loop/snapshots/<int:pk>/", snapshots.SnapshotDetailView.as_view()),
    path("loop/snapshots/<int:pk>/download/", snapshots.SnapshotDownloadView.as_view()),
    path("loop/snapshots/<int:pk>/export/", snapshots.SnapshotExportView.as_view()),
    path("loop/snapshots/<int:pk>/export/archive/", snapshots.SnapshotExportArchiveView.as_view()),
    path("loop/runs/", runs.RunListView.as_view()),
    path("loop/runs/<int:pk>/", runs.RunDetailView.as_view()),
    path("loop/runs/<int:pk>/cancel/", runs.RunCancelView.as_view()),
    path("loop/versions/<int:pk>/", versions.VersionDetailView.as_view()),
    path("loop/versions/<int:pk>/publish/", versions.VersionPublishView.as_view()),
    path("loop/versions/<int:pk>/rollback/", versions.VersionRollbackView.as_view()),
    path("loop/policies/", policies.PolicyListView.as_view()),
    path("loop/policies/<slug:slug>/", policies.PolicyDetailView.as_view()),
]

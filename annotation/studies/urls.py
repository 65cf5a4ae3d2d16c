from django.urls import URLPattern, URLResolver, path

from annotation.studies import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("studies/", api.StudyListView.as_view()),
    path("studies/kinds/", api.StudyKindsView.as_view()),
    path("studies/<int:pk>/", api.StudyDetailView.as_view()),
    path("studies/<int:pk>/cancel/", api.StudyCancelView.as_view()),
    path("studies/<int:pk>/download/", api.StudyDownloadView.as_view()),
]

from django.urls import path

from ops import api

urlpatterns = [
    path("health/", api.HealthView.as_view()),
    path("health/workers/", api.WorkersView.as_view()),
    path("health/details/", api.HealthDetailsView.as_view()),
]

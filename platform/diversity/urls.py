from django.urls import URLPattern, URLResolver, path

from diversity import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("quotas/<slug:activity>/<int:object_id>/", api.QuotaView.as_view()),
]

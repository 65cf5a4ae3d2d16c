from django.urls import URLPattern, URLResolver, path

from webhooks import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("webhooks/event-types/", api.EventTypeListView.as_view()),
    path("webhooks/endpoints/", api.EndpointListView.as_view()),
    path("webhooks/endpoints/<int:pk>/", api.EndpointDetailView.as_view()),
    path("webhooks/endpoints/<int:pk>/deliveries/", api.DeliveryListView.as_view()),
    path("webhooks/endpoints/<int:pk>/test/", api.EndpointTestView.as_view()),
]

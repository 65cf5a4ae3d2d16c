from django.urls import path

from trust import api

urlpatterns = [
    path("trust/", api.TrustListView.as_view()),
    path("me/trust/", api.MyTrustView.as_view()),
]

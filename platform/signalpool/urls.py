from django.urls import path

from signalpool import api

urlpatterns = [path("signals/", api.SignalListView.as_view())]

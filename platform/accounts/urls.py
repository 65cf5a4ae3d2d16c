from django.urls import path

from accounts import api

urlpatterns = [
    path("auth/csrf/", api.CsrfView.as_view()),
    path("auth/login/", api.LoginView.as_view()),
    path("auth/logout/", api.LogoutView.as_view()),
    path("auth/me/", api.MeView.as_view()),
    path("auth/token/", api.TokenView.as_view()),
    path("me/profile/", api.ProfileView.as_view()),
    path("me/export/", api.ExportView.as_view()),
    path("work/", api.WorkView.as_view()),
]

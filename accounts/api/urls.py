"""Routes of the accounts API."""

from django.urls import path

from accounts.api import views

app_name = "accounts"

urlpatterns = [
    path("api/auth/register", views.RegisterApi.as_view(), name="register"),
    path("api/auth/login", views.LoginApi.as_view(), name="login"),
    path("api/auth/logout", views.LogoutApi.as_view(), name="logout"),
    path("api/auth/me", views.MeApi.as_view(), name="me"),
    path("api/auth/config", views.ConfigApi.as_view(), name="config"),
    path("api/auth/password", views.PasswordApi.as_view(), name="password"),
    path("api/auth/tokens/", views.TokenListApi.as_view(), name="tokens"),
    path("api/auth/tokens/<int:token_id>/", views.TokenDetailApi.as_view(), name="token"),
]

"""``/api/auth/*``: register, login, logout, me. Register and login are the only endpoints open to anyone."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, status
from rest_framework.authtoken.models import Token
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.api import serializers
from accounts.services import user_login, user_logout, user_register

_TAGS = ["auth"]
WRONG_CREDENTIALS = _("wrong username or password")


class RegisterApi(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        tags=_TAGS,
        operation_id="auth_register",
        request=serializers.RegisterInputSerializer,
        responses={201: serializers.UserSerializer, 400: serializers.AccountErrorSerializer},
    )
    def post(self, request: Request) -> Response:
        """Create an ordinary user (never an admin). Log in afterwards with ``/api/auth/login``."""
        data = serializers.RegisterInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = user_register(**data.validated_data)
        return Response(serializers.UserSerializer(user).data, status=status.HTTP_201_CREATED)


class LoginApi(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        tags=_TAGS,
        operation_id="auth_login",
        request=serializers.LoginInputSerializer,
        responses={
            200: serializers.LoggedInSerializer,
            400: serializers.AccountErrorSerializer,
            401: serializers.AccountErrorSerializer,
        },
    )
    def post(self, request: Request) -> Response:
        """Log in: starts a session (cookie) and returns an API token; 401 for a wrong username or password."""
        data = serializers.LoginInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        logged_in = user_login(request=request._request, **data.validated_data)
        if logged_in is None:
            raise exceptions.AuthenticationFailed(WRONG_CREDENTIALS)
        user, token = logged_in
        return Response({**serializers.UserSerializer(user).data, "token": token})


class LogoutApi(APIView):
    @extend_schema(tags=_TAGS, operation_id="auth_logout", request=None, responses={204: None})
    def post(self, request: Request) -> Response:
        """End the session; a caller using a token has that token revoked."""
        token = request.auth if isinstance(request.auth, Token) else None
        user_logout(request=request._request, token=token)
        return Response(status=status.HTTP_204_NO_CONTENT)


class MeApi(APIView):
    @extend_schema(tags=_TAGS, operation_id="auth_me", responses=serializers.UserSerializer)
    def get(self, request: Request) -> Response:
        """The logged-in user."""
        return Response(serializers.UserSerializer(request.user).data)

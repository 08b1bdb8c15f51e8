"""``/api/auth/*``: register, login, logout, me, config, password, tokens.

Open to anyone: register, login (both rate-limited) and config. Everything else needs a login.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import selectors, services
from accounts.api import serializers
from accounts.api.throttling import (
    AnswersThrottledClearly,
    LoginAccountThrottle,
    LoginAddressThrottle,
    PasswordChangeThrottle,
    RegisterAddressThrottle,
)
from accounts.models import ApiToken
from common.api.pagination import PAGE_PARAMETERS, page_of, paginated_response
from common.api.parsing import parse

_TAGS = ["auth"]
WRONG_CREDENTIALS = _("wrong username or password")
_THROTTLED = {429: serializers.ThrottledSerializer}


def _token_used(request: Request) -> ApiToken | None:
    return request.auth if isinstance(request.auth, ApiToken) else None


class RegisterApi(AnswersThrottledClearly, APIView):
    permission_classes = [AllowAny]
    throttle_classes = [RegisterAddressThrottle]

    @extend_schema(
        tags=_TAGS,
        operation_id="auth_register",
        request=serializers.RegisterInputSerializer,
        responses={
            201: serializers.UserSerializer,
            400: serializers.AccountErrorSerializer,
            403: serializers.AccountErrorSerializer,
            **_THROTTLED,
        },
    )
    def post(self, request: Request) -> Response:
        """Create an ordinary user (never an admin); 403 when registration is closed. Log in afterwards."""
        services.refuse_closed_registration()
        data = parse(serializers.RegisterInputSerializer, request.data)
        user = services.user_register(**data)
        return Response(serializers.UserSerializer(user).data, status=status.HTTP_201_CREATED)


class LoginApi(AnswersThrottledClearly, APIView):
    permission_classes = [AllowAny]
    throttle_classes = [LoginAddressThrottle, LoginAccountThrottle]

    @extend_schema(
        tags=_TAGS,
        operation_id="auth_login",
        request=serializers.LoginInputSerializer,
        responses={
            200: serializers.LoggedInSerializer,
            400: serializers.AccountErrorSerializer,
            401: serializers.AccountErrorSerializer,
            **_THROTTLED,
        },
    )
    def post(self, request: Request) -> Response:
        """Log in: starts a session (cookie) and returns a new API token; 401 for a wrong username or password."""
        data = parse(serializers.LoginInputSerializer, request.data)
        logged_in = services.user_login(
            request=request._request, user_agent=request.headers.get("User-Agent", ""), **data
        )
        if logged_in is None:
            raise exceptions.AuthenticationFailed(WRONG_CREDENTIALS)
        user, key = logged_in
        return Response({**serializers.UserSerializer(user).data, "token": key})


class LogoutApi(APIView):
    @extend_schema(tags=_TAGS, operation_id="auth_logout", request=None, responses={204: None})
    def post(self, request: Request) -> Response:
        """End the session and revoke the token used (or, from a browser, the one its login made)."""
        services.user_logout(request=request._request, token=_token_used(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


class MeApi(APIView):
    @extend_schema(tags=_TAGS, operation_id="auth_me", responses=serializers.UserSerializer)
    def get(self, request: Request) -> Response:
        """The logged-in user."""
        return Response(serializers.UserSerializer(request.user).data)


class ConfigApi(APIView):
    permission_classes = [AllowAny]

    @extend_schema(tags=_TAGS, operation_id="auth_config", responses=serializers.AuthConfigSerializer)
    def get(self, request: Request) -> Response:
        """What the login and register pages need to know, such as whether registration is open."""
        return Response({"registration_open": selectors.registration_open()})


class PasswordApi(AnswersThrottledClearly, APIView):
    throttle_classes = [PasswordChangeThrottle]

    @extend_schema(
        tags=_TAGS,
        operation_id="auth_password_change",
        request=serializers.PasswordChangeInputSerializer,
        responses={204: None, 400: serializers.AccountErrorSerializer, **_THROTTLED},
    )
    def post(self, request: Request) -> Response:
        """Change the password. Every other session and token stops working; this one stays logged in."""
        data = parse(serializers.PasswordChangeInputSerializer, request.data)
        services.password_change(
            request=request._request, user=request.user, token=_token_used(request), **data
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class TokenListApi(APIView):
    @extend_schema(
        tags=_TAGS,
        operation_id="auth_tokens_list",
        parameters=PAGE_PARAMETERS,
        responses=page_of("PaginatedApiTokenList", serializers.ApiTokenSerializer),
    )
    def get(self, request: Request) -> Response:
        """The caller's API tokens, newest first (never their keys)."""
        return paginated_response(
            queryset=selectors.token_list(user=request.user),
            serializer_class=serializers.ApiTokenSerializer,
            request=request,
            view=self,
        )

    @extend_schema(
        tags=_TAGS,
        operation_id="auth_tokens_create",
        request=serializers.TokenInputSerializer,
        responses={201: serializers.NewApiTokenSerializer, 400: serializers.AccountErrorSerializer},
    )
    def post(self, request: Request) -> Response:
        """A new named token; its key is in this answer and never again."""
        data = parse(serializers.TokenInputSerializer, request.data)
        token, key = services.token_create(user=request.user, name=data["name"])
        body = {**serializers.ApiTokenSerializer(token).data, "key": key}
        return Response(body, status=status.HTTP_201_CREATED)


class TokenDetailApi(APIView):
    @extend_schema(
        tags=_TAGS,
        operation_id="auth_tokens_revoke",
        responses={204: None, 404: serializers.AccountErrorSerializer},
    )
    def delete(self, request: Request, token_id: int) -> Response:
        """Revoke one of the caller's tokens; it stops working at once."""
        services.token_revoke(user=request.user, token_id=token_id)
        return Response(status=status.HTTP_204_NO_CONTENT)

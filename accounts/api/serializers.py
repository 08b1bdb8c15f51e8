"""Request and response shapes of the accounts API."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.idle import expires_at, is_expired
from accounts.models import ApiToken


class RegisterInputSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150, trim_whitespace=True)
    password = serializers.CharField(write_only=True, trim_whitespace=False, style={"input_type": "password"})
    email = serializers.EmailField(required=False, allow_blank=True)


class LoginInputSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(write_only=True, trim_whitespace=False, style={"input_type": "password"})


class UserSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()
    email = serializers.CharField(help_text="An email address, or empty when none was given.")
    is_admin = serializers.BooleanField(
        source="is_staff", help_text="Admins see and change everyone's flows."
    )


class LoggedInSerializer(UserSerializer):
    token = serializers.CharField(
        help_text="Send as `Authorization: Token <token>`; revoked by logout (of this session, or with it)."
    )


class AccountErrorSerializer(serializers.Serializer):
    error = serializers.CharField()
    fields = serializers.DictField(child=serializers.ListField(child=serializers.CharField()), required=False)


class AuthConfigSerializer(serializers.Serializer):
    registration_open = serializers.BooleanField(help_text="Whether anyone may create an account.")


class PasswordChangeInputSerializer(serializers.Serializer):
    current_password = serializers.CharField(
        write_only=True, trim_whitespace=False, style={"input_type": "password"}
    )
    new_password = serializers.CharField(
        write_only=True, trim_whitespace=False, style={"input_type": "password"}
    )


class TokenInputSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="What the token is for, e.g. the script or machine using it.")


class ApiTokenSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    prefix = serializers.CharField(help_text="The key's first characters, to tell tokens apart.")
    created_at = serializers.DateTimeField()
    last_used_at = serializers.DateTimeField(allow_null=True)
    expires_at = serializers.SerializerMethodField(
        help_text="When the token stops working unless it is used before then."
    )
    expired = serializers.SerializerMethodField()
    from_login = serializers.BooleanField(help_text="Made by a login; revoked when that session logs out.")

    @extend_schema_field(serializers.DateTimeField())
    def get_expires_at(self, token: ApiToken) -> str:
        return serializers.DateTimeField().to_representation(expires_at(token))

    @extend_schema_field(serializers.BooleanField())
    def get_expired(self, token: ApiToken) -> bool:
        return is_expired(token, timezone.now())


class NewApiTokenSerializer(ApiTokenSerializer):
    key = serializers.CharField(
        help_text="Send as `Authorization: Token <key>`. Shown this once: it is stored only as a hash."
    )


class ThrottledSerializer(serializers.Serializer):
    error = serializers.CharField()
    wait = serializers.IntegerField(help_text="Seconds to wait before trying again (also in Retry-After).")

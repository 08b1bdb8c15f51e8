"""Request and response shapes of the accounts API."""

from __future__ import annotations

from rest_framework import serializers


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
    email = serializers.EmailField()
    is_admin = serializers.BooleanField(
        source="is_staff", help_text="Admins see and change everyone's flows."
    )


class LoggedInSerializer(UserSerializer):
    token = serializers.CharField(help_text="Send as `Authorization: Token <token>`; revoked by logout.")


class AccountErrorSerializer(serializers.Serializer):
    error = serializers.CharField()
    fields = serializers.DictField(child=serializers.ListField(child=serializers.CharField()), required=False)

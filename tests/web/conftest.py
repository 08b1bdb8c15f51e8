"""Fixtures for the web tests: API clients with and without a logged-in user."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient


@pytest.fixture
def user(db, django_user_model):
    return django_user_model.objects.create_user(username="ada", password="not-a-real-password")


@pytest.fixture
def api_client(user) -> APIClient:
    """A client whose requests are made as ``user``."""
    client = APIClient()
    client.force_authenticate(user=user)
    return client


@pytest.fixture
def anonymous_client(db) -> APIClient:
    return APIClient()

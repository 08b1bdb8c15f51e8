"""The run WebSocket (``/ws/processes/<id>/``) as a browser opens it: same origin, the session cookie."""

from __future__ import annotations

from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client


def session_cookie(user) -> bytes:
    """The ``Cookie`` header of a browser logged in as ``user``."""
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}".encode()


def run_socket(process_id: str, user=None) -> WebsocketCommunicator:
    """A not yet connected WebSocket on the run's events, logged in as ``user`` (anonymous without one)."""
    from piflow_site.asgi import application

    headers = [(b"host", b"testserver"), (b"origin", b"http://testserver")]
    if user is not None:
        headers.append((b"cookie", session_cookie(user)))
    return WebsocketCommunicator(application, f"/ws/processes/{process_id}/", headers=headers)

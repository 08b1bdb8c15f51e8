"""WebSocket routes, gathered from the apps that own consumers."""

from django.urls import URLPattern

from flows.routing import websocket_urlpatterns as flows_websockets

websocket_urlpatterns: list[URLPattern] = [*flows_websockets]

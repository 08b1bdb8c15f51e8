"""WebSocket routes of the flows app."""

from django.urls import path

from flows.consumers import ProcessConsumer

websocket_urlpatterns = [
    path("ws/processes/<str:process_id>/", ProcessConsumer.as_asgi()),
]

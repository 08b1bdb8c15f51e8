"""Channels layer and cache: Redis when ``REDIS_URL`` is set, in-process otherwise."""

from __future__ import annotations

from typing import Any

#: redis-py 8 reads with a 5 s socket timeout by default, exactly channels_redis's BRPOP timeout,
#: so an idle WebSocket's receive fails with "Timeout reading from ..." (django/channels_redis#422).
#: The socket timeout must be longer than the BRPOP.
REDIS_SOCKET_TIMEOUT = 15


def channel_layers(redis_url: str | None) -> dict[str, Any]:
    if redis_url:
        host = {"address": redis_url, "socket_timeout": REDIS_SOCKET_TIMEOUT}
        return {"default": {"BACKEND": "channels_redis.core.RedisChannelLayer", "CONFIG": {"hosts": [host]}}}
    return {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}


def caches(redis_url: str | None) -> dict[str, Any]:
    if redis_url:
        return {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}}
    return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

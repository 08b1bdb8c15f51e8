"""Channels layer and cache: Redis when ``REDIS_URL`` is set, in-process otherwise."""

from __future__ import annotations

from typing import Any


def channel_layers(redis_url: str | None) -> dict[str, Any]:
    if redis_url:
        return {
            "default": {"BACKEND": "channels_redis.core.RedisChannelLayer", "CONFIG": {"hosts": [redis_url]}}
        }
    return {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}


def caches(redis_url: str | None) -> dict[str, Any]:
    if redis_url:
        return {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}}
    return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

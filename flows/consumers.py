"""The WebSocket of one run, ``ws/processes/<id>/``: a snapshot first, then every event as it happens.

Only the run's owner and staff may watch (others are closed with 4404, anonymous callers with
4403, after the handshake so the browser sees the code). Events come from the worker through
the Channels group ``process.<id>``. With the in-memory channel layer (no Redis) the worker is
another process whose messages cannot arrive, so the consumer polls the database instead (every
0.5 s) and sends what changed as the same events. With Redis it still looks at the run's state
every few seconds, so an end written elsewhere (stopped while queued, failed by the reaper) is
never missed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from channels.layers import InMemoryChannelLayer

from common.errors import NotFoundError
from flows import selectors
from flows.events import process_group, process_snapshot, snapshot_changes
from flows.models import FINISHED_STATES, Process

logger = logging.getLogger(__name__)

_FINISHED = frozenset(str(state) for state in FINISHED_STATES)

CLOSE_FORBIDDEN = 4403
CLOSE_NOT_FOUND = 4404


class ProcessConsumer(AsyncJsonWebsocketConsumer):
    #: how often to poll the database when events cannot arrive (in-memory channel layer)
    poll_seconds = 0.5
    #: how often to check the run's state when events do arrive (Redis)
    check_seconds = 2.0

    async def connect(self) -> None:
        self.process_id: str = self.scope["url_route"]["kwargs"]["process_id"]
        self.group: str | None = None
        self.poller: asyncio.Task | None = None
        self.last: dict[str, Any] | None = None
        await self.accept()
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        if not await self._visible(user):
            await self.close(code=CLOSE_NOT_FOUND)
            return
        self.group = process_group(self.process_id)
        await self.channel_layer.group_add(self.group, self.channel_name)
        # The snapshot is taken after joining the group, so no event falls between the two.
        self.last = await self._snapshot()
        if self.last is None:  # deleted meanwhile
            await self.close(code=CLOSE_NOT_FOUND)
            return
        await self.send_json(self.last)
        relayed = not isinstance(self.channel_layer, InMemoryChannelLayer)
        self.poller = asyncio.ensure_future(self._poll(check_only=relayed))

    async def disconnect(self, code: int) -> None:
        if self.poller is not None:
            self.poller.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self.poller
        if self.group is not None:
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        """Clients only listen; anything they send is ignored."""

    async def process_event(self, message: dict[str, Any]) -> None:
        """An event published by the worker (``flows.events.publish``)."""
        event = message["event"]
        if event.get("kind") == "run_state" and self.last is not None:
            self.last["process"]["state"] = event.get("state")
        await self.send_json(event)

    # -- helpers ----------------------------------------------------------------------------------
    @database_sync_to_async
    def _visible(self, user) -> bool:
        try:
            selectors.process_get(user=user, process_id=self.process_id)
        except NotFoundError:
            return False
        return True

    @database_sync_to_async
    def _snapshot(self) -> dict[str, Any] | None:
        process = Process.objects.filter(pk=self.process_id).first()
        return None if process is None else process_snapshot(process)

    @database_sync_to_async
    def _state(self) -> str | None:
        return Process.objects.filter(pk=self.process_id).values_list("state", flat=True).first()

    async def _poll(self, *, check_only: bool) -> None:
        """Send what changed in the database until the run has finished (and that was sent)."""
        interval = self.check_seconds if check_only else self.poll_seconds
        try:
            while self.last is not None and self.last["process"]["state"] not in _FINISHED:
                await asyncio.sleep(interval)
                if check_only and (await self._state()) not in _FINISHED:
                    continue
                current = await self._snapshot()
                if current is None:
                    return
                changes = snapshot_changes(self.last, current)
                if check_only:  # events carried the rest; only the end may have been missed
                    changes = [c for c in changes if c["kind"] == "run_state"]
                for change in changes:
                    await self.send_json(change)
                self.last = current
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.exception("watching process %s failed", self.process_id)

"""Keeping sensitive property values (passwords) out of what leaves the system.

``redact_flow`` replaces every sensitive property value with a mask before a flow is shown
or exported; ``restore_secrets`` puts the stored values back when an edited flow comes in
carrying the mask, so a client never needs to know a password to save a flow.
"""

from __future__ import annotations

from dataclasses import replace

from piflow.registry import StopRegistry, UnknownStopError, default_registry
from piflow.sdk.masking import mask_values, restore_values
from piflow.spec import FlowSpec, StopSpec


def sensitive_names(bundle: str, registry: StopRegistry | None = None) -> set[str]:
    """Property names (and their legacy aliases) that are sensitive for ``bundle``."""
    try:
        stop = (registry or default_registry()).get(bundle)
    except UnknownStopError:
        return set()
    return {name for prop in stop.properties() if prop.sensitive for name in (prop.name, *prop.aliases)}


def _masked(stop: StopSpec, registry: StopRegistry | None) -> StopSpec:
    hidden = sensitive_names(stop.bundle, registry)
    if not hidden:
        return stop
    return replace(stop, properties=mask_values(stop.properties, hidden))


def redact_flow(spec: FlowSpec, registry: StopRegistry | None = None) -> FlowSpec:
    """A copy of ``spec`` with every sensitive property value masked."""
    return replace(spec, stops=tuple(_masked(stop, registry) for stop in spec.stops))


def restore_secrets(
    incoming: FlowSpec, stored: FlowSpec | None, registry: StopRegistry | None = None
) -> FlowSpec:
    """``incoming`` with each masked sensitive value replaced by the stored value of the same stop."""
    if stored is None:
        return incoming
    previous = {stop.name: stop for stop in stored.stops}

    def restore(stop: StopSpec) -> StopSpec:
        old = previous.get(stop.name)
        hidden = sensitive_names(stop.bundle, registry)
        if old is None or not hidden:
            return stop
        return replace(stop, properties=restore_values(stop.properties, old.properties, hidden))

    return replace(incoming, stops=tuple(restore(stop) for stop in incoming.stops))

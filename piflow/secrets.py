"""Keeping secrets out of what leaves the system, and keeping them when a masked flow comes back.

What is secret in a flow:

* the value of a sensitive property (a password);
* a password written into a URL (``//user:pass@host``, ``password=...``), in any property that
  holds a URL (a ``jdbc_url`` or ``host`` property, or any value that is a URL);
* an environment variable (``environmentVariable``) that fills a sensitive property or a URL's
  password through ``${VAR}``: it is as secret as what it fills, so its value is masked whole;
* inside other environment values: URL passwords, and the flow's secrets where they stand as whole
  values (``u:${PW}`` style pieces; see ``piflow.sdk.masking``).

``redact_flow`` masks all of them (``MASK``) before a flow is shown or exported;
``restore_secrets`` takes an edited flow that comes back carrying masks and puts the stored
secrets back: a value sent back exactly as it was shown keeps the stored value, and a URL whose
masked password was left while the rest changed keeps the stored password. A client never needs
to know a secret to save a flow.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from piflow.access import HOST, JDBC_URL
from piflow.registry import StopRegistry, UnknownStopError, default_registry
from piflow.sdk.masking import (
    MASK,
    looks_like_url,
    mask_secrets,
    mask_url_passwords,
    restore_url_passwords,
    url_passwords,
    url_secret_spans,
)
from piflow.spec import FlowSpec, StopSpec

_VARIABLE = re.compile(r"\$\{([^}]+)\}")


def sensitive_names(bundle: str, registry: StopRegistry | None = None) -> set[str]:
    """Property names (and their legacy aliases) that are sensitive for ``bundle``."""
    try:
        stop = (registry or default_registry()).get(bundle)
    except UnknownStopError:
        return set()
    return {name for prop in stop.properties() if prop.sensitive for name in (prop.name, *prop.aliases)}


def url_names(bundle: str, registry: StopRegistry | None = None) -> set[str]:
    """Property names (and aliases) of ``bundle`` that hold a URL or address the stop connects to."""
    try:
        stop = (registry or default_registry()).get(bundle)
    except UnknownStopError:
        return set()
    return {
        name
        for prop in stop.properties()
        if prop.access in (JDBC_URL, HOST)
        for name in (prop.name, *prop.aliases)
    }


def _variable(key: str) -> str:
    """An environment key's variable name: ``PW`` for both ``PW`` and ``${PW}``."""
    return key[2:-1] if key.startswith("${") and key.endswith("}") else key


def _variables(text: str) -> set[str]:
    return {match.group(1) for match in _VARIABLE.finditer(text)}


def _substitute(text: str, environment: Mapping[str, str]) -> str:
    return _VARIABLE.sub(lambda m: environment.get(m.group(1), m.group(0)), text)


@dataclass
class _FlowSecrets:
    """What ``_find`` learnt of a flow: variables secret whole, and secret values (substituted)."""

    variables: set[str] = field(default_factory=set)
    values: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class _Kinds:
    hidden: set[str]
    urls: set[str]

    def is_url(self, name: str, value: str) -> bool:
        return name in self.urls or looks_like_url(value)


def _kinds(bundle: str, registry: StopRegistry | None) -> _Kinds:
    return _Kinds(sensitive_names(bundle, registry), url_names(bundle, registry))


def _environment(spec: FlowSpec) -> dict[str, str]:
    return {_variable(key): value for key, value in spec.environment_variable.items()}


def _find(spec: FlowSpec, registry: StopRegistry | None) -> _FlowSecrets:
    environment = _environment(spec)
    found = _FlowSecrets()
    for stop in spec.stops:
        kinds = _kinds(stop.bundle, registry)
        for name, raw in stop.properties.items():
            value = _substitute(raw, environment)
            if name in kinds.hidden and raw:
                found.variables |= _variables(raw)
                found.values.add(value)
            elif kinds.is_url(name, raw) or looks_like_url(value):
                for span in url_secret_spans(raw):
                    found.variables |= _variables(raw[span.start : span.end])
                found.values.update(url_passwords(value))
    for value in environment.values():
        if looks_like_url(value):
            found.values.update(url_passwords(value))
    found.values.discard(MASK)
    found.values.discard("")
    return found


def secret_values(spec: FlowSpec, registry: StopRegistry | None = None) -> set[str]:
    """Every secret of ``spec`` as the run sees it (variables substituted), for masking text such as logs."""
    found = _find(spec, registry)
    environment = _environment(spec)
    return found.values | {environment[v] for v in found.variables if environment.get(v)}


def _masked_property(name: str, value: str, kinds: _Kinds) -> str:
    if name in kinds.hidden:
        return MASK if value else value
    if kinds.is_url(name, value):
        return mask_url_passwords(value)
    return value


def _masked_stop(stop: StopSpec, registry: StopRegistry | None) -> StopSpec:
    kinds = _kinds(stop.bundle, registry)
    properties = {name: _masked_property(name, value, kinds) for name, value in stop.properties.items()}
    return replace(stop, properties=properties)


def _masked_environment(spec: FlowSpec, registry: StopRegistry | None) -> dict[str, str]:
    found = _find(spec, registry)
    secrets = secret_values(spec, registry)
    masked = {}
    for key, value in spec.environment_variable.items():
        if _variable(key) in found.variables and value:
            masked[key] = MASK
        else:
            shown = mask_url_passwords(value) if looks_like_url(value) else value
            masked[key] = mask_secrets(shown, secrets)
    return masked


def redact_flow(spec: FlowSpec, registry: StopRegistry | None = None) -> FlowSpec:
    """A copy of ``spec`` with every secret masked (see the module docstring for what is secret)."""
    return replace(
        spec,
        stops=tuple(_masked_stop(stop, registry) for stop in spec.stops),
        environment_variable=_masked_environment(spec, registry),
    )


def _restored(incoming: str, stored: str, shown: str) -> str:
    """The value to keep for ``incoming``, given the ``stored`` value and how it was ``shown``."""
    if incoming == shown:
        return stored
    if MASK in incoming:
        return restore_url_passwords(incoming, stored)
    return incoming


def _restore_stop(stop: StopSpec, old: StopSpec | None, registry: StopRegistry | None) -> StopSpec:
    if old is None:
        return stop
    kinds = _kinds(old.bundle, registry)
    properties = {}
    for name, value in stop.properties.items():
        stored = old.properties.get(name)
        if name in kinds.hidden and value == MASK:
            properties[name] = stored or ""  # a mask of nothing stands for nothing
        elif stored is None:
            properties[name] = value
        else:
            properties[name] = _restored(value, stored, _masked_property(name, stored, kinds))
    return replace(stop, properties=properties)


def restore_secrets(
    incoming: FlowSpec, stored: FlowSpec | None, registry: StopRegistry | None = None
) -> FlowSpec:
    """``incoming`` with each masked secret replaced by the stored one (same stop, same variable).

    A stop is matched by name, else by its uuid; an environment variable by name (with or
    without ``${}``). Values that changed are kept as sent.
    """
    if stored is None:
        return incoming
    by_name = {stop.name: stop for stop in stored.stops}
    by_uuid = {stop.uuid: stop for stop in stored.stops if stop.uuid}
    stops = tuple(
        _restore_stop(stop, by_name.get(stop.name) or by_uuid.get(stop.uuid or "\0"), registry)
        for stop in incoming.stops
    )
    stored_environment = _environment(stored)
    shown_environment = {_variable(k): v for k, v in _masked_environment(stored, registry).items()}
    environment = {}
    for key, value in incoming.environment_variable.items():
        variable = _variable(key)
        if variable in stored_environment:
            value = _restored(value, stored_environment[variable], shown_environment[variable])
        environment[key] = value
    return replace(incoming, stops=stops, environment_variable=environment)

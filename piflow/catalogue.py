"""The stop catalogue in PiFlow's wire shapes (``/stop/groups``, ``/stop/list``, ``/stop/info`` ...).

Pure functions over a ``StopRegistry`` or a stop class, shared by the web API and the CLI.
PiFlow sends lists as comma-joined strings and booleans as ``"true"``/``"false"``; these
functions keep that, so existing PiFlow clients read our answers unchanged.
"""

from __future__ import annotations

from typing import Any

from piflow.registry import StopRegistry
from piflow.sdk.ports import Port
from piflow.sdk.stop import Stop

#: What PiFlow's server answers for a bundle it cannot describe.
UNKNOWN_STOP_MESSAGE = "get PropertyDescriptor or getIcon Method Not Implemented Error!"


def stop_groups(registry: StopRegistry) -> dict[str, str]:
    """``{"groups": "Common,CSV,..."}``"""
    return {"groups": ",".join(registry.groups())}


def stop_list(registry: StopRegistry) -> dict[str, str]:
    """``{"stops": "bundle1,bundle2,..."}`` with our bundle ids, sorted."""
    return {"stops": ",".join(stop.bundle for stop in registry.stops())}


def stop_with_group(registry: StopRegistry) -> dict[str, str]:
    """``{"stopWithGroup": "Common:bundle,..."}``: one ``group:bundle`` pair per group a stop is in."""
    pairs = (f"{group}:{stop.bundle}" for group, stops in registry.by_group().items() for stop in stops)
    return {"stopWithGroup": ",".join(pairs)}


def stop_info(stop: type[Stop]) -> dict[str, Any]:
    """One stop as PiFlow's ``/stop/info`` describes it (the manual's shape)."""
    return {
        "name": stop.display_name(),
        "bundle": stop.bundle,
        "owner": stop.author,
        "groups": ",".join(stop.groups),
        "inports": _ports(stop.inports),
        "outports": _ports(stop.outports),
        "isCustomized": _flag(stop.customizable),
        "isDataSource": _flag(stop.is_data_source),
        "description": stop.summary(),
        "properties": [{"property": _property(prop.describe())} for prop in stop.properties()],
    }


def unknown_stop(bundle: str) -> dict[str, str]:
    """The body PiFlow answers with when ``bundle`` names no stop."""
    return {"error": UNKNOWN_STOP_MESSAGE, "bundle": bundle}


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _ports(ports: tuple[str, ...]) -> str:
    # PiFlow spells the default port "Default" and a stop without ports "None".
    if not ports:
        return Port.NONE
    return ",".join(port or "Default" for port in ports)


def _property(described: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": described["name"],
        "displayName": described["label"],
        "description": described["description"],
        "defaultValue": described["default"],
        "allowableValues": list(described["choices"]),
        "required": _flag(described["required"]),
        "sensitive": _flag(described["sensitive"]),
        "example": described["example"],
        "language": described["language"],
    }

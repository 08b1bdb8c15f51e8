"""The stop SDK: what a stop author imports."""

from piflow.sdk.masking import MASK, mask_secrets
from piflow.sdk.ports import Port, normalize_port, port_dirname
from piflow.sdk.properties import (
    BoolProperty,
    FloatProperty,
    IntProperty,
    ListProperty,
    PathProperty,
    Property,
    PropertyError,
    SaveModeProperty,
    StringProperty,
)
from piflow.sdk.stop import Inputs, Outputs, Stop, StopContext, StopInputError

__all__ = [
    "MASK",
    "mask_secrets",
    "BoolProperty",
    "FloatProperty",
    "Inputs",
    "IntProperty",
    "ListProperty",
    "Outputs",
    "PathProperty",
    "Port",
    "Property",
    "PropertyError",
    "SaveModeProperty",
    "Stop",
    "StopContext",
    "StopInputError",
    "StringProperty",
    "normalize_port",
    "port_dirname",
]

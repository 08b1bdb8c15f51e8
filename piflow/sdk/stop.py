"""The Stop base class: what every stop declares and how it is run.

A stop is a class with a stable ``bundle`` id, its groups, ports and typed properties, and
a ``perform(inputs, outputs, ctx)`` method that reads DataFrames from its inports and writes
DataFrames to its outports. The engine instantiates it with already-validated property
values, so ``self.csv_path`` is a typed value inside ``perform``.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from piflow.access import AccessPolicy
from piflow.sdk.ports import Port, normalize_port
from piflow.sdk.properties import Property, PropertyError

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession


class StopInputError(RuntimeError):
    """A stop asked for an input port that nothing is connected to."""


@dataclass
class StopContext:
    """What a stop may use while it performs: the session, its run's directory, a logger."""

    spark: SparkSession
    run_id: str
    stop_name: str
    run_dir: Path
    #: what the flow's owner may reach; a stop that opens files or connections by itself checks here
    policy: AccessPolicy = field(default_factory=AccessPolicy.admin)
    log: logging.Logger | logging.LoggerAdapter[logging.Logger] = field(
        default_factory=lambda: logging.getLogger("piflow.stop")
    )

    @property
    def scratch_dir(self) -> Path:
        """A directory private to this stop in this run (created on demand)."""
        path = self.run_dir / "scratch" / self.stop_name
        path.mkdir(parents=True, exist_ok=True)
        return path


class Inputs:
    """The DataFrames arriving on a stop's inports, keyed by inport name (``""`` = default)."""

    def __init__(self, frames: Mapping[str, DataFrame]) -> None:
        self._frames = dict(frames)

    def read(self, port: str = Port.DEFAULT) -> DataFrame:
        """The DataFrame on ``port``; for the default port, the only input whatever its name."""
        port = normalize_port(port)
        if port in self._frames:
            return self._frames[port]
        if port == Port.DEFAULT and len(self._frames) == 1:
            return next(iter(self._frames.values()))
        connected = ", ".join(repr(p or "default") for p in self._frames) or "none"
        raise StopInputError(f"no input on port {port or 'default'!r} (connected: {connected})")

    def ports(self) -> list[str]:
        return list(self._frames)

    def items(self) -> Iterator[tuple[str, DataFrame]]:
        return iter(self._frames.items())

    def __len__(self) -> int:
        return len(self._frames)


class Outputs:
    """Where a stop writes its results, port by port (``""`` = default)."""

    def __init__(self, connected: tuple[str, ...] = ()) -> None:
        self._frames: dict[str, DataFrame] = {}
        self.connected = connected

    def write(self, df: DataFrame, port: str = Port.DEFAULT) -> None:
        self._frames[normalize_port(port)] = df

    def frames(self) -> dict[str, DataFrame]:
        return dict(self._frames)


class Stop:
    """Base class of every stop.

    Class attributes a stop sets:
      bundle        stable id stored in flows, e.g. ``piflow.stops.csv.CsvParser``
      piflow_names  PiFlow's bundle names that resolve to this stop; by default the bundle id with
                    ``piflow.stops.`` replaced by ``cn.piflow.bundle.``
      groups        palette groups, e.g. ``("CSV",)``
      inports       ``()`` for a source; ``(Port.DEFAULT,)``, ``(Port.LEFT, Port.RIGHT)``, ``(Port.ANY,)``
      outports      ``(Port.DEFAULT,)``, ``(Port.ANY,)``, ``(Port.ROUTE,)``; ``()`` for a pure sink
      customizable  accepts free key/value ``customizedProperties`` (Route)
      is_data_source the stop's properties can be filled from a registered data source
      runs_user_code it runs code the flow's author wrote (scripts): admins, or users an admin allowed
    The docstring's first line is the palette tooltip; the rest is the long description.
    """

    bundle: ClassVar[str] = ""
    piflow_names: ClassVar[tuple[str, ...]] = ()
    groups: ClassVar[tuple[str, ...]] = ()
    inports: ClassVar[tuple[str, ...]] = (Port.DEFAULT,)
    outports: ClassVar[tuple[str, ...]] = (Port.DEFAULT,)
    customizable: ClassVar[bool] = False
    is_data_source: ClassVar[bool] = False
    runs_user_code: ClassVar[bool] = False
    author: ClassVar[str] = "PiFlow"

    def __init__(self, values: Mapping[str, Any] | None = None, customized: Mapping[str, str] | None = None):
        self._values: dict[str, Any] = dict(values or {})
        self.customized: dict[str, str] = dict(customized or {})

    # -- declaration -------------------------------------------------------------------------
    @classmethod
    def properties(cls) -> list[Property]:
        """Declared properties in declaration order (base classes first)."""
        seen: dict[str, Property] = {}
        for klass in reversed(cls.__mro__):
            for value in vars(klass).values():
                if isinstance(value, Property):
                    seen[value.name] = value
        return list(seen.values())

    @classmethod
    def display_name(cls) -> str:
        return cls.bundle.rsplit(".", 1)[-1] or cls.__name__

    @classmethod
    def summary(cls) -> str:
        doc = inspect.getdoc(cls) or ""
        return doc.split("\n\n", 1)[0].replace("\n", " ").strip()

    @classmethod
    def all_piflow_names(cls) -> tuple[str, ...]:
        default = cls.bundle.replace("piflow.stops.", "cn.piflow.bundle.", 1)
        return tuple(dict.fromkeys((default, *cls.piflow_names)))

    @classmethod
    def descriptor(cls) -> dict[str, Any]:
        """The JSON the REST API and the canvas draw a stop from."""
        return {
            "bundle": cls.bundle,
            "name": cls.display_name(),
            "aliases": list(cls.all_piflow_names()),
            "groups": list(cls.groups),
            "description": cls.summary(),
            "details": inspect.getdoc(cls) or "",
            "inports": list(cls.inports),
            "outports": list(cls.outports),
            "customizable": cls.customizable,
            "isDataSource": cls.is_data_source,
            "author": cls.author,
            "properties": [prop.describe() for prop in cls.properties()],
        }

    @classmethod
    def parse_properties(cls, raw: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
        """Convert raw string properties into typed values.

        Returns ``(values, problems)`` where ``problems`` maps a property name to what is wrong
        with it. Legacy names (a property's ``aliases``) are accepted; unknown names are ignored
        as PiFlow does, since old flows carry properties later versions dropped.
        """
        values: dict[str, Any] = {}
        problems: dict[str, str] = {}
        for prop in cls.properties():
            present = [
                key for key in (prop.name, *prop.aliases) if key in raw and not prop.is_blank(raw[key])
            ]
            if not present:
                if prop.required and prop.default is None:
                    problems[prop.name] = "is required"
                else:
                    values[prop.name] = prop.default
                continue
            try:
                values[prop.name] = prop.convert(raw[present[0]])
            except PropertyError as exc:
                problems[prop.name] = str(exc)
        if not problems:
            problems.update(cls.check_values(values))
        return values, problems

    @classmethod
    def check_values(cls, values: Mapping[str, Any]) -> dict[str, str]:
        """Checks across properties (e.g. "sql or dbtable"): property name -> what is wrong.

        Runs at validation, after every property converted; the default finds nothing wrong.
        """
        return {}

    # -- ports an instance really has (Fork's outports, Merge's inports, Route's filters) ----
    def input_ports(self) -> tuple[str, ...] | None:
        """The inport names this instance accepts; ``None`` means any name (an ``Any`` port)."""
        return None if Port.ANY in self.inports else tuple(self.inports)

    def output_ports(self) -> tuple[str, ...] | None:
        """The outport names this instance writes; ``None`` means any name (an ``Any`` port)."""
        if Port.ANY in self.outports:
            return None
        if Port.ROUTE in self.outports:
            return (Port.DEFAULT, *self.customized)
        return tuple(self.outports)

    def required_inputs(self) -> tuple[str, ...]:
        """Inports that must be connected for this stop to run (empty for sources)."""
        if not self.inports or self.inports == (Port.NONE,):
            return ()
        if Port.ANY in self.inports:
            return (Port.ANY,)
        return tuple(self.inports)

    # -- running -----------------------------------------------------------------------------
    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        """Read from ``inputs``, compute, write to ``outputs``. Spark work stays lazy where it can."""
        raise NotImplementedError(f"{type(self).__name__} does not implement perform()")

"""The stop registry: built-in stops by import, third-party packages by entry point.

Third-party packages advertise stops in the entry-point group ``piflow.stops``; an entry
point may name a Stop subclass or a module (every Stop subclass defined in it counts).
Bundle names resolve case-insensitively and ignoring stray whitespace, because PiFlow's own
manual prints ``cn.PiFlow .bundle.csv.CsvParser``.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import threading
from collections.abc import Iterable
from importlib.metadata import entry_points
from types import ModuleType

from piflow.sdk.stop import Stop

ENTRY_POINT_GROUP = "piflow.stops"


class UnknownStopError(LookupError):
    """No registered stop has this bundle name."""

    def __init__(self, bundle: str) -> None:
        super().__init__(f"unknown stop bundle {bundle!r}")
        self.bundle = bundle


class DuplicateStopError(RuntimeError):
    """Two stop classes claim the same bundle id or PiFlow name."""


def normalize_bundle(name: str) -> str:
    """The lookup key of a bundle name: no whitespace, lower case."""
    return "".join(name.split()).lower()


def stop_classes_in(module: ModuleType) -> list[type[Stop]]:
    """Concrete Stop subclasses defined in ``module`` (imported names are not counted)."""
    return [
        obj
        for obj in vars(module).values()
        if inspect.isclass(obj)
        and issubclass(obj, Stop)
        and obj.__module__ == module.__name__
        and obj.bundle
        and not inspect.isabstract(obj)
    ]


class StopRegistry:
    """Stop classes by bundle id, with PiFlow's names as aliases."""

    def __init__(self, stops: Iterable[type[Stop]] = ()) -> None:
        self._by_bundle: dict[str, type[Stop]] = {}
        self._by_key: dict[str, type[Stop]] = {}
        for stop in stops:
            self.register(stop)

    def register(self, stop: type[Stop], *, source: str = "") -> None:
        """Add a stop class; a bundle id or alias already taken by another class fails loudly."""
        if not stop.bundle:
            raise ValueError(f"{stop.__qualname__} has no bundle id")
        keys = {normalize_bundle(name) for name in (stop.bundle, *stop.all_piflow_names())}
        for key in keys:
            other = self._by_key.get(key)
            if other is not None and other is not stop:
                where = f" (from {source})" if source else ""
                raise DuplicateStopError(
                    f"bundle {key!r} of {stop.__module__}.{stop.__qualname__}{where} is already "
                    f"registered by {other.__module__}.{other.__qualname__}"
                )
        self._by_bundle[stop.bundle] = stop
        for key in keys:
            self._by_key[key] = stop

    def unregister(self, bundle: str) -> None:
        stop = self.get(bundle)
        self._by_bundle.pop(stop.bundle, None)
        self._by_key = {key: cls for key, cls in self._by_key.items() if cls is not stop}

    def get(self, bundle: str) -> type[Stop]:
        """The stop class for a bundle id or any PiFlow name of it; UnknownStopError otherwise."""
        stop = self._by_key.get(normalize_bundle(bundle or ""))
        if stop is None:
            raise UnknownStopError(bundle)
        return stop

    def __contains__(self, bundle: object) -> bool:
        return isinstance(bundle, str) and normalize_bundle(bundle) in self._by_key

    def stops(self) -> list[type[Stop]]:
        """All registered stop classes, sorted by bundle id."""
        return [self._by_bundle[b] for b in sorted(self._by_bundle)]

    def groups(self) -> list[str]:
        """Every group name used by a registered stop, in first-seen order of sorted stops."""
        return list(dict.fromkeys(g for stop in self.stops() for g in stop.groups))

    def by_group(self) -> dict[str, list[type[Stop]]]:
        grouped: dict[str, list[type[Stop]]] = {group: [] for group in self.groups()}
        for stop in self.stops():
            for group in stop.groups:
                grouped[group].append(stop)
        return grouped

    def __len__(self) -> int:
        return len(self._by_bundle)


def builtin_modules() -> list[ModuleType]:
    """Import every module under ``piflow.stops``."""
    import piflow.stops as package

    return [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages(package.__path__, prefix=package.__name__ + ".")
    ]


def load_entry_points(registry: StopRegistry) -> None:
    """Register stops advertised by installed packages in the ``piflow.stops`` group."""
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        target = ep.load()
        classes = stop_classes_in(target) if inspect.ismodule(target) else [target]
        for stop in classes:
            registry.register(stop, source=f"entry point {ep.name} = {ep.value}")


def build_registry(*, include_entry_points: bool = True) -> StopRegistry:
    """A fresh registry with the built-in stops and, by default, installed third-party ones."""
    registry = StopRegistry()
    for module in builtin_modules():
        for stop in stop_classes_in(module):
            registry.register(stop, source=module.__name__)
    if include_entry_points:
        load_entry_points(registry)
    return registry


_default: StopRegistry | None = None
_lock = threading.Lock()


def default_registry() -> StopRegistry:
    """The process-wide registry, built on first use."""
    global _default
    with _lock:
        if _default is None:
            _default = build_registry()
        return _default

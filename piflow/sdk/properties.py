"""Typed property descriptors for stops.

Property values travel as strings (PiFlow's wire format); a descriptor converts the string
into a typed value and says what is wrong when it cannot. Declared on a stop class::

    class CsvParser(Stop):
        csv_path = StringProperty("Path", name="csvPath", required=True, example="/data/in.csv")
        header = BoolProperty("Header", default=False)

``name`` is the property's name in flow JSON; when omitted it is the attribute name in
camelCase (``csv_path`` -> ``csvPath``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar


class PropertyError(ValueError):
    """A property value that cannot be converted or is not allowed."""


def _camel(attr: str) -> str:
    head, *rest = attr.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _as_text(raw: Any) -> str:
    """Property values arrive as strings; tolerate JSON lists, numbers and booleans."""
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, list | tuple):
        return ",".join(_as_text(item) for item in raw)
    return "" if raw is None else str(raw)


class Property:
    """Base descriptor: label, description, default, required, example, choices, sensitive, language."""

    kind = "string"

    def __init__(
        self,
        label: str,
        *,
        name: str | None = None,
        description: str = "",
        default: Any = None,
        required: bool = False,
        example: str = "",
        choices: Sequence[str] = (),
        sensitive: bool = False,
        language: str = "Text",
        aliases: Sequence[str] = (),
        access: str = "",
    ) -> None:
        self.label = label
        self.name = name or ""
        self.description = description
        self.default = default
        self.required = required
        self.example = example
        self.choices = tuple(choices)
        self.sensitive = sensitive
        self.language = language
        self.aliases = tuple(aliases)
        #: how the value reaches outside the flow, and so how it is checked (``piflow.access``:
        #: "path", "jdbc_url", "host", "sql", "sql_expression", "hive_database"; "" for nothing)
        self.access = access
        self.attr = ""

    def __set_name__(self, owner: type, attr: str) -> None:
        self.attr = attr
        if not self.name:
            self.name = _camel(attr)

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        return instance._values.get(self.name, self.default)

    def __set__(self, instance: Any, value: Any) -> None:
        raise AttributeError(f"property {self.name!r} is read-only; pass it to the stop's constructor")

    def convert(self, raw: Any) -> Any:
        """Turn a raw (string) value into this property's typed value, or raise PropertyError."""
        text = _as_text(raw).strip() if self.language == "Text" else _as_text(raw)
        if self.choices and text not in self.choices:
            raise PropertyError(f"{text!r} is not one of {', '.join(map(repr, self.choices))}")
        return self._convert(text)

    def _convert(self, text: str) -> Any:
        return text

    def is_blank(self, raw: Any) -> bool:
        return _as_text(raw).strip() == ""

    def describe(self) -> dict[str, Any]:
        """The JSON the REST API and the canvas's property form use."""
        return {
            "name": self.name,
            "label": self.label,
            "description": self.description,
            "type": self.kind,
            "default": _as_text(self.default) if self.default is not None else "",
            "required": self.required,
            "example": self.example,
            "choices": list(self.choices),
            "sensitive": self.sensitive,
            "language": self.language,
            "access": self.access,
        }


class StringProperty(Property):
    """Free text (a path, a name, a SQL statement when ``language="Sql"``)."""


class PathProperty(StringProperty):
    """A file, folder or glob (local, ``file:``, or a URI such as ``hdfs://``); checked against the
    owner's allowed locations before the run and again right before the stop uses it."""

    def __init__(self, label: str = "Path", **kw: Any) -> None:
        kw.setdefault("access", "path")
        super().__init__(label, **kw)


class IntProperty(Property):
    """A whole number, optionally bounded."""

    kind = "integer"

    def __init__(self, label: str, *, minimum: int | None = None, maximum: int | None = None, **kw: Any):
        super().__init__(label, **kw)
        self.minimum = minimum
        self.maximum = maximum

    def _convert(self, text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise PropertyError(f"{text!r} is not a whole number") from None
        if self.minimum is not None and value < self.minimum:
            raise PropertyError(f"{value} is less than {self.minimum}")
        if self.maximum is not None and value > self.maximum:
            raise PropertyError(f"{value} is more than {self.maximum}")
        return value


class FloatProperty(Property):
    """A decimal number, optionally bounded."""

    kind = "number"

    def __init__(self, label: str, *, minimum: float | None = None, maximum: float | None = None, **kw: Any):
        super().__init__(label, **kw)
        self.minimum = minimum
        self.maximum = maximum

    def _convert(self, text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise PropertyError(f"{text!r} is not a number") from None
        if self.minimum is not None and value < self.minimum:
            raise PropertyError(f"{value} is less than {self.minimum}")
        if self.maximum is not None and value > self.maximum:
            raise PropertyError(f"{value} is more than {self.maximum}")
        return value


class BoolProperty(Property):
    """``true`` or ``false`` (also accepts yes/no, 1/0, any case)."""

    kind = "boolean"
    _TRUE = frozenset({"true", "yes", "1", "on"})
    _FALSE = frozenset({"false", "no", "0", "off"})

    def __init__(self, label: str, **kw: Any) -> None:
        kw.setdefault("choices", ())
        super().__init__(label, **kw)

    def _convert(self, text: str) -> bool:
        lowered = text.lower()
        if lowered in self._TRUE:
            return True
        if lowered in self._FALSE:
            return False
        raise PropertyError(f"{text!r} is not true or false")

    def describe(self) -> dict[str, Any]:
        described = super().describe()
        described["choices"] = ["true", "false"]
        return described


class ListProperty(Property):
    """A comma-separated list of names (columns, ports); blanks are dropped."""

    kind = "list"

    def __init__(self, label: str, *, separator: str = ",", **kw: Any) -> None:
        super().__init__(label, **kw)
        self.separator = separator

    def _convert(self, text: str) -> tuple[str, ...]:
        return tuple(item.strip() for item in text.split(self.separator) if item.strip())


class SaveModeProperty(StringProperty):
    """A writer's Spark save mode, in any letter case; the value is Spark's lower-case mode string.

    ``Append``, ``OVERWRITE``, ``ignore``, ``error`` and ``ErrorIfExists`` (``default`` too) all
    work; the stop reads ``append``, ``overwrite``, ``ignore`` or ``errorifexists``. ``choices`` are
    what the canvas offers (PiFlow's JDBC writers show ``Append``..., the file writers lower case)
    and the modes allowed: a value is checked against them ignoring case, ``error`` and
    ``errorifexists`` being one mode. The default is shown in the choices' spelling.
    """

    #: Every accepted spelling (lower case) -> Spark's mode string.
    MODES: ClassVar[Mapping[str, str]] = {
        "append": "append",
        "overwrite": "overwrite",
        "ignore": "ignore",
        "errorifexists": "errorifexists",
        "error": "errorifexists",
        "default": "errorifexists",
    }

    def __init__(
        self,
        label: str = "Save mode",
        *,
        name: str = "saveMode",
        default: str = "append",
        choices: Sequence[str] = ("append", "overwrite", "error", "ignore"),
        **kw: Any,
    ) -> None:
        kw.setdefault(
            "description",
            "What to do when the target already exists: append to it, overwrite it, skip the write "
            "(ignore) or fail (error). Any letter case.",
        )
        super().__init__(label, name=name, choices=choices, **kw)
        #: Spark mode -> the choice that shows it (the first, when two spell one mode).
        self._shown: dict[str, str] = {}
        for choice in self.choices:
            mode = self.MODES.get(choice.strip().lower())
            if mode is None:
                raise ValueError(f"save mode choice {choice!r} is not a Spark save mode")
            self._shown.setdefault(mode, choice)
        if not self._shown:
            raise ValueError("a save mode property needs at least one choice")
        try:
            self.default = self.convert(default)
        except PropertyError as exc:
            raise ValueError(f"save mode default: {exc}") from None

    def convert(self, raw: Any) -> str:
        text = _as_text(raw).strip()
        mode = self.MODES.get(text.lower())
        if mode not in self._shown:
            allowed = ", ".join(self.choices)
            raise PropertyError(f"{text!r} is not a save mode; use {allowed} (any letter case)")
        return mode

    def describe(self) -> dict[str, Any]:
        described = super().describe()
        described["default"] = self._shown[self.default]
        return described

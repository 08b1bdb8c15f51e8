"""What one user's flow may reach: files, hosts, Hive databases and code.

Many users share one server, and a flow runs with the server's rights, so every property that
names a file, a host or SQL is checked against the flow owner's ``AccessPolicy`` before the run
(validation: a problem naming the property) and again in the worker right before the stop uses
it (a symlink swapped in between loses). The Django side builds the policy from the owner, the
admin's grants and the settings (``access.selectors.policy_for``); the engine only applies it.

An admin (and the command line) runs with ``AccessPolicy.unrestricted()``; the dangerous JDBC
URL parameters are refused for everyone.
"""

from __future__ import annotations

import ipaddress
import itertools
import os
import re
import socket
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote


class AccessDenied(PermissionError):
    """What a flow tried to reach and may not; the message says what and why."""


#: How a property's value is checked (``Property.access``).
PATH = "path"
JDBC_URL = "jdbc_url"
HOST = "host"
SQL = "sql"
SQL_EXPRESSION = "sql_expression"
HIVE_DATABASE = "hive_database"

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


#: What makes a path a glob for Spark (``SparkHadoopUtil.isGlobPath``); Hadoop then expands it.
_GLOB_CHARS = frozenset("{}[]*?\\")
#: How many paths a glob's ``{a,b}`` groups may spell out before the glob is refused.
_MAX_ALTERNATIVES = 256
#: How many entries below a folder are looked at for a symlink that leads out of the allowed places.
_MAX_ENTRIES_WALKED = 20_000


def _split_uri(text: str) -> tuple[str, str, str] | None:
    """``(scheme, authority, path)`` as Hadoop's ``Path`` reads ``text``; None for a plain path.

    Like Hadoop, everything after the authority is the path, ``?`` and ``#`` included: Spark reads
    ``/a.csv#/../../b`` as ``/b``, so a URL parser would check something other than what is read.
    """
    match = _SCHEME.match(text)
    if not match or len(match.group(1)) == 1:  # "C:" would be a drive letter, not a scheme
        return None
    rest, authority = text[match.end() :], ""
    if rest.startswith("//"):
        authority, slash, tail = rest[2:].partition("/")
        rest = slash + tail
    return match.group(1).lower(), authority.lower(), rest


def _unescape(text: str) -> str:
    """``text`` with Hadoop's glob escapes undone: ``\\.\\.`` is ``..`` to the file system."""
    return re.sub(r"\\(.)", r"\1", text)


def _first_group(pattern: str) -> tuple[int, int, list[str]] | None:
    """Where the first ``{...}`` of ``pattern`` opens and closes, and its alternatives; None without one."""
    depth, opening, begin, index = 0, -1, -1, 0
    alternatives: list[str] = []
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "{":
            if depth == 0:
                opening, begin = index, index + 1
            depth += 1
        elif char == "}" and depth:
            depth -= 1
            if depth == 0:
                return opening, index, [*alternatives, pattern[begin:index]]
        elif char == "," and depth == 1:
            alternatives.append(pattern[begin:index])
            begin = index + 1
        index += 1
    return None  # no group, or an unclosed one (Hadoop refuses that pattern)


class _TooManyPaths(ValueError):
    """A glob whose ``{a,b}`` groups spell out more paths than are checked."""


def _expand_braces(pattern: str) -> list[str]:
    """Every path Hadoop's ``{a,b}`` groups in ``pattern`` spell out (nested groups too)."""
    group = _first_group(pattern)
    if group is None:
        return [pattern]
    opening, closing, alternatives = group
    expanded: list[str] = []
    for alternative in alternatives:
        expanded += _expand_braces(pattern[:opening] + alternative + pattern[closing + 1 :])
        if len(expanded) > _MAX_ALTERNATIVES:
            raise _TooManyPaths(f"spells out more than {_MAX_ALTERNATIVES} paths with its {{...}} groups")
    return expanded


def _climbs(path: str) -> bool:
    """Whether ``path`` (a glob, a URI's path) has a ``..`` part, escaped or percent-encoded or not."""
    return any(".." in _unescape(text).split("/") for text in (path, unquote(path)))


def _inside(path: str, root: str) -> bool:
    """Whether the resolved ``path`` is ``root`` or below it."""
    return path == root or path.startswith(root.rstrip("/") + "/")


def _fixed_part(pattern: str) -> str:
    """The folder of ``pattern`` before its first part with a wildcard: all a glob can match is below it."""
    fixed = []
    for part in pattern.split("/"):
        if _GLOB_CHARS.intersection(part):
            break
        fixed.append(part)
    return "/".join(fixed) or "/"


def _entries(folder: str) -> list[tuple[str, bool, bool]]:
    """``(path, is a symlink, is a folder)`` of what ``folder`` holds (at most the walk's limit); none
    when it is not a readable folder."""
    found = []
    try:
        with os.scandir(folder) as entries:
            for entry in itertools.islice(entries, _MAX_ENTRIES_WALKED):
                link = entry.is_symlink()
                found.append((entry.path, link, not link and entry.is_dir(follow_symlinks=False)))
    except OSError:
        pass
    return found


def _links_below(folder: str) -> Iterator[tuple[str, str]]:
    """``(link, where it leads)`` for each symlink below ``folder``, walking on into the folders they
    lead to, until ``_MAX_ENTRIES_WALKED`` entries were looked at."""
    pending, seen, walked = [folder], {folder}, 0
    while pending and walked < _MAX_ENTRIES_WALKED:
        for path, link, is_folder in _entries(pending.pop()):
            walked += 1
            if link:
                target = os.path.realpath(path)
                yield path, target
                if target not in seen and os.path.isdir(target):
                    seen.add(target)
                    pending.append(target)
            elif is_folder:
                pending.append(path)


def _under_prefix(scheme: str, authority: str, path: str, prefix: str) -> bool:
    """Whether the URI parts lie under ``prefix`` (same scheme and authority, a folder boundary)."""
    granted = _split_uri(prefix.strip())
    if granted is None or granted[:2] != (scheme, authority):
        return False
    base = granted[2].rstrip("/")
    return path == base or path.startswith(base + "/")


@dataclass(frozen=True)
class AccessPolicy:
    """What a flow run for one user may reach.

    ``file_roots``: local directories the user may read and write below (their workspace and
    the roots an admin granted). ``uri_prefixes``: granted prefixes of other schemes
    (``hdfs://nn:8020/data/``). ``protected``: local directories never reachable even below a
    root (the data dir's own files: secret key, databases, runs). ``allowed_hosts``: hosts
    (``db.example.org``, ``10.0.0.5``, ``*.example.org``, each optionally ``:port``) the user's
    flows may connect to; ``denied_hosts``: ``host:port`` pairs never reachable (the
    application's own database and broker). ``hive_databases``: the Hive databases the user may
    read and write. ``may_run_code``: whether stops that run user code are allowed.
    """

    unrestricted: bool = False
    file_roots: tuple[str, ...] = ()
    uri_prefixes: tuple[str, ...] = ()
    protected: tuple[str, ...] = ()
    allowed_hosts: tuple[str, ...] = ()
    denied_hosts: tuple[str, ...] = ()
    hive_databases: tuple[str, ...] = ()
    may_run_code: bool = False
    #: who the policy is for, in messages
    user: str = field(default="", compare=False)

    @classmethod
    def admin(cls, user: str = "") -> AccessPolicy:
        """No restriction (admins, the command line)."""
        return cls(unrestricted=True, may_run_code=True, user=user)

    def to_dict(self) -> dict[str, Any]:
        return {
            "unrestricted": self.unrestricted,
            "file_roots": list(self.file_roots),
            "uri_prefixes": list(self.uri_prefixes),
            "protected": list(self.protected),
            "allowed_hosts": list(self.allowed_hosts),
            "denied_hosts": list(self.denied_hosts),
            "hive_databases": list(self.hive_databases),
            "may_run_code": self.may_run_code,
            "user": self.user,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AccessPolicy:
        def names(key: str) -> tuple[str, ...]:
            return tuple(str(item) for item in data.get(key) or ())

        return cls(
            unrestricted=bool(data.get("unrestricted")),
            file_roots=names("file_roots"),
            uri_prefixes=names("uri_prefixes"),
            protected=names("protected"),
            allowed_hosts=names("allowed_hosts"),
            denied_hosts=names("denied_hosts"),
            hive_databases=names("hive_databases"),
            may_run_code=bool(data.get("may_run_code")),
            user=str(data.get("user") or ""),
        )

    # -- files ---------------------------------------------------------------------------------
    def check_path(self, value: str) -> None:
        """Raise AccessDenied unless the file, folder or glob ``value`` lies where the user may go.

        A local path (plain or ``file:``) must be absolute and, ``..`` and symlinks resolved, lie
        in one of ``file_roots``, neither inside nor around a ``protected`` folder (a root inside
        one, the user's workspace in the data dir, is open); no symlink below a folder may lead
        elsewhere. A glob may not climb with ``..``; what lies before its first wildcard is
        checked as a folder. Any other scheme must lie under one of ``uri_prefixes``.
        """
        if self.unrestricted:
            return
        text = value.strip()
        if not text:
            return
        try:
            why = self._path_refusal(text)
        except _TooManyPaths as exc:
            why = str(exc)
        if why:
            raise AccessDenied(f"{value!r} {why}")

    def _path_refusal(self, text: str) -> str | None:
        """Why ``text`` is refused, or None."""
        if "\x00" in text:
            return "contains a NUL character"
        uri = _split_uri(text)
        if uri is None:
            return self._local_refusal(text)
        scheme, authority, path = uri
        if scheme != "file":
            return self._uri_refusal(scheme, authority, path)
        if authority not in ("", "localhost"):
            return "names a file on another host"
        # Hadoop takes a file: URI's path as written; its decoded form is checked too, for any
        # reader that decodes it.
        return self._local_refusal(path) or self._local_refusal(unquote(path))

    def _uri_refusal(self, scheme: str, authority: str, path: str) -> str | None:
        for alternative in _expand_braces(path):
            if _climbs(alternative):
                return "climbs out of its folder with '..'"
            if not any(_under_prefix(scheme, authority, alternative, p) for p in self.uri_prefixes):
                shown = ", ".join(self.uri_prefixes) or "none"
                return f"is not under a location you may use ({shown})"
        return None

    def _local_refusal(self, text: str) -> str | None:
        if not text.startswith("/"):
            return "is not an absolute path"
        if text.startswith("//"):
            return "starts with '//', which names a host, not a folder"
        if _GLOB_CHARS.intersection(text):
            alternatives = _expand_braces(text)
            if any(_climbs(alternative) for alternative in alternatives):
                return "climbs out of its folder with '..' in a glob"
            if any(alternative.startswith("//") for alternative in alternatives):
                return "spells out a path starting with '//', which names a host, not a folder"
            fixed = [os.path.normpath(_fixed_part(alternative)) for alternative in alternatives]
            readings = [(written, os.path.realpath(written)) for written in fixed]
        else:
            # Spark removes ".." before it looks (lexically), the system while following
            # symlinks: both readings must be allowed.
            lexical = os.path.normpath(text)
            readings = [(lexical, os.path.realpath(lexical)), (lexical, os.path.realpath(text))]
        for written, place in dict.fromkeys(readings):
            why = self._place_refusal(place) or self._link_refusal(place)
            if why and place != written:
                return f"{why} (it leads to {place})"  # through a symlink: say where
            if why:
                return why
        return None

    def _place_refusal(self, place: str) -> str | None:
        """Why the resolved local ``place`` is refused, or None."""
        roots = [os.path.realpath(root) for root in self.file_roots]
        protected = [os.path.realpath(folder) for folder in self.protected]
        containing = [root for root in roots if _inside(place, root)]
        guarding = [folder for folder in protected if _inside(place, folder)]
        # A protected folder wins over a root around it (a grant of "/" never opens the data
        # dir), but not over a root inside it (the user's workspace lies in the data dir).
        if guarding and not any(all(_inside(root, p) for p in guarding) for root in containing):
            return "is inside the server's own files"
        if not containing:
            return f"is not under a folder you may use ({', '.join(self.file_roots) or 'none'})"
        if any(_inside(folder, place) and folder != place for folder in protected):
            return "holds the server's own files"  # reading or overwriting it would reach them
        return None

    def _link_refusal(self, folder: str) -> str | None:
        """Why a symlink below the resolved ``folder`` is refused (Spark reads folders recursively)."""
        for link, target in _links_below(folder):
            if self._place_refusal(target):
                return f"leads through the link {link} to {target}, where you may not go"
        return None

    def check_paths(self, values: Iterable[str]) -> None:
        for value in values:
            self.check_path(value)

    # -- hosts ---------------------------------------------------------------------------------
    def check_host(self, host: str, port: int | None = None) -> None:
        """Raise AccessDenied unless a connection to ``host`` (and ``port``) is allowed.

        ``port`` None means the address names none: any port may be meant. The application's own
        services (``denied_hosts``) are refused for every restricted user whatever their grants,
        by address, so ``localhost``, ``127.1`` or the server's own address are the same as
        ``127.0.0.1``. Otherwise a host must match ``allowed_hosts``; a name that only matches a
        wildcard or a network and resolves to a loopback or link-local address is refused too.
        """
        names = _host_forms(host)
        if not names:
            raise AccessDenied("the address names no host")
        for name in names:
            self._check_one_host(name, port)

    def _check_one_host(self, host: str, port: int | None) -> None:
        shown = _shown(host, port)
        for denied in self.denied_hosts:
            if _same_service(host, port, denied):
                raise AccessDenied(
                    f"{shown} is this server's own database or broker: no user's flow may connect "
                    "to it, whatever hosts an admin granted"
                )
        if self.unrestricted:
            return
        matching = [pattern for pattern in self.allowed_hosts if _host_matches(host, port, pattern)]
        if not matching:
            if _is_internal(host):
                raise AccessDenied(f"{shown} is a loopback or link-local address, not allowed for your flows")
            raise AccessDenied(f"{shown} is not among the hosts your flows may connect to")
        if _ip(host) is not None or any(_names_exactly(host, pattern) for pattern in matching):
            return  # an address, or a name an admin granted by name
        for address in _addresses(host):
            if _internal_address(address) and not any(
                _host_matches(str(address), port, pattern) for pattern in self.allowed_hosts
            ):
                raise AccessDenied(
                    f"{shown} resolves to the loopback or link-local address {address}, "
                    "not allowed for your flows"
                )

    # -- Hive ----------------------------------------------------------------------------------
    def check_database(self, database: str) -> None:
        """Raise AccessDenied unless the user may read and write Hive database ``database``."""
        if self.unrestricted:
            return
        name = database.strip().strip("`").lower()
        if name not in {d.lower() for d in self.hive_databases}:
            mine = ", ".join(self.hive_databases) or "none"
            raise AccessDenied(f"Hive database {database!r} is not yours (you may use: {mine})")

    def check_code(self, stop: str) -> None:
        """Raise AccessDenied unless the user may run stops that run their own code."""
        if not (self.unrestricted or self.may_run_code):
            raise AccessDenied(f"{stop} runs code you write; an admin must allow you to use it")


Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def _host_forms(host: str) -> list[str]:
    """``host`` normalised (lower case, no brackets or trailing dot), and percent-decoded if that differs.

    Drivers differ in whether they decode a host; both forms must pass.
    """
    forms = []
    for text in (host, unquote(host)):
        name = text.strip().strip("[]").rstrip(".").lower()
        if name and name not in forms:
            forms.append(name)
    return forms


def _shown(host: str, port: int | None) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"{shown}:{port}" if port is not None else shown


def _ip(text: str) -> Address | None:
    """The address ``text`` spells (an IPv4-mapped IPv6 address as its IPv4 one), else None."""
    try:
        address = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _split_host_port(pattern: str) -> tuple[str, str]:
    """``host:port`` (``[v6]:port``) into its parts; a bare IPv6 address has no port."""
    pattern = pattern.strip().lower()
    if pattern.startswith("["):
        name, _, rest = pattern[1:].partition("]")
        return name, rest.removeprefix(":")
    if pattern.count(":") == 1:
        name, _, port = pattern.partition(":")
        return name, port
    return pattern, ""


def _names_exactly(host: str, pattern: str) -> bool:
    name, _ = _split_host_port(pattern)
    return name.rstrip(".") == host


def _host_matches(host: str, port: int | None, pattern: str) -> bool:
    """Whether ``host`` (normalised) and ``port`` match an allowed-host ``pattern``.

    Patterns: a name or address (compared as addresses when both are), ``*.domain`` (any name
    below the domain, not the domain itself), a network ``10.0.0.0/8``; each optionally with
    ``:port``. A pattern with a port never matches an address that names no port.
    """
    name, port_text = _split_host_port(pattern)
    name = name.rstrip(".")
    if not name:
        return False
    if port_text and (port is None or str(port) != port_text):
        return False
    if name.startswith("*."):
        return _ip(host) is None and host.endswith(name[1:])
    address = _ip(host)
    if "/" in name:
        try:
            network = ipaddress.ip_network(name, strict=False)
        except ValueError:
            return False
        return address is not None and address.version == network.version and address in network
    wanted = _ip(name)
    if address is not None and wanted is not None:
        return address == wanted
    return host == name


def _addresses(host: str) -> list[Address]:
    """The addresses ``host`` is or resolves to (none when it does not resolve)."""
    literal = _ip(host)
    if literal is not None:
        return [literal]
    try:
        infos = socket.getaddrinfo(host, None)
    except (OSError, UnicodeError, ValueError):
        return []
    found: list[Address] = []
    for info in infos:
        address = _ip(str(info[4][0]))
        if address is not None and address not in found:
            found.append(address)
    return found


def _internal_address(address: Address) -> bool:
    return address.is_loopback or address.is_link_local or address.is_unspecified or address.is_multicast


def _is_internal(host: str) -> bool:
    """Whether ``host`` is, or resolves to, a loopback, link-local, unspecified or multicast address."""
    if host in ("localhost", "localhost.localdomain") or host.endswith(".localhost"):
        return True
    return any(_internal_address(address) for address in _addresses(host))


def _is_this_machine(address: Address) -> bool:
    """Whether ``address`` reaches this machine: loopback, unspecified, or one of its own interfaces."""
    if address.is_loopback or address.is_unspecified:
        return True
    family = socket.AF_INET if address.version == 4 else socket.AF_INET6
    try:
        with socket.socket(family, socket.SOCK_DGRAM) as probe:
            probe.bind((str(address), 0))  # only an address of one of this machine's interfaces binds
    except OSError:
        return False
    return True


def _machine_keys(host: str) -> set[str]:
    """What ``host`` reaches, comparable across spellings: "this machine", its addresses, or its name."""
    addresses = _addresses(host)
    if not addresses:
        return {"this machine"} if _is_internal(host) else {host}
    return {"this machine" if _is_this_machine(a) else str(a) for a in addresses}


def _same_service(host: str, port: int | None, denied: str) -> bool:
    """Whether ``host``:``port`` reaches the ``host:port`` in ``denied`` (port None: any port)."""
    denied_host, denied_port = _split_host_port(denied)
    if port is not None and denied_port and str(port) != denied_port:
        return False
    denied_host = denied_host.rstrip(".")
    if host == denied_host:
        return True
    return bool(_machine_keys(host) & _machine_keys(denied_host))

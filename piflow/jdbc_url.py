"""JDBC URLs as a security boundary: which hosts a URL reaches, and parameters no one may use.

A JDBC URL is code as much as an address: driver parameters load classes (PostgreSQL
``socketFactory``), read local files (MySQL ``allowLoadLocalInfile``), deserialize objects
(MySQL ``autoDeserialize``) or run scripts (H2 ``INIT``). ``check_jdbc_url`` refuses

* for everyone, admins too: the parameters in ``DANGEROUS_PARAMETERS`` and any whose name says it
  takes a class (``CLASS_PARAMETER_ENDINGS``), named in the message;
* for a restricted user: the parameters in ``LOCAL_RESOURCE_PARAMETERS`` (local files, sockets,
  the server's own credentials), embedded databases (``EMBEDDED_SCHEMES``: a file or code, not an
  address), URLs whose hosts cannot be told, and every host the user's ``AccessPolicy`` refuses
  (``AccessPolicy.check_host``: the application's own database and broker for every user).

A parameter is found wherever a driver would find one: after ``?`` or ``&``, in ``;name=value``
segments, in MySQL's ``(host=..,name=value)`` and ``address=(name=value)`` host specs and in
Oracle's ``(DESCRIPTION=...)``, whatever its letter case (as Java compares it: ``ſ`` is ``s``) and
however often it was URL-encoded. ``check_driver_options`` applies the same rules to the options a
stop hands the driver beside the URL, and a restricted user's driver class must be one of the known
drivers of the URL's scheme (``check_driver_class``): a driver class is loaded and instantiated.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import unquote

from piflow.access import AccessDenied, AccessPolicy
from piflow.sdk.masking import mask_secrets, url_passwords

#: Parameters refused in any JDBC URL or driver option, for everyone (lower case).
DANGEROUS_PARAMETERS = frozenset(
    {
        # PostgreSQL (pgjdbc): classes instantiated (CVE-2022-21724), files written (CVE-2022-26520)
        "socketfactory",
        "socketfactoryarg",
        "sslfactory",
        "sslfactoryarg",
        "sslhostnameverifier",
        "sslpasswordcallback",
        "authenticationpluginclassname",
        "xmlfactoryfactory",
        "loggerfile",
        "loggerlevel",
        # MySQL Connector/J: local files read (CVE-2023-49198), deserialization (CVE-2022-39944),
        # classes loaded
        "allowloadlocalinfile",
        "allowloadlocalinfileinpath",
        "allowurlinlocalinfile",
        "autodeserialize",
        "queryinterceptors",
        "statementinterceptors",
        "exceptioninterceptors",
        "connectionlifecycleinterceptors",
        "detectcustomcollations",
        "propertiestransform",
        "authenticationplugins",
        "defaultauthenticationplugin",
        "clientinfoprovider",
        "loadbalancestrategy",
        "loadbalanceexceptionchecker",
        "ha.loadbalancestrategy",
        "profilereventhandler",
        "logger",
        "serverconfigcachefactory",
        "parseinfocachefactory",
        # MariaDB Connector/J: local files read, classes loaded
        "allowlocalinfile",
        "tlssockettype",
        # H2 (CVE-2023-34468, CVE-2021-42392): scripts and classes at connection time
        "init",
        "runscript",
        "database_event_listener",
        "java_object_serializer",
        "trace_level_file",
        # SQLite: native libraries loaded
        "enable_load_extension",
        # SQL Server (mssql-jdbc): classes instantiated
        "socketfactoryclass",
        "socketfactoryconstructorarg",
        "trustmanagerclass",
        "trustmanagerconstructorarg",
        "accesstokencallbackclass",
        # jTDS, DB2, Derby: files written
        "logfile",
        "tracefile",
        "tracedirectory",
        "derby.stream.error.file",
    }
)

#: A parameter whose name ends so takes a class name: refused for everyone.
CLASS_PARAMETER_ENDINGS = ("factory", "class", "classname", "classnames", "interceptors", "callback")

#: Parameters that reach the server's own files, sockets or credentials: refused for restricted users.
LOCAL_RESOURCE_PARAMETERS = frozenset(
    {
        # PostgreSQL: key and certificate files, connection service file
        "sslkey",
        "sslcert",
        "sslrootcert",
        "service",
        "pgservicefile",
        "jaaslogin",
        "jaasapplicationname",
        # MySQL / MariaDB: key stores (file: or http: URLs), unix sockets and pipes, server credentials
        "serverrsapublickeyfile",
        "trustcertificatekeystoreurl",
        "clientcertificatekeystoreurl",
        "namedpipepath",
        "localsocket",
        "localsocketaddress",
        "pipe",
        "sharedmemory",
        "serversslcert",
        "truststore",
        "keystore",
        "credentialtype",
        # SQL Server: key stores, certificates, attestation URLs
        "keystorelocation",
        "keystoreauthentication",
        "clientcertificate",
        "clientkey",
        "servercertificate",
        "enclaveattestationurl",
        "namedpipe",
        "integratedsecurity",
        # Oracle: wallets and tnsnames.ora
        "tns_admin",
        "oracle.net.tns_admin",
        "oracle.net.wallet_location",
        "wallet_location",
        "javax.net.ssl.truststore",
        "javax.net.ssl.keystore",
    }
)

#: Parameters naming a host the driver connects to (SOCKS proxies, failover partners, hosts given
#: as parameters): checked as hosts, each with the port parameter that follows it, if any.
HOST_PARAMETERS = frozenset(
    {"host", "hostname", "pghost", "server", "servername", "failoverpartner", "socksproxyhost"}
)
PORT_PARAMETERS = frozenset({"port", "pgport", "portnumber", "socksproxyport"})

#: Schemes whose URL names a file, memory or code rather than a server: admins only.
EMBEDDED_SCHEMES = frozenset({"h2", "sqlite", "derby", "hsqldb", "duckdb", "ucanaccess", "sqlite3"})

#: The port a driver uses when the URL names none.
DEFAULT_PORTS = {
    "postgresql": 5432,
    "pgsql": 5432,
    "mysql": 3306,
    "mariadb": 3306,
    "sqlserver": 1433,
    "jtds": 1433,
    "oracle": 1521,
    "db2": 50000,
    "redshift": 5439,
    "hive2": 10000,
    "clickhouse": 8123,
    "kingbase8": 54321,
    "dm": 5236,
    "vertica": 5433,
}

#: The driver classes a restricted user may name for each scheme (blank picks the first).
DRIVERS_BY_SCHEME = {
    "postgresql": ("org.postgresql.Driver",),
    "mysql": ("org.mariadb.jdbc.Driver", "com.mysql.cj.jdbc.Driver", "com.mysql.jdbc.Driver"),
    "mariadb": ("org.mariadb.jdbc.Driver",),
    "sqlserver": ("com.microsoft.sqlserver.jdbc.SQLServerDriver",),
    "jtds": ("net.sourceforge.jtds.jdbc.Driver",),
    "oracle": ("oracle.jdbc.OracleDriver", "oracle.jdbc.driver.OracleDriver"),
    "db2": ("com.ibm.db2.jcc.DB2Driver",),
    "redshift": ("com.amazon.redshift.jdbc.Driver", "com.amazon.redshift.jdbc42.Driver"),
    "hive2": ("org.apache.hive.jdbc.HiveDriver",),
    "clickhouse": ("com.clickhouse.jdbc.ClickHouseDriver", "ru.yandex.clickhouse.ClickHouseDriver"),
    "kingbase8": ("com.kingbase8.Driver",),
    "dm": ("dm.jdbc.driver.DmDriver",),
    "vertica": ("com.vertica.jdbc.Driver",),
}

#: Spark's own JDBC options: Spark reads them; it hands the driver only the others.
SPARK_OPTIONS = frozenset(
    {
        "url",
        "dbtable",
        "query",
        "driver",
        "partitioncolumn",
        "lowerbound",
        "upperbound",
        "numpartitions",
        "querytimeout",
        "fetchsize",
        "truncate",
        "cascadetruncate",
        "createtableoptions",
        "createtablecolumntypes",
        "customschema",
        "batchsize",
        "isolationlevel",
        "sessioninitstatement",
        "pushdownpredicate",
        "pushdownaggregate",
        "pushdownlimit",
        "pushdownoffset",
        "pushdowntablesample",
        "keytab",
        "principal",
        "tablecomment",
        "refreshkrb5config",
        "connectionprovider",
        "preparequery",
        "prefertimestampntz",
    }
)

_JDBC = re.compile(r"^jdbc:([a-z0-9][a-z0-9+_-]*):(.*)$", re.IGNORECASE | re.DOTALL)
#: A ``name=`` wherever it stands; a name is what a driver could take for one.
_PARAMETER = re.compile(r"([^\s?&;:/=(),\[\]{}@'\"]+)\s*=")
#: Sub-protocols before the address: ``jdbc:mysql:loadbalance://``, ``jdbc:jtds:sqlserver://``.
_SUBPROTOCOLS = re.compile(r"^((?:[a-z][a-z0-9+-]*:)*?)//", re.IGNORECASE)


def _java_fold(name: str) -> str:
    """``name`` as Java's ``equalsIgnoreCase`` sees it (``ſ`` is ``s``, ``ı`` is ``i``, ``K`` is ``k``)."""
    return "".join(ch.upper().lower() if len(ch.upper()) == 1 else ch.lower() for ch in name.strip())


def _decoded(text: str) -> str:
    """``text`` URL-decoded until it no longer changes (a name may be encoded more than once)."""
    for _ in range(5):
        decoded = unquote(text)
        if decoded == text:
            break
        text = decoded
    return text


def jdbc_parameters(url: str) -> list[tuple[str, str]]:
    """Every ``name=value`` of the URL, wherever it stands, names folded to lower case, in order."""
    text = _decoded(url)
    found = []
    for match in _PARAMETER.finditer(text):
        rest = text[match.end() :]
        value = re.split(r"[&;)(,\s]", rest, maxsplit=1)[0]
        found.append((_java_fold(match.group(1)), value.strip()))
    return found


def _refusal(name: str, policy: AccessPolicy) -> str | None:
    """Why parameter ``name`` (folded) is refused under ``policy``; None when it is allowed."""
    if name in DANGEROUS_PARAMETERS or name.endswith(CLASS_PARAMETER_ENDINGS):
        return f"the JDBC parameter {name!r} is not allowed for anyone (it can load code, or read or write files)"
    if not policy.unrestricted and name in LOCAL_RESOURCE_PARAMETERS:
        return (
            f"the JDBC parameter {name!r} reaches the server's own files, sockets or credentials; "
            "only an admin may use it"
        )
    return None


def url_scheme(url: str) -> str:
    """``postgresql`` for ``jdbc:postgresql://...``; empty when ``url`` is not a JDBC URL."""
    match = _JDBC.match(url.strip())
    return match.group(1).lower() if match else ""


def _split_top(text: str, separator: str) -> list[str]:
    """``text`` split at ``separator`` outside parentheses and brackets."""
    parts, depth, current = [], 0, ""
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        if ch == separator and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return parts


def _port(text: str) -> int:
    if not text.strip().isdigit():  # the text is not shown: a misread password could stand there
        raise AccessDenied("the JDBC URL names a port that is not a number")
    return int(text)


def _keyed_hosts(text: str, default_port: int | None) -> list[tuple[str, int | None]]:
    """Hosts given as ``host=`` (and the ``port=`` after each): MySQL host specs, Oracle descriptors."""
    hosts: list[tuple[str, int | None]] = []
    for name, value in jdbc_parameters(text):
        if name in HOST_PARAMETERS:
            hosts.append((value, None if name == "socksproxyhost" else default_port))
        elif name in PORT_PARAMETERS and hosts:
            hosts[-1] = (hosts[-1][0], _port(value))
    return hosts


def _host_and_port(item: str, default_port: int | None) -> tuple[str, int | None]:
    """One ``host[:port]`` (``[v6]:port``, SQL Server's ``host\\instance:port``) of an address list."""
    item = item.strip()
    if item.startswith("["):
        host, _, rest = item[1:].partition("]")
        return host, _port(rest[1:]) if rest.startswith(":") else default_port
    host, colon, port = item.rpartition(":") if item.count(":") == 1 else (item, "", "")
    host = host.split("\\", 1)[0]
    return host, _port(port) if colon else default_port


def _authority(text: str) -> tuple[str, str]:
    """``text`` (after ``//``) split into the address list and the rest, at the first ``/ ? ; #``
    outside parentheses."""
    depth = 0
    for index, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif ch in "/?;#" and depth == 0:
            return text[:index], text[index:]
    return text, ""


def _address_hosts(scheme: str, rest: str) -> list[tuple[str, int | None]] | None:
    """The hosts of the part after ``jdbc:<scheme>:``; None when this URL's hosts cannot be told."""
    default_port = DEFAULT_PORTS.get(scheme)
    if scheme.endswith("+srv"):
        return None  # DNS SRV records choose the hosts
    if scheme == "oracle":
        return _oracle_hosts(rest, default_port)
    match = _SUBPROTOCOLS.match(rest)
    if not match:
        return None  # no "//": an embedded database, a service name, a driver's own syntax
    subprotocols = match.group(1).lower().split(":")
    if "srv" in subprotocols or any(p.endswith("+srv") for p in subprotocols):
        return None  # DNS SRV records choose the hosts
    if "sqlserver" in subprotocols:
        default_port = DEFAULT_PORTS["sqlserver"]
    authority, tail = _authority(rest[match.end() :])
    if authority.count("@") == 1 and "(" not in authority:
        authority = authority.split("@", 1)[1]  # one user for every host; its password may hold commas
    hosts: list[tuple[str, int | None]] = []
    for item in _split_top(authority, ","):
        item = item.strip()
        if "(" in item:  # MySQL's (host=h,port=p) and address=(host=h)(port=p)
            hosts.extend(_keyed_hosts(item, default_port))
        elif item.startswith("[") and "," in item:  # MySQL's [h1:p1,h2:p2]
            hosts.extend(_host_and_port(h, default_port) for h in item.strip("[]").split(","))
        elif item or not authority.strip():
            hosts.append(_host_and_port(item.rpartition("@")[2], default_port))
    given_as_parameters = _keyed_hosts(tail, default_port)
    if given_as_parameters and not authority.strip():
        return given_as_parameters  # SQL Server's jdbc:sqlserver://;serverName=h
    return hosts + given_as_parameters


def _oracle_hosts(rest: str, default_port: int | None) -> list[tuple[str, int | None]] | None:
    """Oracle: ``thin:@host:port:sid``, ``thin:user/pass@//host:port/service``, ``@(DESCRIPTION=...)``."""
    driver, _, address = rest.partition(":")
    if driver.lower() not in ("thin", "oci") or "@" not in address:
        return None
    address = address.rpartition("@")[2].strip()
    if address.startswith("("):
        return _keyed_hosts(address, default_port) or None
    protocol, slashes, after = address.partition("//")
    if slashes and protocol.lower().rstrip(":") not in ("", "tcp", "tcps"):
        return None  # ldap://, config-file://, ...: the database's host comes from elsewhere
    address = after if slashes else address
    hosts = []
    for item in address.split(","):
        item = re.split(r"[/?]", item, maxsplit=1)[0]
        parts = item.split(":")
        if item.startswith("["):
            hosts.append(_host_and_port(item, default_port))
        else:
            hosts.append((parts[0], _port(parts[1]) if len(parts) > 1 and parts[1] else default_port))
    return hosts


def jdbc_hosts(url: str) -> list[tuple[str, int | None]]:
    """The ``(host, port)`` pairs a network JDBC URL connects to, default ports filled in.

    Several for failover and load-balancing URLs; hosts given as parameters (``serverName``,
    ``socksProxyHost``) included. Empty when the hosts cannot be told from the URL (an embedded
    database, DNS SRV, an Oracle LDAP or configuration-provider address).
    """
    match = _JDBC.match(url.strip())
    if not match:
        return []
    scheme = match.group(1).lower()
    hosts = _address_hosts(scheme, match.group(2))
    if hosts is None:
        return []
    return [(host or "localhost", port) for host, port in hosts]  # drivers default to localhost


def check_parameter_names(names: list[str], policy: AccessPolicy) -> None:
    """Raise AccessDenied for the first parameter name ``policy`` refuses (``_refusal``)."""
    for name in names:
        why = _refusal(_java_fold(_decoded(name)), policy)
        if why:
            raise AccessDenied(why)


def check_jdbc_url(url: str, policy: AccessPolicy) -> None:
    """Raise AccessDenied for a parameter no one (or not this user) may use, or a host ``policy`` refuses.

    The message names the parameter or host, never a password of the URL.
    """
    try:
        _check_jdbc_url(url, policy)
    except AccessDenied as exc:
        message = mask_secrets(str(exc), url_passwords(url))
        if message == str(exc):
            raise
        raise AccessDenied(message) from None


def _check_jdbc_url(url: str, policy: AccessPolicy) -> None:
    match = _JDBC.match(url.strip())
    if not match:
        raise AccessDenied("this is not a JDBC URL (jdbc:<driver>:...)")
    check_parameter_names([name for name, _ in jdbc_parameters(url)], policy)
    if policy.unrestricted and not policy.denied_hosts:
        return
    scheme = match.group(1).lower()
    if scheme in EMBEDDED_SCHEMES and not policy.unrestricted:
        raise AccessDenied(f"a jdbc:{scheme} URL opens an embedded database on the server; only an admin may")
    hosts = jdbc_hosts(url)
    if not hosts:
        if policy.unrestricted:
            return
        raise AccessDenied(f"the hosts of this jdbc:{scheme} URL cannot be told; only an admin may use it")
    for host, port in hosts:
        policy.check_host(host, port)


def check_driver_options(options: Mapping[str, str], policy: AccessPolicy) -> None:
    """Check what a stop hands Spark's JDBC source: the URL, and every option Spark passes to the driver."""
    check_jdbc_url(options.get("url", ""), policy)
    check_parameter_names([name for name in options if name.lower() not in SPARK_OPTIONS], policy)
    check_driver_class(options.get("driver") or "", options.get("url", ""), policy)


def check_driver_class(driver: str, url: str, policy: AccessPolicy) -> None:
    """A restricted user may name only a known driver of the URL's scheme (Spark instantiates the class)."""
    if policy.unrestricted or not driver.strip():
        return
    known = DRIVERS_BY_SCHEME.get(url_scheme(url), ())
    if driver.strip() not in known:
        allowed = ", ".join(known) or "none"
        raise AccessDenied(
            f"the driver class {driver.strip()!r} is not a driver of this URL (allowed: {allowed})"
        )

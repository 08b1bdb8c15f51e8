"""What every JDBC stop shares: connection options, drivers, secret-safe errors.

The stops in this package stay tiny: a reader subclasses ``JdbcReader`` and says what to read
(``source_options``), a writer subclasses ``JdbcWriter``. Both build their Spark options with
``connection_options`` below, which

* adds ``permitMysqlScheme`` to a ``jdbc:mysql://`` URL, because the MariaDB driver Debian ships
  only accepts that scheme with it (and Spark picks its MySQL dialect from that scheme);
* replaces MySQL Connector/J's class names (``com.mysql.jdbc.Driver``, ``com.mysql.cj.jdbc.Driver``,
  PiFlow's defaults) by ``org.mariadb.jdbc.Driver`` when Connector/J is not on the classpath and
  the MariaDB driver is;
* picks the driver class from the URL when none is given.

The URL is checked twice against the flow owner's ``AccessPolicy``: at validation (its
property has ``access="jdbc_url"``) and again right before the stop connects, together with what
else reaches the driver (``piflow.jdbc_url.check_driver_options``: the options Spark hands the
driver beside the URL, and a restricted user's driver class).

Passwords never reach a log line. A failed read or write raises JdbcError, whose message adds the
Java causes Spark's own message hides (``Connection refused``, ``Access denied``) and masks any
password in them, as whole values, and every password written into a URL.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from piflow.access import JDBC_URL
from piflow.jdbc_url import check_driver_options
from piflow.sdk import (
    Inputs,
    Outputs,
    SaveModeProperty,
    Stop,
    StopContext,
    StringProperty,
    mask_secrets,
)
from piflow.sdk.masking import mask_url_passwords, url_passwords

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

T = TypeVar("T")

MARIADB_DRIVER = "org.mariadb.jdbc.Driver"
MYSQL_DRIVERS = ("com.mysql.jdbc.Driver", "com.mysql.cj.jdbc.Driver")

#: Driver classes by URL scheme, used when a stop is given no driver.
DRIVERS_BY_SCHEME = {
    "postgresql": "org.postgresql.Driver",
    "mysql": MARIADB_DRIVER,
    "mariadb": MARIADB_DRIVER,
    "sqlite": "org.sqlite.JDBC",
}

#: The save modes JDBC writers offer, spelt as PiFlow's do (any letter case is accepted).
JDBC_SAVE_MODES = ("Append", "Overwrite", "ErrorIfExists", "Ignore")


class JdbcError(RuntimeError):
    """A JDBC read or write failed; the message has its secrets masked."""


def url_property(example: str, **kw: Any) -> StringProperty:
    return StringProperty(
        "URL",
        name="url",
        required=True,
        description="The JDBC URL of the database. Parameters that load classes or read files "
        "(socketFactory, allowLoadLocalInfile, autoDeserialize, INIT, ...) are refused.",
        example=example,
        access=JDBC_URL,
        **kw,
    )


def user_property(*, required: bool = True) -> StringProperty:
    return StringProperty("User", name="user", required=required, description="The database user.")


def password_property() -> StringProperty:
    return StringProperty(
        "Password",
        name="password",
        sensitive=True,
        description="The user's password (blank when the server needs none). Never logged.",
    )


def driver_property(default: str | None = None) -> StringProperty:
    return StringProperty(
        "Driver",
        name="driver",
        default=default,
        required=default is not None,
        description="The JDBC driver class; blank picks it from the URL. MySQL Connector/J class names "
        "are served by the MariaDB driver when only that one is installed.",
        example=MARIADB_DRIVER,
    )


def sql_property(**kw: Any) -> StringProperty:
    return StringProperty(
        "SQL",
        name="sql",
        description="A query run by the database; its result is the output (a trailing ';' is ignored).",
        example="SELECT * FROM test",
        language="Sql",
        **kw,
    )


def dbtable_property() -> StringProperty:
    return StringProperty(
        "Table",
        name="dbtable",
        required=True,
        description="The table to write into; created when missing.",
        example="test",
    )


def mysql_url(url: str) -> str:
    """``url`` with ``permitMysqlScheme`` added when it is a ``jdbc:mysql://`` URL lacking it."""
    if not url.lower().startswith("jdbc:mysql://") or "permitmysqlscheme" in url.lower():
        return url
    return url + ("&" if "?" in url else "?") + "permitMysqlScheme"


def url_scheme(url: str) -> str:
    """``postgresql`` for ``jdbc:postgresql://...``; empty when ``url`` is not a JDBC URL."""
    match = re.match(r"jdbc:([A-Za-z0-9]+):", url.strip(), re.IGNORECASE)
    return match.group(1).lower() if match else ""


def class_available(spark: SparkSession, name: str) -> bool:
    """Whether the driver JVM can load class ``name`` (with the session's extra jars)."""
    jvm = spark._jvm
    if jvm is None:  # a Spark Connect session: no JVM to ask
        return False
    try:
        jvm.org.apache.spark.util.Utils.classForName(name, False, False)
    except Exception:
        return False
    return True


def resolve_driver(spark: SparkSession, driver: str | None, url: str) -> str | None:
    """The driver class to use: the given one, MariaDB's for an absent Connector/J, or by URL scheme."""
    driver = (driver or "").strip()
    if not driver:
        return DRIVERS_BY_SCHEME.get(url_scheme(url))
    if (
        driver in MYSQL_DRIVERS
        and not class_available(spark, driver)
        and class_available(spark, MARIADB_DRIVER)
    ):
        return MARIADB_DRIVER
    return driver


def url_secrets(url: str) -> list[str]:
    """Passwords written into a URL (``//user:pass@host``, ``?password=..``, ``;password=..``)."""
    return url_passwords(url)


def safe_url(url: str) -> str:
    """``url`` with any password in it masked, fit for a log line."""
    return mask_url_passwords(url)


def connection_options(
    spark: SparkSession, url: str, *, user: str | None, password: str | None, driver: str | None = None
) -> dict[str, str]:
    """Spark JDBC options to reach a database (see the module docstring for what is adjusted)."""
    url = mysql_url(url.strip())
    options = {"url": url}
    resolved = resolve_driver(spark, driver, url)
    if resolved:
        options["driver"] = resolved
    if user:
        options["user"] = user
    if password:
        options["password"] = password
    return options


def java_causes(exc: BaseException) -> list[str]:
    """The messages of the Java causes behind a Spark error (Spark's own message hides them)."""
    throwable = getattr(exc, "_origin", None) or getattr(exc, "java_exception", None)
    causes: list[str] = []
    try:
        cause = throwable.getCause() if throwable is not None else None
        while cause is not None and len(causes) < 5:
            text = str(cause.toString()).strip()
            if text and text not in causes:
                causes.append(text)
            cause = cause.getCause()
    except Exception:  # the JVM is gone or the object is not a Throwable: keep what we have
        pass
    return causes


def error_text(exc: BaseException) -> str:
    """An error's own message; for a raw Py4J error the Java exception, not its whole stack trace."""
    java = getattr(exc, "java_exception", None)
    if java is not None:
        try:
            return str(java.toString())
        except Exception:  # the JVM is gone: fall back to Python's text
            pass
    return str(exc)


def masked(action: Callable[[], T], secrets: Iterable[str | None], what: str = "JDBC call") -> T:
    """Run ``action``; any error is re-raised as JdbcError naming its causes, secrets masked."""
    try:
        return action()
    except Exception as exc:
        message = f"{what} failed: {error_text(exc)}"
        causes = java_causes(exc)
        if causes:
            message += "\ncaused by: " + "\ncaused by: ".join(causes)
        known = [s for s in secrets if s]
        message = mask_url_passwords(mask_secrets(message, known))
        if known:  # the Java error chained behind could show a secret in a form not masked here
            raise JdbcError(message) from None
        raise JdbcError(message) from exc


def strip_sql(sql: str) -> str:
    """A query without surrounding blanks and trailing ``;`` (Spark wraps it in a subquery)."""
    return sql.strip().rstrip(";").strip()


class JdbcStop(Stop):
    """Base of the JDBC stops: URL, user and password, and the options built from them."""

    groups = ("Jdbc",)
    url = url_property("jdbc:postgresql://127.0.0.1:5432/test")
    user = user_property()
    password = password_property()

    def connection_options(self, ctx: StopContext) -> dict[str, str]:
        """The options to connect with, checked against the owner's policy right before connecting."""
        options = connection_options(
            ctx.spark, self.url, user=self.user, password=self.password, driver=getattr(self, "driver", None)
        )
        check_driver_options(options, ctx.policy)
        return options

    def secrets(self) -> list[str]:
        return [s for s in (self.password, *url_secrets(self.url or "")) if s]


class JdbcReader(JdbcStop):
    """Base of the JDBC sources: subclasses say what to read in ``source_options``."""

    inports = ()

    def source_options(self) -> dict[str, str]:
        """``{"query": ...}`` or ``{"dbtable": ...}``, plus any read option."""
        raise NotImplementedError

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        source = self.source_options()
        options = {**self.connection_options(ctx), **source}
        what = source.get("dbtable") or "a query"
        ctx.log.info("JDBC read of %s from %s", what, safe_url(options["url"]))
        reader = ctx.spark.read.format("jdbc").options(**options)
        df: DataFrame = masked(reader.load, self.secrets(), f"JDBC read from {safe_url(options['url'])}")
        outputs.write(df)


class JdbcWriter(JdbcStop):
    """Base of the JDBC sinks: write the input into ``dbtable`` with ``saveMode``; pass it on."""

    dbtable = dbtable_property()
    save_mode = SaveModeProperty(
        default="Append",
        choices=JDBC_SAVE_MODES,
        required=True,
        description="What to do when the table already exists: append rows, overwrite it, ignore the "
        "write or fail (ErrorIfExists). Any letter case.",
    )

    def perform(self, inputs: Inputs, outputs: Outputs, ctx: StopContext) -> None:
        df = inputs.read()
        options = {**self.connection_options(ctx), "dbtable": self.dbtable}
        mode = self.save_mode
        ctx.log.info("JDBC write (%s) into %s at %s", mode, self.dbtable, safe_url(options["url"]))
        writer = df.write.format("jdbc").options(**options).mode(mode)
        masked(writer.save, self.secrets(), f"JDBC write into {self.dbtable} at {safe_url(options['url'])}")
        outputs.write(df)

"""What SQL written by a user (not an admin) may do, checked on Spark's own parse of it.

A flow's SQL runs with the server's rights on the SparkSession every user's runs share, so
before a non-admin's statement or expression runs, it is parsed with the session's parser
(exactly as ``spark.sql`` and ``DataFrame.filter`` parse it) and the unresolved plan is walked,
node by node and field by field (children, expressions, subqueries, CTE definitions, options):

* tables are named ``database.table`` in a Hive database the user may use
  (``AccessPolicy.hive_databases``); a name without a database is one of the stop's own input
  views (or a CTE of the statement), else refused with "name the database";
* ``<format>.`<path>``` relations (files read by path) are refused;
* ``reflect``, ``java_method`` and ``try_reflect`` (Java reflection) are refused, as are
  functions that are neither built in nor in a database of the user's;
* ``TRANSFORM ... USING`` (a shell command) and every statement that is not a query or a
  table/view statement (``ADD JAR``, ``SET``, ``RESET``, ``USE``, ``CREATE FUNCTION``,
  ``LOAD DATA``, ``REFRESH``, ``CACHE``, temporary views, variables, ``EXECUTE IMMEDIATE``...)
  are refused: they would change the shared session or run code;
* ``LOCATION``s, ``path`` options, ``INSERT OVERWRITE DIRECTORY`` targets and files named in
  reader options (``from_xml(..., map('rowValidationXSDPath', ...))``) must lie under the
  user's granted roots (``AccessPolicy.check_path``); ``from_protobuf`` (a descriptor file) is
  refused; tables use file formats only (a ``USING jdbc`` table would reach hosts unchecked);
* ``${...}`` substitution, which would put the server's settings and environment variables
  into the text, is refused.

Plan nodes are matched by Spark's class names (Spark 4). Statement and query node classes are
an allowlist: a node Spark adds later is refused until it is known to be harmless. Nothing is
set on the shared session. A statement Spark cannot parse is left to Spark, which reports it
when it runs.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from piflow.access import HIVE_DATABASE, SQL, SQL_EXPRESSION, AccessDenied, AccessPolicy

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

    from piflow.validation import CompiledStop

#: Built-in functions that call arbitrary Java methods.
REFLECTION_FUNCTIONS = frozenset({"reflect", "java_method", "try_reflect"})

#: Table providers a user's ``CREATE TABLE ... USING`` and ``INSERT OVERWRITE DIRECTORY`` may use:
#: file formats, whose files are where the checked location says.
FILE_PROVIDERS = frozenset({"parquet", "orc", "csv", "json", "text", "avro", "xml", "hive"})

#: Option keys (lower case) that name a file Spark or Hive reads: where a table's files are, the
#: XML reader's XSD, an Avro schema's URL.
PATH_OPTIONS = frozenset({"path", "paths", "rowvalidationxsdpath", "avroschemaurl", "avro.schema.url"})

#: Functions that take reader options (a ``map(...)`` argument), which may name a file.
OPTION_FUNCTIONS = frozenset(
    {"from_xml", "schema_of_xml", "to_xml", "from_avro", "to_avro", "schema_of_avro"}
)

#: Functions that read a file named by an argument.
FILE_FUNCTIONS = frozenset({"from_protobuf", "to_protobuf"})

#: Fields (of any plan node or spec) that hold a location.
LOCATION_FIELDS = frozenset({"location", "locationUri"})

#: The statements a user's SQL may run besides queries: tables and views in their own databases
#: (every name and location in them is checked), descriptions and listings of them.
ALLOWED_STATEMENTS = frozenset(
    {
        "AddColumns",
        "AddPartitions",
        "AlterColumns",
        "AlterViewAs",
        "AnalyzeColumn",
        "AnalyzeTable",
        "AnalyzeTables",
        "CommentOnTable",
        "CreateTable",
        "CreateTableAsSelect",
        "CreateTableLike",
        "CreateView",
        "DeleteFromTable",
        "DescribeColumn",
        "DescribeFunction",
        "DescribeNamespace",
        "DescribeQueryCommand",
        "DescribeRelation",
        "DropColumns",
        "DropPartitions",
        "DropTable",
        "DropView",
        "ExplainCommand",
        "InsertIntoDir",
        "InsertIntoStatement",
        "MergeIntoTable",
        "RecoverPartitions",
        "RenameColumn",
        "RenamePartitions",
        "RenameTable",
        "RepairTable",
        "ReplaceColumns",
        "ReplaceTable",
        "ReplaceTableAsSelect",
        "SetTableLocation",
        "SetTableProperties",
        "SetTableSerDeProperties",
        "SetViewProperties",
        "ShowColumns",
        "ShowCreateTable",
        "ShowFunctions",
        "ShowPartitions",
        "ShowTableProperties",
        "ShowTables",
        "ShowTablesExtended",
        "ShowViews",
        "TruncatePartition",
        "TruncateTable",
        "UnsetTableProperties",
        "UnsetViewProperties",
        "UpdateTable",
    }
)

#: The query operators and name placeholders Spark's parser builds.
QUERY_NODES = frozenset(
    {
        "Aggregate",
        "AsOfJoin",
        "Deduplicate",
        "Distinct",
        "Except",
        "Expand",
        "Filter",
        "Generate",
        "GlobalLimit",
        "Intersect",
        "Join",
        "LateralJoin",
        "LimitAll",
        "LocalLimit",
        "LocalRelation",
        "Offset",
        "OneRowRelation",
        "PipeOperator",
        "Pivot",
        "Project",
        "Range",
        "RebalancePartitions",
        "Repartition",
        "RepartitionByExpression",
        "Sample",
        "Sort",
        "SubqueryAlias",
        "Tail",
        "Union",
        "Unpivot",
        "UnresolvedFunctionName",
        "UnresolvedHaving",
        "UnresolvedHint",
        "UnresolvedIdentifier",
        "UnresolvedInlineTable",
        "UnresolvedNamespace",
        "UnresolvedQualify",
        "UnresolvedRelation",
        "UnresolvedSubqueryColumnAliases",
        "UnresolvedTVFAliases",
        "UnresolvedTable",
        "UnresolvedTableOrView",
        "UnresolvedTableValuedFunction",
        "UnresolvedTranspose",
        "UnresolvedView",
        "UnresolvedWith",
        "Window",
        "WithWindowDefinition",
    }
)

_SESSION = "changes the session every user's runs share, which flows may not do"

#: Why well-known refused plan nodes are refused (any other node not allowed gets a general message).
REFUSED_NODES = {
    "ScriptTransformation": "TRANSFORM ... USING runs a shell command, which flows may not do",
    "AddJarsCommand": f"ADD JAR {_SESSION}",
    "AddFilesCommand": f"ADD FILE {_SESSION}",
    "AddArchivesCommand": f"ADD ARCHIVE {_SESSION}",
    "SetCommand": f"SET {_SESSION}",
    "ResetCommand": f"RESET {_SESSION}",
    "SetVariable": f"SET VARIABLE {_SESSION}",
    "CreateVariable": f"DECLARE VARIABLE {_SESSION}",
    "DropVariable": f"DROP VARIABLE {_SESSION}",
    "SetCatalogAndNamespace": f"USE {_SESSION}; name the database of each table instead",
    "SetCatalogCommand": f"USE CATALOG {_SESSION}",
    "SetNamespaceCommand": f"USE {_SESSION}; name the database of each table instead",
    "SetPathCommand": f"SET PATH {_SESSION}",
    "CreateFunction": "CREATE FUNCTION loads Java classes, which flows may not do",
    "CreateFunctionCommand": "CREATE FUNCTION loads Java classes, which flows may not do",
    "CreateSQLFunctionCommand": "CREATE FUNCTION is not allowed in flows",
    "CreateUserDefinedFunctionCommand": "CREATE FUNCTION is not allowed in flows",
    "DropFunction": "DROP FUNCTION is not allowed in flows",
    "RefreshFunction": "REFRESH FUNCTION is not allowed in flows",
    "LoadData": "LOAD DATA reads a file by its path, which flows' SQL may not do; read it with a reader stop",
    "RefreshTable": f"REFRESH TABLE {_SESSION}",
    "RefreshResource": f"REFRESH {_SESSION}",
    "CacheTable": f"CACHE TABLE {_SESSION}",
    "CacheTableAsSelect": f"CACHE TABLE {_SESSION}",
    "UncacheTable": f"UNCACHE TABLE {_SESSION}",
    "ClearCacheCommand": f"CLEAR CACHE {_SESSION}",
    "CreateViewCommand": "a temporary view lives in the session every user's runs share; "
    "create the view in your own database instead",
    "CreateTempViewUsing": "a temporary view lives in the session every user's runs share; "
    "create the view in your own database instead",
    "CurrentNamespace": "name the database (for example SHOW TABLES IN your_database)",
    "CreateNamespace": "creating databases is for admins; your own database is created for you",
    "DropNamespace": "dropping databases is for admins",
    "UnresolvedExecuteImmediate": "EXECUTE IMMEDIATE runs SQL that cannot be checked before it runs",
    "PlanWithUnresolvedIdentifier": "IDENTIFIER(...) with a computed name cannot be checked before it "
    "runs; write the name itself",
}

#: Expressions with nothing inside to check (walking them would only cost time).
LEAF_EXPRESSIONS = frozenset({"Literal", "UnresolvedAttribute", "UnresolvedOrdinal", "UnresolvedStar"})

#: Expressions refused wherever they appear.
REFUSED_EXPRESSIONS = {
    "ExpressionWithUnresolvedIdentifier": "IDENTIFIER(...) with a computed function name cannot be "
    "checked before it runs; write the name itself",
}

_PLAIN_NAME = re.compile(r"[A-Za-z0-9_]+\Z")
_BUILTIN_QUALIFIERS = ((), ("builtin",), ("system", "builtin"))

_LOGICAL_PLAN = "org.apache.spark.sql.catalyst.plans.logical.LogicalPlan"
_EXPRESSION = "org.apache.spark.sql.catalyst.expressions.Expression"

# What kind of object a JVM class is, and the names of its fields, by class name (per process).
_kinds: dict[str, str] = {}
_field_names: dict[str, tuple[str, ...]] = {}
_data_sources: dict[str, bool] = {}
_builtin_functions: dict[tuple[bool, str], bool] = {}
_cache_lock = threading.Lock()


@dataclass
class SqlCheck:
    """One user's SQL checked against their ``policy``; ``databases`` collects the Hive
    databases it names (so their own can be created before it runs).

    ``views``: the unqualified names the SQL may read (the stop's input views).
    """

    spark: SparkSession
    policy: AccessPolicy
    views: frozenset[str] = frozenset()
    databases: set[str] = field(default_factory=set)

    # -- entry points ----------------------------------------------------------------------------
    def statement(self, sql: str) -> None:
        """Raise AccessDenied naming what ``sql`` does that the user may not do."""
        if self.policy.unrestricted:
            return
        self._refuse_substitution(sql)
        try:
            plan = self._parser().parsePlan(sql)
        except Exception:  # not SQL Spark can parse: spark.sql reports it when the stop runs it
            return
        self._visit(plan, frozenset(), "")

    def expression(self, text: str) -> None:
        """Raise AccessDenied naming what the SQL expression ``text`` does that the user may not do."""
        if self.policy.unrestricted:
            return
        self._refuse_substitution(text)
        try:
            expression = self._parser().parseExpression(text)
        except Exception:  # not an expression Spark can parse: Spark reports it when it is used
            return
        self._visit(expression, frozenset(), "")

    # -- the walk --------------------------------------------------------------------------------
    def _parser(self) -> Any:
        return self.spark._jsparkSession.sessionState().sqlParser()

    def _refuse_substitution(self, text: str) -> None:
        jvm = self.spark._jvm
        assert jvm is not None
        if "${" in text and jvm.org.apache.spark.sql.internal.VariableSubstitution().substitute(text) != text:
            raise AccessDenied(
                "${...} is replaced with the server's settings or environment variables before the SQL "
                "runs, which flows may not read; write the value itself"
            )

    def _visit(self, obj: Any, scope: frozenset[str], field_name: str) -> None:
        """Check ``obj`` (anything a plan holds) and everything inside it."""
        if obj is None or isinstance(obj, bool | int | float):
            return
        if isinstance(obj, str):
            self._check_text(field_name, obj)
            return
        class_name = self._class_name(obj)
        kind = self._kind(class_name)
        if kind == "option":
            if class_name == "scala.Some":
                self._visit(obj.get(), scope, field_name)
        elif kind == "iterable":
            for item in _elements(obj):
                self._visit(item, scope, field_name)
        elif kind == "location":
            self._check_text(field_name, str(obj.toString()))
        elif kind == "java_map":  # read options (CaseInsensitiveStringMap)
            for key in list(obj.keySet()):
                self._check_option(key, obj.get(key))
        elif kind in ("plan", "expression", "product"):
            self._visit_product(obj, class_name, kind, scope)

    def _visit_product(self, obj: Any, class_name: str, kind: str, scope: frozenset[str]) -> None:
        simple = _simple_name(class_name)
        if kind == "expression" and simple in LEAF_EXPRESSIONS:
            return
        names = self._fields(obj, class_name)
        fields = [(name, obj.productElement(index)) for index, name in enumerate(names)]
        if kind == "plan":
            self._check_plan_node(simple, dict(fields), scope)
            if simple == "UnresolvedWith":
                self._visit_with(dict(fields), scope)
                return
        elif kind == "expression":
            self._check_expression_node(simple, dict(fields))
        elif simple.startswith("Tuple2"):
            self._check_option(fields[0][1], fields[1][1])
        for name, value in fields:
            self._visit(value, scope, name)

    def _visit_with(self, fields: dict[str, Any], scope: frozenset[str]) -> None:
        """A ``WITH`` clause: each CTE sees the ones before it (and itself when RECURSIVE)."""
        recursive = bool(fields.get("allowRecursion"))
        names = set(scope)
        for definition in _elements(fields["cteRelations"]):
            arity = int(definition.productArity())
            name, *parts = (definition.productElement(i) for i in range(arity))  # (name, query, ...)
            own = {str(name).lower()} if recursive else set()
            for part in parts:
                self._visit(part, frozenset(names | own), "")
            names.add(str(name).lower())
        self._visit(fields["child"], frozenset(names), "")

    # -- checks ----------------------------------------------------------------------------------
    def _check_plan_node(self, simple: str, fields: dict[str, Any], scope: frozenset[str]) -> None:
        if simple in REFUSED_NODES:
            raise AccessDenied(REFUSED_NODES[simple])
        if simple not in ALLOWED_STATEMENTS and simple not in QUERY_NODES:
            raise AccessDenied(
                f"this kind of statement ({simple}) is not allowed in flows' SQL; it may query tables "
                "and manage tables and views in your own databases"
            )
        if simple == "UnresolvedRelation":
            self._check_table(_strings(fields["multipartIdentifier"]), scope | self.views)
        elif simple in ("UnresolvedTableOrView", "UnresolvedView"):
            self._check_table(_strings(fields["multipartIdentifier"]), self.views)
        elif simple == "UnresolvedTable":
            self._check_table(_strings(fields["multipartIdentifier"]), frozenset())
        elif simple == "UnresolvedIdentifier":
            self._check_table(_strings(fields["nameParts"]), frozenset())
        elif simple == "RenameTable":
            self._check_table(_strings(fields["newName"]), frozenset())
        elif simple == "UnresolvedNamespace":
            self._check_namespace(_strings(fields["multipartIdentifier"]))
        elif simple == "UnresolvedFunctionName":
            self._check_function(_strings(fields["multipartIdentifier"]), table=False)
        elif simple == "UnresolvedTableValuedFunction":
            self._check_function(_strings(fields["name"]), table=True)

    def _check_expression_node(self, simple: str, fields: dict[str, Any]) -> None:
        if simple in REFUSED_EXPRESSIONS:
            raise AccessDenied(REFUSED_EXPRESSIONS[simple])
        if simple == "UnresolvedFunction":
            parts = _strings(fields["nameParts"])
            # the parser's own internal functions (isInternal) are not in the built-in registry
            self._check_function(parts, table=False, internal=bool(fields["isInternal"]))
            if parts[-1].lower() in OPTION_FUNCTIONS:
                self._check_function_options(parts[-1].lower(), list(_elements(fields["arguments"]))[1:])

    def _check_function_options(self, function: str, arguments: list[Any]) -> None:
        """The options of a reader function: written out as ``map('key', 'value', ...)``, paths checked."""
        for argument in arguments:
            simple = _simple_name(self._class_name(argument))
            if simple == "Literal":
                continue
            pairs = list(_elements(argument.arguments())) if simple == "UnresolvedFunction" else []
            written_out = (
                simple == "UnresolvedFunction"
                and _strings(argument.nameParts())[-1].lower() == "map"
                and all(_simple_name(self._class_name(item)) == "Literal" for item in pairs)
            )
            if not written_out:
                raise AccessDenied(
                    f"the options of {function}() must be written out as map('key', 'value', ...)"
                )
            for key, value in zip(pairs[::2], pairs[1::2], strict=False):
                name = key.value()
                self._check_option(None if name is None else str(name.toString()), value)

    def _check_text(self, field_name: str, text: str) -> None:
        if field_name in LOCATION_FIELDS:
            self.policy.check_path(text)
        elif field_name == "provider" and text.strip().lower() not in FILE_PROVIDERS:
            allowed = ", ".join(sorted(FILE_PROVIDERS))
            raise AccessDenied(f"tables USING {text} are not allowed in flows' SQL; use one of {allowed}")

    def _check_option(self, key: Any, value: Any) -> None:
        """A ``(key, value)`` of options or properties: a ``path`` is a location."""
        if not (isinstance(key, str) and key.lower() in PATH_OPTIONS) or value is None:
            return
        if not isinstance(value, str):
            if _simple_name(self._class_name(value)) != "Literal" or value.value() is None:
                raise AccessDenied(f"the {key!r} option must be a plain string")
            value = str(value.value().toString())
        for path in value.split(",") if key.lower() == "paths" else [value]:
            self.policy.check_path(path.strip())

    def _check_table(self, parts: Sequence[str], unqualified_ok: frozenset[str]) -> None:
        shown = ".".join(f"`{part}`" if not _PLAIN_NAME.match(part) else part for part in parts)
        if len(parts) == 1:
            if parts[0].lower() in unqualified_ok:
                return
            views = ", ".join(sorted(self.views)) or "none"
            raise AccessDenied(
                f"{shown} has no database: name the database (e.g. your_database.{shown}); only this "
                f"stop's input views go without one (here: {views})"
            )
        if len(parts) == 2 and self._is_data_source(parts[0]):
            raise AccessDenied(
                f"{shown} reads a file by its path, which flows' SQL may not do; read files with a reader stop"
            )
        if len(parts) == 3 and parts[0].lower() == "spark_catalog":
            parts = parts[1:]
        if len(parts) != 2:
            raise AccessDenied(f"{shown} is not a database.table name of the session's catalog")
        self._use_database(parts[0])

    def _check_namespace(self, parts: Sequence[str]) -> None:
        if len(parts) == 2 and parts[0].lower() == "spark_catalog":
            parts = parts[1:]
        if not parts:
            raise AccessDenied("name the database (SHOW TABLES IN your_database)")
        if len(parts) != 1:
            raise AccessDenied(f"{'.'.join(parts)} is not a database of the session's catalog")
        self._use_database(parts[0])

    def _check_function(self, parts: Sequence[str], *, table: bool, internal: bool = False) -> None:
        name = parts[-1].lower()
        qualifier = tuple(part.lower() for part in parts[:-1])
        if name in REFLECTION_FUNCTIONS:
            raise AccessDenied(f"{name}() calls Java methods, which flows may not do")
        if name in FILE_FUNCTIONS:
            raise AccessDenied(f"{name}() reads a file by its path, which flows' SQL may not do")
        if qualifier in _BUILTIN_QUALIFIERS:
            if not internal and not self._is_builtin(name, table):
                raise AccessDenied(
                    f"{'.'.join(parts)} is not a built-in function; a function of a database of yours "
                    "is named with its database"
                )
            return
        if qualifier[:1] == ("spark_catalog",):
            qualifier = qualifier[1:]
        if len(qualifier) != 1:
            raise AccessDenied(f"{'.'.join(parts)} is not a function you may use")
        self._use_database(parts[-2])

    def _use_database(self, name: str) -> None:
        self.policy.check_database(name)
        self.databases.add(name.lower())

    # -- the JVM ---------------------------------------------------------------------------------
    def _class_name(self, obj: Any) -> str:
        jvm = self.spark._jvm
        assert jvm is not None
        return str(jvm.org.apache.commons.lang3.ClassUtils.getName(obj, ""))

    def _kind(self, class_name: str) -> str:
        """``plan``, ``expression``, ``option``, ``iterable``, ``product``, ``java_map``, ``location`` or ``other``."""
        with _cache_lock:
            known = _kinds.get(class_name)
        if known is not None:
            return known
        jvm = self.spark._jvm
        assert jvm is not None
        loader = self.spark._jsparkSession.getClass().getClassLoader()

        def is_a(name: str) -> bool:
            return bool(
                jvm.java.lang.Class.forName(name, False, loader).isAssignableFrom(
                    jvm.java.lang.Class.forName(class_name, False, loader)
                )
            )

        if class_name.startswith("org.apache.spark.sql.types."):
            kind = "other"  # data types and metadata: nothing to check inside
        elif class_name in ("java.net.URI", "org.apache.hadoop.fs.Path"):
            kind = "location"
        elif is_a(_LOGICAL_PLAN):
            kind = "plan"
        elif is_a(_EXPRESSION):
            kind = "expression"
        elif is_a("scala.Option"):
            kind = "option"
        elif is_a("scala.collection.Iterable"):
            kind = "iterable"
        elif is_a("scala.Product"):
            kind = "product"
        elif is_a("java.util.Map"):
            kind = "java_map"
        else:
            kind = "other"
        with _cache_lock:
            _kinds[class_name] = kind
        return kind

    def _fields(self, obj: Any, class_name: str) -> tuple[str, ...]:
        with _cache_lock:
            known = _field_names.get(class_name)
        if known is None:
            known = tuple(str(obj.productElementName(i)) for i in range(int(obj.productArity())))
            with _cache_lock:
                _field_names[class_name] = known
        return known

    def _is_data_source(self, name: str) -> bool:
        """Whether Spark reads ``name.`path``` as a file of data source ``name`` (csv, text...)."""
        key = name.lower()
        with _cache_lock:
            known = _data_sources.get(key)
        if known is None:
            jvm = self.spark._jvm
            assert jvm is not None
            conf = self.spark._jsparkSession.sessionState().conf()
            try:
                jvm.org.apache.spark.sql.execution.datasources.DataSource.lookupDataSource(name, conf)
                known = True
            except Exception:  # Spark knows no data source of that name
                known = False
            with _cache_lock:
                _data_sources[key] = known
        return known

    def _is_builtin(self, name: str, table: bool) -> bool:
        with _cache_lock:
            known = _builtin_functions.get((table, name))
        if known is None:
            jvm = self.spark._jvm
            assert jvm is not None
            analysis = jvm.org.apache.spark.sql.catalyst.analysis
            registry = analysis.TableFunctionRegistry if table else analysis.FunctionRegistry
            identifier = jvm.org.apache.spark.sql.catalyst.FunctionIdentifier.apply(name)
            known = bool(registry.builtin().functionExists(identifier))
            with _cache_lock:
                _builtin_functions[(table, name)] = known
        return known


def _simple_name(class_name: str) -> str:
    return class_name.rsplit(".", 1)[-1].rstrip("$")


def _elements(collection: Any) -> Iterator[Any]:
    items = collection.toIndexedSeq()
    for index in range(int(items.length())):
        yield items.apply(index)


def _strings(seq: Any) -> list[str]:
    return [str(item) for item in _elements(seq)]


# -- stops --------------------------------------------------------------------------------------


def _texts(value: Any) -> list[str]:
    if value is None:
        return []
    values = value if isinstance(value, list | tuple) else [value]
    return [str(item) for item in values if str(item).strip()]


def check_sql(spark: SparkSession, sql: str, policy: AccessPolicy, views: Iterable[str] = ()) -> set[str]:
    """Raise AccessDenied unless ``policy``'s user may run ``sql``; return the Hive databases it names.

    ``views``: the names of the temporary views the statement may read without a database.
    """
    check = SqlCheck(spark, policy, frozenset(view.lower() for view in views))
    check.statement(sql)
    return check.databases


def check_sql_expression(spark: SparkSession, expression: str, policy: AccessPolicy) -> set[str]:
    """Raise AccessDenied unless ``policy``'s user may evaluate ``expression``; return the databases it names."""
    check = SqlCheck(spark, policy)
    check.expression(expression)
    return check.databases


def create_own_databases(spark: SparkSession, names: Iterable[str], policy: AccessPolicy) -> None:
    """Create those of ``names`` that ``policy`` lets its user use and that do not exist yet.

    A user's own database (``user_<name>``) is made on the first run that needs it.
    """
    mine = {name.lower() for name in policy.hive_databases}
    for name in sorted({name.lower() for name in names} & mine):
        if not spark.catalog.databaseExists(name):
            spark.sql("CREATE DATABASE IF NOT EXISTS `{}`".format(name.replace("`", "``")))


def guard_stop(spark: SparkSession, stop: CompiledStop, policy: AccessPolicy) -> None:
    """Check every SQL value of ``stop`` against ``policy`` right before it performs; then create
    the user's databases it names that do not exist yet. Does nothing for an unrestricted policy.

    SQL values are those of properties typed ``access="sql"`` / ``"sql_expression"``, the
    customized values of a stop whose ``customized_access`` says so (Route's conditions), and
    the statements a stop reads while running, given by its ``runtime_statements(spark)``
    (PutHiveQL's script, read once so that what is checked is what runs). A stop whose SQL
    reads its inputs as temporary views names them with ``input_views(ports)``.
    """
    if policy.unrestricted:
        return
    instance = stop.instance
    input_views = getattr(instance, "input_views", None)
    views = list(input_views([path.inport for path in stop.incoming])) if input_views else []
    databases: set[str] = set()

    def check(where: str, access: str, text: str) -> None:
        try:
            if access == SQL:
                databases.update(check_sql(spark, text, policy, views))
            elif access == SQL_EXPRESSION:
                databases.update(check_sql_expression(spark, text, policy))
            elif access == HIVE_DATABASE:
                databases.add(text.strip().lower())
        except AccessDenied as exc:
            raise AccessDenied(f"{where}: {exc}") from None

    for prop in stop.cls.properties():
        for text in _texts(instance._values.get(prop.name)):
            check(prop.name, prop.access, text)
    customized_access = getattr(stop.cls, "customized_access", "")
    for port, condition in instance.customized.items():
        check(port, customized_access, condition)
    runtime_statements = getattr(instance, "runtime_statements", None)
    if runtime_statements is not None:
        for number, statement in enumerate(runtime_statements(spark), 1):
            check(f"statement {number}", SQL, statement)
    create_own_databases(spark, databases, policy)

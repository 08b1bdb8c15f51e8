"""What a non-admin's SQL may do: ``piflow.runtime.sql_guard`` on Spark's real parser, and runs.

Ada (``ADA``) may use her own Hive database ``user_ada``, the database ``sales`` an admin granted
her, and files under ``ROOT``; an ExecuteSQL stop of hers reads its inputs as the views ``temp``
and ``people``. Every refused statement is also shown to pass for an admin, whose SQL is not
restricted. The run tests run real flows on the shared SparkSession with such a policy.
"""

from __future__ import annotations

import uuid

import pytest

from piflow import AccessDenied, AccessPolicy, FlowSpec, FlowValidationError, data_dir, run_flow
from piflow.runtime.events import State
from piflow.runtime.sql_guard import check_sql, check_sql_expression

from .stops_for_tests import registry

ROOT = "/srv/piflow-test/ada"
ADA = AccessPolicy(file_roots=(ROOT,), hive_databases=("user_ada", "sales"), user="ada")
VIEWS = ("temp", "people")

REG = registry()

#: (statement, what the refusal says)
REFUSED_STATEMENTS = [
    # files by path, however written
    ("SELECT * FROM csv.`/etc/passwd`", "csv.`/etc/passwd` reads a file by its path"),
    ("select * from text.`/etc/passwd`", "reads a file by its path"),
    ("SELECT * FROM PARQUET.`/data/x`", "reads a file by its path"),
    ("SELECT /* who */ * FROM -- me\n json.`/etc/x.json`", "reads a file by its path"),
    ("SELECT * FROM temp WHERE EXISTS (SELECT 1 FROM orc.`/etc/x`)", "reads a file by its path"),
    ("WITH f AS (SELECT * FROM text.`/etc/passwd`) SELECT * FROM f", "reads a file by its path"),
    ("SELECT * FROM IDENTIFIER('csv.`/etc/passwd`')", "reads a file by its path"),
    ("INSERT INTO parquet.`/tmp/x` SELECT * FROM temp", "reads a file by its path"),
    ("LOAD DATA LOCAL INPATH '/etc/passwd' INTO TABLE user_ada.t", "LOAD DATA reads a file"),
    ("SELECT from_protobuf(n, 'M', '/etc/descriptor.desc') FROM temp", "from_protobuf() reads a file"),
    (
        "SELECT from_xml('<r><a>1</a></r>', 'a INT', map('rowValidationXSDPath', '/etc/x.xsd'))",
        "'/etc/x.xsd' is not under a folder you may use",
    ),
    (
        "SELECT from_xml('<r/>', 'a INT', str_to_map('rowValidationXSDPath:/etc/x.xsd'))",
        "the options of from_xml() must be written out as map('key', 'value', ...)",
    ),
    # Java reflection
    ("SELECT reflect('java.lang.System', 'getenv', 'PATH')", "reflect() calls Java methods"),
    ("SELECT ReFlEcT('java.lang.System', 'getenv', 'PATH')", "reflect() calls Java methods"),
    ("SELECT JAVA_METHOD('java.lang.System', 'exit', 1)", "java_method() calls Java methods"),
    ("SELECT try_reflect('java.lang.Runtime', 'getRuntime')", "try_reflect() calls Java methods"),
    ("SELECT builtin.reflect('java.lang.System', 'getenv', 'PATH')", "reflect() calls Java methods"),
    ("SELECT * FROM temp WHERE n IN (SELECT reflect('a', 'b'))", "reflect() calls Java methods"),
    ("WITH r AS (SELECT reflect('a', 'b') AS v) SELECT * FROM r", "reflect() calls Java methods"),
    ("SELECT IDENTIFIER('ref' || 'lect')('a', 'b')", "IDENTIFIER(...) with a computed function name"),
    ("SELECT my_udf(n) FROM temp", "my_udf is not a built-in function"),
    # scripts
    ("SELECT TRANSFORM('x') USING 'id' AS (out)", "TRANSFORM ... USING runs a shell command"),
    ("select transform(n) using 'sh -c id' as (out) from temp", "TRANSFORM ... USING runs a shell command"),
    ("SELECT * FROM (SELECT TRANSFORM(n) USING 'cat' AS (m) FROM temp) s", "TRANSFORM ... USING"),
    # the shared session
    ("ADD JAR /tmp/evil.jar", "ADD JAR changes the session every user's runs share"),
    ("add file /tmp/evil.sh", "ADD FILE changes the session"),
    ("ADD ARCHIVE /tmp/evil.zip", "ADD ARCHIVE changes the session"),
    ("SET spark.sql.runSQLOnFiles=true", "SET changes the session"),
    ("SET", "SET changes the session"),
    ("RESET", "RESET changes the session"),
    ("SET TIME ZONE 'Asia/Shanghai'", "SET changes the session"),
    ("DECLARE VARIABLE v INT", "DECLARE VARIABLE changes the session"),
    ("CREATE TEMPORARY FUNCTION f AS 'x.F' USING JAR '/tmp/f.jar'", "CREATE FUNCTION loads Java classes"),
    ("CREATE FUNCTION user_ada.f AS 'org.apache.hadoop.hive.ql.udf.UDFReflect'", "CREATE FUNCTION"),
    ("REFRESH TABLE user_ada.t", "REFRESH TABLE changes the session"),
    ("REFRESH '/tmp'", "REFRESH changes the session"),
    ("CACHE TABLE user_ada.t", "CACHE TABLE changes the session"),
    ("CACHE LAZY TABLE c AS SELECT * FROM temp", "CACHE TABLE changes the session"),
    ("UNCACHE TABLE user_ada.t", "UNCACHE TABLE changes the session"),
    ("CLEAR CACHE", "CLEAR CACHE changes the session"),
    ("USE user_ada", "USE changes the session"),
    ("CREATE TEMPORARY VIEW v AS SELECT * FROM temp", "a temporary view lives in the session"),
    ("CREATE GLOBAL TEMPORARY VIEW v AS SELECT 1", "a temporary view lives in the session"),
    ("EXECUTE IMMEDIATE 'SELECT 1'", "EXECUTE IMMEDIATE runs SQL that cannot be checked"),
    ("CREATE DATABASE mine", "creating databases is for admins"),
    ("SHOW DATABASES", "this kind of statement (ShowNamespacesCommand) is not allowed"),
    ("SELECT '${env:HOME}' AS home", "${...} is replaced with the server's settings or environment"),
    ("SELECT * FROM temp WHERE n = '${spark.app.name}'", "${...} is replaced"),
    # locations outside the user's roots, and tables that are not files
    (
        "CREATE TABLE user_ada.t (a INT) USING parquet LOCATION '/etc'",
        "'/etc' is not under a folder you may use",
    ),
    ("CREATE TABLE user_ada.t (a INT) USING csv OPTIONS (path '/etc/passwd')", "'/etc/passwd' is not under"),
    ("CREATE TABLE user_ada.t (a STRING) STORED AS TEXTFILE LOCATION '/etc'", "'/etc' is not under"),
    ("CREATE TABLE user_ada.t2 LIKE user_ada.t LOCATION '/var/lib'", "'/var/lib' is not under"),
    ("ALTER TABLE user_ada.t SET LOCATION '/etc'", "'/etc' is not under"),
    ("ALTER TABLE user_ada.t ADD PARTITION (p = 1) LOCATION '/etc'", "'/etc' is not under"),
    ("INSERT OVERWRITE DIRECTORY '/tmp/out' USING parquet SELECT * FROM temp", "'/tmp/out' is not under"),
    ("INSERT OVERWRITE LOCAL DIRECTORY '/tmp/out' SELECT * FROM temp", "'/tmp/out' is not under"),
    ("SELECT * FROM user_ada.t WITH ('path' = '/etc')", "'/etc' is not under"),
    (
        "CREATE TABLE user_ada.x USING xml OPTIONS (rowTag 'r', rowValidationXSDPath '/etc/x.xsd') AS SELECT 1",
        "'/etc/x.xsd' is not under",
    ),
    (
        "CREATE TABLE user_ada.a (s STRING) STORED AS AVRO TBLPROPERTIES ('avro.schema.url'='http://10.0.0.1/s')",
        "'http://10.0.0.1/s' is not under a location you may use",
    ),
    (
        "CREATE TABLE user_ada.t USING jdbc OPTIONS (url 'jdbc:postgresql://127.0.0.1/piflow', dbtable 'x')",
        "tables USING jdbc are not allowed",
    ),
    # Hive databases that are not the user's, and names without one
    ("SELECT * FROM default.accounts", "Hive database 'default' is not yours (you may use: user_ada, sales)"),
    ("SELECT * FROM spark_catalog.user_bob.salaries", "Hive database 'user_bob' is not yours"),
    ("SELECT * FROM temp JOIN user_bob.salaries s ON temp.n = s.n", "Hive database 'user_bob' is not yours"),
    ("SELECT * FROM temp WHERE n IN (SELECT n FROM user_bob.salaries)", "'user_bob' is not yours"),
    ("WITH s AS (SELECT * FROM user_bob.salaries) SELECT * FROM s", "'user_bob' is not yours"),
    ("SELECT * FROM global_temp.shared", "Hive database 'global_temp' is not yours"),
    ("SELECT * FROM accounts", "accounts has no database: name the database"),
    ("WITH x AS (SELECT * FROM x) SELECT * FROM x", "x has no database: name the database"),
    ("SELECT * FROM (WITH c AS (SELECT 1) SELECT * FROM c) q, c", "c has no database"),
    ("CREATE TABLE t AS SELECT * FROM temp", "t has no database: name the database"),
    ("INSERT INTO user_bob.salaries SELECT * FROM temp", "'user_bob' is not yours"),
    ("DROP TABLE user_bob.salaries", "'user_bob' is not yours"),
    ("ALTER TABLE user_ada.t RENAME TO user_bob.t", "'user_bob' is not yours"),
    ("SHOW TABLES", "name the database"),
    ("SHOW TABLES IN user_bob", "'user_bob' is not yours"),
    ("SELECT user_bob.udf(n) FROM temp", "'user_bob' is not yours"),
    # views: where they are made, and what their definition reads
    ("CREATE VIEW user_bob.v AS SELECT * FROM temp", "'user_bob' is not yours"),
    ("CREATE VIEW user_ada.v AS SELECT * FROM user_bob.salaries", "'user_bob' is not yours"),
    ("CREATE OR REPLACE VIEW user_ada.v AS SELECT * FROM csv.`/etc/passwd`", "reads a file by its path"),
    ("ALTER VIEW user_ada.v AS SELECT reflect('a', 'b')", "reflect() calls Java methods"),
    ("CREATE VIEW v AS SELECT 1", "v has no database: name the database"),
    ("EXPLAIN SELECT * FROM user_bob.salaries", "'user_bob' is not yours"),
]

#: Filter and Route conditions: (expression, what the refusal says)
REFUSED_EXPRESSIONS = [
    ("reflect('java.lang.System', 'getenv', 'PATH') IS NOT NULL", "reflect() calls Java methods"),
    ("n > 1 OR Java_Method('java.lang.System', 'exit', 0) = ''", "java_method() calls Java methods"),
    ("n IN (SELECT n FROM default.accounts)", "Hive database 'default' is not yours"),
    ("EXISTS (SELECT * FROM csv.`/etc/passwd`)", "reads a file by its path"),
    ("n IN (SELECT n FROM accounts)", "accounts has no database"),
    ("name = '${env:HOME}'", "${...} is replaced"),
]

ALLOWED_STATEMENTS = [
    "SELECT * FROM temp",
    "select n, n * 2 AS twice from TEMP where n > 3 order by n desc limit 5",
    "SELECT p.name, t.n FROM temp t JOIN people p ON t.n = p.id",
    "SELECT name, count(*) AS c, sum(n) FROM temp GROUP BY name HAVING count(*) > 1",
    "SELECT *, row_number() OVER (PARTITION BY name ORDER BY n) AS rank FROM temp",
    "WITH big AS (SELECT * FROM temp WHERE n > 5), named AS (SELECT * FROM big) SELECT * FROM named",
    "WITH RECURSIVE r AS (SELECT 1 AS k UNION ALL SELECT k + 1 FROM r WHERE k < 3) SELECT * FROM r",
    "SELECT * FROM temp WHERE n IN (SELECT id FROM people) AND n < (SELECT max(n) FROM user_ada.t)",
    "SELECT t.*, o.total FROM temp t LEFT JOIN user_ada.orders o ON t.n = o.n",
    "SELECT * FROM spark_catalog.sales.orders UNION ALL SELECT * FROM user_ada.orders",
    "SELECT * FROM VALUES (1, 'a'), (2, 'b') AS v(id, name)",
    "SELECT * FROM range(10)",
    "SELECT transform(array(1, 2), x -> x + 1), upper(name), current_date() FROM temp",
    "SELECT from_json(name, 'a INT', map('mode', 'FAILFAST')), from_xml(name, 'a INT') FROM temp",
    f"SELECT from_xml(name, 'a INT', map('rowValidationXSDPath', '{ROOT}/rows.xsd')) FROM temp",
    "FROM temp |> WHERE n > 1 |> SELECT n",
    "CREATE TABLE user_ada.summary USING parquet AS SELECT name, count(*) AS c FROM temp GROUP BY name",
    f"CREATE TABLE user_ada.external (a INT) USING parquet LOCATION '{ROOT}/external'",
    "CREATE TABLE sales.copy STORED AS PARQUET AS SELECT * FROM temp",
    "INSERT INTO user_ada.orders SELECT * FROM temp",
    f"INSERT OVERWRITE DIRECTORY '{ROOT}/export' USING parquet SELECT * FROM temp",
    "CREATE OR REPLACE VIEW user_ada.recent AS SELECT * FROM user_ada.orders WHERE n > 10",
    "DROP TABLE IF EXISTS user_ada.summary",
    "ALTER TABLE user_ada.orders ADD COLUMNS (note STRING)",
    "DESCRIBE TABLE EXTENDED user_ada.orders",
    "SHOW TABLES IN user_ada",
    "EXPLAIN SELECT * FROM temp",
    "SELECT * FROM temp;",
]

ALLOWED_EXPRESSIONS = [
    "age > 30 AND city = 'Beijing'",
    "name == 'zhangsan'",
    "upper(name) LIKE 'Z%' OR n IS NULL",
    "n IN (SELECT n FROM user_ada.orders)",
]


def refusal(spark, statement: str) -> str:
    """The message Ada's ``statement`` is refused with (the test fails when it is allowed)."""
    with pytest.raises(AccessDenied) as refused:
        check_sql(spark, statement, ADA, VIEWS)
    return str(refused.value)


@pytest.mark.parametrize(("statement", "why"), REFUSED_STATEMENTS, ids=[s for s, _ in REFUSED_STATEMENTS])
def test_a_users_statement_is_refused_naming_what_it_may_not_do(spark, statement, why):
    # when
    message = refusal(spark, statement)

    # then
    assert why in message


@pytest.mark.parametrize(("expression", "why"), REFUSED_EXPRESSIONS, ids=[e for e, _ in REFUSED_EXPRESSIONS])
def test_a_users_condition_is_refused_naming_what_it_may_not_do(spark, expression, why):
    # when
    with pytest.raises(AccessDenied) as refused:
        check_sql_expression(spark, expression, ADA)

    # then
    assert why in str(refused.value)


@pytest.mark.parametrize("statement", ALLOWED_STATEMENTS)
def test_a_users_statement_over_their_inputs_and_databases_is_allowed(spark, statement):
    # when
    databases = check_sql(spark, statement, ADA, VIEWS)

    # then
    assert databases <= {"user_ada", "sales"}


@pytest.mark.parametrize("expression", ALLOWED_EXPRESSIONS)
def test_a_users_condition_over_the_columns_is_allowed(spark, expression):
    # when / then: no refusal
    check_sql_expression(spark, expression, ADA)


def test_the_databases_a_statement_uses_are_reported(spark):
    # when
    databases = check_sql(spark, "SELECT * FROM USER_ADA.orders JOIN sales.orders USING (n)", ADA, VIEWS)

    # then
    assert databases == {"user_ada", "sales"}


@pytest.mark.parametrize("statement", [s for s, _ in REFUSED_STATEMENTS])
def test_an_admin_may_run_every_statement_a_user_may_not(spark, statement):
    # when / then: no refusal
    check_sql(spark, statement, AccessPolicy.admin(), VIEWS)


@pytest.mark.parametrize("expression", [e for e, _ in REFUSED_EXPRESSIONS])
def test_an_admin_may_use_every_condition_a_user_may_not(spark, expression):
    # when / then: no refusal
    check_sql_expression(spark, expression, AccessPolicy.admin())


def test_a_statement_spark_cannot_parse_is_left_to_spark(spark):
    # when / then: no refusal; Spark reports the syntax error when the stop runs it
    check_sql(spark, "SELEC nonsense FROM", ADA, VIEWS)


# -- runs -------------------------------------------------------------------------------------------


def flow(stops, paths=()):
    return FlowSpec.from_dict({"flow": {"name": "sql", "stops": list(stops), "paths": list(paths)}})


def stop(name, bundle, customized=None, **props):
    return {"name": name, "bundle": bundle, "properties": props, "customizedProperties": customized or {}}


def path(a, b, inport=""):
    return {"from": a, "to": b, "outport": "", "inport": inport}


def sql_flow(sql: str) -> FlowSpec:
    """Numbers 0..4 into an ExecuteSQL stop ``SQL`` running ``sql`` over them as ``temp``."""
    return flow(
        [stop("N", "tests.Numbers", count="5"), stop("SQL", "piflow.stops.common.ExecuteSQL", sql=sql)],
        [path("N", "SQL")],
    )


@pytest.fixture
def own_database(spark):
    """A database named like a user's own, dropped after the test; it need not exist before."""
    name = f"user_t{uuid.uuid4().hex[:8]}"
    yield name
    spark.sql(f"DROP DATABASE IF EXISTS {name} CASCADE")


def user_policy(*databases: str, roots: tuple[str, ...] = ()) -> AccessPolicy:
    return AccessPolicy(file_roots=roots, hive_databases=databases, user="ada")


def test_a_users_transform_fails_the_run_and_runs_no_command(spark, tmp_path, own_database):
    # given
    marker = tmp_path / "ran"
    spec = sql_flow(f"SELECT TRANSFORM(CAST(n AS STRING)) USING 'tee {marker}' AS (out) FROM temp")

    # when
    result = run_flow(spec, registry=REG, policy=user_policy(own_database))

    # then
    assert result.state == State.FAILED
    assert result.stops["SQL"].state == State.FAILED
    assert "TRANSFORM ... USING runs a shell command" in result.stops["SQL"].error
    assert "TRANSFORM" in result.error
    assert not marker.exists()


def test_an_admins_transform_runs_its_command(spark, tmp_path):
    # given
    marker = tmp_path / "ran"
    spec = flow(
        [
            stop("N", "tests.Numbers", count="3"),
            stop(
                "SQL",
                "piflow.stops.common.ExecuteSQL",
                sql=f"SELECT TRANSFORM(CAST(n AS STRING)) USING 'tee {marker}' AS (out) FROM temp",
            ),
            stop("Save", "tests.SaveParquet", path=str(tmp_path / "out")),
        ],
        [path("N", "SQL"), path("SQL", "Save")],
    )

    # when
    result = run_flow(spec, registry=REG, policy=AccessPolicy.admin())

    # then
    assert result.ok, result.error
    assert sorted(r.out for r in spark.read.parquet(str(tmp_path / "out")).collect()) == ["0", "1", "2"]
    assert marker.exists()


def test_a_users_reflect_call_fails_the_run(spark, own_database):
    # when
    result = run_flow(
        sql_flow("SELECT reflect('java.lang.System', 'getenv', 'PATH') AS path FROM temp"),
        registry=REG,
        policy=user_policy(own_database),
    )

    # then
    assert result.state == State.FAILED
    assert "sql: reflect() calls Java methods, which flows may not do" in result.stops["SQL"].error


def test_a_user_cannot_read_the_servers_secret_key_with_sql(spark, own_database):
    # given: the server's own file in its data dir
    secret = data_dir() / "secret_key"
    if not secret.exists():
        secret.write_text("test-secret\n")

    # when
    result = run_flow(
        sql_flow(f"SELECT * FROM text.`{secret}`"), registry=REG, policy=user_policy(own_database)
    )

    # then
    assert result.state == State.FAILED
    assert "reads a file by its path" in result.stops["SQL"].error


def test_a_users_filter_condition_is_checked_before_it_runs(spark, own_database):
    # given
    spec = flow(
        [
            stop("N", "tests.Numbers", count="5"),
            stop(
                "F",
                "piflow.stops.common.Filter",
                condition="n > 1 AND java_method('java.lang.System', 'exit', 3) IS NULL",
            ),
        ],
        [path("N", "F")],
    )

    # when
    result = run_flow(spec, registry=REG, policy=user_policy(own_database))

    # then
    assert result.state == State.FAILED
    assert "condition: java_method() calls Java methods" in result.stops["F"].error


def test_a_users_route_conditions_are_checked_before_they_run(spark, own_database):
    # given
    spec = flow(
        [
            stop("N", "tests.Numbers", count="5"),
            stop(
                "R",
                "piflow.stops.common.Route",
                customized={"small": "n < 2", "secret": "n IN (SELECT n FROM default.accounts)"},
            ),
        ],
        [path("N", "R")],
    )

    # when
    result = run_flow(spec, registry=REG, policy=user_policy(own_database))

    # then
    assert result.state == State.FAILED
    assert "secret: Hive database 'default' is not yours" in result.stops["R"].error


def test_a_users_sql_reads_their_inputs_and_their_databases(spark, tmp_path, own_database):
    # given: a table in her own database, and one in a database an admin granted her
    granted = f"granted_{uuid.uuid4().hex[:8]}"
    spark.sql(f"CREATE DATABASE {own_database}")
    spark.sql(f"CREATE DATABASE {granted}")
    spark.createDataFrame([(1, "one"), (3, "three")], "n long, word string").write.saveAsTable(
        f"{own_database}.words"
    )
    spark.createDataFrame([(1, 10.0), (3, 30.0), (3, 3.0)], "n long, amount double").write.saveAsTable(
        f"{granted}.payments"
    )
    sql = (
        f"SELECT w.word, sum(p.amount) AS total FROM temp t JOIN {own_database}.words w ON t.n = w.n "
        f"JOIN {granted}.payments p ON p.n = t.n WHERE t.n IN (SELECT n FROM other) GROUP BY w.word"
    )
    spec = flow(
        [
            stop("N", "tests.Numbers", count="5"),
            stop("M", "tests.Numbers", count="4"),
            stop("SQL", "piflow.stops.common.ExecuteSQL", sql=sql),
            stop("Save", "tests.SaveParquet", path=str(tmp_path / "out")),
        ],
        [path("N", "SQL"), path("M", "SQL", inport="other"), path("SQL", "Save")],
    )

    try:
        # when
        result = run_flow(spec, registry=REG, policy=user_policy(own_database, granted))

        # then
        assert result.ok, result.error
        rows = spark.read.parquet(str(tmp_path / "out")).collect()
        assert sorted((r.word, r.total) for r in rows) == [("one", 10.0), ("three", 33.0)]
    finally:
        spark.sql(f"DROP DATABASE IF EXISTS {granted} CASCADE")


def test_a_users_hive_query_of_another_users_database_fails_the_run(spark, own_database):
    # given: Bob's table
    bob = f"user_b{uuid.uuid4().hex[:8]}"
    spark.sql(f"CREATE DATABASE {bob}")
    spark.createDataFrame([(1, 9000.0)], "id int, salary double").write.saveAsTable(f"{bob}.salaries")
    spec = flow([stop("Q", "piflow.stops.hive.SelectHiveQL", hiveQL=f"SELECT * FROM {bob}.salaries")])

    try:
        # when
        result = run_flow(spec, registry=REG, policy=user_policy(own_database))

        # then
        assert result.state == State.FAILED
        assert f"hiveQL: Hive database '{bob}' is not yours" in result.stops["Q"].error
    finally:
        spark.sql(f"DROP DATABASE IF EXISTS {bob} CASCADE")


def test_a_users_put_hive_mode_into_another_database_is_refused(spark, own_database):
    # given
    spec = flow(
        [
            stop("N", "tests.Numbers", count="3"),
            stop("Put", "piflow.stops.hive.PutHiveMode", database="default", table="x", saveMode="overwrite"),
        ],
        [path("N", "Put")],
    )

    # when
    with pytest.raises(FlowValidationError) as refused:
        run_flow(spec, registry=REG, policy=user_policy(own_database))

    # then
    [problem] = refused.value.problems
    assert (problem.stop, problem.property) == ("Put", "database")
    assert "Hive database 'default' is not yours" in problem.message
    assert not spark.catalog.tableExists("default.x")


def test_a_users_put_hive_mode_creates_their_own_database_on_first_use(spark, own_database):
    # given: her database does not exist yet
    assert not spark.catalog.databaseExists(own_database)
    spec = flow(
        [
            stop("N", "tests.Numbers", count="3"),
            stop(
                "Put",
                "piflow.stops.hive.PutHiveMode",
                database=own_database,
                table="numbers",
                saveMode="overwrite",
            ),
        ],
        [path("N", "Put")],
    )

    # when
    result = run_flow(spec, registry=REG, policy=user_policy(own_database))

    # then
    assert result.ok, result.error
    assert sorted(r.n for r in spark.table(f"{own_database}.numbers").collect()) == [0, 1, 2]


def test_a_users_hive_script_is_checked_whole_before_any_statement_runs(spark, tmp_path, own_database):
    # given: a harmless first statement, then one that changes the shared session
    script = tmp_path / "load.hql"
    script.write_text(
        f"CREATE TABLE {own_database}.first (id INT) STORED AS PARQUET;\nSET spark.sql.runSQLOnFiles=true;\n"
    )
    spec = flow([stop("Q", "piflow.stops.hive.PutHiveQL", hiveQL_Path=str(script), database=own_database)])

    # when
    result = run_flow(spec, registry=REG, policy=user_policy(own_database, roots=(str(tmp_path),)))

    # then
    assert result.state == State.FAILED
    assert "statement 2: SET changes the session every user's runs share" in result.stops["Q"].error
    assert not spark.catalog.tableExists(f"{own_database}.first")


def test_a_users_hive_script_runs_in_their_database(spark, tmp_path, own_database):
    # given
    script = tmp_path / "load.hql"
    script.write_text(
        f"CREATE TABLE {own_database}.people (name STRING) STORED AS PARQUET;\n"
        f"INSERT INTO {own_database}.people VALUES ('zhangsan'), ('lisi');\n"
        f"SELECT name FROM {own_database}.people ORDER BY name;\n"
    )
    spec = flow(
        [
            stop("Q", "piflow.stops.hive.PutHiveQL", hiveQL_Path=str(script), database=own_database),
            stop("Save", "tests.SaveParquet", path=str(tmp_path / "out")),
        ],
        [path("Q", "Save")],
    )

    # when
    result = run_flow(spec, registry=REG, policy=user_policy(own_database, roots=(str(tmp_path),)))

    # then
    assert result.ok, result.error
    assert [r.name for r in spark.read.parquet(str(tmp_path / "out")).collect()] == ["lisi", "zhangsan"]

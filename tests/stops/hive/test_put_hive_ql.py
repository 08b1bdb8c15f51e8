import pytest

from piflow.stops.hive.put_hive_ql import PutHiveQL, split_statements
from piflow.testing import perform_stop


def test_put_hive_ql_runs_the_script_in_the_database_and_outputs_the_last_query(spark, hive_db, tmp_path):
    # given
    script = tmp_path / "load.hql"
    script.write_text(
        "-- people; with a semicolon in a comment\n"
        "CREATE TABLE people (name STRING, note STRING) STORED AS PARQUET;\n"
        "INSERT INTO people VALUES ('zhangsan', 'a;b'), ('lisi', 'it''s');\n"
        "SELECT name, note FROM people ORDER BY name;\n"
    )

    # when
    out = perform_stop(spark, PutHiveQL, {"hiveQL_Path": str(script), "database": hive_db}, run_dir=tmp_path)

    # then
    assert [(r.name, r.note) for r in out[""].collect()] == [("lisi", "it's"), ("zhangsan", "a;b")]
    assert spark.catalog.tableExists(f"{hive_db}.people")
    assert spark.catalog.currentDatabase() == "default"


def test_put_hive_ql_outputs_nothing_when_the_last_statement_is_not_a_query(spark, hive_db, tmp_path):
    # given
    script = tmp_path / "load.hql"
    script.write_text("CREATE TABLE t (id INT) STORED AS PARQUET;\nINSERT INTO t VALUES (1), (2)\n")

    # when
    out = perform_stop(spark, PutHiveQL, {"hiveQL_Path": str(script), "database": hive_db}, run_dir=tmp_path)

    # then
    assert out == {}
    assert sorted(r.id for r in spark.sql(f"SELECT id FROM {hive_db}.t").collect()) == [1, 2]


def test_put_hive_ql_restores_the_current_database_after_a_failing_statement(spark, hive_db, tmp_path):
    # given
    script = tmp_path / "bad.hql"
    script.write_text("SELECT * FROM no_such_table")

    # when
    with pytest.raises(Exception, match="(?i)no_such_table"):
        perform_stop(spark, PutHiveQL, {"hiveQL_Path": str(script), "database": hive_db}, run_dir=tmp_path)

    # then
    assert spark.catalog.currentDatabase() == "default"


def test_split_statements_keeps_quoted_semicolons_and_drops_comments():
    # given
    script = "SELECT 'a;b' AS x; /* block; */ SELECT `c;d` FROM t -- tail; comment\n;;  "

    # when
    statements = split_statements(script)

    # then
    assert statements == ["SELECT 'a;b' AS x", "SELECT `c;d` FROM t"]

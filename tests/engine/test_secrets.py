"""Secrets are masked on the way out and restored on the way back in: sensitive values, the
variables that fill them, passwords inside URLs; text (logs, errors) is masked by whole values."""

import pytest

from piflow import MASK, FlowSpec, mask_secrets, redact_flow, restore_secrets
from piflow.runtime.logs import RunLog
from piflow.secrets import secret_values

FLOW = {
    "flow": {
        "name": "f",
        "stops": [
            {
                "name": "Db",
                "bundle": "cn.piflow.bundle.jdbc.PostgresqlRead",
                "properties": {
                    "url": "jdbc:postgresql://h/db",
                    "user": "u",
                    "password": "s3cret",
                    "tableName": "t",
                },
            },
            {
                "name": "F",
                "bundle": "cn.piflow.bundle.common.Filter",
                "properties": {"condition": "password = 'x'"},
            },
        ],
    }
}


def test_redact_masks_only_sensitive_values():
    redacted = redact_flow(FlowSpec.from_dict(FLOW))
    assert redacted.stop("Db").properties["password"] == MASK
    assert redacted.stop("Db").properties["user"] == "u"
    assert redacted.stop("F").properties["condition"] == "password = 'x'"
    assert "s3cret" not in redacted.to_json()


def test_restore_puts_back_the_stored_secret_for_masked_values():
    stored = FlowSpec.from_dict(FLOW)
    edited = redact_flow(stored)
    assert restore_secrets(edited, stored).stop("Db").properties["password"] == "s3cret"


def test_a_new_password_replaces_the_old_one():
    stored = FlowSpec.from_dict(FLOW)
    changed_stop = {
        **FLOW["flow"]["stops"][0],
        "properties": {**FLOW["flow"]["stops"][0]["properties"], "password": "new"},
    }
    changed = FlowSpec.from_dict({"flow": {"name": "f", "stops": [changed_stop]}})
    assert restore_secrets(changed, stored).stop("Db").properties["password"] == "new"


# -- secrets given through ${VAR}, and passwords inside URLs -------------------------------------

CANARY = "canary-pw-5e1b"


def jdbc_flow(url: str, password: str = "", environment: dict | None = None) -> FlowSpec:
    properties = {"url": url, "user": "postgres", "sql": "SELECT 1"}
    if password:
        properties["password"] = password
    flow = {
        "name": "f",
        "stops": [{"name": "Read", "bundle": "piflow.stops.jdbc.JdbcRead", "properties": properties}],
    }
    if environment:
        flow["environmentVariable"] = environment
    return FlowSpec.from_dict({"flow": flow})


def test_a_variable_that_fills_a_password_is_masked_whole_and_restored():
    # given
    stored = jdbc_flow("jdbc:postgresql://h/db", "${PW}", {"PW": CANARY, "TABLE": "people"})

    # when
    shown = redact_flow(stored)
    back = restore_secrets(shown, stored)

    # then
    assert shown.environment_variable == {"PW": MASK, "TABLE": "people"}
    assert shown.stop("Read").properties["password"] == MASK
    assert CANARY not in shown.to_json()
    assert back == stored


def test_a_variable_in_piflows_wrapped_form_is_masked_too():
    # given
    stored = jdbc_flow("jdbc:postgresql://h/db", "${PW}", {"${PW}": CANARY})

    # when / then
    assert redact_flow(stored).environment_variable == {"${PW}": MASK}
    assert restore_secrets(redact_flow(stored), stored).environment_variable == {"${PW}": CANARY}


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (
            f"jdbc:postgresql://h/db?user=u&password={CANARY}&ssl=true",
            f"jdbc:postgresql://h/db?user=u&password={MASK}&ssl=true",
        ),
        (f"jdbc:mysql://u:{CANARY}@h:3306/db", f"jdbc:mysql://u:{MASK}@h:3306/db"),
        (
            f"jdbc:sqlserver://h:1433;user=sa;password={CANARY};databaseName=db",
            f"jdbc:sqlserver://h:1433;user=sa;password={MASK};databaseName=db",
        ),
        (
            f"jdbc:sqlserver://h;password={{{CANARY};x}};databaseName=db",
            f"jdbc:sqlserver://h;password={MASK};databaseName=db",
        ),
        (f"jdbc:oracle:thin:scott/{CANARY}@//h:1521/svc", f"jdbc:oracle:thin:scott/{MASK}@//h:1521/svc"),
        (f"jdbc:mysql://u:{CANARY}@a,u2:{CANARY}x@b/db", f"jdbc:mysql://u:{MASK}@a,u2:{MASK}@b/db"),
    ],
)
def test_a_password_inside_a_url_is_masked_and_restored(url, shown):
    # given
    stored = jdbc_flow(url)

    # when
    redacted = redact_flow(stored)

    # then
    assert redacted.stop("Read").properties["url"] == shown
    assert CANARY not in redacted.to_json()
    assert restore_secrets(redacted, stored).stop("Read").properties["url"] == url


def test_a_url_whose_host_changed_keeps_its_masked_password():
    # given
    stored = jdbc_flow(f"jdbc:postgresql://old/db?user=u&password={CANARY}")
    edited = jdbc_flow(f"jdbc:postgresql://new:5433/db?user=u&password={MASK}")

    # when
    restored = restore_secrets(edited, stored).stop("Read").properties["url"]

    # then
    assert restored == f"jdbc:postgresql://new:5433/db?user=u&password={CANARY}"


def test_a_new_password_in_a_url_replaces_the_stored_one():
    # given
    stored = jdbc_flow(f"jdbc:mysql://u:{CANARY}@h/db")
    edited = jdbc_flow("jdbc:mysql://u:fresh@h/db")

    # when / then
    assert restore_secrets(edited, stored).stop("Read").properties["url"] == "jdbc:mysql://u:fresh@h/db"


def test_a_variable_that_fills_a_urls_password_is_secret_and_one_holding_a_whole_url_is_masked_inside():
    # given
    stored = jdbc_flow(
        "${URL}",
        environment={"URL": f"jdbc:postgresql://h/db?password={CANARY}", "PW2": CANARY + "2", "HOST": "h"},
    )
    other = jdbc_flow("jdbc:mysql://u:${PW2}@${HOST}/db", environment={"PW2": CANARY, "HOST": "h"})

    # when
    shown, shown_other = redact_flow(stored), redact_flow(other)

    # then
    assert shown.environment_variable["URL"] == f"jdbc:postgresql://h/db?password={MASK}"
    assert shown_other.environment_variable == {"PW2": MASK, "HOST": "h"}
    assert shown_other.stop("Read").properties["url"] == f"jdbc:mysql://u:{MASK}@${{HOST}}/db"
    assert restore_secrets(shown, stored) == stored and restore_secrets(shown_other, other) == other


def test_a_variable_holding_user_and_password_is_masked_where_the_password_stands():
    # given: the whole userinfo comes from one variable
    stored = jdbc_flow("jdbc:mysql://${CREDS}@h/db", environment={"CREDS": f"u:{CANARY}"})

    # when
    shown = redact_flow(stored)

    # then
    assert shown.environment_variable == {"CREDS": f"u:{MASK}"}
    assert restore_secrets(shown, stored) == stored
    assert secret_values(stored) == {CANARY}


def test_a_one_letter_password_masks_only_where_it_stands_whole():
    # given: the password "a" also fills a variable, and other variables hold the letter inside words
    stored = jdbc_flow(
        "jdbc:postgresql://h/database", "${PW}", {"PW": "a", "NOTE": "a table named data", "X": "a"}
    )

    # when
    shown = redact_flow(stored)

    # then
    assert shown.stop("Read").properties["url"] == "jdbc:postgresql://h/database"
    assert shown.environment_variable == {"PW": MASK, "NOTE": f"{MASK} table named data", "X": MASK}
    assert restore_secrets(shown, stored) == stored


def test_a_stop_renamed_in_the_same_edit_keeps_its_secret_by_uuid():
    # given
    stored = FlowSpec.from_dict(
        {"flow": {"name": "f", "stops": [{**FLOW["flow"]["stops"][0], "uuid": "db-1"}]}}
    )
    renamed = FlowSpec.from_dict(
        {
            "flow": {
                "name": "f",
                "stops": [{**redact_flow(stored).to_dict()["flow"]["stops"][0], "name": "Renamed"}],
            }
        }
    )

    # when / then
    assert restore_secrets(renamed, stored).stop("Renamed").properties["password"] == "s3cret"


# -- masking text: whole values ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("a", MASK),
        ("password=a;", f"password={MASK};"),
        ("user 'a' failed", f"user '{MASK}' failed"),
        ("database data_a abc ba", "database data_a abc ba"),
        ("(a)", f"({MASK})"),
        ("ä a", f"ä {MASK}"),  # ä is a letter: 'aä' would not be a whole value
    ],
)
def test_a_short_secret_is_masked_only_as_a_whole_value(text, masked):
    assert mask_secrets(text, ["a"]) == masked


def test_whole_values_longest_first_and_url_encoded_forms():
    # given
    secrets = ["p@ss word", "p"]

    # when
    masked = mask_secrets("a p@ss word, p%40ss%20word, p%40ss+word, pp and p.", secrets)

    # then
    assert masked == f"a {MASK}, {MASK}, {MASK}, pp and {MASK}."


def test_a_secret_glued_to_word_characters_is_not_a_whole_value():
    assert mask_secrets("Xs3cret s3cretX s3cret_1 s3cret", ["s3cret"]) == f"Xs3cret s3cretX s3cret_1 {MASK}"


def test_the_run_log_masks_whole_values_url_passwords_and_tracebacks(tmp_path):
    # given
    log = RunLog("r1", tmp_path / "run.log", secrets=["a", CANARY])
    logger = log.for_stop("Read")

    # when
    logger.info("connecting to %s as a user of database data", f"jdbc:mysql://u:{CANARY}@h/db")
    logger.info("url jdbc:postgresql://h/db?user=u&password=other-pw-9 failed")
    try:
        raise RuntimeError(f"driver said: password {CANARY} rejected")
    except RuntimeError:
        logger.exception("read failed")
    log.close()

    # then
    text = (tmp_path / "run.log").read_text()
    assert CANARY not in text and "other-pw-9" not in text
    assert f"connecting to jdbc:mysql://u:{MASK}@h/db as {MASK} user of database data" in text
    assert f"password={MASK} failed" in text
    assert f"driver said: password {MASK} rejected" in text


def test_a_jdbc_error_masks_whole_values_and_url_passwords():
    from piflow.stops.jdbc._jdbc import JdbcError, masked

    # given
    def fail():
        raise RuntimeError("access denied for a at jdbc:postgresql://h/database?user=a&password=zz9")

    # when
    with pytest.raises(JdbcError) as caught:
        masked(fail, ["a"], "JDBC read")

    # then
    assert str(caught.value) == (
        f"JDBC read failed: access denied for {MASK} at jdbc:postgresql://h/database?user={MASK}&password={MASK}"
    )

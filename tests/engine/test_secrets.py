"""Sensitive property values are masked on the way out and restored on the way back in."""

from piflow import MASK, FlowSpec, redact_flow, restore_secrets

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

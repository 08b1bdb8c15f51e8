"""The API's exception handler: domain errors become JSON 4xx, nothing leaks a traceback."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions

import piflow
from common.api.exceptions import api_exception_handler
from common.errors import ApplicationError, NotFoundError


def test_application_error_becomes_its_status_with_extra_fields():
    # when
    response = api_exception_handler(ApplicationError("flow is running", extra={"flow": 7}), {})

    # then
    assert response.status_code == 400
    assert response.data == {"error": "flow is running", "flow": 7}


def test_not_found_error_is_404():
    # when
    response = api_exception_handler(NotFoundError("no such flow"), {})

    # then
    assert response.status_code == 404
    assert response.data == {"error": "no such flow"}


def test_engine_errors_become_4xx():
    # when
    unknown = api_exception_handler(piflow.UnknownStopError("x.Y"), {})
    bad_spec = api_exception_handler(piflow.SpecError("flow must be a JSON object"), {})

    # then
    assert (unknown.status_code, unknown.data["bundle"]) == (404, "x.Y")
    assert (bad_spec.status_code, bad_spec.data) == (400, {"error": "flow must be a JSON object"})


def test_validation_errors_list_their_fields():
    # when
    drf = api_exception_handler(exceptions.ValidationError({"name": ["This field is required."]}), {})
    django = api_exception_handler(DjangoValidationError({"name": "Too long."}), {})

    # then
    assert drf.status_code == 400
    assert drf.data == {"error": "Invalid input.", "fields": {"name": ["This field is required."]}}
    assert django.status_code == 400
    assert django.data["fields"] == {"name": ["Too long."]}


def test_unexpected_errors_are_a_bare_500(caplog):
    # when
    response = api_exception_handler(RuntimeError("secret internals at /srv/x.py"), {})

    # then
    assert response.status_code == 500
    assert response.data == {"error": "Internal server error."}
    assert "secret internals" in caplog.text  # logged for operators, not sent to the client

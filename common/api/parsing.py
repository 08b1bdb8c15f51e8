"""Reading a request: validated fields through a serializer, a JSON body of any content type, query numbers."""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import QueryDict
from django.http.request import RawPostDataException
from rest_framework import serializers
from rest_framework import status as http
from rest_framework.parsers import JSONParser
from rest_framework.request import Request

from common.errors import ApplicationError


def parse(serializer_class: type[serializers.Serializer], data: Any) -> dict[str, Any]:
    """``data`` validated by ``serializer_class``; a 400 naming each invalid field otherwise."""
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


class AnyBodyParser(JSONParser):
    """Accepts a body of any content type; the view decodes it with ``json_body``.

    PiFlow's clients (curl -d) post JSON form-encoded or as ``text/plain`` as often as JSON.
    Being a ``JSONParser`` makes DRF buffer the body, so ``request.body`` stays readable after
    the session CSRF check has parsed the request. That check reads ``request.POST``, which for
    a form content type is this parser's result, so it gets an empty QueryDict: the CSRF token
    then comes from the X-CSRFToken header.
    """

    media_type = "*/*"

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> QueryDict:
        return QueryDict()


def json_body(request: Request) -> Any:
    """The request body decoded as JSON, whatever its content type; a 400 (413) saying what is wrong."""
    try:
        raw = request.body
    except RequestDataTooBig:
        raise ApplicationError(
            "the request body is too large", status=http.HTTP_413_REQUEST_ENTITY_TOO_LARGE
        ) from None
    except RawPostDataException:
        raise ApplicationError("the request body could not be read; send it as JSON") from None
    if not raw or not raw.strip():
        raise ApplicationError("the request body is empty; send JSON")
    try:
        return json.loads(raw)
    except UnicodeDecodeError as exc:
        raise ApplicationError(f"the request body is not UTF-8 text: {exc}") from None
    except ValueError as exc:
        raise ApplicationError(f"the request body is not valid JSON: {exc}") from None
    except RecursionError:
        raise ApplicationError("the request body is nested too deeply") from None


def int_param(request: Request, name: str, default: int, minimum: int = 0) -> int:
    """Query parameter ``name`` as a whole number of at least ``minimum``; ``default`` when absent."""
    text = request.query_params.get(name, "").strip()
    if not text:
        return default
    try:
        value = int(text)
    except ValueError:
        raise ApplicationError(f"{name} must be a whole number, not {text!r}") from None
    if value < minimum:
        raise ApplicationError(f"{name} must be at least {minimum}, not {value}")
    return value

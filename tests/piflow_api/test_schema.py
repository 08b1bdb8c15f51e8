"""The OpenAPI schema covers PiFlow's flow API."""

from __future__ import annotations

from drf_spectacular.generators import SchemaGenerator

from .test_groups_and_access import ENDPOINTS


def test_every_endpoint_is_in_the_schema_under_its_tag():
    # given
    generator = SchemaGenerator()  # the site's URLs (ROOT_URLCONF)

    # when
    schema = generator.get_schema(request=None, public=True)

    # then
    for method, url in ENDPOINTS:
        operation = schema["paths"][url][method]
        assert operation["tags"] == ["PiFlow flow API"], url
        assert operation["operationId"].startswith("piflow_")
    start = schema["paths"]["/flow/start"]["post"]
    assert start["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/PiflowFlow")
    info = schema["components"]["schemas"]["PiflowFlowInfoBody"]
    assert set(info["properties"]) == {
        "id",
        "pid",
        "name",
        "state",
        "startTime",
        "endTime",
        "progress",
        "stops",
    }
    path = schema["components"]["schemas"]["PiflowPath"]
    assert set(path["properties"]) == {"from", "outport", "inport", "to"}

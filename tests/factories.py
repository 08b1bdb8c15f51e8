"""factory_boy factories shared by the Django tests: users (``tests/conftest.py`` makes them) and flows."""

from __future__ import annotations

import copy

import factory
from django.contrib.auth import get_user_model
from factory.django import DjangoModelFactory

from flows.models import Flow, Process

#: A sensitive value that must never appear in a response, an export or an admin page.
SECRET = "canary-s3cret-7f1d"
PASSWORD = "correct horse battery staple"
#: The database host of the factories' flow: one ordinary users are granted in the tests
#: (``tests/conftest.py``), never this server's own database (no user's flow may reach that), and
#: never connected to (an address of TEST-NET-2).
DB_HOST = "198.51.100.7"

VALID_STOPS = [
    {
        "name": "Db",
        "bundle": "cn.piflow.bundle.jdbc.PostgresqlRead",
        "uuid": "db-1",
        "properties": {
            "url": f"jdbc:postgresql://{DB_HOST}:5432/test",
            "user": "postgres",
            "password": SECRET,
            "selectedContent": "*",
            "tableName": "people",
        },
    },
    {
        "name": "Show",
        "bundle": "piflow.stops.common.ShowData",
        "uuid": "show-1",
        "properties": {"showNumber": "5"},
    },
]
VALID_PATHS = [{"from": "Db", "outport": "", "inport": "", "to": "Show"}]


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password(PASSWORD)
    is_staff = False


class FlowFactory(DjangoModelFactory):
    """A valid two-stop flow (PostgreSQL read -> show) whose read carries a password."""

    class Meta:
        model = Flow

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"flow {n}")
    description = "reads people"
    stops = factory.LazyFunction(lambda: copy.deepcopy(VALID_STOPS))
    paths = factory.LazyFunction(lambda: copy.deepcopy(VALID_PATHS))
    positions = factory.LazyFunction(lambda: {"Db": {"x": 0, "y": 0}, "Show": {"x": 200, "y": 0}})


def finish(process: Process, state: str = "COMPLETED") -> Process:
    """Mark a run as ended in ``state`` (as its worker would)."""
    Process.objects.filter(pk=process.pk).update(state=state)
    process.refresh_from_db()
    return process

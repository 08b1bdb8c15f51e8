"""Flows (what a user draws) and processes (runs of a flow, with their stops and paths)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

import piflow


class Flow(models.Model):
    """A flow owned by a user: stops, paths, canvas positions, checkpoint marks, Spark resources.

    ``stops`` and ``paths`` hold PiFlow's JSON objects (``{"name","bundle","uuid","properties",
    "customizedProperties"}`` and ``{"from","outport","inport","to"}``). ``revision`` grows by one
    on every save; a save naming an older revision is refused (409), never silently applied.
    """

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="flows")
    name = models.CharField(_("name"), max_length=200)
    uuid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    description = models.TextField(_("description"), blank=True)
    driver_memory = models.CharField(_("driver memory"), max_length=16, default="1g")
    executor_number = models.PositiveIntegerField(_("executors"), default=1)
    executor_memory = models.CharField(_("executor memory"), max_length=16, default="1g")
    executor_cores = models.PositiveIntegerField(_("executor cores"), default=1)
    stops = models.JSONField(default=list, blank=True)
    paths = models.JSONField(default=list, blank=True)
    positions = models.JSONField(default=dict, blank=True, help_text="stop name -> {x, y} on the canvas")
    checkpoints = models.JSONField(default=list, blank=True, help_text="names of checkpointed stops")
    environment = models.JSONField(default=dict, blank=True, help_text="${VAR} -> value")
    revision = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        indexes = [models.Index(fields=["owner", "-updated_at"])]
        verbose_name = _("flow")
        verbose_name_plural = _("flows")

    def __str__(self) -> str:
        return self.name


class ProcessState(models.TextChoices):
    INIT = piflow.State.INIT, _("initialised")
    STARTED = piflow.State.STARTED, _("started")
    COMPLETED = piflow.State.COMPLETED, _("completed")
    FAILED = piflow.State.FAILED, _("failed")
    KILLED = piflow.State.KILLED, _("killed")


class StopState(models.TextChoices):
    INIT = piflow.State.INIT, _("initialised")
    STARTED = piflow.State.STARTED, _("started")
    COMPLETED = piflow.State.COMPLETED, _("completed")
    FAILED = piflow.State.FAILED, _("failed")
    KILLED = piflow.State.KILLED, _("killed")
    SKIPPED = piflow.State.SKIPPED, _("skipped")


FINISHED_STATES = (ProcessState.COMPLETED, ProcessState.FAILED, ProcessState.KILLED)


class ProcessMode(models.TextChoices):
    RUN = piflow.RUN, _("run")
    DEBUG = piflow.DEBUG, _("debug")


class Trigger(models.TextChoices):
    """What started a run."""

    MANUAL = "manual", _("manual")
    SCHEDULE = "schedule", _("schedule")
    API = "api", _("API")
    GROUP = "group", _("group")


def new_process_id() -> str:
    return piflow.new_run_id()


def new_pid() -> str:
    return f"process_{uuid.uuid4()}"


class Process(models.Model):
    """One run of a flow. Its ``spec`` is a snapshot: later edits of the flow never change it.

    How it runs is its run request (``run_request``): ``mode``, the stops it checkpoints
    (``ProcessStop.checkpoint``), and, when it resumes, the run it resumes from
    (``resumed_from``) and which of that run's checkpoints it loads (``loaded_checkpoints``;
    empty: all). ``group_run`` is the id of the group run it belongs to, if any (the ``groups``
    app owns group runs; flows never import groups, so it is a plain id).

    The database is the truth about a run. A worker that claims it holds a lease
    (``worker``, ``lease_expires_at``) and renews it by heartbeat; a run whose lease expired
    is marked FAILED by the reaper. ``cancel_requested`` asks the worker to stop it.
    """

    id = models.CharField(primary_key=True, max_length=64, default=new_process_id, editable=False)
    pid = models.CharField(max_length=64, default=new_pid, editable=False, unique=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="processes")
    flow = models.ForeignKey(Flow, null=True, blank=True, on_delete=models.SET_NULL, related_name="processes")
    resumed_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resumed_by",
        help_text="the earlier run whose checkpoints this run loads",
    )
    loaded_checkpoints = models.JSONField(
        default=list, blank=True, help_text="stops loaded from resumed_from's checkpoints (empty: all it has)"
    )
    group_run = models.CharField(
        max_length=64, blank=True, db_index=True, help_text="the group run this run belongs to, if any"
    )
    name = models.CharField(_("name"), max_length=200)
    spec = models.JSONField(help_text="the PiFlow flow JSON that ran (secrets included; never served)")
    mode = models.CharField(max_length=8, choices=ProcessMode.choices, default=ProcessMode.RUN)
    trigger = models.CharField(max_length=16, choices=Trigger.choices, default=Trigger.MANUAL)
    state = models.CharField(
        max_length=16, choices=ProcessState.choices, default=ProcessState.INIT, db_index=True
    )
    progress = models.FloatField(default=0.0, help_text="finished stops / all stops x 100")
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    cancel_requested = models.BooleanField(default=False)
    worker = models.CharField(max_length=200, blank=True, help_text="the worker holding the lease")
    lease_expires_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["owner", "-created_at"]),
            models.Index(fields=["flow", "-created_at"]),
        ]
        verbose_name = _("process")
        verbose_name_plural = _("processes")

    def __str__(self) -> str:
        return f"{self.name} ({self.id})"

    @property
    def finished(self) -> bool:
        return self.state in FINISHED_STATES

    @property
    def flow_spec(self) -> piflow.FlowSpec:
        return piflow.FlowSpec.from_dict(self.spec)

    @property
    def run_request(self) -> piflow.RunRequest:
        """How this run goes: mode, stops to checkpoint, the run it resumes from and what it loads."""
        return piflow.RunRequest(
            mode=self.mode,
            checkpoints=tuple(self.stops.filter(checkpoint=True).values_list("name", flat=True)),
            resume_from=self.resumed_from_id or "",
            load=tuple(self.loaded_checkpoints),
        )


class ProcessStop(models.Model):
    """A stop's state and times within one process."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="stops")
    name = models.CharField(max_length=200)
    bundle = models.CharField(max_length=300)
    position = models.PositiveIntegerField(default=0, help_text="order in the flow definition")
    state = models.CharField(max_length=16, choices=StopState.choices, default=StopState.INIT)
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    checkpoint = models.BooleanField(default=False)

    class Meta:
        ordering = ["process", "position"]
        constraints = [models.UniqueConstraint(fields=["process", "name"], name="unique_stop_per_process")]

    def __str__(self) -> str:
        return f"{self.name}: {self.state}"


class ProcessPath(models.Model):
    """A path of one process, with the rows that crossed it (known once an action read them)."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="paths")
    from_stop = models.CharField(max_length=200)
    outport = models.CharField(max_length=200, blank=True)
    inport = models.CharField(max_length=200, blank=True)
    to_stop = models.CharField(max_length=200)
    rows = models.BigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["process", "id"]

    def __str__(self) -> str:
        return f"{self.from_stop}:{self.outport or 'default'} -> {self.to_stop}:{self.inport or 'default'}"

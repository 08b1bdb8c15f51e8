"""Audit: who started, stopped, deleted or changed a flow, a run, a grant (and, as their apps record
them, groups, schedules, data sources and StopsHub packages), and when.

Services call ``audit.services.record_event`` inside their own transaction, so an event is kept
exactly when the change it describes is. An event copies the actor's and the target's names and
holds no link to the target, so it outlives both. Only admins read the trail: in Django's admin and
at ``GET /api/audit/``.
"""

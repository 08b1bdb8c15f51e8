"""The dashboard: the machine's load and how many of each thing the user has.

It owns no counts: every installed app whose ``AppConfig`` has a ``dashboard_counts(user)``
method reports its own (``dashboard.selectors.app_counts``), so a new app shows up here by
adding that method, and the dashboard imports no domain app.
"""

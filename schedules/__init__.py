"""Cron schedules that start flows and groups."""

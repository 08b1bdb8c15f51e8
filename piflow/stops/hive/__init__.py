"""Hive stops: read and write tables of the session's Hive metastore, run HiveQL scripts."""

"""Jdbc stops: read from and write to relational databases over JDBC (PostgreSQL, MySQL/MariaDB, ...)."""

"""Parquet stops: read and write Parquet files."""

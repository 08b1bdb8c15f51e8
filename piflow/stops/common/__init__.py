"""Common stops: row and column transforms, fork/merge, joins, routing."""

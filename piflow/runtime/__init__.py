"""Running flows: the warm SparkSession, the runner and its events."""

"""The Celery queues, named once for the tasks that use them and the settings that route them."""

#: Spark work runs on its own queue so a worker with a warm SparkSession can own it.
SPARK_QUEUE = "spark"
#: Everything else: quick tasks that never start a JVM.
DEFAULT_QUEUE = "default"

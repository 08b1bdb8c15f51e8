"""The API plumbing shared by every app: the exception handler, pagination, request parsing."""

"""Xml stops: read XML files and inline XML text by row tag, write DataFrames as XML."""

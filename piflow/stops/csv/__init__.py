"""CSV stops: read CSV files and inline CSV text, write DataFrames as CSV."""

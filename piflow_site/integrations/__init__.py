"""One small module per integration; each turns environment values into Django settings."""

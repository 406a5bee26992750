"""Settings: `base` reads the environment (development and production); `test` for pytest."""

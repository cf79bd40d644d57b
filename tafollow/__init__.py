"""tafollow: the TA-seuranta status deck from one YAML file per project."""

__version__ = "0.1.0"

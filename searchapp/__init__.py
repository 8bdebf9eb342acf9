"""searchapp: search news and analysis articles paragraph by paragraph."""

__version__ = "0.1.0"

"""The PySide6 desktop app: the only package of searchapp that imports Qt."""

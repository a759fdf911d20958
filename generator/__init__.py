"""Gongkai: compile open-government catalogues (YAML records) into a public website."""

__version__ = "0.1.0"

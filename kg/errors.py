"""The tool's exceptions. Each carries one clear, user-facing line."""
from __future__ import annotations


class KgError(Exception):
    """Base class: ``str(err)`` is a message fit for one line on stderr."""

    exit_code = 1


class InputError(KgError):
    """An input file or folder cannot be read or is not an article."""

    exit_code = 2


class QueryError(KgError):
    """A SPARQL query is malformed, failed, or timed out."""

    exit_code = 3


class StoreError(KgError):
    """The store cannot be opened, is locked, or is of an unknown version."""

    exit_code = 4


class ConfigError(KgError):
    """A data file (gazetteer, pattern, ontology) is missing or malformed."""

    exit_code = 5

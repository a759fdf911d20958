"""The one small exception hierarchy. The CLI catches GongkaiError; nothing else reaches a user."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.diagnostics import Diagnostic


class GongkaiError(Exception):
    """Base class: a problem the user can fix, with a plain Chinese message."""


class ConfigError(GongkaiError):
    """The site configuration or the command line is wrong."""


class CatalogueError(GongkaiError):
    """Records failed validation; carries every diagnostic found."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__(f"{len(diagnostics)} 个问题")
        self.diagnostics = diagnostics


class BuildError(GongkaiError):
    """A build step (Graphviz, MkDocs, the indexer, the disk) failed; the previous output is untouched."""

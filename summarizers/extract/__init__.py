"""Article → key points: extractive sentence selection (sumy methods and the default)."""

from __future__ import annotations

from summarizers.extract.languages import language_support
from summarizers.extract.registry import METHODS, select_points

__all__ = ["METHODS", "language_support", "select_points"]

"""Article → key points: extractive sentence selection (sumy methods and the default)."""

from __future__ import annotations

from summarizers.extract.registry import METHODS, select_points

__all__ = ["METHODS", "select_points"]

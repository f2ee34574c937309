"""The extractive methods' names, importable without loading sumy (for the CLI's `--help`)."""

from __future__ import annotations

# sumy's stock methods, run by `sumy_methods` (imported only when one of them is asked for).
SUMY_METHODS = ("lexrank", "lsa", "luhn", "textrank", "kl", "sumbasic", "reduction", "edmundson")
METHOD_NAMES = ("default", "lead", *SUMY_METHODS)

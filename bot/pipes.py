"""A reader that goes away (`digestbot ... | head`) ends a command quietly, whichever it is."""

from __future__ import annotations

import os
import sys

# What the shell reports for a command whose reader went away (128 + SIGPIPE).
BROKEN_PIPE_STATUS = 141


def stdout_gone() -> int:
    """Point stdout at /dev/null (so Python's final flush does not raise again); the status."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return BROKEN_PIPE_STATUS

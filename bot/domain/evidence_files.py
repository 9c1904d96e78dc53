"""The evidence folder: files under random names, readable by the server's user only."""

from __future__ import annotations

import hashlib
import os
import re
import secrets
from pathlib import Path

_STORED = re.compile(r"^[a-f0-9]{32}$")


class EvidenceFiles:
    """Writes, reads and deletes evidence files; never builds a path from a worker's input."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _ensure(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)

    def path(self, stored_name: str) -> Path:
        if not _STORED.fullmatch(stored_name):
            raise ValueError("not a stored evidence name")
        return self.root / stored_name

    def write(self, data: bytes) -> tuple[str, str]:
        """Store the bytes under a new random name; returns (stored name, sha256)."""
        self._ensure()
        name = secrets.token_hex(16)
        path = self.path(name)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        return name, hashlib.sha256(data).hexdigest()

    def read(self, stored_name: str) -> bytes:
        return self.path(stored_name).read_bytes()

    def delete(self, stored_name: str) -> bool:
        """Remove a file; False when it was already gone."""
        try:
            self.path(stored_name).unlink()
            return True
        except FileNotFoundError:
            return False

    def names(self) -> list[tuple[str, float]]:
        """Every stored file with its modification time (for the orphan sweep)."""
        if not self.root.is_dir():
            return []
        found = []
        for entry in os.scandir(self.root):
            if entry.is_file() and _STORED.fullmatch(entry.name):
                found.append((entry.name, entry.stat().st_mtime))
        return found

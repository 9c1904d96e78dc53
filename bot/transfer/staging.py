"""Uploaded files kept between the dry run and the admin's "confirm", by content hash.

The confirm step names the file by its SHA-256 and the dry run's digest, so it applies
exactly the bytes that were checked. Files live in a private temporary directory shared by
the server processes of this host, under the uploading account's id, and expire after an hour.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import time
from pathlib import Path

from bot.transfer import FORMATS

MAX_AGE_SECONDS = 3600
_SHA = re.compile(r"^[0-9a-f]{64}$")


def _directory() -> Path:
    path = Path(tempfile.gettempdir()) / f"workerbot-imports-{os.getuid()}"
    path.mkdir(mode=0o700, exist_ok=True)
    return path


def _path(owner: int, sha: str, fmt: str) -> Path:
    return _directory() / f"{int(owner)}-{sha}.{fmt}"


def _sweep(now: float) -> None:
    for old in _directory().iterdir():
        try:
            if now - old.stat().st_mtime > MAX_AGE_SECONDS:
                old.unlink()
        except OSError:  # another process swept it first
            pass


def stage(owner: int, fmt: str, data: bytes) -> str:
    """Keep the upload for its owner; returns its SHA-256 (hex)."""
    _sweep(time.time())
    sha = hashlib.sha256(data).hexdigest()
    final = _path(owner, sha, fmt)
    with tempfile.NamedTemporaryFile(dir=_directory(), delete=False) as tmp:
        tmp.write(data)
    os.replace(tmp.name, final)
    return sha


def staged(owner: int, sha: str, fmt: str) -> bytes | None:
    """The owner's upload with this hash, if it is still kept and intact."""
    if not _SHA.match(sha or "") or fmt not in FORMATS:
        return None
    path = _path(owner, sha, fmt)
    try:
        if time.time() - path.stat().st_mtime > MAX_AGE_SECONDS:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest() == sha else None


def discard(owner: int, sha: str, fmt: str) -> None:
    """Forget an upload once it has been imported."""
    if _SHA.match(sha or "") and fmt in FORMATS:
        _path(owner, sha, fmt).unlink(missing_ok=True)

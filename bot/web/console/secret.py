"""The key that signs staff sessions: from the environment, or one generated file all processes share."""

from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path

from sqlalchemy.engine import make_url

from bot.settings import Settings

log = logging.getLogger(__name__)

MIN_LENGTH = 32
# words of the examples people copy; a random key of 32+ characters contains none of them
PLACEHOLDERS = ("changeme", "change-me", "change_me", "secret", "password", "example")


class InsecureSecret(RuntimeError):
    """WORKERBOT_SECRET_KEY is set to something anyone could guess."""


def check_secret(value: str) -> str:
    """Refuse placeholders and short keys, naming the variable."""
    lowered = value.strip().lower()
    if len(value) < MIN_LENGTH:
        raise InsecureSecret(
            f"WORKERBOT_SECRET_KEY is shorter than {MIN_LENGTH} characters: "
            'generate one with `python -c "import secrets; print(secrets.token_urlsafe(48))"`'
        )
    if any(p in lowered for p in PLACEHOLDERS) or len(set(value)) < 8:
        raise InsecureSecret("WORKERBOT_SECRET_KEY looks like a placeholder: use a random value")
    return value


def secret_file(settings: Settings) -> Path | None:
    """Next to the SQLite database; for a server database, next to config.yml; None for an
    in-memory database (one process only, so a key in memory is enough)."""
    url = make_url(settings.database_url)
    if url.get_backend_name() != "sqlite":
        return settings.root / ".workerbot-secret"
    if not url.database or url.database == ":memory:" or url.query.get("mode") == "memory":
        return None
    db = Path(url.database)
    if not db.is_absolute():
        db = Path.cwd() / db
    return db.with_name(db.name + ".secret")


def _read_or_create(path: Path) -> str:
    """Create the key atomically (link fails if another process won) and read the winner's."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, secrets.token_urlsafe(48).encode())
        finally:
            os.close(fd)
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            tmp.unlink(missing_ok=True)
    if path.stat().st_mode & 0o077:
        log.warning("%s is readable by other users: chmod 600 it", path)
    return path.read_text(encoding="utf-8").strip()


# set by `workerbot run` once it has warned about a missing WORKERBOT_SECRET_KEY
NOTED = "WORKERBOT_SECRET_KEY_NOTED"


def session_key(settings: Settings) -> bytes:
    """The signing key; generated once into a 0600 file when the environment has none."""
    configured = settings.env.workerbot_secret_key
    if configured:
        return check_secret(configured).encode()
    path = secret_file(settings)
    if path is None:
        return secrets.token_bytes(32)
    if not os.environ.get(NOTED):  # `workerbot run` warns once, not once per worker
        log.warning(
            "WORKERBOT_SECRET_KEY is not set: staff sessions are signed with the key in %s "
            "(set the variable in production)",
            path,
        )
    key = _read_or_create(path)
    if len(key) < MIN_LENGTH:
        raise InsecureSecret(f"{path} holds a key shorter than {MIN_LENGTH} characters")
    return key.encode()

"""The `evidence:` section of config.yml: where workers' files live, how big, how long kept."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

MIB = 1024 * 1024


class EvidenceConfig(BaseModel):
    """Files workers send to their mediation cases (docs/evidence.md)."""

    model_config = ConfigDict(extra="forbid")

    # a folder outside the web root; unset: `evidence/` beside the SQLite database file (or
    # beside config.yml with PostgreSQL). Relative paths are read from config.yml's folder.
    dir: str | None = None
    # the largest file accepted, in bytes (Telegram bots cannot download more than 20 MB)
    max_bytes: int = Field(10 * MIB, ge=64 * 1024, le=20 * MIB)
    # files of a closed case are deleted this many days after it was closed
    retention_days: int = Field(180, ge=1, le=3650)
    # a file not yet attached to a case (the worker was asked which case) is kept this long
    pending_hours: int = Field(24, ge=1, le=24 * 14)

"""A worker's file for their mediation case: checked, kept, attached to the right case once.

Nothing is kept of a file that is refused or that has no open case to go to. With several
open cases the file is kept as pending (no case yet) until the worker picks one; pending
files that are never placed go with the retention sweep (bot/domain/evidence_retention.py).
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from bot.core.attachments import Attachment
from bot.domain.evidence_check import Checked, check
from bot.domain.evidence_files import EvidenceFiles
from bot.settings import EvidenceConfig
from bot.store import evidence as repo
from bot.store.models import Evidence, MediationCase

log = logging.getLogger(__name__)

REFUSED, NO_CASE, ATTACHED, DUPLICATE, CHOOSE, GONE = (
    "refused",
    "no_case",
    "attached",
    "duplicate",
    "choose",
    "gone",
)


@dataclass
class Outcome:
    """What became of a file; `reason` for a refusal, `cases` to choose from."""

    kind: str
    name: str = ""
    reason: str = ""
    case_no: str = ""
    evidence_id: int | None = None
    cases: list[tuple[str, str]] = field(default_factory=list)  # (case_no, dispute type)


@dataclass(frozen=True)
class Sender:
    channel: str
    sender_id: str
    conversation_id: int | None


class EvidenceDesk:
    """Receives files for cases (actions/evidence.py) and serves them to the admin pages."""

    def __init__(self, files: EvidenceFiles, config: EvidenceConfig) -> None:
        self.files, self.config = files, config

    def receive(self, s: Session, attachment: Attachment, who: Sender) -> Outcome:
        """Check the file and attach it to the worker's one open case, or ask which case."""
        checked = check(attachment, self.config.max_bytes)
        if not isinstance(checked, Checked):
            return Outcome(REFUSED, attachment.name, reason=checked.reason)
        cases = repo.open_cases(s, who.channel, who.sender_id)
        if not cases:
            return Outcome(NO_CASE, checked.name)
        assert attachment.data is not None  # check() refuses a file without bytes
        if len(cases) == 1:
            return self._keep(s, attachment.data, checked, who, cases[0])
        row = self._store(s, attachment.data, checked, who, None)
        return Outcome(
            CHOOSE,
            checked.name,
            evidence_id=row.id,
            cases=[(c.case_no, c.dispute_type) for c in cases],
        )

    def keep_for_case(
        self, s: Session, attachment: Attachment, case: MediationCase, channel: str
    ) -> Outcome:
        """A file for a case from the desk (the signed agreement): checked like a worker's,
        attached to the case directly."""
        checked = check(attachment, self.config.max_bytes)
        if not isinstance(checked, Checked):
            return Outcome(REFUSED, attachment.name, reason=checked.reason)
        assert attachment.data is not None  # check() refuses a file without bytes
        return self._keep(s, attachment.data, checked, Sender(channel, "", None), case)

    def place(self, s: Session, evidence_id: int, case_no: str, who: Sender) -> Outcome:
        """Attach a pending file to the case the worker picked (one of their open cases)."""
        if who.conversation_id is None:
            return Outcome(GONE)
        row = repo.pending(s, evidence_id, who.conversation_id)
        if row is None:
            return Outcome(GONE)
        cases = repo.open_cases(s, who.channel, who.sender_id)
        case = next((c for c in cases if c.case_no == case_no), None)
        if case is None:
            return Outcome(GONE, row.original_name)
        if repo.same_file(s, case.id, row.sha256) is not None:
            # the row goes with this turn; its file, then without a row, goes with the
            # retention sweep's stray files (never deleted before the turn commits)
            repo.remove(s, [row.id])
            return Outcome(DUPLICATE, row.original_name, case_no=case.case_no)
        repo.attach(s, row, case)
        return Outcome(ATTACHED, row.original_name, case_no=case.case_no, evidence_id=row.id)

    def _keep(
        self, s: Session, data: bytes, checked: Checked, who: Sender, case: MediationCase
    ) -> Outcome:
        if repo.same_file(s, case.id, hashlib.sha256(data).hexdigest()) is not None:
            return Outcome(DUPLICATE, checked.name, case_no=case.case_no)
        row = self._store(s, data, checked, who, case)
        return Outcome(ATTACHED, checked.name, case_no=case.case_no, evidence_id=row.id)

    def _store(
        self, s: Session, data: bytes, checked: Checked, who: Sender, case: MediationCase | None
    ) -> Evidence:
        stored, sha = self.files.write(data)
        try:
            return repo.add(
                s,
                case_id=case.id if case is not None else None,
                conversation_id=who.conversation_id,
                channel=who.channel,
                stored_name=stored,
                original_name=checked.name,
                content_type=checked.content_type,
                size=len(data),
                sha256=sha,
            )
        except Exception:
            self.files.delete(stored)
            raise

"""Teaching the intent model from the admin pages: write-back, background retrain, publishing.

1. Examples are written in Rasa 3 format to `data/nlu_learned.yml` (data/nlu.yml stays
   hand-curated); an example that is already a training example is skipped.
2. A background thread retrains (one at a time per process; a file lock orders processes)
   and saves the model under its fingerprint directory (bot/nlu_model.py).
3. The model's name is published in `meta` (`model_version`); every process's watcher
   (bot/app/watch.py) loads it and swaps it in. A failed retrain leaves the old model serving
   and its status (`model_retrain` in `meta`) says so on the admin page.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.core.privacy import mask
from bot.domain.phrasing import phrasing_key
from bot.nlu import model as nlu_model
from bot.settings import Settings
from bot.store.db import Database
from bot.store.meta import MetaStore
from bot.store.models import utcnow
from intents import Interpreter, load_training_data
from intents.training_data import ENTITY_ANNOTATION

log = logging.getLogger(__name__)

MODEL_VERSION = "model_version"
RETRAIN_STATUS = "model_retrain"
HEADER = (
    "# Examples taught from the admin pages (未理解的消息 → 加为意图例句).\n"
    "# Written by workerbot; data/nlu.yml stays hand-curated. Rasa 3 format.\n"
)
_SPACES = re.compile(r"\s+")


# -- write-back -----------------------------------------------------------------------------
@dataclass
class Written:
    """What happened to each taught example."""

    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)  # already an example of this intent
    conflicts: dict[str, str] = field(default_factory=dict)  # text -> the intent it has


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """An exclusive lock across processes (the lock file sits next to what it guards)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def clean_example(text: str) -> str:
    """One line, no Rasa entity markup (brackets made full-width), as a training example."""
    line = _SPACES.sub(" ", text).strip()
    if ENTITY_ANNOTATION.search(line):
        line = line.replace("[", "【").replace("]", "】")
    return line


def _learned(path: Path) -> dict[str, list[str]]:
    if not path.exists():
        return {}
    data = load_training_data([path])
    out: dict[str, list[str]] = {}
    for ex in data.examples:
        out.setdefault(ex.intent, []).append(ex.text)
    return out


class _RasaDumper(yaml.SafeDumper):
    """Examples as a literal block (`examples: |`), as Rasa writes them."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_RasaDumper.add_representer(str, _str)


def _dump(examples: dict[str, list[str]]) -> str:
    body = {
        "version": "3.1",
        "nlu": [
            {"intent": intent, "examples": "".join(f"- {t}\n" for t in texts)}
            for intent, texts in sorted(examples.items())
            if texts
        ],
    }
    return HEADER + yaml.dump(body, Dumper=_RasaDumper, allow_unicode=True, sort_keys=False)


def write_examples(settings: Settings, intent: str, texts: list[str]) -> Written:
    """Add `texts` as examples of `intent` to the learned file; known examples are skipped."""
    path = nlu_model.learned_file(settings)
    result = Written()
    with _file_lock(path.with_name(f".{path.name}.lock")):
        learned = _learned(path)
        known: dict[str, str] = {}
        for ex in load_training_data(list(settings.nlu_files)).examples:
            known.setdefault(phrasing_key(ex.text), ex.intent)
        for name, items in learned.items():
            for t in items:
                known.setdefault(phrasing_key(t), name)
        for raw in texts:
            text = clean_example(raw)
            key = phrasing_key(text)
            if not key:
                continue
            if key in known:
                if known[key] == intent:
                    result.duplicates.append(text)
                else:
                    result.conflicts[text] = known[key]
                continue
            known[key] = intent
            learned.setdefault(intent, []).append(text)
            result.added.append(text)
        if result.added:
            tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
            tmp.write_text(_dump(learned), encoding="utf-8")
            os.replace(tmp, path)
    return result


# -- meta: the published model and the retrain status ----------------------------------------
def _set_meta(db: Database, key: str, value: str) -> None:
    MetaStore(db).put(key, value)


def _get_meta(db: Database, key: str) -> str | None:
    return MetaStore(db).get(key)


def publish(db: Database, name: str) -> None:
    """Tell every process to load the model saved as `name`."""
    _set_meta(db, MODEL_VERSION, name)


def published(db: Database) -> str | None:
    return _get_meta(db, MODEL_VERSION)


def set_status(db: Database, state: str, detail: str = "") -> None:
    payload = {"state": state, "detail": detail, "at": utcnow().isoformat(timespec="seconds")}
    _set_meta(db, RETRAIN_STATUS, json.dumps(payload, ensure_ascii=False))


def status(db: Database) -> dict[str, Any]:
    """The latest retrain: state (running / succeeded / failed), detail, at (UTC)."""
    raw = _get_meta(db, RETRAIN_STATUS)
    try:
        return json.loads(raw) if raw else {"state": "none", "detail": "", "at": ""}
    except ValueError:
        return {"state": "none", "detail": "", "at": ""}


# -- the background retrain ----------------------------------------------------------------
class Retrainer:
    """Retrains in a background thread; requests while one runs make it run once more."""

    def __init__(
        self,
        settings: Settings,
        db: Database,
        on_ready: Callable[[Interpreter], None] | None = None,
    ) -> None:
        self.settings, self.db, self.on_ready = settings, db, on_ready
        self._lock = threading.Lock()
        self._pending = False
        self._thread: threading.Thread | None = None
        self._idle = threading.Event()
        self._idle.set()

    def request(self) -> None:
        """Retrain soon (never on the caller's thread)."""
        with self._lock:
            self._pending = True
            if self._thread is None:
                self._idle.clear()
                self._thread = threading.Thread(target=self._run, name="nlu-retrain", daemon=True)
                self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until no retrain is running or pending (tests, shutdown)."""
        return self._idle.wait(timeout)

    def _run(self) -> None:
        while True:
            with self._lock:
                if not self._pending:
                    self._thread = None
                    self._idle.set()
                    return
                self._pending = False
            self.run_once()

    def run_once(self) -> bool:
        """Train (unless a model for the current data exists), publish; False if it failed."""
        try:
            set_status(self.db, "running")
            lock = self.settings.model_dir / ".retrain.lock"
            with _file_lock(lock):
                path = nlu_model.model_path(self.settings)
                if not (path / "metadata.json").exists():
                    path = nlu_model.train(self.settings)
                interpreter = nlu_model.load_named(self.settings, path.name)
            if self.on_ready is not None:
                self.on_ready(interpreter)
            publish(self.db, path.name)
            set_status(self.db, "succeeded", path.name)
            return True
        except Exception as exc:  # noqa: BLE001 - the old model keeps serving; the page says why
            log.exception("retraining the intent model failed")
            detail = mask(f"{type(exc).__name__}: {exc}")[:300]
            try:
                set_status(self.db, "failed", detail)
            except Exception:  # noqa: BLE001 - the database itself may be the problem
                log.exception("could not record the failed retrain")
            return False

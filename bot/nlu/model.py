"""Training and loading the intent model, versioned by a hash of training data and settings.

The training data is `data/nlu.yml` (hand-curated) plus `data/nlu_learned.yml` when it exists
(examples taught from the admin pages, bot/retrain.py). A model is saved under a directory
named by the fingerprint of those files and the options, so every process that reads the
same files finds the same model.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from bot.core.yamlfile import read_yaml
from bot.settings import Settings
from intents import Interpreter, NLUOptions, fingerprint

LEARNED_FILE = "nlu_learned.yml"


class ModelMissing(RuntimeError):
    """No trained model matches the current training data and settings."""


def nlu_options(settings: Settings) -> NLUOptions:
    """The classifier's options from config.yml (keys only the bot uses are left out)."""
    return NLUOptions.from_dict(settings.config.nlu.model_dump())


def learned_file(settings: Settings) -> Path:
    """Where examples taught from the admin pages are written (Rasa 3 NLU format)."""
    return settings.data_dir / LEARNED_FILE


def training_files(settings: Settings) -> list[Path]:
    """The hand-curated files, then the learned examples if any were written."""
    files = list(settings.nlu_files)
    learned = learned_file(settings)
    if learned.exists() and learned.resolve() not in {f.resolve() for f in files}:
        files.append(learned)
    return files


def model_name(settings: Settings) -> str:
    """The directory name of the model for the current data and settings."""
    return f"nlu-{fingerprint(training_files(settings), nlu_options(settings))[:16]}"


def model_path(settings: Settings) -> Path:
    """Where the model for the current data and settings lives (a stale one has another name)."""
    return settings.model_dir / model_name(settings)


def name_of(interpreter: Interpreter) -> str:
    """The directory name a loaded interpreter was (or would be) saved under."""
    return f"nlu-{interpreter.fingerprint[:16]}"


def train(settings: Settings) -> Path:
    """Train on the training files and save under the fingerprinted name.

    Saved into a temporary directory first and renamed, so a process loading the model at the
    same moment never sees half of it.
    """
    files = training_files(settings)
    interpreter = Interpreter.train(files, nlu_options(settings))
    path = settings.model_dir / name_of(interpreter)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    interpreter.save(tmp)
    try:
        os.rename(tmp, path)
    except OSError:
        if not path.exists():
            raise
        shutil.rmtree(tmp, ignore_errors=True)  # another process saved the same model first
    return path


# the prefix Rasa's convention gives intents triggered from outside, never by a message
EXTERNAL_PREFIX = "EXTERNAL_"


def domain_intents(settings: Settings) -> list[str]:
    """The intents declared in data/domain.yml."""
    raw = read_yaml(settings.data_dir / "domain.yml") or {}
    return [i if isinstance(i, str) else next(iter(i)) for i in raw.get("intents") or []]


def open_to_domain(interpreter: Interpreter, settings: Settings) -> Interpreter:
    """Accept button payloads of every domain intent, as Rasa does.

    Some intents are reached only by buttons (faq_feedback) and have no training examples,
    so the classifier does not know them; a payload naming them must still be understood.
    External intents (EXTERNAL_…, which a Rasa server receives from our console through its
    trigger_intent API, docs/rasa.md) are not a worker's to send: such a payload is not
    understood.
    """
    buttons = {i for i in domain_intents(settings) if not i.startswith(EXTERNAL_PREFIX)}
    interpreter.intents = sorted(set(interpreter.intents) | buttons)
    return interpreter


def load_named(settings: Settings, name: str) -> Interpreter:
    """A saved model by directory name (the one another process published)."""
    path = settings.model_dir / name
    if not (path / "metadata.json").exists():
        raise ModelMissing(f"no trained model {name} in {settings.model_dir}")
    return open_to_domain(Interpreter.load(path), settings)


def load(settings: Settings, train_if_missing: bool = False) -> Interpreter:
    """The model for the current data; trains or refuses with a clear message if there is none."""
    path = model_path(settings)
    if not path.exists():
        if not train_if_missing:
            raise ModelMissing(
                f"no trained model for the current training data ({path.name}): run `workerbot train`"
            )
        path = train(settings)
    return open_to_domain(Interpreter.load(path), settings)

"""Training and loading the intent model, versioned by a hash of training data and settings."""

from __future__ import annotations

from pathlib import Path

from bot.settings import Settings
from intents import Interpreter, NLUOptions, fingerprint


class ModelMissing(RuntimeError):
    """No trained model matches the current training data and settings."""


def nlu_options(settings: Settings) -> NLUOptions:
    return NLUOptions(**settings.config.nlu.model_dump())


def model_path(settings: Settings) -> Path:
    """Where the model for the current data and settings lives (a stale one has another name)."""
    return settings.model_dir / f"nlu-{fingerprint(settings.nlu_files, nlu_options(settings))[:16]}"


def train(settings: Settings) -> Path:
    """Train on data/nlu.yml and save under the fingerprinted name."""
    interpreter = Interpreter.train(settings.nlu_files, nlu_options(settings))
    path = model_path(settings)
    interpreter.save(path)
    return path


def load(settings: Settings, train_if_missing: bool = False) -> Interpreter:
    """The model for the current data; trains or refuses with a clear message if there is none."""
    path = model_path(settings)
    if not path.exists():
        if not train_if_missing:
            raise ModelMissing(
                f"no trained model for the current training data ({path.name}): run `workerbot train`"
            )
        train(settings)
    return Interpreter.load(path)

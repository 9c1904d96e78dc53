"""This project's data laid out as a Rasa 3.6 project, for running it on a real Rasa server.

Rasa reads `domain.yml` at the project's root and training data under `data/`; our data
folder holds the domain beside the training data, which a Rasa server then reads twice
("duplicated responses"). The export puts each file where Rasa looks and adds the Rasa
configuration that trains on it (`bot/engine/rasa_project/`). See docs/rasa.md.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.engine.datacheck import LEARNED

PROJECT_FILES = Path(__file__).parent / "rasa_project"
TRAINING_FILES = ("nlu.yml", LEARNED, "rules.yml")


def write_rasa_project(data_dir: Path, out: Path) -> list[Path]:
    """Write the Rasa project into `out`; returns the files written."""
    (out / "data").mkdir(parents=True, exist_ok=True)
    written = [Path(shutil.copyfile(data_dir / "domain.yml", out / "domain.yml"))]
    for name in TRAINING_FILES:
        if (data_dir / name).exists():
            written.append(Path(shutil.copyfile(data_dir / name, out / "data" / name)))
    for name in ("config.yml", "endpoints.yml", "credentials.yml"):
        written.append(Path(shutil.copyfile(PROJECT_FILES / name, out / name)))
    return written

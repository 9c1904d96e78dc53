"""Benchmarks write their results into docs/benchmarks.md between <!-- NAME:BEGIN/END --> marks."""

from __future__ import annotations

import re
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"


def write_section(name: str, section: str, heading: str = "") -> None:
    """Replace the NAME section (which includes its own marks), or append it under `heading`."""
    text = DOC.read_text(encoding="utf-8")
    if f"<!-- {name}:BEGIN" in text:
        pattern = rf"<!-- {name}:BEGIN.*?<!-- {name}:END -->"
        text = re.sub(pattern, lambda _: section, text, flags=re.S)
    else:
        text += "\n" + heading + section + "\n"
    DOC.write_text(text, encoding="utf-8")

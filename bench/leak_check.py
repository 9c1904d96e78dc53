"""Check that no training example or FAQ phrasing is a copy or near-copy of a held-out item.

Held-out sets: `bench/data/nlu_test.yml` and `nlu_test_fresh.yml` (intents),
`bench/data/faq_paraphrases.yml` and `faq_paraphrases_fresh.yml` (FAQ retrieval). A phrasing counts as leaked when, after normalisation (traditional ->
simplified, lowercase, dialect words standardised, punctuation and spaces removed), it equals
a held-out item, is at least 0.75 similar to one (difflib ratio), or shares a run of 8 or more
characters with one. Run: `.venv/bin/python bench/leak_check.py [--new]` (exit status 1 on
leaks); `--new` checks only the phrasings added since the last commit (git HEAD).
"""

from __future__ import annotations

import difflib
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from intents import load_training_data  # noqa: E402
from intents.normalise import match_form, normalise  # noqa: E402

RATIO = 0.75
RUN = 8
_NOISE = re.compile(r"[\s\W_]+")


def key(text: str) -> str:
    """The comparison form of a message: normalised, without punctuation or spaces."""
    return _NOISE.sub("", match_form(text))


def longest_run(a: str, b: str) -> int:
    m = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return m.find_longest_match(0, len(a), 0, len(b)).size


def leaks(phrasings: list[str], held_out: list[str]) -> list[tuple[str, str, str]]:
    """(phrasing, held-out item, why) for every phrasing too close to a held-out item."""
    # a lone emoji or sticker is nobody's wording (its words come from intents/emoji.py)
    held = [(h, key(h)) for h in held_out if _NOISE.sub("", normalise(h)).isalnum()]
    found = []
    for text in phrasings:
        k = key(text)
        if len(k) < 3:  # 好 / ok / 88: too short to be anyone's wording
            continue
        for original, hk in held:
            if len(hk) < 3:
                continue
            if k == hk:
                found.append((text, original, "same"))
                break
            sm = difflib.SequenceMatcher(None, k, hk, autojunk=False)
            if sm.real_quick_ratio() >= RATIO and sm.quick_ratio() >= RATIO and sm.ratio() >= RATIO:
                found.append((text, original, f"ratio {sm.ratio():.2f}"))
                break
            if min(len(k), len(hk)) >= RUN and longest_run(k, hk) >= RUN:
                found.append((text, original, f"run of {longest_run(k, hk)}"))
                break
    return found


def _committed(path: str) -> str:
    """The file's text at git HEAD ("" when it is not committed)."""
    out = subprocess.run(["git", "show", f"HEAD:{path}"], cwd=ROOT, capture_output=True)
    return out.stdout.decode("utf-8") if out.returncode == 0 else ""


def _faq_alternates(text: str) -> list[str]:
    faq = (yaml.safe_load(text) or {}).get("faq") or []
    return [a for e in faq for a in e.get("alternates") or []]


def _training_texts(text: str) -> list[str]:
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".yml", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        return [e.text for e in load_training_data([Path(f.name)]).examples]


def main() -> int:
    nlu_path, faq_path = ROOT / "data" / "nlu.yml", ROOT / "data" / "faq.yml"
    training = _training_texts(nlu_path.read_text(encoding="utf-8"))
    alternates = _faq_alternates(faq_path.read_text(encoding="utf-8"))
    if "--new" in sys.argv[1:]:
        old = set(_training_texts(_committed("data/nlu.yml")) if _committed("data/nlu.yml") else [])
        training = [t for t in training if t not in old]
        old_alt = set(_faq_alternates(_committed("data/faq.yml")))
        alternates = [a for a in alternates if a not in old_alt]
    nlu_files = [ROOT / "bench/data" / n for n in ("nlu_test.yml", "nlu_test_fresh.yml")]
    nlu_test = [e.text for e in load_training_data(nlu_files).examples]
    faq_test = [
        q["text"]
        for n in ("faq_paraphrases.yml", "faq_paraphrases_fresh.yml")
        for q in yaml.safe_load((ROOT / "bench/data" / n).read_text("utf-8"))["queries"]
    ]
    held = nlu_test + faq_test
    bad = leaks(training, held) + leaks(alternates, held)
    for text, original, why in bad:
        print(f"{why:>12}: {text}  ~  {original}")
    print(f"{len(training)} training examples, {len(alternates)} FAQ alternates: {len(bad)} leaks")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())

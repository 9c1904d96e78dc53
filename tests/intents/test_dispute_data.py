"""The dispute types our rules find are in the training data too, so real Rasa finds them.

Our engine reads a dispute type from the keyword table (intents/keywords.py) and from phrases
(intents/entities.py `_DISPUTE_PHRASES`: "老板欠了我三个月工资"); Rasa only has data/nlu.yml,
through RegexEntityExtractor (bot/engine/rasa_project/config.yml) and EntitySynonymMapper.
These tests keep the two from drifting apart (issue 19).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from actions.validators import clean_dispute_type
from intents.entities import _DISPUTE_PHRASES, EntityExtractor
from intents.keywords import BUILTIN
from intents.training_data import load_training_data

ROOT = Path(__file__).resolve().parents[2]
NLU = ROOT / "data" / "nlu.yml"
RASA_CONFIG = ROOT / "bot" / "engine" / "rasa_project" / "config.yml"
DATA = load_training_data([NLU])
SURFACES = [
    (surface, value)
    for value, surfaces in BUILTIN["dispute_type"].items()
    for surface in [value, *surfaces]
]


@pytest.mark.parametrize(("surface", "value"), SURFACES)
def test_every_keyword_is_in_the_lookup_table_with_the_same_value(surface, value):
    assert surface in DATA.lookups["dispute_type"], f"{surface} is not in lookup: dispute_type"
    # EntitySynonymMapper gives Rasa the value our keyword table gives
    assert DATA.synonyms.get(surface, surface) == value


def test_the_lookup_table_lists_longer_surfaces_first():
    # Rasa joins a lookup table into one alternation, which takes the first alternative that
    # matches: 解除劳动合同 must come before 劳动合同 and 合同
    lengths = [len(s) for s in DATA.lookups["dispute_type"]]
    assert lengths == sorted(lengths, reverse=True)


def test_every_phrase_rule_is_a_regex_of_the_data():
    assert DATA.regexes["dispute_type"] == [p.pattern for p, _ in _DISPUTE_PHRASES]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("老板欠了我三个月工资一直不给，想申请调解", "拖欠工资"),
        ("工资拖了两个月都没发", "拖欠工资"),
        ("加班好几个月都没给钱", "加班费"),
        ("公司一直没给我们买社保", "社会保险"),
        ("干了三年老板突然把我辞了", "解除劳动合同"),
    ],
)
def test_what_a_rasa_regex_finds_is_read_as_the_rule_s_type(text, value):
    # Rasa's RegexEntityExtractor gives the matched words as the value; the form's validator
    # maps them to the same type our phrase rule gives (actions/validators.py)
    matched = [
        m.group(0) for pattern in DATA.regexes["dispute_type"] if (m := re.search(pattern, text))
    ]
    assert matched, text
    assert clean_dispute_type(matched[0]) == value
    ours = [
        e["value"] for e in EntityExtractor(DATA).extract(text) if e["entity"] == "dispute_type"
    ]
    assert ours == [value]


def test_rasa_reads_the_tables_inside_chinese_sentences():
    pipeline = yaml.safe_load(RASA_CONFIG.read_text(encoding="utf-8"))["pipeline"]
    extractor = next(c for c in pipeline if c["name"] == "RegexEntityExtractor")
    assert extractor["use_lookup_tables"] and extractor["use_regexes"]
    # Chinese has no spaces: with word boundaries no lookup entry would match in a sentence
    assert extractor["use_word_boundaries"] is False
    names = [c["name"] for c in pipeline]
    assert names.index("RegexEntityExtractor") < names.index("EntitySynonymMapper")

"""Workers' words for FAQ retrieval, emoji read as words, and no-evidence messages."""

import numpy as np
import pytest

from intents import FaqDoc, KnowledgeBase, RetrievalOptions
from intents.classifier import IntentClassifier
from intents.colloquial import COLLOQUIAL, standardise
from intents.emoji import emoji_words
from intents.normalise import match_form


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "老板不发薪水",
            "单位拖欠工资",
        ),  # two rewrites chained: 薪水 -> 工资, 不发工资 -> 拖欠工资
        ("东家欠薪了", "单位拖欠工资了"),
        ("一个钟头加班钱好多", "一个小时加班费多少"),
        ("被炒鱿鱼了", "被辞退了"),
        ("年休有几天", "年假有几天"),
        ("拖欠工资", "拖欠工资"),  # a standard term that contains a colloquial key stays
        ("公司不让休年假", "单位不安排休年假"),
        # what it costs, told from claiming money back
        ("调解要不要钱", "调解收不收费"),
        ("仲裁要交钱不", "仲裁收不收费"),
        ("多出来的那段能要钱不", "超出的那段能要回钱吗"),
        # hurt at work, told by what happened to the body
        ("手指头压断了", "手指头工伤了"),
        ("怀起娃儿要去产检", "怀孕要去产检"),
    ],
)
def test_standardise_rewrites_workers_words(text, expected):
    assert standardise(match_form(text)) == expected


def test_standardise_is_idempotent_on_every_standard_form():
    for value in set(COLLOQUIAL.values()):
        assert standardise(value) == value, value
    for key in COLLOQUIAL:  # also inside text: no rewrite may create another key
        for text in (key, f"被{key}了", f"一个{key}", f"我{key}不"):
            once = standardise(text)
            assert standardise(once) == once, text


def test_colloquial_question_finds_the_entry_written_in_legal_terms():
    docs = [
        FaqDoc("wage", "用人单位拖欠工资去哪里投诉？"),
        FaqDoc("leave", "年休假有几天？", ["带薪年假怎么算"]),
        FaqDoc("injury", "工伤认定怎么申请？"),
    ]
    query = "东家欠薪 找哪个"
    with_map = KnowledgeBase(docs).search(query, 3)
    assert with_map[0].slug == "wage"
    without = KnowledgeBase(docs, RetrievalOptions(colloquial=False)).search(query, 3)
    assert not without or without[0].slug != "wage" or without[0].score < with_map[0].score


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("👋", "你好"),
        ("谢谢🙏🏻", "谢谢谢谢"),  # skin tone dropped
        ("👍️", "好的"),  # emoji variation selector dropped
        ("[强]", "好的"),  # WeChat sticker code
        ("[OK]", "好的"),
        ("😡😡", "气死了气死了"),
    ],
)
def test_emoji_and_wechat_stickers_become_words(text, expected):
    assert match_form(text) == expected


def test_unknown_emoji_and_brackets_are_left_alone():
    assert emoji_words("🦖") == "🦖"
    assert emoji_words("[附件]合同") == "[附件]合同"
    assert emoji_words("plain ascii [x]") == "plain ascii [x]"


def test_text_with_no_known_ngram_gets_no_confident_intent():
    texts = ["你好", "你好啊", "谢谢", "谢谢你", "再见", "拜拜"] * 3
    labels = ["greet", "greet", "thanks", "thanks", "goodbye", "goodbye"] * 3
    clf = IntentClassifier().fit(texts, labels)
    probs = clf.probabilities("🦖")  # only the word-boundary space is known
    assert np.allclose(probs, 1 / 3)
    assert clf.rank("谢谢")[0][0] == "thanks"
    meta, arrays = clf.get_state()
    again = IntentClassifier.from_state(meta, arrays)
    assert np.allclose(again.probabilities("🦖"), 1 / 3)


def test_lone_unknown_emoji_falls_back_with_the_real_model(model_dir):
    from intents import Interpreter

    path = next(p for p in model_dir.iterdir() if p.name.startswith("nlu-"))
    interp = Interpreter.load(path)
    assert interp.parse("🦖")["intent"]["name"] == "nlu_fallback"
    assert interp.parse("👋")["intent"]["name"] == "greet"
    assert interp.parse("[抱拳]")["intent"]["name"] == "thanks"


def test_holidays_named_by_their_dates():
    assert "国庆节假日" in standardise("我10月1号 2号 3号都上班了")
    assert "五一节假日" in standardise("5月1号上班")
    assert standardise("11月1号上班") == "11月1号上班"  # no holiday inside another date

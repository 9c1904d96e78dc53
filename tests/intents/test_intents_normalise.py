import importlib

from intents.normalise import fold, match_form, normalise

# `intents.normalise` the attribute is the re-exported function; fetch the module itself
norm_module = importlib.import_module("intents.normalise")


def test_traditional_to_simplified_same_length():
    text = "請問加班費怎麼算"
    out = normalise(text)
    assert out == "请问加班费怎么算"
    assert len(out) == len(text)


def test_full_width_digits_letters_and_punctuation():
    assert normalise("１３８１２３４５６７８") == "13812345678"
    assert normalise("ＡＢＣ，ｈｅｌｌｏ！") == "abc,hello!"
    assert normalise("￥２０００") == "¥2000"


def test_lowercase_and_whitespace_collapse():
    assert normalise("  Hello\u3000\u3000World\n") == "hello world"


def test_fold_is_always_one_to_one():
    samples = [
        "  轉人工 \t\n 謝謝  ",
        "㈠ 第一條 ①②",  # ㈠ expands to "(一)" under NFKC: kept as is
        "ﬁ ligature İstanbul",  # ﬁ and İ expand: kept one-to-one
        "我電話１３８ １２３４ ５６７８",
        "",
    ]
    for text in samples:
        assert len(fold(text)) == len(text), text
    assert fold("㈠①") == "㈠1"
    assert fold("轉\t人工") == "转 人工"


def test_fold_gives_the_same_for_a_text_kept_and_one_too_long_to_keep():
    short = "請問加班費\t怎麼算 ＡＢＣ"
    long = short * 40  # over the length kept per process
    assert fold(short) == fold(short) == "请问加班费 怎么算 abc"
    assert fold(long) == fold(short) * 40


def test_chinese_punctuation_kept_and_dialect_only_in_match_form():
    assert normalise("咋个报名？") == "咋个报名?"
    assert match_form("咋个 报 名？") == "怎么报名?"
    assert match_form("周末有没得免费的课") == "周末有没有免费的课"
    assert match_form("zxqv world") == "zxqv world"  # Latin text it cannot read is kept
    assert match_form("hello world") == "你好 world"  # (intents/foreign.py)


def test_per_character_fallback_when_phrase_conversion_changes_length(monkeypatch):
    class Stretching:
        """A converter whose whole-string output is longer, as some phrase rules could be."""

        def convert(self, text):
            simple = {"請": "请", "問": "问", "費": "费"}
            out = "".join(simple.get(c, c) for c in text)
            return out + "!" if len(text) > 1 else out

    monkeypatch.setattr(norm_module, "_converter", Stretching())
    norm_module._fold_char.cache_clear()
    try:
        assert fold("請問加班費") == "请问加班费"
    finally:
        norm_module._fold_char.cache_clear()


def test_a_day_of_the_week_said_with_libai_is_no_goodbye():
    from intents.normalise import match_form

    assert match_form("那礼拜六呢") == "那星期六呢"
    assert "拜拜" in match_form("好的 拜拜")

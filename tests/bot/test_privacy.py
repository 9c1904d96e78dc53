import logging

from bot.core.privacy import MaskingFormatter, mask


def test_phone_and_id_are_masked():
    text = "电话13812345678，身份证11010519491231002X"
    masked = mask(text)
    assert "13812345678" not in masked and "138****5678" in masked
    assert "11010519491231002X" not in masked and "110105********002X" in masked


def test_known_personal_strings_are_masked():
    masked = mask("申请人张三丰，单位重庆某某物流有限公司", ["张三丰", "重庆某某物流有限公司"])
    assert "张三丰" not in masked and "某某物流" not in masked


def test_formatter_masks_tracebacks():
    try:
        raise ValueError("bad phone 13912345678")
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", None, None)
        import sys

        record.exc_info = sys.exc_info()
    line = MaskingFormatter("%(message)s").format(record)
    assert "13912345678" not in line and "139****5678" in line


# -- masking by context: phones in what a worker wrote, never ids ------------------------


def test_phones_are_masked_in_every_way_workers_write_them():
    for text, hidden in [
        ("我的电话13812345678，谢谢", "13812345678"),
        ("手机：138-1234-5678", "138-1234-5678"),
        ("联系 138 1234 5678 找我", "138 1234 5678"),
        ("+86 13812345678", "13812345678"),
        ("+8613812345678", "13812345678"),
        ('{"text": "13812345678"}', "13812345678"),
        ("Message(text='我叫李小红，电话13812345678')", "13812345678"),
        ("phone=15912345678", "15912345678"),
    ]:
        masked = mask(text)
        assert hidden not in masked, (text, masked)
        assert "****" in masked, (text, masked)


def test_ids_and_timestamps_are_not_mistaken_for_phones():
    for text in [
        "telegram: update 17912343396 failed",
        "update_id=17912343396",
        '{"update_id": 17912343396, "message": {}}',
        '{"id": 17912343396}',
        "chat 17912343396",
        "Chat(id=17912343396, type=<ChatType.PRIVATE>)",
        "telegram: update tg-17912343396 was already handled",
        "message_id=15912345678",
        "MsgId=13912345678",
        "timestamp 13912345678",
        "CreateTime: 13912345678",
        "conversation #13812345678",
        "at 1712345678901 ms",
    ]:
        assert mask(text) == text, text


def test_ids_and_phones_in_one_line():
    line = "Update(update_id=17912343396, message=Message(chat=Chat(id=17912343396), text='电话13812345678'))"
    masked = mask(line)
    assert masked.count("17912343396") == 2
    assert "13812345678" not in masked and "138****5678" in masked


def test_id_numbers_are_masked_but_other_long_numbers_are_not():
    assert "110105********002X" in mask("身份证 11010519491231002X")
    assert "500101********1234" in mask("证件号码:500101199001011234")
    assert "500101********1234" in mask("ID: 500101199001011234")  # an ID number, always
    assert mask("order 123456789012345678") == "order 123456789012345678"  # no birth date

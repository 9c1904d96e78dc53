import logging

from bot.privacy import MaskingFormatter, mask


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

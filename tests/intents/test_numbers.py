"""Chinese numerals: a rough count of two neighbouring digits is no positional number."""

from __future__ import annotations

import pytest

from intents.numbers import parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("三四", 4),  # "三四年": three or four years, never 34
        ("两三", 3),
        ("七八", 8),
        ("十一", 11),
        ("三十四", 34),
        ("二〇二六", 2026),  # a year read digit by digit
        ("1.5万", 15000),
    ],
)
def test_numbers(text, value):
    assert parse_number(text) == value

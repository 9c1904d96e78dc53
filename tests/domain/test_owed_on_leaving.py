"""What a leaving worker is owed back, added: a deposit, the last wages, money docked."""

from __future__ import annotations

from bot.domain.owed_on_leaving import owed_items, owed_on_leaving_text


def test_deposit_and_last_wages_added() -> None:
    items = owed_items(
        ["入职交了500块的保证金 走的时候不退", "这个月工资3600也没发 一共该给我好多"]
    )
    assert items == [("保证金", 500.0), ("这个月工资", 3600.0)]
    said = owed_on_leaving_text(items)
    assert said is not None and "4100" in said and "不能收" in said


def test_wages_and_money_docked_without_a_deposit() -> None:
    items = owed_items(["扣了我300块 说是迟到", "最后一个月工资4200没给"])
    said = owed_on_leaving_text(items)
    assert said is not None and "4500" in said and "押金" not in said


def test_one_item_is_no_total() -> None:
    assert owed_on_leaving_text(owed_items(["交了800押金不退"])) is None

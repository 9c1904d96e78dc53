from bot.domain.last_wages import days_month, days_said, last_wages_text, months_unpaid


def test_the_days_of_the_last_month_and_the_month_they_were_in():
    assert days_said("工资5220 12月份上了10天班") == 10
    assert days_month("工资5220 12月份上了10天班") == 12
    assert days_said("哦不对 12月做的是9天") == 9


def test_whole_months_not_paid():
    assert months_unpaid("11月的也没发") == {11}
    assert months_unpaid("八月九月的工资都还没给") == {8, 9}
    assert months_unpaid("上了10天班") == set()


def test_the_days_at_the_pay_over_21_75_and_the_months_added():
    said = last_wages_text(10, 5220)
    assert "5220÷21.75≈240元" in said and "10天的工资约2400元" in said
    both = last_wages_text(9, 5220, 2)
    assert "9天的工资约2160元" in both and "一共约12600元" in both


def test_the_month_named_and_wages_not_yet_due_on_leaving():
    said = last_wages_text(5, 5220, month=12, left=False)
    assert "12月上了5天班" in said and "离职时" not in said

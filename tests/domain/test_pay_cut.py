from bot.domain.pay_cut import cut_pays, months_cut, pay_cut_text


def test_the_pays_of_a_cut():
    assert cut_pays("老板说下个月起工资从6千降到4千5 没问过我们") == (6000, 4500)
    assert cut_pays("由4800降为4000了") == (4800, 4000)
    assert cut_pays("工资涨到5000了") is None
    assert cut_pays("从4000降到5000") is None  # (not a cut)


def test_the_months_of_a_cut():
    assert months_cut("已经降了4个月了 亏了好多") == 4
    assert months_cut("降了好久了") is None


def test_what_the_cut_held_back():
    said = pay_cut_text(6000, 4500, 4)
    assert "1500×4=6000元" in said
    assert "协商一致" in said and "第三十五条" in said


def test_a_cut_for_being_pregnant_is_unlawful_in_itself():
    said = pay_cut_text(5600, 4100, 2, pregnant=True)
    assert "1500×2=3000元" in said
    assert "女职工劳动保护特别规定" in said and "第五条" in said
    assert "可能被认定为已经同意" not in said  # the one-month rule does not save such a cut

from bot.domain.contribution_years import short_of_minimum_text


def test_the_years_short_of_fifteen():
    assert "还差6年" in short_of_minimum_text("社保只交了9年 退休能领养老金不")


def test_how_far_short_asked_after_the_years_told():
    before = "社保只交了9年 退休能领养老金不"
    assert "还差6年" in short_of_minimum_text("那还差几年", before)
    assert short_of_minimum_text("那还差几年") is None


def test_years_short_asked_after_the_pension_s_minimum():
    said = short_of_minimum_text(
        "我中间断了几年 只交了13年 到时候不够咋个办", "社保要交满好多年才能领退休金"
    )
    assert said is not None and "还差2年" in said and "延长缴费" in said


def test_years_short_asked_with_no_pension_talked_of_is_not_read():
    assert short_of_minimum_text("我只交了13年 不够咋个办") is None

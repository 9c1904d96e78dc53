from bot.domain.contribution_years import short_of_minimum_text


def test_the_years_short_of_fifteen():
    assert "还差6年" in short_of_minimum_text("社保只交了9年 退休能领养老金不")


def test_how_far_short_asked_after_the_years_told():
    before = "社保只交了9年 退休能领养老金不"
    assert "还差6年" in short_of_minimum_text("那还差几年", before)
    assert short_of_minimum_text("那还差几年") is None

"""English and pinyin messages are matched as the Chinese they mean."""

from __future__ import annotations

import pytest

from intents.foreign import read_foreign
from intents.normalise import match_form


@pytest.mark.parametrize(
    "text, chinese",
    [
        ("nian jia you ji tian", "年假有几天"),
        ("jiabanfei zenme suan", "加班费怎么算"),
        ("lao ban qian wo gong zi", "老板欠我工资"),
        ("wo xiang bao ming shu fa", "我想报名书法"),
        ("rengong", "人工"),
    ],
)
def test_pinyin_of_the_domain_reads_as_chinese(text, chinese):
    assert read_foreign(text) == chinese


def test_english_phrases_become_their_chinese_terms():
    assert "年休假" in read_foreign("how many days of annual leave do i get")
    assert "拖欠工资" in read_foreign("my boss hasn't paid my wages")
    assert read_foreign("are you a robot") == "你是机器人吗"
    assert "报名" in read_foreign("i want to sign up for calligraphy") and "书法" in read_foreign(
        "calligraphy"
    )


def test_an_english_follow_up_leans_on_the_answer_before():
    assert read_foreign("what about after 10 years") == "那 10 年"
    assert read_foreign("and if i worked 20 years") == "那如果 工作 20 年"
    assert read_foreign("classes after work") == "课程 下班后"


def test_what_is_neither_is_left_alone():
    for text in ("zxqv blorp", "qq", "ok", "13912345678", "年假有几天", "wifi密码"):
        assert read_foreign(text) == text
    assert match_form("Annual Leave") == "年休假"  # lowercased first, like all matching


def test_a_greeting_before_an_english_request_and_words_it_has_no_reading_for_are_dropped():
    read = read_foreign("hi, is there any cooking class on weekends? i work in a canteen.")
    assert "你好" not in read and "烹调" in read and "周末" in read and "canteen" not in read
    assert read_foreign("hi") == "你好"  # a greeting alone stays one


def test_english_follow_ups_read_as_chinese():
    assert "男方护理假" in read_foreign("and what about the father?")
    assert "要带什么" in read_foreign("what should i bring?")
    assert "证书" in read_foreign("does it give a certificate?")
    assert "男方护理假" not in read_foreign("my father is sick, can i take leave")


def test_pinyin_reads_the_words_the_examples_use():
    from intents.foreign import pinyin_words_of, use_pinyin_words

    use_pinyin_words(pinyin_words_of(["调解要钱吗", "仲裁要钱不", "我的电话是", "电话打错了"]))
    try:
        assert read_foreign("yao qian ma") == "要钱吗"
        assert read_foreign("zhong cai yao qian ma") == "仲裁要钱吗"
        assert "电话" in read_foreign("wo jiao zhao lei dian hua 13896541230")
        # the name after "jiao" stays as typed
        assert "zhao lei" in read_foreign("wo jiao zhao lei dian hua 13896541230")
    finally:
        use_pinyin_words({})


def test_a_reading_kept_from_before_the_table_changed_is_not_served():
    from intents.foreign import pinyin_words_of, use_pinyin_words

    before = read_foreign("cha yi cha hua")  # read (and kept) without the examples' table
    use_pinyin_words(pinyin_words_of(["茶艺插花", "茶艺插花课"]))
    try:
        assert read_foreign("cha yi cha hua") == "茶艺插花" != before
    finally:
        use_pinyin_words({})
    assert read_foreign("cha yi cha hua") == before


def test_english_dates_of_leaving_and_years_of_work():
    assert "2026年9月30号离职" in read_foreign("i resigned on 2026-09-30 and took no leave")
    assert "累计工作3年" in read_foreign("3 years of work in total")


def test_overtime_told_in_english_and_pinyin() -> None:
    said = read_foreign("monthly salary 5220 yuan. i worked on may 2nd, the full 8 hours")
    assert "月工资" in said and "5月2号" in said and "上了8个小时" in said
    assert "没补休" in read_foreign("it was my rest day and the boss didnt give me another day off")
    assert "不是4350" in read_foreign("my salary is 5220 not 4350")
    said = read_foreign("wo laopo yuexin 4350 wuyi 1 hao dou shang le")
    assert "老婆" in said and "月薪" in said and "五一" in said and "1号" in said


def test_english_rest_days_a_month_and_months_and_a_group_read():
    """ "about 4 saturdays a month for the last 3 months": the month's days and the months;
    "me and 2 coworkers didn't get paid for october": a group, a month's pay unpaid."""
    read = read_foreign("about 2 sundays a month for the last 5 months, how much should that be")
    assert "一个月2个周日" in read and "最近5个月" in read and "应该给好多" in read
    read = read_foreign("me and 3 coworkers didn't get paid for november. can we apply together?")
    assert "我和" in read and "没发工资" in read and "11月" in read and "一起" in read
    read = read_foreign("my factory makes us work every sunday but never pays overtime")
    assert "从来不给加班费" in read and "but" not in read


def test_a_month_s_days_from_one_to_another_and_a_sum_docked():
    assert "11月2号到4号" in read_foreign("i worked nov 2 to 4")
    assert "5月1号到3号" in read_foreign("we worked may 1st-3rd")
    assert "月" not in read_foreign("it was decided 1 to 3")
    assert "扣了我800元" in read_foreign("they took 800 out of my wages")


def test_time_been_there_and_the_pay_not_taken_asked_in_pinyin() -> None:
    # "I have been here 4 years and 8 months": the time worked, months kept
    assert "干了4年8个月" in read_foreign("I have been here 4 years and 8 months")
    # "neng bu duoshao": what it makes up, asked (one syllable alone is no word: a name's stays)
    assert read_foreign("wo yue gongzi 6090, neng bu duoshao") == "我月工资 6090, 能补多少"
    assert "bu" in read_foreign("wo jiao bu xin")


def test_a_childs_age_and_a_camp_asked_in_english():
    read = read_foreign(match_form("Hi, any winter holiday camp for kids? my son is 9"))
    assert "寒假营" in read and "我儿子9岁" in read
    assert "8岁" in read_foreign(match_form("she is 8 years old"))
    assert read_foreign(match_form("what days?")).startswith("星期几")


def test_filing_not_showing_up_and_the_total_owed_read() -> None:
    assert "我想申请调解" in read_foreign("ok i want to file. li wei, 13983406652")
    assert "我想投诉" in read_foreign("i want to file a complaint about my boss")
    assert "老板 不来" in read_foreign("what if the boss does not show up?")
    assert read_foreign("zonggong qian wo duoshao qian") == "总共欠我多少钱"


def test_the_employer_s_hourly_overtime_rate_and_an_hour_s_pay_asked_in_english() -> None:
    assert "只给18元一个小时" in read_foreign("the factory only pays 18 yuan per hour for overtime")
    assert "给25元一个小时" in read_foreign("they pay me 25 yuan an hour for overtime")
    assert "加班一个小时好多钱" in read_foreign("how much overtime pay per hour do i get")


def test_weekday_hours_after_work_and_a_request_withdrawn_in_english() -> None:
    read = read_foreign("they didn't pay my overtime, 40 hours after normal hours on weekdays.")
    assert "没给加班费" in read and "工作日下班后加班40个小时" in read
    assert "那30个小时" in read_foreign("how much for those 30 hours?")
    assert "撤回调解申请" in read_foreign("please withdraw my mediation request.")


def test_months_named_and_the_money_taken_back_in_pinyin() -> None:
    read = read_foreign("qian le wo 5 yue he 6 yue liang ge yue gong zi, wo yao ba qian na hui lai")
    assert "5月" in read and "6月" in read and "两个月工资" in read and "我要把钱拿回来" in read
    assert read_foreign("dui de ti jiao ba") == "对的提交吧"


def test_wages_held_back_told_in_pinyin():
    assert read_foreign("gongzi bei gongsi tuo le liang ge yue") == "工资被公司拖了两个月"
    assert read_foreign("laoban shuo xia ge yue yiqi fa") == "老板说下个月一起发"


def test_a_greeting_run_into_the_question_is_no_greeting():
    read = read_foreign("hello how much should i get paid for working on saturday")
    assert not read.startswith("你好") and "该给我好多" in read and "周六上班" in read


def test_several_days_of_a_month_in_english():
    read = read_foreign("i worked on october 1, 2 and 3 this year. should i get extra pay?")
    assert "10月1号、2号、3号" in read and "今年" in read and "加班费" in read
    assert "5月1号、2号" in read_foreign("i worked on may 1 and 2")


def test_an_enrolment_taken_back_in_pinyin():
    assert read_foreign("a bu dui wo zhou wu wan shang yao jia ban 还是qu xiao ba") == (
        "啊不对我周五晚上要加班 还是取消吧"
    )


def test_half_a_year_and_a_supposition_in_pinyin():
    assert "3年半" in read_foreign("wo gan le 3 nian ban yue xin 4800")
    assert read_foreign("yao shi 5 nian 2 ge yue ne").startswith("要是")
    assert read_foreign("ru guo shi 2 nian ne").startswith("如果是")


def test_an_average_pay_and_the_base_put_right_in_english():
    read = read_foreign("sorry, 5200 is the base. my average over the past 12 months was 6100")
    assert "5200是底薪" in read and "最近12个月平均是6100" in read
    assert "平均每个月6400" in read_foreign("my average salary is 6400")


def test_a_dismissal_with_no_legal_reason_and_help_for_free_in_english():
    assert "无故" in read_foreign("what if the boss fires me with no legal reason?")
    assert "免费吗" in read_foreign("will the union do this for free?")


def test_a_class_swapped_in_pinyin():
    assert read_foreign("zhou er wo yao zhi ban, huan cheng shu fa ba") == (
        "周二我要值班, 换成书法吧"
    )
    assert read_foreign("deng xia zhou si yao zhi ban") == "等下周四要值班"


def test_an_injury_told_in_english_with_pinyin_terms():
    read = read_foreign("i cut my finger on a saw machine last week. what should i do first?")
    assert "割伤" in read and "机器" in read and "怎么办" in read
    assert "工伤认定" in read_foreign("who should apply for gongshang rending? is there a deadline")
    assert "自己不小心" in read_foreign("my boss says it was my own fault so it is not gongshang")
    assert "在家休息" in read_foreign("zai jia xiuxi zhe duan shijian gongzi zenme suan")


def test_a_length_of_years_and_months_kept_whole():
    assert "5年8个月" in read_foreign("wo gan le 5 nian 8 ge yue, yue xin 6200")
    assert "2年9个月" in read_foreign("i worked there 2 years and 9 months")
    assert "在这个公司干了3年" in read_foreign("12 years in total but only 3 years at this company")
    assert "累计工作20年" in read_foreign("what if i had 20 years in total")


def test_the_n_alone_and_only_in_pinyin():
    read = read_foreign("gong si shuo zhi gei n bu gei na ge +1, zen me ban")
    assert read.startswith("公司说只给") and " N " in read and "+1" in read
    assert read_foreign("na wo shi yong qi zui shao ying gai na duo shao") == (
        "那我试用期最少应该拿多少"
    )
    assert read_foreign("gong si yao ban zou le ba wo men ci le").startswith("公司要搬走了把我们")


def test_english_follow_ups_and_english_words_inside_chinese():
    assert read_foreign("the place again? i dont know that area") == "地点再说一遍? 我不熟悉那边"
    assert read_foreign("so for one saturday how much money is that") == "一个周六 那是多少钱"
    assert "具体是多少钱" in read_foreign("so whats the exact number i should get")
    read = read_foreign(
        "back to my real case. i might need surgery, how long sick leave can i have"
    )
    assert "回到我自己的事" in read and "做手术" in read and "病假能休多久" in read
    assert read_foreign("要不要交money") == "要不要交钱"
    assert read_foreign("几号start 在哪点") == "几号开始 在哪点"


def test_a_temporary_worker_in_pinyin():
    assert read_foreign("laoban shuo wo shi linshigong bu suan") == "老板说我是临时工不算"
    assert "临时工" in read_foreign("chang li shuo wo shi lin shi gong")


def test_a_pregnant_or_nursing_worker_s_words_in_english():
    assert "产检" in read_foreign("they dock my pay for every antenatal appointment")
    assert "扣我工资" in read_foreign("my supervisor cuts my pay when i go for prenatal check-ups")
    assert "哺乳" in read_foreign("do i get time off for breast feeding once i'm back")
    read = read_foreign("her contract expires in may, can the boss refuse to renew it")
    assert "劳动合同到期" in read and "不续签" in read


def test_a_worker_leaving_in_english_and_an_hourly_one_in_pinyin():
    assert "提前30天通知老板" in read_foreign("do i have to tell my boss 30 days before?")
    assert "还在试用期" in read_foreign("i'm still in probation, started 2 months ago")
    read = read_foreign(
        "my salary in contract is 4800 a month but they only pay 3600 during probation"
    )
    assert "合同工资4800" in read and "试用期只发3600" in read
    assert "最后的工资" in read_foreign("when must they pay my last salary")
    assert "我自己辞职" in read_foreign("can i get any compensation? i quit by myself")
    assert "小时工" in read_foreign("laoban shuo wo shi xiaoshigong jiao wo mingtian buyong lai le")
    assert read_foreign("hetong ye mei qian guo") == "合同也没签过"


def test_english_requirements_age_and_schooling_are_read():
    read = read_foreign("what are the requirements? i'm 19 and i finished junior high school")
    assert "有啥要求" in read and "我19岁" in read and "我初中毕业" in read
    assert "我17岁" in read_foreign("am i eligible? i am 17")
    # (a sum or hours after "i am" are no age)
    assert "岁" not in read_foreign("i am 40 hours over this month")
    assert "专升本" in read_foreign("can the union help me get a bachelor's degree?")


def test_a_sick_child_s_leave_in_pinyin():
    assert "育儿假" in read_foreign("ta 4 sui, yu er jia you ji tian")
    assert "儿子发高烧住院了" in read_foreign("wo er zi fa gao shao zhu yuan le")
    assert "扣不扣工资" in read_foreign("xiu nian jia kou bu kou gong zi")


def test_a_new_job_s_start_and_a_holiday_s_days_in_english():
    from intents.normalise import fold

    assert "我是4月8号入职的" in read_foreign(fold("I started on April 8th."))
    assert "今年5月才入职" in read_foreign(fold("I only joined this May."))
    assert "10月1号到3号" in read_foreign(fold("I worked Oct 1 to Oct 3"))
    assert "时效" in read_foreign(fold("How long do I have to claim it?"))
    assert "加班费" in read_foreign(fold("Do I get extra pay for working during Spring Festival?"))
    # ("may I ask": no month)
    assert read_foreign(fold("may i ask something")) == "may i ask something"


@pytest.mark.parametrize(
    "text, chinese",
    [
        ("can i still get unemployment benefits even though i quit myself?", "失业保险金"),
        ("i paid unemployment insurance for 3 years. how long can i get it", "失业保险交了3年"),
        ("he won't give me any paper saying i left", "离职证明"),
        ("will they pay me for the days i already worked", "结清"),
        ("do they have to pay me severance because i'm leaving?", "我自己辞职"),
        ("wo ci zhi le hai mei zhao dao gongzuo shebao zenme ban", "没找到"),
    ],
)
def test_leaving_a_job_in_english_and_pinyin(text, chinese):
    assert chinese in read_foreign(text)

"""Reading name, phone, employer, story and demand from the message that opens a form."""

from __future__ import annotations

from actions.employer_named import opening_employer
from actions.opening import (
    opening_demand,
    opening_description,
    opening_name,
    opening_phone,
    short_opening_story,
    with_the_group,
)
from actions.validators import clean_name, not_an_employer

FULL = (
    "我叫王建国，电话13987654321，在重庆某某建筑工程有限公司做钢筋工，老板拖欠我三个月工资一万二，"
    "想申请调解，希望把工资补齐"
)


def test_a_complete_request():
    assert opening_name(FULL) == "王建国"
    assert opening_phone(FULL) == "13987654321"
    assert opening_employer(FULL) == "重庆某某建筑工程有限公司"
    # what happened, without the request and the details kept in their own fields
    assert opening_description(FULL) == (
        "在重庆某某建筑工程有限公司做钢筋工，老板拖欠我三个月工资一万二，希望把工资补齐"
    )
    assert opening_demand(FULL) == "把工资补齐"


def test_a_wish_that_starts_with_its_verb_is_a_demand():
    # the bench's conversation 8 at the summary (docs/benchmarks.md, "Real Rasa end to end")
    assert opening_demand("要回拖欠的工资") == "要回拖欠的工资"
    assert opening_demand("追回工资") == "追回工资"
    assert opening_demand("我想追回被扣的押金") == "想追回被扣的押金"
    assert opening_demand("他要回老家了") is None  # 要回 only as the wish's first word


def test_what_is_not_said_is_not_invented():
    short = "老板欠我工资想申请调解"
    assert opening_name(short) is None and opening_phone(short) is None
    assert opening_employer(short) is None and opening_demand(short) is None
    assert opening_description("我想申请劳动纠纷调解") is None  # no story in it


def test_occupations_are_not_names():
    assert opening_name("我是钢筋工，老板欠我工资") is None
    assert opening_name("我是服务员 在火锅店上班") is None
    assert opening_name("你好我是李秀英 在渝北一家火锅店上班") == "李秀英"


def test_the_employer_is_the_whole_name_not_a_sentence():
    assert opening_employer("申请调解 我在重庆华宇物业公司当保安") == "重庆华宇物业公司"
    assert opening_employer("单位重庆优品电子有限公司，欠薪") == "重庆优品电子有限公司"
    assert opening_employer("在重庆鑫源机械厂上班") == "重庆鑫源机械厂"
    assert opening_employer("公司叫渝北顺达物流有限公司") == "渝北顺达物流有限公司"
    # a sentence that happens to end with a company word, or a company pointed at
    assert opening_employer("我在公司上班被机器压伤了手在医院") is None
    assert opening_employer("我在这个厂干了三年") is None


def test_what_cannot_be_an_employer_and_why():
    assert not_an_employer("确认提交") == "command"
    assert not_an_employer("ok 提交") == "command"
    assert not_an_employer("加班费") == "dispute_type"
    assert not_an_employer("从去年十月开始老板就没发过工资，一共欠了两万多") == "story"
    assert not_an_employer("长风科技") is None
    assert not_an_employer("重庆工伤康复医院") is None  # a company word wins


def test_a_bare_name_beside_the_phone_number():
    assert opening_name("帮我报上 黄丽 13752006813") == "黄丽"
    assert opening_name("13752006813，黄丽") == "黄丽"
    assert opening_name("报名书法 13752006813") is None
    assert opening_name("手机 13752006813") is None  # not a name: 手 is no surname


def test_a_role_said_before_the_name_is_not_the_name():
    assert opening_name("我是代表 叫罗建华 13908765432") == "罗建华"
    assert opening_name("我是班长 叫李明") == "李明"
    assert clean_name("我是代表 叫罗建华 13908765432") == "罗建华"
    assert clean_name("我是代表") is None


def test_the_group_the_opening_names_is_kept_in_what_happened():
    opening = "我们厂二十几个人都被欠了三个月工资 想找工会调解"
    story = "从八月份开始就没发过 每个人欠一万多"
    assert with_the_group(story, opening) == "我们厂二十几个人都被欠了三个月工资；" + story
    # a story that names the group itself stays as told; an opening about one worker keeps
    # its few words in front (they told the dispute, the story adds to them)
    assert with_the_group("车间十几个人都没发", opening) == "车间十几个人都没发"
    assert with_the_group(story, "老板欠我三个月工资 想申请调解") == "老板欠我三个月工资；" + story
    # a story that only adds to the opening's keeps the opening's in front (without the
    # request and the details kept in their own fields)
    added = "我想补充一下 老板还说要扣我押金"
    opening = "老板欠我三个月工资 我要申请调解 我叫黄明 电话13700001234"
    assert with_the_group(added, opening) == "老板欠我三个月工资；" + added


def test_the_employers_name_after_its_label_wins_over_a_vague_description():
    told = "在南岸区的一个汽修厂做了四年 厂名叫重庆快捷汽车维修有限公司 上个月"
    assert opening_employer(told) == "重庆快捷汽车维修有限公司"


def test_the_story_answered_just_before_the_opening_is_what_happened():
    from actions.story_so_far import story_before
    from tests.actions.action_support import make_tracker, user_event

    story = "我在超市当理货员 干了两年 上个月店长突然喊我不用来了 啥子补偿都没说 这种该找哪个部门"
    answered = [
        user_event(story, "policy_question"),
        {"event": "action", "name": "action_answer_policy"},
        {"event": "bot", "text": "按您在本单位干了2年算…"},
    ]
    opening = make_tracker("好 那我申请调解", "mediation_request", history=answered)
    assert story_before(opening) == story
    # a short general question before is no story
    asked = [user_event("加班费咋算", "policy_question"), *answered[1:]]
    assert story_before(make_tracker("我要申请调解", "mediation_request", history=asked)) is None
    # a story the bot only acknowledged ("您说的情况我记下了") is what happened as well
    fell = [user_event(story, "nlu_fallback"), {"event": "action", "name": "action_fallback"}]
    assert story_before(make_tracker("我要申请调解", "mediation_request", history=fell)) == story
    # what was told before a form that ran is not this story
    earlier = [
        user_event(story, "policy_question"),
        {"event": "active_loop", "name": "enrolment_form"},
        user_event("好", "affirm"),
        {"event": "active_loop", "name": None},
        user_event("那工伤咋个认定", "policy_question"),
        {"event": "action", "name": "action_answer_policy"},
    ]
    assert story_before(make_tracker("我要申请调解", "mediation_request", history=earlier)) is None


def test_the_facts_told_around_the_story_are_kept_with_it_in_order():
    from actions.story_so_far import story_before
    from tests.actions.action_support import make_tracker, user_event

    told = [
        user_event("厂里要搬到江津去 我去不了 老板说不去就算自己走 没得补偿", "policy_question"),
        {"event": "action", "name": "action_answer_policy"},
        user_event("我做了5年零7个月 每个月4千8", "inform"),
        {"event": "action", "name": "action_answer_policy"},
        user_event("他说下个星期就不要来了", "inform"),
        {"event": "action", "name": "action_answer_policy"},
    ]
    opening = make_tracker("那我申请调解嘛", "mediation_request", history=told)
    assert story_before(opening) == (
        "厂里要搬到江津去 我去不了 老板说不去就算自己走 没得补偿 我做了5年零7个月 每个月4千8"
        " 他说下个星期就不要来了"
    )


def test_a_riders_station_is_the_employer_and_a_deposit_story_is_what_happened():
    told = "帮我登记个调解 我跑外卖的 叫周强 电话13600002222 网点是重庆达达配送江北站 押金800块一直不退"
    assert opening_employer(told) == "重庆达达配送江北站"
    # a dispute of no listed kind is still a story (its type is 其他)
    # (without the request and the phone number)
    assert (
        opening_description(told) == "我跑外卖的 叫周强 网点是重庆达达配送江北站 押金800块一直不退"
    )


def test_what_the_opening_gave_is_said_back_before_the_next_question():
    from actions.mediation_text import proposed_demand, taken_from_opening

    said = taken_from_opening({"name": "周强", "phone": "13600002222", "employer": "某配送站"})
    assert said is not None and "周强" in said and "136****2222" in said and "几个问题" in said
    assert taken_from_opening({"name": "周强"}) is None  # one detail alone: nothing to say back
    assert proposed_demand("其他", "押金800块一直不退") == "退还押金"
    assert proposed_demand("其他", "主管骂人") is None  # too varied to guess: asked


def test_the_details_and_the_closing_question_are_not_what_happened():
    from actions.opening import opening_description
    from actions.told import story_in

    # "你好 我姓杨 叫杨树林 …" and "…想请工会帮我调解一下": the greeting, the name and the
    # request are not the story
    told = opening_description(
        "你好 我姓杨 叫杨树林 今年56了 在红星建材厂看大门做了八年 上个月厂头喊我不做了 "
        "一分钱补偿都没给 想请工会帮我调解一下 电话13709481256"
    )
    assert told is not None and told.startswith("今年56了") and "调解" not in told
    assert "13709481256" not in told and "杨树林" not in told
    # "…包工头欠了三个月工资跑了 咋个办": the question that ends it is not part of it
    group = opening_description("我们工地二十几个人 包工头欠了三个月工资跑了 咋个办 想申请调解")
    assert group is not None and group.endswith("跑了")
    # at another question, the details with the story have their own fields
    story = story_in(
        "李国强 18723056914 重庆顺丰达物流有限公司 今年3月到10月的加班费一共差我6000多"
    )
    assert story is not None and story.startswith("今年3月") and "18723056914" not in story


def test_a_phone_number_beside_other_digits_is_found():
    from actions.validators import clean_phone

    # "最后两位是46 13618297746": the spaces keep the 46 off the number
    assert clean_phone("等一哈 电话打错了 最后两位是46 13618297746") == "13618297746"
    assert clean_phone("139 8342 6715") == "13983426715"  # spaces inside the number still go


def test_a_number_corrected_in_the_same_message_is_the_one_kept():
    from actions.validators import clean_phone

    assert clean_phone("电话19922345781 诶不对 电话是19922345718") == "19922345718"
    assert clean_phone("13812345678 13912345678") is None  # two numbers, none corrected


def test_the_name_beside_a_number_a_digit_short():
    assert opening_name("那先报大专班 李德华 1872301456") == "李德华"


def test_whose_workers_they_are_names_the_employer():
    assert opening_employer("我叫何志强 电话13608352917 我们是重庆美嘉服装厂的") == "重庆美嘉服装厂"


def test_figures_or_a_demand_at_the_employer_question_are_no_company() -> None:
    assert not_an_employer("月工资5000 做了2年9个月") == "story"
    assert not_an_employer("要他把押金退给我") == "demand"
    assert not_an_employer("解放碑丽人美容院") is None
    assert not_an_employer("重庆顺丰达物流有限公司") is None


def test_a_short_story_in_the_opening_is_kept_for_what_happened():
    # too short to be all that happened, but it tells the dispute: kept, the rest asked
    assert opening_description("我要申请调解 老板欠我两个月工资") is None
    assert short_opening_story("我要申请调解 老板欠我两个月工资") == "老板欠我两个月工资"
    assert with_the_group("从8月开始 一共9600", "我要申请调解 老板欠我两个月工资") == (
        "老板欠我两个月工资；从8月开始 一共9600"
    )
    # a request alone, or only the details, tells no story
    assert short_opening_story("我要申请调解") is None
    assert short_opening_story("申请调解 我叫张三 13812345678") is None
    # a story long enough is what happened itself
    assert short_opening_story(FULL) is None


def test_a_registered_name_typed_first_in_pinyin_is_the_employer():
    said = "chong qing hong sheng zhuang shi you xian gong si, qian le wo liang ge yue gong zi"
    name = opening_employer(said)
    assert name == "Chong Qing Hong Sheng Zhuang Shi You Xian Gong Si"
    assert not_an_employer(name) is None
    # (a firm without 有限公司 is no registered name)
    assert opening_employer("wo men gong si, qian wo gong zi") is None


def test_a_chinese_name_among_english_words():
    assert opening_name("ok sign me up, name 周丽, phone 19923087743") == "周丽"


def test_a_name_and_a_registered_firm_labelled_in_pinyin() -> None:
    text = "mingzi Tang Xiaofeng dianhua 13608311234 gongsi shi Chongqing Mingda jixie youxian gongsi yaoqiu bu gongzi"
    assert opening_name(text) == "Tang Xiaofeng"
    assert opening_employer(text) == "Chongqing Mingda Jixie Youxian Gongsi"


def test_a_noodle_shop_where_the_worker_works_is_the_employer():
    # "那我申请 我在渝味小面馆洗碗 他们欠我800": a 面馆 is a kind of place like a 店
    assert opening_employer("我申请 我在老街牛肉面馆端盘子 他们欠我900") == "老街牛肉面馆"


def test_a_hotpot_place_labelled_by_its_kind_gives_its_name():
    # "火锅店是重庆老码头餐饮管理有限公司": the name after the kind of place, not the label
    told = "那申请调解嘛 我叫冉芳 电话13512345678 火锅店是重庆蜀香餐饮有限公司 要赔3800"
    assert opening_employer(told) == "重庆蜀香餐饮有限公司"


def test_who_the_foreman_works_for_is_the_employer():
    from actions.validators import clean_employer

    assert clean_employer("包工头是重庆建安劳务有限公司的") == "重庆建安劳务有限公司"
    assert clean_employer("老板是张三") == "老板是张三"  # no registered name: kept as told


def test_a_groups_one_employer_said_for_all():
    from actions.validators import clean_employer

    assert clean_employer("都是重庆鑫源塑料制品有限公司的") == "重庆鑫源塑料制品有限公司"
    assert clean_employer("我们都在重庆金鑫五金厂") == "重庆金鑫五金厂"
    assert clean_employer("都是") == "都是"  # (no name after it: left to the form's checks)


def test_who_is_asked_stays_with_the_asking():
    from actions.opening import opening_demand

    assert opening_demand("申请调解 要他补发3个月工资") == "要他补发3个月工资"
    assert opening_demand("要求公司支付加班费") == "要求公司支付加班费"
    assert opening_demand("我要经济补偿") == "经济补偿"  # (no one named: the thing wanted)


def test_a_name_and_a_demand_typed_in_pinyin_at_the_name_question():
    text = "wang jian guo 18623150948, gong si shi chong qing hong xing ji xie you xian gong si, yao qiu pei N+1"
    assert opening_name(text) == "wang jian guo"
    assert opening_demand(text) == "赔N+1"
    # (syllables that are no surname first, or words, are not a name)
    assert opening_name("hao de 13512345678") is None
    assert opening_name("bu yao 13512345678") is None


def test_a_courier_station_and_an_english_software_firm_are_employers():
    assert opening_employer("王浩 13983456721 在南坪速达快递站送件") == "南坪速达快递站"
    text = "Chen Jie, 13608321177, Chongqing Lianchuang Software in Yubei. 4 days unpaid"
    assert opening_employer(text) == "Chongqing Lianchuang Software"


def test_a_firm_standing_alone_wins_over_the_site():
    text = "冉光明 15086943327 宏建劳务公司 在李家沱工地 丧假三天被扣了1050"
    assert opening_employer(text) == "宏建劳务公司"
    # (a firm pointed at, or words of the story: the site stays)
    assert opening_employer("王五 139 在万达工地干活 欠我工资的是这个公司") == "万达工地"

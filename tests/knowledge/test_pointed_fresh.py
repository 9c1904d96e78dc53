"""The situations a first question tells: a rider hurt, let go for sick leave."""

from __future__ import annotations

from bot.knowledge.pointed_fresh import let_go_for_sick_leave_asked, rider_injury_asked
from tests.knowledge.fakes import SlugKnowledge as _Knowledge


def test_a_rider_hurt_and_a_worker_let_go_for_sick_leave():
    kb = _Knowledge()
    assert (
        rider_injury_asked(kb, "我在美团跑众包 送餐路上摔了一跤 算不算工伤")
        == "flex_platform_rider"
    )
    assert rider_injury_asked(kb, "搬箱子把腰闪了 算不算工伤") is None
    assert (
        let_go_for_sick_leave_asked(kb, "请了两天病假 老板喊我明天不要来了") == "sick_no_dismissal"
    )
    assert let_go_for_sick_leave_asked(kb, "请了两天病假 扣我工资合法不") is None


def test_the_annual_leave_alone_and_the_pay_while_ill():
    from bot.knowledge.pointed_fresh import bare_leave_asked, pay_while_ill_asked

    kb = _Knowledge()
    assert bare_leave_asked(kb, "年假") == "leave_annual_days"
    assert bare_leave_asked(kb, "年假可以分开休不") is None
    assert pay_while_ill_asked(kb, "医疗期里头工资照发不") == "sick_pay"
    assert pay_while_ill_asked(kb, "医疗期有多长") is None
    # sick leave with the doctor's note counted as absence: sick leave, paid as such
    said = "感冒发烧请了三天假 有诊断证明 车间主任硬说我旷工 扣了500"
    assert pay_while_ill_asked(kb, said) == "sick_pay"
    assert pay_while_ill_asked(kb, "我旷工了一天 扣了500 合法不") is None


def test_hurt_doing_the_work_asked_whether_it_counts():
    from bot.knowledge.pointed_fresh import injury_doing_the_job_asked

    kb = _Knowledge()
    said = "我在物流仓库下货 上礼拜搬箱子把腰闪了 住了院 算不算工伤哦"
    assert injury_doing_the_job_asked(kb, said) == "injury_what_counts"
    # (on the way to work, or not asked whether it counts: other entries)
    assert injury_doing_the_job_asked(kb, "下班路上骑车摔伤了 算不算工伤") is None
    assert injury_doing_the_job_asked(kb, "搬箱子把腰闪了 医药费哪个出") is None


def test_outdoor_work_in_the_heat_told():
    from bot.knowledge.pointed_fresh import heat_asked

    kb = _Knowledge()
    said = "我在工地扎钢筋 今天39度 老板喊我们一整天都在外头晒起干"
    assert heat_asked(kb, said) == "heat_outdoor_hours"
    # (the allowance asked: its own entry; no heat told: none)
    assert heat_asked(kb, "高温天在室外干活有补贴吗") is None
    assert heat_asked(kb, "老板喊我们一整天都在外头干") is None


def test_a_shortage_docked_from_the_pay():
    from bot.knowledge.pointed_fresh import docked_for_shortage_asked

    kb = _Knowledge()
    assert docked_for_shortage_asked(kb, "扣短款这个合法不嘛") == "wage_deduction_fine"
    assert docked_for_shortage_asked(kb, "收银差账300 老板从工资里扣") == "wage_deduction_fine"
    assert docked_for_shortage_asked(kb, "收银每天要对账吗") is None


def test_hurt_off_work_with_time_off_is_the_medical_period():
    from bot.knowledge.pointed_fresh import hurt_off_work_asked

    kb = _Knowledge()
    told = "周末骑车摔断了手 不是工作时候伤的 医生说要休两个月 单位只准我请半个月"
    assert hurt_off_work_asked(kb, told) == "sick_medical_period"
    assert hurt_off_work_asked(kb, "在屋头扭了脚 不是工伤 要歇好久") == "sick_medical_period"
    # the employer's denial of a work injury is no injury off work
    assert hurt_off_work_asked(kb, "在车间摔了 厂头说不是工伤 喊我自己休") is None
    # no time off told or asked
    assert hurt_off_work_asked(kb, "不是上班伤的 医药费哪个出") is None


def test_a_holiday_not_worked_is_paid():
    from bot.knowledge.pointed_leave import holiday_off_docked_asked

    kb = _Knowledge()
    assert holiday_off_docked_asked(kb, None, "国庆没去上班 工资会不会扣") == "leave_holiday_paid"
    assert holiday_off_docked_asked(kb, None, "如果他没上班 工资会扣吗") is None  # no holiday
    assert holiday_off_docked_asked(kb, None, "国庆加班费好多") is None


def test_this_years_leave_put_off_to_the_next():
    from bot.knowledge.pointed_leave import LEAVE_PUT_OFF, leave_put_off_asked

    class _Previous:
        slug, question, answer = "leave_annual_days", "年假有几天", ""

    said = "老板说今年忙 年假推到明年再休 这样行不"
    assert leave_put_off_asked(_Knowledge(), _Previous(), said) == LEAVE_PUT_OFF
    assert leave_put_off_asked(_Knowledge(), _Previous(), "明年再说吧") is None


def test_an_injury_the_boss_never_reported_is_not_what_counts():
    from bot.knowledge.pointed_fresh import injury_doing_the_job_asked

    said = "上个月在车间手遭机器压了 老板到现在都没给我报工伤 咋个办"
    assert injury_doing_the_job_asked(_Knowledge(), said) is None


def test_working_with_no_day_off_asked_of():
    from bot.knowledge.pointed_both import both_said_asked

    said = "我在仓库上白班 每天10个钟头 一个月都没休过 这样合法不"
    assert both_said_asked(_Knowledge(), said) == "leave_weekly_rest"
    assert both_said_asked(_Knowledge(), "一个月都没休过") is None  # (nothing asked of it)


def test_a_crowd_sourced_rider_after_the_riders_entry_keeps_it():
    from bot.knowledge.pointed_fresh import crowd_rider_told
    from tests.knowledge.fakes import Previous

    kb, rider = _Knowledge(), Previous(slug="flex_platform_rider", category="劳务派遣与灵活用工")
    told = "我跑的众包 在软件上接单 合同一个都没签过"
    assert crowd_rider_told(kb, rider, told) == "flex_platform_rider"
    assert crowd_rider_told(kb, rider, "在app上抢单的 没得合同") == "flex_platform_rider"
    # (not after another entry, and not an employee's no-contract story)
    assert crowd_rider_told(kb, Previous(slug="injury_what_counts"), told) is None
    assert crowd_rider_told(kb, rider, "站长说没签合同就不管") is None


def test_how_to_tell_the_employer_asks_the_written_notice():
    from bot.knowledge.focus import focused

    answer = (
        "可以，不用等30天，还能要经济补偿。单位没有依法缴社保的，你可以随时解除合同。"
        "要写书面解除通知，写清单位的具体违法事实，留好送达证据。"
    )
    part = focused(answer, "我要咋个跟他说 要写个啥子不", details=True, topic="单位不缴社保能走吗")
    assert part is not None and part.startswith("要写书面解除通知")


def test_let_go_without_the_exit_check_and_a_diseases_benefits():
    from bot.knowledge.pointed_fresh import disease_benefits_asked, let_go_without_exit_check_told
    from tests.knowledge.fakes import Previous

    kb, checks = _Knowledge(), Previous(slug="injury_occupational_checks", category="工伤")
    told = "现在公司又说要跟我解除合同 喊我直接走人"
    assert let_go_without_exit_check_told(kb, checks, told) == "injury_occupational_checks"
    assert let_go_without_exit_check_told(kb, Previous(slug="x"), told) is None
    assert (
        let_go_without_exit_check_told(kb, Previous(slug="x"), "喊我走人 离岗体检都没给我做")
        == "injury_occupational_checks"
    )
    assert disease_benefits_asked(kb, "如果确诊了是职业病 有啥子待遇") == "injury_benefits"
    assert disease_benefits_asked(kb, "职业病去哪里确诊") is None


def test_the_pay_put_off_and_a_relocations_half():
    from bot.knowledge.pointed_fresh import half_for_refusing_to_move_told, pay_put_off_told
    from tests.knowledge.fakes import Previous

    kb, wages = _Knowledge(), Previous(slug="wage_arrears_complain", category="工资报酬")
    assert pay_put_off_told(kb, wages, "公司说下个月一起发") == "wage_monthly_payslip"
    assert pay_put_off_told(kb, wages, "老板说年底一起结") == "wage_monthly_payslip"
    assert pay_put_off_told(kb, Previous(slug="x", category="工伤"), "下个月一起发") is None
    said = ("公司明年要搬到四川去",)
    assert half_for_refusing_to_move_told(kb, wages, "只给一半", said) == "contract_relocation"
    assert half_for_refusing_to_move_told(kb, wages, "只给一半", ("工资拖了",)) is None

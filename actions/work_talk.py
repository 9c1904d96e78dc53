"""Words that make a message about the worker's own job, not about a course a keyword of it
names ("做钟点工的 老板说一个月结一次钱"; split from actions/course_context.py)."""

from __future__ import annotations

import re

# a short message about the courses on the screen may still be about work ("那加班费呢")
ABOUT_WORK = re.compile(
    r"工资|加班|合同|工伤|社保|保险|试用期|年假|休假|产假|辞退|开除|补偿|赔偿|仲裁|调解|老板|单位|公司"
    r"|劳动|退休|法律|法规|高温|津贴|生育|育儿|产假|护理假|陪产|婚假|病假|事假|丧假|产检|怀孕|哺乳"
    # "我要辞职的话要提前好久跟厂头说": leaving the job, not a course's time
    r"|辞职|离职|辞工|跳槽"
    # "厂里能不能也喊我签服务期": a training bond, the law of it
    r"|服务期|违约金|竞业"
    # "我在物流园开叉车 上个月把腰扭了": hurt at work (a job named by a course's keyword)
    r"|受伤|受了伤|扭了|扭伤|摔了|摔伤|摔断|骨折|压伤|砸伤|砸到|烫伤|割伤|夹伤|伤到"
    # "上个月平时晚上加了20个钟头 好多钱": hours worked over
    r"|加了\s*\d+\s*个?(?:钟头|小时|钟|次|回)|下班后加|底薪|月薪"
    # "他说钟点工随时都可以喊我走 一分钱都不得给": let go, paid nothing
    r"|喊我走|叫我走|让我走|一分钱|不得给|不给钱|是不是真的"
    # "我在超市做钟点工 一个多月没给我结钱了": the worker's own job by the hour, its pay
    r"|(?:在|是)[^，,。\s]{0,8}(?:做|当|干)(?:的)?钟点工|结钱|结账|结工钱|工钱|没给我结"
    r"|一个钟头\s*\d+\s*块|\d+\s*个钟头"
    # "去应聘火锅店后厨 体检查出乙肝 人家就喊我莫来了": turned away at hiring (后厨 names a course)
    r"|应聘|录用|招聘|面试|体检|乙肝|歧视|喊我莫来|叫我别来|不要我了"
)

"""English phrases of a woman worker's pregnancy, check-ups and nursing ("my line leader takes
money off my pay when I go for prenatal checkups", "how much time do I get for breastfeeding at
work", "my contract ends next month, can they just not renew it"), merged with
intents/english_words.py's table by intents/foreign.py. Read as 产检, 哺乳 and 合同到期 they
bring the women workers' entries (《女职工劳动保护特别规定》第六条、第九条; 《劳动合同法》
第四十二条、第四十五条: a contract ending in pregnancy or nursing runs on)."""

from __future__ import annotations

WOMEN = {
    "prenatal checkups": "产检",
    "prenatal checkup": "产检",
    "pregnancy checkups": "产检",
    # ("prenatal check-ups", "antenatal appointments": the word alone, a hyphen splits a run)
    "prenatal": "产检",
    "antenatal": "产检",
    "breastfeeding": "哺乳",
    "breast feeding": "哺乳",
    "nursing my baby": "哺乳",
    "nursing the baby": "哺乳",
    "feed my baby": "喂奶",
    "feeding the baby": "喂奶",
    # "takes money off my pay": docked
    "takes money off my pay": "扣我工资",
    "take money off my pay": "扣我工资",
    "takes money off my salary": "扣我工资",
    "cuts my pay": "扣我工资",
    # "my contract ends next month, can they just not renew it"
    "my contract ends": "我的劳动合同到期",
    "contract ends": "劳动合同到期",
    "contract expires": "劳动合同到期",
    "not renew": "不续签",
    "not to renew": "不续签",
    "won't renew": "不续签",
    "refuse to renew": "不续签",
    # "my manager keeps sending me dirty messages … at the team dinner he touched me":
    # harassment at work (《民法典》第一千零一十条; 《女职工劳动保护特别规定》第十一条)
    "sexual harassment": "性骚扰",
    "sexually harassed": "性骚扰",
    "sexually harassing": "性骚扰",
    "harassment": "性骚扰",
    "harassed": "性骚扰",
    "harassing me": "性骚扰我",
    "keeps harassing me": "一直性骚扰我",
    "harasses me": "性骚扰我",
    "dirty messages": "黄色消息",
    "dirty texts": "黄色消息",
    "sexual messages": "黄色消息",
    "touched me": "对我动手动脚",
    "groped me": "对我动手动脚",
    "touching me": "对我动手动脚",
    # "if I report it to HR I'm scared they will just fire me": fired for complaining
    "report it to hr": "向单位投诉",
    "complain to hr": "向单位投诉",
    "scared they will just fire me": "怕被打击报复辞退",
    "scared they will fire me": "怕被打击报复辞退",
    "afraid they will fire me": "怕被打击报复辞退",
    "what proof should i keep": "要保存哪些证据",
}

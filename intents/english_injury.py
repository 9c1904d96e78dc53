"""English phrases of an injury at work (what happened to the hand or finger, the machine, whose
fault it was, who applies) and the pinyin terms a worker mixes into English ("who should apply
for gongshang rending"), merged with intents/english_words.py's table by intents/foreign.py
(split from it along this seam). The injury read as 工伤 brings the work-injury answers
(《工伤保险条例》第十四条、第十六条、第十七条)."""

from __future__ import annotations

INJURY = {
    # "I cut my finger on a saw machine last week": hurt at the machine worked at
    "cut my finger": "手指割伤了",
    "cut my hand": "手割伤了",
    "cut off my finger": "手指切断了",
    "crushed my hand": "手被机器压伤了",
    "crushed my finger": "手指被机器压伤了",
    "my hand was crushed": "手被机器压伤了",
    "burned my hand": "手烫伤了",
    "burnt my hand": "手烫伤了",
    "hurt my back": "腰扭伤了",
    "hurt my hand": "手受伤了",
    "hurt my finger": "手指受伤了",
    "got hurt": "受伤了",
    "got injured": "受伤了",
    "stitches": "缝针",
    # "I got injured at the factory today": where it happened
    "at work": "上班时",
    "at the factory": "在厂里",
    "in the factory": "在厂里",
    "at the workshop": "在车间",
    "at the construction site": "在工地",
    "on the construction site": "在工地",
    "saw machine": "机器",
    "machine": "机器",
    "what should i do first": "现在该怎么办",
    # "who should apply for gongshang rending? is there a deadline"
    # "who should apply for it, the agency or the factory?" from a dispatched worker: the
    # dispatch agency applies (《工伤保险条例》第十七条, 《劳务派遣暂行规定》第十条)
    "the agency or the factory": "派遣公司还是用工单位",
    "the factory or the agency": "用工单位还是派遣公司",
    "dispatched worker": "派遣工",
    "dispatch worker": "派遣工",
    "labor agency": "劳务派遣公司",
    "labour agency": "劳务派遣公司",
    "dispatch agency": "劳务派遣公司",
    "the agency": "派遣公司",
    # "doctor says I need 3 months off work": the rest the doctor wrote (read "3 个月的假")
    "doctor says": "医生说",
    "the doctor says": "医生说",
    "off work": "的假",
    "who should apply for": "谁去申请",
    "who should apply": "谁去申请",
    "who applies": "谁去申请",
    # pinyin terms inside English (read before the English around them drowns them)
    # "I was hurt at work, is it gongshang?": whether it counts
    "is it gongshang": "算不算工伤",
    "is this gongshang": "算不算工伤",
    "does it count as gongshang": "算不算工伤",
    "does it count as a work injury": "算不算工伤",
    "count as work injury": "算不算工伤",
    "is it a work injury": "算不算工伤",
    "is this a work injury": "这个算不算工伤",
    "is that a work injury": "这个算不算工伤",
    "gongshang rending": "工伤认定",
    "gong shang ren ding": "工伤认定",
    "gongshang": "工伤",
    "gong shang": "工伤",
    "rending": "认定",
    # "my boss says it was my own fault so it is not gongshang": fault does not undo it
    "it was my own fault": "是我自己不小心",
    "my own fault": "我自己不小心",
    "own fault": "自己不小心",
    "my fault": "我自己不小心",
    "careless": "不小心",
    "not gongshang": "不算工伤",
    "does this count as a work injury": "这个算不算工伤",
    "does that count as a work injury": "这个算不算工伤",
    # "I'm a university student doing a winter internship … cut my hand": a student's
    # internship, no labour relation (its own entry: 实习责任保险 and fault)
    "university student": "在校学生",
    "college student": "在校学生",
    "internship": "实习",
    "intern": "实习生",
    # "the company says it's my school's problem … Who pays?": which of the two pays
    "my school's problem": "学校的事",
    "says it's": "说是",
    "says it is": "说是",
    "the company's": "公司的",
    "school": "学校",
    "who pays": "哪个赔",
    # "my roommate graduated in July, she has been working there since August with no
    # contract": a graduate at work is in a labour relation (《劳动合同法》第七条、第八十二条)
    "graduated": "毕业了",
    "my roommate": "我室友",
    "who should pay": "哪个赔",
    # "the factory says they will send me back to the agency": a dispatched worker returned
    # (《劳务派遣暂行规定》第十二条、第十三条)
    "send me back to the agency": "把我退回派遣公司",
    "sent me back to the agency": "把我退回派遣公司",
    "send me back": "把我退回",
    "sent me back": "把我退回",
    "send back": "退回",
    "sent back": "退回",
    # "my contract with the agency ends in February. Can they just let it expire?"
    "let it expire": "让合同到期终止",
    "let my contract expire": "让合同到期终止",
}

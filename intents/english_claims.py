"""English words of a claim and its proof, and of a course's things ("hasn't paid my salary",
"enough proof", "I don't have a paddle"), read as the Chinese the classifier and the FAQ know
(split from intents/english_words.py; intents/foreign.py applies them after those)."""

from __future__ import annotations

CLAIMS = {
    # "I teach at a private training school … hasn't paid my salary": a workplace, not a
    # training bond; proof of a job without a contract
    "training school": "学校",
    "hasn't paid my salary": "拖欠工资",
    "has not paid my salary": "拖欠工资",
    "never signed a contract": "没签合同",
    "didn't sign a contract": "没签合同",
    "no contract": "没签合同",
    "enough proof": "证据够不够",
    "enough evidence": "证据够不够",
    "proof": "证据",
    "evidence": "证据",
    # "can i get extra money because he paid so late?": the extra for wages held back
    "paid so late": "拖欠工资",
    "paid late": "拖欠工资",
    "pays late": "拖欠工资",
    "extra money": "加付赔偿金",
    # a course's things ("I don't have a paddle, do I need to buy one?")
    "paddle": "球拍",
    "racket": "球拍",
    "racquet": "球拍",
    "need to buy": "要自己买",
    "buy one": "买",
}

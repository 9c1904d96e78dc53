"""English phrases of papers held back, leave refused, figures put right and a probation's
terms ("is it legal for my boss to keep my ID card", "sorry actually its 2 years 9 months"),
merged after intents/english_sentences.py's by intents/foreign.py (split from it)."""

from __future__ import annotations

SENTENCES_MORE = {
    # "is it legal for my boss to keep my ID card": papers held back
    "keep my id card": "扣着我的身份证",
    "keeps my id card": "扣着我的身份证",
    "kept my id card": "扣了我的身份证",
    "took my id card": "扣了我的身份证",
    "id card": "身份证",
    # "they also kept the original of my college diploma. same thing?": another paper held
    # ("college diploma" alone is the union's 大专 course)
    "the original of my college diploma": "毕业证原件",
    "original of my college diploma": "毕业证原件",
    "original of my diploma": "毕业证原件",
    "my diploma": "我的毕业证",
    "same thing": "也一样不",
    "kept the": "扣了",
    # "if they won't give them back, who do I complain to": where to turn, not a request
    "won't give them back": "不退还",
    "wont give them back": "不退还",
    "who do i complain to": "找哪个部门投诉",
    # "if the company doesnt let me take them what do they have to pay me" (the leave days):
    # leave refused, what it pays
    "doesnt let me take them": "不让我休年假",
    "doesn't let me take them": "不让我休年假",
    "does not let me take them": "不让我休年假",
    "won't let me take them": "不让我休年假",
    "wont let me take them": "不让我休年假",
    "what do they have to pay me": "要补我多少钱",
    "what do they have to pay": "要补多少钱",
    # "back to the leave, what if I had worked 12 years in total": the leave taken up again
    "back to the leave": "回到年假",
    "back to the annual leave": "回到年假",
    # "sorry actually its 2 years 9 months": a figure put right
    "sorry actually it's": "说错了 是",
    "sorry actually its": "说错了 是",
    "sorry it's": "说错了 是",
    "sorry its": "说错了 是",
    "actually it's": "其实是",
    "actually its": "其实是",
    # "I signed an 18 month contract with a factory and they say probation is 6 months":
    # a contract's term and the probation set in it
    "i signed an": "我签了",
    "i signed a": "我签了",
    "i signed": "我签了",
    "signed an": "签了",
    "signed a": "签了",
    "signed": "签了",
    "with a factory": "跟厂里",
    "with a company": "跟公司",
    "they say": "他们说",
    "they said": "他们说",
    # "today my boss fired me, said I'm not suitable. no reason, nothing in writing": let go
    # on probation as unsuitable, no reason, no written notice
    "said i'm not suitable": "说我不合适",
    "said im not suitable": "说我不合适",
    "not suitable": "不合适",
    "nothing in writing": "没有书面通知",
    "not in writing": "没有书面通知",
    "today": "今天",
    "yesterday": "昨天",
    # "probation salary is 3000 and after probation 4500. ok?": whether that is allowed
    ". ok?": " 可以吗",
    "ok?": "可以吗",
}

"""English follow-ups that lean on what was said just before (a detail asked again, the sum
asked for one day or "the exact number", the worker's own case taken up again) and the
English words workers drop into Chinese ("要不要交money", "几号start"), merged with
intents/english_words.py's table by intents/foreign.py (split from it along this seam)."""

from __future__ import annotations

ASIDES = {
    # "the place again? i dont know that area": a detail of the course in view asked again
    "the place again": "地点再说一遍",
    "the address again": "地址再说一遍",
    "where again": "在哪里再说一遍",
    "the time again": "时间再说一遍",
    "when again": "什么时候再说一遍",
    "the price again": "费用再说一遍",
    "i dont know that area": "我不熟悉那边",
    "i don't know that area": "我不熟悉那边",
    "i do not know that area": "我不熟悉那边",
    "i dont know that place": "我不熟悉那边",
    "i don't know that place": "我不熟悉那边",
    # "so for one saturday how much money is that": one day of the days asked about
    "one saturday": "一个周六",
    "one sunday": "一个周日",
    "one weekend day": "一个周末",
    "one day": "一天",
    "how much money is that": "那是多少钱",
    "how much is that": "那是多少钱",
    "how much money": "多少钱",
    # "so whats the exact number i should get": the sum asked again, as a figure
    "whats the exact number": "具体是多少钱",
    "what's the exact number": "具体是多少钱",
    "what is the exact number": "具体是多少钱",
    "the exact number": "具体多少钱",
    "the exact amount": "具体多少钱",
    "exact number": "具体多少钱",
    "exact amount": "具体多少钱",
    "i should get": "该拿",
    # "last year the company never let me take any … what do they owe me": leave refused,
    # what it pays
    "never let me take any": "一天都没让我休",
    "never let me take it": "一天都没让我休",
    "never let me take them": "一天都没让我休",
    "didnt let me take any": "一天都没让我休",
    "didn't let me take any": "一天都没让我休",
    "did not let me take any": "一天都没让我休",
    "what do they owe me": "该补我多少",
    "how much do they owe me": "该补我多少",
    # "ok back to my real case. i might need surgery …": the worker's own case again
    "back to my real case": "回到我自己的事",
    "back to my own case": "回到我自己的事",
    "back to my case": "回到我自己的事",
    "i might need surgery": "我可能要做手术",
    "need surgery": "要做手术",
    "surgery": "做手术",
    # "how long sick leave can i have before they can end my contract": the medical period
    "how long sick leave can i have": "病假能休多久",
    "how much sick leave can i have": "病假能休多久",
    "how long can i be on sick leave": "病假能休多久",
    "before they can end my contract": "公司才能解除合同",
    "before they can fire me": "公司才能辞退我",
    "end my contract": "解除合同",
    "terminate my contract": "解除合同",
    # English words dropped into Chinese ("要不要交money", "几号start 在哪点")
    "money": "钱",
    "start": "开始",
    "starts": "开始",
    "begin": "开始",
    "finish": "结束",
}

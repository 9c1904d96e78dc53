"""English phrases of overtime told (the kinds of days, the monthly pay, a rest day without time
off in lieu, one more day "also" told), merged with intents/english_words.py's table by
intents/foreign.py (split from it along this seam)."""

from __future__ import annotations

OVERTIME = {
    # "my manager says no overtime pay during probation", "what's my overtime rate per hour on
    # weekdays?", "and for the saturday?": overtime in probation, its hourly rate, a rest day's
    "no overtime pay during probation": "试用期没有加班费",
    "during probation": "试用期",
    "what's my overtime rate per hour": "加班每小时加班费是好多",
    "what is my overtime rate per hour": "加班每小时加班费是好多",
    "overtime rate per hour": "加班每小时加班费",
    "and for the saturday": "那周六呢",
    "and for saturday": "那周六呢",
    "what about saturday": "那周六呢",
    "what about the saturday": "那周六呢",
    "how is overtime": "加班费怎么算",
    "how is my overtime": "加班费怎么算",
    "overtime pay": "加班费",
    "overtime": "加班",
    "work overtime": "加班",
    "working overtime": "加班",
    "overtime work": "加班",
    # "monthly salary 6090 yuan", "my salary is 6525": the monthly pay
    "monthly salary": "月工资",
    "monthly pay": "月工资",
    "monthly wage": "月工资",
    "my salary is": "我工资是",
    "salary is": "工资是",
    # "10 extra hours on weekday evenings", "the whole day on national day"
    "weekday evenings": "平时晚上",
    "weekday evening": "平时晚上",
    "on weekdays": "平时",
    "weekdays": "平时",
    "weekday": "平时",
    "the whole day": "一整天",
    "whole day": "一整天",
    "national day": "国庆",
    "spring festival": "春节",
    "chinese new year": "春节",
    "new year's day": "元旦",
    # a rest day worked without time off in lieu ("no days off instead"; not annual leave)
    "no days off instead": "没补休",
    "no day off instead": "没补休",
    "no days off": "没补休",
    # "it was my rest day and the boss didnt give me another day off"
    "didnt give me another day off": "没补休",
    "didn't give me another day off": "没补休",
    "did not give me another day off": "没补休",
    "no other day off": "没补休",
    "another day off": "补休",
    "it was my rest day": "那天是我的休息日",
    "was my rest day": "那天是我的休息日",
    "my rest day": "休息日",
    # "also May 3rd, …": one more day told after the sum
    "and also": "还有",
    "also": "还有",
    "rest day": "休息日",
    "how much overtime pay should i get": "加班费该拿好多",
    # "how much overtime pay per hour on weekdays?": an hour's overtime pay asked
    "how much overtime pay per hour": "加班一个小时好多钱",
    "how much overtime per hour": "加班一个小时好多钱",
    "how much per hour": "一个小时好多钱",
    "per hour": "每小时",
    "how much overtime pay": "加班费好多",
    "time off in lieu": "补休",
    "day off instead": "补休",
    "never pays extra": "不给加班费",
    # "my factory makes us work every saturday but never pays overtime"
    "never pays overtime": "从来不给加班费",
    "never paid overtime": "从来不给加班费",
    "never pay overtime": "从来不给加班费",
    "doesn't pay overtime": "不给加班费",
    "does not pay overtime": "不给加班费",
    # "they didn't pay my overtime for October": the overtime unpaid, not the wages
    "didn't pay my overtime": "没给加班费",
    "didnt pay my overtime": "没给加班费",
    "did not pay my overtime": "没给加班费",
    "haven't paid my overtime": "没给加班费",
    "have not paid my overtime": "没给加班费",
    "makes us": "让我们",
    "make us": "让我们",
    "how much should that be": "应该给好多",
    "my factory": "我们厂",
    "doesn't pay extra": "不给加班费",
    "does not pay extra": "不给加班费",
    "no extra pay": "不给加班费",
    "without extra pay": "不给加班费",
    "work every saturday": "每个周六都加班",
    "every saturday": "每个周六",
    "and on weekdays": "那平时",
    # "he says for the sunday he will give me a day off later instead of money, is that ok"
    "he says": "他说",
    "she says": "她说",
    "boss says": "老板说",
    "give me a day off later": "以后给我补休",
    "a day off later": "以后补休",
    "give me a day off": "给我补休",
    # "and if boss gives me a day off instead for the sunday?": time off for that rest day
    "gives me a day off instead": "给我补休",
    "gives me a day off": "给我补休",
    "gave me a day off instead": "给我补休了",
    "gave me a day off": "给我补休了",
    "a day off": "补休",
    "instead of money": "不给钱",
    "instead of paying": "不给钱",
    "instead of pay": "不给钱",
    "for that day": "那天",
    # "how much should they pay me for working on sunday": the day's pay asked
    "how much should they pay me": "该给我好多",
    "how much should he pay me": "该给我好多",
    "how much should the boss pay me": "该给我好多",
    "how much should i be paid": "该给我好多",
    "how much should i get paid": "该给我好多",
    # "i work in a factory in chongqing": where the worker works, said before the question
    "i work in a factory": "我在厂里上班",
    "work in a factory": "在厂里上班",
    # ("… in a factory in chongqing. how much …": where the work is says nothing asked; read
    # as 重庆 it pulls the question to the city's minimum wage)
    "i work in a factory in chongqing": "我在厂里上班",
    "work in a factory in chongqing": "在厂里上班",
}

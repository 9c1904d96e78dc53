"""English phrases of whole requests and stories (being let go while pregnant, what one can
get, whether they may), merged into intents/english_words.py's table."""

from __future__ import annotations

SENTENCES = {
    "told me not to come back": "叫我不要来了",
    "not to come back": "不要来了",
    "don't come back": "不要来了",
    "can they do that": "能这样吗",
    "is that legal": "合法吗",
    "is this legal": "合法吗",
    "what can i get": "能拿多少",
    "how much can i get": "能拿多少",
    "fire me": "辞退我",
    "let me go": "辞退我",
    "manager": "经理",
    "supervisor": "主管",
    "keep my job": "继续上班",
    "try mediation": "申请调解",
    "mediation first": "先调解",
    "submit it": "确认提交",
    "that's right": "对",
    "front desk": "前台",
    "next week": "下周",
    "this week": "这周",
    "last week": "上周",
    "next month": "下个月",
    "last month": "上个月",
}

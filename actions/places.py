"""Chongqing's districts and counties, as workers name them before their employer ("大渡口
川味坊餐饮", "江北 快运通物流"): where the firm is, not part of its name."""

from __future__ import annotations

import re

_DISTRICTS = (
    "渝中|江北|南岸|沙坪坝|九龙坡|大渡口|渝北|巴南|北碚|两江新区|高新区|璧山|江津|永川|合川|长寿"
    "|涪陵|綦江|万盛|大足|铜梁|潼南|荣昌|万州|黔江|南川|开州|梁平|武隆|城口|丰都|垫江|忠县|云阳"
    "|奉节|巫山|巫溪|石柱|秀山|酉阳|彭水"
)

# a district said on its own, with or without 区/县 ("江北", "璧山区", "重庆市渝北区")
DISTRICT = rf"(?:重庆(?:市)?)?(?:{_DISTRICTS})(?:区|县)?"

# a message's first word when it is only where the firm is ("江北 快运通物流 开货车 …")
LEADING_DISTRICT = re.compile(rf"^{DISTRICT}[\s，,]+")

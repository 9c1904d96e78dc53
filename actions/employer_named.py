"""The employer a message names ("在重庆华宇物业公司当保安", "单位是…", "馆子是渝北的老李家火锅",
"company Chongqing Hongtai Electronics"): its label, the kind of place, a registered name
standing alone (split from actions/opening.py, which reads the rest of an opening message)."""

from __future__ import annotations

import re

from actions.validators import (
    INDUSTRY_WORDS,
    NOT_IN_A_NAME,
    clean_employer,
    dispute_types_in,
    looks_like_employer,
)

_EMPLOYER = re.compile(
    # ("是重庆渝发建设承包的…工地": the firm that took the contract)
    r"(?:在|单位(?:是|叫|名称是?|名字是?)?|公司(?:是|叫|名称是?|名字是?)|[:：]|(?<=[\s，,])是)\s*(?P<employer>[\u4e00-\u9fffA-Za-z0-9（）()·]{2,30}?"
    r"(?:有限公司|有限责任公司|公司|集团|工厂|厂|门店|商店|超市|商场|商城|美容院|养老院|诊所|会所|酒店|酒楼|酒家|宾馆|餐厅|饭店|火锅店|店|面馆|餐馆|茶馆"
    r"|医院|学校|幼儿园|工地|项目部|物业|中心|仓库|快递站|配送站|驿站|(?:"
    + INDUSTRY_WORDS
    # ("在解放碑老码头火锅当服务员": a restaurant by its kind)
    + r"|火锅|串串香|烧烤)(?=$|[\s，,。；;]|上班|工作|做事|打工|当|做|干|开车|开货车|跑车|送货|送餐|承包)))"
)


# a name's end that goes on past the first company word: 华宇物业 + 公司, 优品电子 + 有限公司
_MORE_SUFFIX = re.compile(
    # "物业 + 服务有限公司": a trade word may come before the company word
    r"(?:(?:服务|管理|工程|科技|贸易|发展|实业|建设|劳务|咨询|物流|餐饮|商贸|技术|连锁)+)?"
    r"(?:股份有限公司|有限责任公司|有限公司|分公司|公司|集团|厂)"
)
# a company pointed at, not named ("在这个厂")
# ("在一个装修公司做泥水工": a kind of firm, not its name)
_POINTS_AT = re.compile(r"^(?:这|那|该|本|我们|公司|单位|一个|一家|某个|某家)")
NOT_A_FIRM = re.compile(r"的钱|工资|年假|加班费|社保|补偿|押金")
POINTED_AT_END = re.compile(r"(?:那个|这个|那家|这家|那|这)(?:公司|厂|单位|店)$")


# the employer given by its label, whatever it ends with: "单位是重庆捷达快递渝北分部"
_LABELLED_EMPLOYER = re.compile(
    r"(?:(?:工作|用人)?单位(?:是|叫|名称是?|名字是?|[:：])|公司(?:是|叫|名称是?|名字是?|[:：])"
    # "单位要写重庆速达劳务公司", "公司应该填…": what the form should say
    r"|(?:单位|公司)(?:要|应该|得|就)?(?:写成?|填成?|改成|改为)"
    # "在南岸区的一个汽修厂 厂名叫重庆快捷汽车维修有限公司": the name after its label
    r"|(?:厂子|店子|厂|店)(?:名|的名字|名字)?(?:叫|[:：])|(?:厂|店)(?:名|的名字|名字)是|全称(?:叫|是|[:：])|全名(?:叫|是|[:：])"
    # "馆子是渝北的老李家火锅", "平台是T3出行", "学校是小树苗幼儿园": the place by its kind
    r"|(?:馆子|餐馆|饭店|酒店|超市|学校|幼儿园|医院|平台|物业|商场|美发店|理发店|火锅店|面馆|餐厅)(?:是|叫)"
    r"(?:[\u4e00-\u9fff]{1,3}的(?=[^\s，,。]{2}))?"
    # "school is 小树苗幼儿园", "company: …": the employer labelled in English
    r"|(?:[Ss]chool|[Cc]ompany|[Ee]mployer|[Ff]actory|[Rr]estaurant|[Ss]hop|[Ss]tore|[Hh]otel|[Ff]irm)"
    r"(?: name)?(?: is|:|(?=\s+[A-Z\u4e00-\u9fff]))(?!\s+(?:wrong|right|incorrect|not)\b)"
    # "店是观音桥的衣尚衣服装店"
    r"|(?:(?<=\s)|^)(?:店子|店)是(?:[\u4e00-\u9fff]{1,4}的)?"
    r"(?=[^\s，,。]{1,20}(?:店|公司|厂|超市|馆|行|部|中心)(?:[\s，,。]|$))"
    # "我是送外卖的 … 站点是重庆蜂鸟配送渝中站": a rider's or courier's station
    r"|(?:站点|网点|配送站)(?:是|叫|名称是?|[:：])"
    # "总包是重庆渝建建设工程有限公司": the main contractor, who pays when the labour boss ran off
    r"|(?:总包|总承包|总包单位|总承包单位|承包方)(?:是|叫|[:：])"
    # "在渝北一家物业公司 叫恒安物业", "合同是跟一个劳务公司签的 叫重庆速达人力资源有限公司":
    # the name after the kind of place
    r"|(?:一家|一个)[^，,。；;\s]{0,10}(?:公司|厂|店|物业|酒店|饭店|餐馆)[^，,。；;\s]{0,4}[\s，,]*叫"
    r"|(?:^|(?<=[\s，,]))叫(?=[^，,。；;\s]{2,30}(?:有限责任公司|有限公司|公司|集团))"
    # "我们是重庆美嘉服装厂的": who the workers belong to (the 的 left to clean_employer)
    r"|(?:^|(?<=[\s，,]))(?:我们|我)(?:都|也)?是(?=[\u4e00-\u9fff]{2,30}?(?:公司|厂|集团)的(?:$|[\s，,。])))"
    r"\s*(?P<employer>[^，,。；;！!？?\s]{2,30})"
)


# "gong si shi xin hua yin shua chang, …": the employer labelled in pinyin, all lowercase
_PINYIN_LABELLED = re.compile(
    # ("dian jiao Xiangcha Jiyi naicha dian, …": the shop's name, capitals as typed)
    r"\b(?:gong ?si|dan ?wei|chang ?li|chang zi|dian pu|dian ming|dian)\s*(?:shi|jiao)\s+"
    r"(?P<employer>[A-Za-z]+(?:\s[A-Za-z]+){1,7})(?=\s*(?:[,，.。;；]|$))"
    # ("gongsi shi chongqing jianfeng jianzhu gongcheng youxian gongsi jiu xiang ba 21000 na
    # hui lai": the labelled name up to the word a firm's name ends with, more said after it)
    r"|\b(?:gong ?si|dan ?wei|chang ?li|chang zi)\s*(?:shi|jiao)\s+"
    r"(?P<named>(?:[a-z]+\s){1,8}?(?:you ?xian (?:ze ?ren )?gong ?si|gong ?si|chang))(?=\s|$)"
    # ("zai hong xing can yin gong si, …": where the worker works, a company in pinyin; "zai
    # longhu canyin gongsi zuo chuancai": the work done there after it)
    r"|\bzai\s+(?P<at>(?:[a-z]+\s){1,6}?(?:gong ?si|chang|dian))"
    r"(?=\s*(?:[,，.。;；]|$)|\s+(?:zuo|gan|dang|shang ?ban|da ?gong)\b)"
)


# ("gongsi shi Chongqing Yunchuang ruanjian youxian gongsi yaoqiu pei 5000": a registered name
# labelled in pinyin, capitals as typed, up to the words it ends with)
_PINYIN_LABELLED_REGISTERED = re.compile(
    r"\b(?:gong ?si|dan ?wei|chang ?li)\s*(?:shi|jiao)\s+"
    r"(?P<named>(?:[a-z]+\s){1,8}?you ?xian (?:ze ?ren )?gong ?si)(?=\s|$|[,，.。;；])",
    re.IGNORECASE,
)


_ENGLISH_LABELLED = re.compile(
    r"\b(?:(?:[Cc]ompany|[Ee]mployer|[Ff]actory|[Ss]chool|[Rr]estaurant|[Hh]otel|[Ff]irm|[Ss]tation|[Ss]tore"
    r"|[Bb]akery|[Ss]hop|[Cc]afe|[Ss]alon|[Ww]orkshop)(?: name)?"
    r"(?: is|:)?"
    # ("gongsi shi Jinyu Wuye", "zhandian shi …": labelled in pinyin)
    r"|(?:gongsi|danwei|zhandian|changli|dianpu)\s*(?:shi|jiao)"
    # ("I work at Sunrise English Training School": where the worker works, named)
    r"|\b[Ii]?\s*(?:[Ww]ork|[Ww]orked|[Ww]orking)\s+(?:at|for))"
    r"\s+(?P<employer>[A-Z][A-Za-z0-9&]*(?:\s+[A-Z][A-Za-z0-9&]*){0,6})"
)


# "Zhang Min, 159…, Jiali Furniture Factory, …": an English firm's name standing alone, told by
# the word it ends with
_ENGLISH_FIRM = re.compile(
    r"(?<![A-Za-z])(?!(?:The|My|Our|This|That|Their|His|Her|A|An|I)\b)"
    r"(?P<employer>(?:[A-Z][A-Za-z&'-]*\s){1,5}"
    # ("My employer, Qihang Education training school in Yubei": the kind of firm in lower case)
    r"(?:(?:training|language|english|logistics|trading|construction|cleaning|security"
    r"|property|catering|delivery|education|tech|garment|furniture|electronics)\s)?"
    r"(?:(?i:factory|company|school)|Factory|Company|Co\.?|Ltd\.?|Limited|School|Restaurant|Hotel|Store|Shop|Logistics|Trading"
    r"|Group|Kindergarten|Hospital|Supermarket|Mall|Studio|Center|Centre|Bakery|Cafe|Salon"
    # ("Chongqing Lianchuang Software in Yubei": a firm named by its trade)
    r"|Software|Technology|Technologies|Electronics|Express|Warehouse|Clinic|Construction))(?![A-Za-z])"
)


# "Xie Qiang, 185…, Jiahe wuye gongsi, …": a firm's name in pinyin standing alone, told by the
# word it ends with
_PINYIN_FIRM = re.compile(
    r"(?<![A-Za-z])(?P<employer>[A-Z][a-z]+(?:\s[A-Za-z][a-z]+){0,3}\s"
    r"(?:gongsi|gong si|chang|jiudian|fandian|chaoshi|wuye|kuaidi|wuliu))(?![A-Za-z])"
)

# "chong qing jin yu can yin you xian gong si, qian le wo …": a registered name typed in
# pinyin first, all lowercase, what happened after it
_PINYIN_REGISTERED = re.compile(
    r"^\s*(?!wo |zai )(?P<named>(?:[a-z]+\s){2,8}?you ?xian (?:ze ?ren )?gong ?si)"
    r"(?=\s*(?:[,，.。;；]|$))"
)

# "chong qing jia he fu zhuang chang jiang jin qu qian le …": a firm's name typed in pinyin
# first, all lowercase, up to the word it ends with (not "wo …", "lao ban …": a sentence)
_PINYIN_FIRM_FIRST = re.compile(
    r"^\s*(?!(?:wo|ni|ta|lao ?ban|zai|gong ?si|shi|yao|xiang|wo ?men)\s)"
    r"(?P<named>(?:[a-z]+\s){2,8}?(?:gong ?si|chang|chao ?shi|jiu ?dian|can ?ting|wu ?ye|wu ?liu))"
    r"(?=\s|$|[,，.。;；])"
)

# a registered company's name standing alone: "…手机159… 重庆安达物流有限公司的 受伤了"
REGISTERED_NAME = re.compile(
    r"(?:^|(?<=[\s，,。；;]))(?P<employer>[\u4e00-\u9fffA-Za-z0-9（）()]{2,30}?"
    r"(?:有限责任公司|有限公司|股份公司|集团))"
)


# "是给渝建劳务公司做的", "帮重庆大成建筑公司干活": who the work is done for
_WORKS_FOR = re.compile(
    r"(?:给|帮|替)(?P<employer>[\u4e00-\u9fffA-Za-z0-9（）()]{2,30}?"
    r"(?:有限责任公司|有限公司|公司|集团|工厂|厂|劳务队|工程队))"
    r"(?=做|干|打工|上班|开车|送|搬|跑)"
)


# a firm's name standing alone between spaces, not registered ("… 宏建劳务公司 在李家沱工地")
_FIRM_ALONE = re.compile(
    r"(?:^|(?<=[\s，,；;]))(?P<employer>[\u4e00-\u9fff]{2,16}?(?:公司|厂))(?=$|[\s，,。；;])"
)


# a place of work, not who employs ("在融创江畔那个工地做钢筋")
SITE = re.compile(r"(?:那个|这个)?(?:工地|项目部?|楼盘)$")


def opening_employer(text: str) -> str | None:
    """The employer a message names: "在重庆华宇物业公司当保安", "单位重庆优品电子有限公司"."""
    site = None
    latin = _PINYIN_LABELLED_REGISTERED.search(text) or _ENGLISH_LABELLED.search(text)
    latin = latin or _PINYIN_LABELLED.search(text)
    latin = latin or _ENGLISH_FIRM.search(text) or _PINYIN_FIRM.search(text)
    latin = latin or _PINYIN_REGISTERED.search(text)
    latin = latin or _PINYIN_FIRM_FIRST.search(text)
    if latin:  # "company Chongqing Hongtai Electronics": the English name, whole
        named = latin.groupdict().get("named")
        if named:  # (pinyin typed all lowercase: written down as a name, each word capitalised)
            return clean_employer(named.title())
        return clean_employer(latin.group("employer") or latin.groupdict().get("at") or "")
    for m in _LABELLED_EMPLOYER.finditer(text):
        employer = m.group("employer")
        if not NOT_IN_A_NAME.search(employer) and not _POINTS_AT.search(employer):
            found = clean_employer(employer)  # the label says what it is
            if found and SITE.search(found):
                # "在融创江畔那个工地做钢筋": where the work is; a company named too wins
                site = site or found
            elif found and not dispute_types_in(found):
                return found
    for m in _EMPLOYER.finditer(text):
        employer = m.group("employer")
        more = _MORE_SUFFIX.match(text, m.end())
        if more:
            employer += more.group(0)
        if not NOT_IN_A_NAME.search(employer) and not _POINTS_AT.search(employer):
            found = looks_like_employer(employer)
            if found and SITE.search(found):
                site = site or found
            elif found:
                return found
    for m in REGISTERED_NAME.finditer(text):
        found = looks_like_employer(m.group("employer"))
        if found and not _POINTS_AT.search(found):
            return found
    for m in _WORKS_FOR.finditer(text):
        found = looks_like_employer(m.group("employer"))
        if found and not _POINTS_AT.search(found) and not NOT_IN_A_NAME.search(found):
            return found
    for m in _FIRM_ALONE.finditer(text):
        # "冉光明 150… 宏建劳务公司 在李家沱工地": the firm standing alone wins over the site
        named = m.group("employer")
        if NOT_IN_A_NAME.search(named) or POINTED_AT_END.search(named):
            continue
        found = looks_like_employer(named)
        if found and not _POINTS_AT.search(found):
            return found
    at = _AT_THAT_PLACE.search(text)
    if site is None and at and not _POINTS_AT.search(at.group("who")):
        # "在中通大渡口那个站点干分拣": the firm and its place, named by the kind of place
        return clean_employer(at.group("who") + at.group("kind"))
    return site


# "在中通大渡口那个站点干分拣", "在美团南坪那个站送外卖"
_AT_THAT_PLACE = re.compile(
    r"在(?P<who>[\u4e00-\u9fffA-Za-z0-9]{2,10}?)(?:那个|这个|那家|这家)"
    r"(?P<kind>站点|网点|站|门店|分店|店|厂|超市|仓库)"
    r"(?=干|做|上班|当|送|打工|分拣|跑|上)"
)


# "company is Jiayi Furniture Factory 嘉逸家具厂": the name in Latin letters, then in Chinese
_LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9 .,&'()-]*$")
_CHINESE_NAME_ONLY = re.compile(r"^[\u4e00-\u9fff（）()]{2,30}$")


def both_names(employer: str, rest: str) -> str | None:
    """The company named in English and then in Chinese: the Chinese name with the English
    after it ("嘉逸家具厂（Jiayi Furniture Factory）"), not a story of two words."""
    if _LATIN_NAME.match(employer) and _CHINESE_NAME_ONLY.match(rest) and looks_like_employer(rest):
        return f"{rest}（{employer}）"
    return None

"""Built-in keyword table (a safety net under the training data) and a longest-match gazetteer."""

from __future__ import annotations

from intents.normalise import fold

# entity -> canonical value -> surface forms (simplified Chinese, lowercase)
BUILTIN: dict[str, dict[str, list[str]]] = {
    "dispute_type": {
        "拖欠工资": [
            "欠薪",
            "欠工资",
            "拖欠工资",
            "拖工资",
            "不发工资",
            "工资没发",
            "没发工资",
            "工资不发",
            "不给工资",
            "工资不给",
            "没给工资",
            "工钱没给",
            "不给工钱",
            "欠工钱",
            "拖欠薪水",
            "拿不到工资",
            "工资拿不到",
            "讨薪",
            "要工资",
        ],
        "加班费": ["加班费", "加班工资", "加班钱", "加班不给钱"],
        "社会保险": [
            "社保",
            "社会保险",
            "五险",
            "五险一金",
            "养老保险",
            "医疗保险",
            "医保",
            "失业保险",
            "不买保险",
            "没买保险",
        ],
        "工伤": [
            "工伤",
            "受伤",
            "受了伤",
            "摔伤",
            "砸伤",
            "工伤认定",
            "职业病",
            # the injury told as what happened: 腿摔断了, 手切伤了, 被机器压断
            "摔断",
            "砸断",
            "压断",
            "骨折",
            "切伤",
            "割伤",
            "烫伤",
            "烧伤",
            "夹伤",
            "压伤",
        ],  # fmt: skip
        "解除劳动合同": [
            "开除",
            "辞退",
            "炒鱿鱼",
            "解雇",
            "被裁",
            "裁员",
            "解除劳动合同",
            "解除合同",
            "喊我走",
            "叫我走人",
            "赶我走",
        ],
        "劳动合同": ["合同", "劳动合同", "没签合同", "不签合同", "签合同"],
    },
    "weekday": {
        # (typed by sound on a phone: 星期义, 星期伞, 星期溜, 星七天)
        "周一": ["周一", "星期一", "礼拜一", "星期义", "星期依"],
        "周二": ["周二", "星期二", "礼拜二"],
        "周三": ["周三", "星期三", "礼拜三", "星期伞", "星期散"],
        "周四": ["周四", "星期四", "礼拜四", "星期斯", "星期思"],
        "周五": ["周五", "星期五", "礼拜五", "星期无", "星期吴"],
        "周六": ["周六", "星期六", "礼拜六", "星期溜", "星期流"],
        "周日": ["周日", "周天", "星期日", "星期天", "礼拜日", "礼拜天", "星七天", "星期添"],
        "周末": ["周末", "双休", "双休日", "周六日", "周六周日", "星期六星期天", "礼拜六礼拜天"],
        # "有没得工作日下午上的": any day from Monday to Friday
        "工作日": ["工作日", "周一到周五", "星期一到星期五", "礼拜一到礼拜五", "周一至周五"],
    },
    "time_of_day": {
        "上午": ["上午", "早上", "早晨", "上半天"],
        "下午": ["下午", "午后", "下半天"],
        "晚上": ["晚上", "夜里", "夜晚", "晚间", "晚黑", "下班后", "下班以后", "下班之后", "夜校"],
    },
    "fee": {
        "免费": [
            "免费",
            "不要钱",
            "不收费",
            "不收钱",
            "不花钱",
            "不用钱",
            "不用交钱",
            "不交钱",
            "莫要钱",
            "莫收钱",
            "莫花钱",
            "不得要钱",
            # "要收费的就算了": the paid ones ruled out
            "要收费的就算了",
            "收费的就算了",
            "要钱的就算了",
            "要交钱的就算了",
            "收费的不要",
            "要钱的不要",
            "收费的不考虑",
            "要钱的不考虑",
            "收费的就不要",
            "要钱的就不要",
        ],
        # "哪些课是收费的": a condition only in a search naming no course ("书法收费的吗" asks)
        "收费": ["收费的", "要钱的", "要交钱的", "交钱的", "要收费的", "付费的", "自费的"],
    },
    "course_category": {
        "幸福学堂": ["幸福学堂", "兴趣班", "兴趣课", "幸福课堂"],
        "技能培训": [
            "技能培训",
            "职业技能",
            "技能课",
            "考证",
            "学技术",
            "学手艺",
            "职业培训",
            # "想学个好找活路的": a course that leads to work
            "好找活路",
            "好找工作",
            "找得到工作",
            "好就业",
            "找得到活路",
            "好找事做",
            "找到活路",
            "找到工作",
            "有证的",
            # "退了以后找点事做 工会有啥子培训": a course to find work by
            "找点事做",
            "找个事做",
            "找点活路",
            "再就业",
        ],
        "学历提升": [
            "学历提升",
            "提升学历",
            "学历",
            "文凭",
            "大专",
            "本科",
            "专升本",
            "成人高考",
            "自考",
            "成考",
        ],
        "亲子活动": ["亲子活动", "亲子", "娃儿", "孩子", "小孩", "带娃", "儿童", "小朋友", "娃娃"],
    },
}


class Gazetteer:
    """Exact surface-form lookup; finds the longest entry starting at each position."""

    def __init__(self) -> None:
        # extractor name -> folded surface -> (entity, value, extractor, priority)
        self._layers: dict[str, dict[str, tuple[str, str, str, int]]] = {}
        self.entries: dict[str, tuple[str, str, str, int]] = {}
        self._lengths: dict[str, list[int]] = {}

    def add(self, surface: str, entity: str, value: str, extractor: str, priority: int) -> None:
        """Register one surface; on a clash the lower priority number wins."""
        key = fold(surface).strip()
        if not key:
            return
        layer = self._layers.setdefault(extractor, {})
        old = layer.get(key)
        if old is None or priority <= old[3]:
            layer[key] = (entity, value, extractor, priority)
        current = self.entries.get(key)
        if current is None or priority <= current[3]:
            self.entries[key] = (entity, value, extractor, priority)
            lengths = self._lengths.setdefault(key[0], [])
            if len(key) not in lengths:
                lengths.append(len(key))
                lengths.sort(reverse=True)

    def remove(self, extractor: str) -> None:
        """Drop every entry added by one extractor (used when the course catalogue changes)."""
        self._layers.pop(extractor, None)
        self.entries, self._lengths = {}, {}
        for layer in self._layers.values():
            for key, entry in layer.items():
                current = self.entries.get(key)
                if current is None or entry[3] <= current[3]:
                    self.entries[key] = entry
        for key in self.entries:
            lengths = self._lengths.setdefault(key[0], [])
            if len(key) not in lengths:
                lengths.append(len(key))
        for lengths in self._lengths.values():
            lengths.sort(reverse=True)

    def find(self, text: str) -> list[tuple[int, int, str, str, str, int]]:
        """(start, end, entity, value, extractor, priority) of the longest entry at each start."""
        out = []
        entries, lengths, size = self.entries, self._lengths, len(text)
        for i, ch in enumerate(text):
            for n in lengths.get(ch, ()):
                if i + n > size:
                    continue
                hit = entries.get(text[i : i + n])
                if hit is not None:
                    out.append((i, i + n, *hit))
                    break
        return out

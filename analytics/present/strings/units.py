"""Units, percentage points, money and months as readers of each language write them (reached as
``"units.<key>"``; used by :mod:`analytics.present.format`). A unit's key is the unit as written
in the target table (``units.万人``); its precision is in ``format.PRECISION``."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # units (English names; the Chinese is the unit as written)
    "万人": {"zh": "万人", "en": "10k persons"},
    "万人次": {"zh": "万人次", "en": "10k person-times"},
    "万元": {"zh": "万元", "en": "10k yuan"},
    "万份": {"zh": "万份", "en": "10k copies"},
    "万个": {"zh": "万个", "en": "10k units"},
    "万户": {"zh": "万户", "en": "10k households"},
    "万次": {"zh": "万次", "en": "10k times"},
    "万件": {"zh": "万件", "en": "10k items"},
    "万名": {"zh": "万名", "en": "10k persons"},
    "亿元": {"zh": "亿元", "en": "100m yuan"},
    "元": {"zh": "元", "en": "yuan"},
    "个": {"zh": "个", "en": "units"},
    "家": {"zh": "家", "en": "entities"},
    "场次": {"zh": "场次", "en": "events"},
    "人": {"zh": "人", "en": "persons"},
    "名": {"zh": "名", "en": "persons"},
    "件": {"zh": "件", "en": "cases"},
    "次": {"zh": "次", "en": "times"},
    "户": {"zh": "户", "en": "households"},
    "项": {"zh": "项", "en": "items"},
    "所": {"zh": "所", "en": "sites"},
    "期": {"zh": "期", "en": "sessions"},
    "批": {"zh": "批", "en": "batches"},
    "份": {"zh": "份", "en": "copies"},
    "条": {"zh": "条", "en": "items"},
    "天": {"zh": "天", "en": "days"},
    # a number with its unit: Chinese writes the unit straight after the number
    "with_unit": {"zh": "{n}{unit}", "en": "{n} {unit}"},
    # differences of two percentages
    "points": {"zh": "{n}个百分点", "en": "{n} percentage points"},
    "points_short": {"zh": "{n}个百分点", "en": "{n} pts"},
    # money from 1亿 up (the amount is given in 亿元 for zh, in million yuan for en)
    "big_money": {"zh": "{n}亿元", "en": "{n} million yuan"},
    # a threshold in a target as written (95%以上 → 95%+)
    "above": {"zh": "以上", "en": "+"},
    "below": {"zh": "以下", "en": " or less"},
    # months: {m} is the month's number in Chinese and its short name in English
    "month_names": {"zh": "1,2,3,4,5,6,7,8,9,10,11,12", "en": "Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec"},
    "month": {"zh": "{y}年{m}月", "en": "{m} {y}"},
    "months": {"zh": "{y}年{first}-{m}月", "en": "{first}–{m} {y}"},
    "month_short": {"zh": "{m}月", "en": "{m}"},
    "months_short": {"zh": "{first}-{m}月", "en": "{first}–{m}"},
}

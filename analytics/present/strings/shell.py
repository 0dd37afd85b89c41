"""Messages of the app shell (what runs around every page), reached as ``shell.<key>``."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "page_error": {
        "zh": "本页出现意外错误，已记录。请把参考编号 {ref} 告诉管理员。",
        "en": "This page hit an unexpected error; it has been logged. Please give the administrator the reference {ref}.",
    },
    "page_error_ref": {"zh": "（参考编号 {ref}）", "en": "(reference {ref})"},
    "store_unusable": {
        "zh": "数据存储无法打开：数据目录设置有误或不可写，已记录。请把参考编号 {ref} 告诉管理员。",
        "en": "The data store cannot be opened: its folder is misconfigured or not writable; this has been logged. Please give the administrator the reference {ref}.",
    },
    "admin_details": {"zh": "存储详情（仅管理员）", "en": "Storage details (administrators only)"},
    "store_details": {
        "zh": "数据文件：{path} · 结构版本 {schema} · 数据版本 {version}",
        "en": "Data file: {path} · schema version {schema} · data version {version}",
    },
    "data_caption_public": {
        "zh": "每次修改都有记录，可以撤销。",
        "en": "Every change is recorded and can be undone.",
    },
}

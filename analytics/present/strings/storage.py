"""Messages of the data store (restore, target files, sample data), reached as ``storage.<key>``.

The store raises errors carrying a ``code`` and ``params`` (:mod:`analytics.storage.errors`);
:func:`render` turns such an error, or one restore problem, into a sentence of this catalogue.
Errors written before codes existed still carry their own zh/en text and are shown as they are.
"""

from __future__ import annotations

from typing import Any

STRINGS: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ restore: the file
    "restore_failed": {"zh": "备份文件无法恢复，当前数据未做任何改动：",
                       "en": "The backup cannot be restored; nothing was changed:"},
    "where_table": {"zh": "（表 {table}）", "en": " (table {table})"},
    "where_table_key": {"zh": "（表 {table}，{row}）", "en": " (table {table}, {row})"},
    "restore_empty": {"zh": "备份文件是空的。", "en": "The backup file is empty."},
    "restore_too_large": {"zh": "备份文件过大。", "en": "The backup file is too large."},
    "restore_no_space": {"zh": "服务器磁盘空间不足，无法检查备份（最多需要 {mb} MB 的临时空间），当前数据未做任何改动。请联系管理员。",
                         "en": "The server's disk is too full to check the backup (it needs up to {mb} MB of scratch space); "
                               "nothing was changed. Ask the administrator."},
    "restore_no_db_in_zip": {"zh": "压缩包中没有 .sqlite 备份文件。", "en": "The zip holds no .sqlite backup."},
    "restore_bad_zip": {"zh": "压缩包已损坏，无法读取。", "en": "The zip file is damaged."},
    "restore_office_not_backup": {"zh": "这是一个 Office 文件（如导出的 Excel 工作簿或报告），不是备份：恢复需要“导出备份”得到的 .zip 或 .sqlite 文件。",
                                  "en": "This is an Office file (such as the exported workbook or a report), not a backup: restoring needs the .zip or .sqlite file of 导出备份 / export backup."},
    "restore_zip_encrypted": {"zh": "压缩包设有密码（已加密），无法读取。本程序导出的备份不加密：请用导出的原始 .zip 或其中的 .sqlite 文件。",
                              "en": "The zip is encrypted (password-protected) and cannot be read. Backups this app exports are not encrypted: use the exported .zip or the .sqlite inside it."},
    "restore_has_view": {"zh": "备份中含有视图“{name}”：本程序导出的备份只含数据表，不会含视图或触发器。该文件不是本程序的备份或已被改动，未恢复。",
                         "en": "The backup holds a view “{name}”: backups this app exports hold data tables only, never views or triggers. The file is not this app's backup or has been altered; nothing was restored."},
    "restore_has_trigger": {"zh": "备份中含有触发器“{name}”：本程序导出的备份只含数据表，不会含视图或触发器。该文件不是本程序的备份或已被改动，未恢复。",
                            "en": "The backup holds a trigger “{name}”: backups this app exports hold data tables only, never views or triggers. The file is not this app's backup or has been altered; nothing was restored."},
    "restore_not_sqlite": {
        "zh": "这不是本程序的备份文件（不是 SQLite 数据库）。请选择「下载备份」得到的 .sqlite 或 .zip 文件。",
        "en": "This is not a backup of this app (not an SQLite database). Choose the .sqlite or .zip file from "
              "\"Download backup\".",
    },
    "restore_corrupt": {"zh": "备份文件已损坏或不完整，无法读取。",
                        "en": "The backup is damaged or incomplete and cannot be read."},
    "restore_not_ours": {"zh": "这不是本程序的备份文件。", "en": "This is not a backup of this app."},
    "restore_newer": {"zh": "备份来自更新版本的程序（结构版本 {version}），请先升级程序。",
                      "en": "The backup comes from a newer version of the app (schema {version}); upgrade first."},
    "restore_unreadable": {"zh": "备份文件内容无法读取（{error}）。", "en": "The backup's content cannot be read ({error})."},
    "restore_missing_table": {"zh": "备份中缺少表 {table}。", "en": "The backup has no table {table}."},
    "restore_missing_column": {"zh": "备份中的表缺少列「{column}」。", "en": "A table of the backup lacks the column {column!r}."},
    # ------------------------------------------------------------------ restore: the rows
    "restore_foreign_key": {"zh": "备份中的记录引用了不存在的批次。", "en": "Rows in the backup refer to missing batches."},
    "restore_target_too_large": {"zh": "备份中的目标表文件「{name}」超过 {limit_mb} MB，本程序保存的目标表文件不会这么大，备份可能被改动过。",
                                 "en": "The backup's target file “{name}” is larger than {limit_mb} MB, which this app never keeps; the "
                                       "backup may have been altered."},
    "restore_target_hash": {"zh": "目标表文件的校验值不符，文件可能被改动过。",
                            "en": "A target file does not match its checksum."},
    "restore_bad_target_name": {
        "zh": "目标表文件名「{name}」无效（不能为空、不能是 . 或 ..、不能含路径分隔符或控制字符、最长 255 个字符）。",
        "en": "Invalid target file name {name!r} (it must not be blank, . or .., or hold a path separator or a "
              "control character; at most 255 characters).",
    },
    "restore_targets": {"zh": "备份中的目标表无法读取：{detail_zh}", "en": "The backup's target table cannot be read: {detail_en}"},
    "restore_unknown_indicator": {"zh": "指标编号「{indicator_id}」不在备份的目标表中。",
                                  "en": "Indicator id {indicator_id!r} is not in the backup's target table."},
    "restore_unknown_source": {"zh": "资金来源「{source}」不在备份的目标表中。",
                               "en": "Funding source {source!r} is not in the backup's target table."},
    "restore_bad_value": {"zh": "数值「{value}」无效。", "en": "Invalid value {value!r}."},
    "restore_bad_row": {"zh": "记录的版本或时间信息无效。", "en": "A row's version or time stamp is invalid."},
    "restore_bad_scenario": {"zh": "情景内容不是有效的 JSON 对象。", "en": "A scenario is not a valid JSON object."},
    "restore_bad_cause": {"zh": "偏差原因类别「{cause}」无效。", "en": "Invalid cause category {cause!r}."},
    "restore_bad_batch": {"zh": "修改批次记录无效。", "en": "A batch record is invalid."},
    "restore_bad_audit": {"zh": "修改记录无效。", "en": "An audit record is invalid."},
    "restore_no_targets": {"zh": "备份中没有目标表。", "en": "The backup holds no target table."},
    "schema_newer": {"zh": "数据库的结构版本（{version}）比本程序支持的（{supported}）更新，请升级程序。",
                     "en": "The store's schema version ({version}) is newer than this program supports ({supported})."},
    "no_wal": {"zh": "无法在 {dir} 启用 WAL 日志模式（网络文件系统上不支持）。",
               "en": "Cannot enable WAL mode in {dir} (not supported on a network filesystem)."},
    "target_not_empty": {"zh": "目标数据库中已有数据；如要覆盖，请加 --replace。",
                         "en": "The target store already holds data; add --replace to overwrite it."},
    "copy_mismatch": {"zh": "复制后的行数或校验和与源数据不一致：{tables}。",
                      "en": "Row counts or checksums differ after the copy: {tables}."},
    "no_batch": {"zh": "找不到这批更改（{batch}）。", "en": "No such batch ({batch})."},
    "already_undone": {"zh": "这批更改已经撤销过了。", "en": "This batch has already been undone."},
    "restore_bad_key": {"zh": "记录的键值无效。", "en": "A row's key is invalid."},
    # ------------------------------------------------------------------ target files kept in the store
    "bad_target_name": {
        "zh": "目标表文件名「{name}」无效（不能为空、不能是 . 或 ..、不能含路径分隔符或控制字符、最长 255 个字符）。",
        "en": "Invalid target file name {name!r} (it must not be blank, . or .., or hold a path separator or a "
              "control character; at most 255 characters).",
    },
    "no_targets": {"zh": "数据库中没有目标表。", "en": "The store holds no target table."},
    # ------------------------------------------------------------------ projects
    "store_db_unreachable": {"zh": "无法连接数据库 {where}：{reason}。请检查 PT_DATABASE_URL（或 --store）中的主机、端口、数据库名、用户名和密码，以及数据库服务是否在运行；密码中的 @ # / % 等字符须按 URL 编码。",
                             "en": "Cannot connect to the database {where}: {reason}. Check the host, port, database name, user and password in PT_DATABASE_URL (or --store), and that the database server is running; characters such as @ # / % in the password must be URL-encoded."},
    "store_dir_is_file": {"zh": "数据存储目录“{dir}”无法使用：该路径（或其上级）是一个文件，不是文件夹。请检查 PT_DATA_DIR 或 --store。",
                          "en": "The data folder {dir!r} cannot be used: it (or a folder above it) is a file. Check PT_DATA_DIR or --store."},
    "store_dir_denied": {"zh": "数据存储目录“{dir}”无法使用：没有写入权限。请检查 PT_DATA_DIR 或 --store 指向一个可写的文件夹。",
                         "en": "The data folder {dir!r} cannot be used: no permission to write there. Check that PT_DATA_DIR or --store names a writable folder."},
    "store_dir_unusable": {"zh": "数据存储目录“{dir}”无法使用（{why}）：请检查 PT_DATA_DIR 或 --store 指向一个可写的文件夹。",
                           "en": "The data folder {dir!r} cannot be used ({why}): check that PT_DATA_DIR or --store names a writable folder."},
    "unknown_project": {"zh": "数据库中没有项目「{project}」。", "en": "The store has no project {project!r}."},
    "project_exists": {"zh": "项目编号「{project}」已被使用（包括已归档的项目），请换一个编号。",
                       "en": "The project id {project!r} is taken (archived projects included); choose another."},
    "bad_project_id": {"zh": "项目编号「{project}」无效：只能用 1–64 个英文字母、数字、下划线或连字符。",
                       "en": "Invalid project id {project!r}: use 1–64 letters, digits, _ or -."},
    "default_project": {"zh": "默认项目「{project}」不能归档。", "en": "The default project {project!r} cannot be archived."},
    # ------------------------------------------------------------------ sample data
    "sample_will_go": {
        "zh": "这是第一次导入本单位的数据：确认后将同时移除剩余的 {n} 条示例数据（一个可撤销的批次）。如需保留示例数据，请勾选下面的选项。",
        "en": "This is the first import of your own data: confirming also removes the remaining {n} sample rows (one "
              "undoable batch). Tick the option below to keep them.",
    },
    "keep_sample": {"zh": "保留示例数据（与本单位数据混在一起，不推荐）",
                    "en": "Keep the sample data (mixed with your own data; not recommended)"},
    "restore_settings": {"zh": "同时恢复备份中的设置（仅管理员；默认保留当前设置）",
                         "en": "Also restore the backup's settings (admins only; by default the current settings stay)"},
    "restore_settings_kept": {"zh": "当前设置保持不变（备份中的 {n} 项设置未恢复）。",
                              "en": "The current settings were kept ({n} settings of the backup not restored)."},
}


def render(obj: Any, lang: str = "zh") -> str:
    """One store error or restore problem as a sentence: from this catalogue when it carries a
    ``code`` known here, else its own ``message(lang)``. A restore error lists its problems
    (the first 20), each with its table and key."""
    from analytics.present.catalogue import CATALOGUE, text

    problems = getattr(obj, "problems", None)
    if problems is not None and getattr(obj, "code", "") == "restore_failed":
        lines = [render(p, lang) for p in list(problems)[:20]]
        return "\n".join([text("storage.restore_failed", lang), *lines])
    code = getattr(obj, "catalogue_key", None) or getattr(obj, "code", None)
    key = f"storage.{code}"
    if not code or key not in CATALOGUE:
        return obj.message(lang) if hasattr(obj, "message") else str(obj)
    out = text(key, lang, **dict(getattr(obj, "params", None) or {}))
    table, row = getattr(obj, "table", None), getattr(obj, "key", None)
    if table:
        out += text("storage.where_table_key" if row else "storage.where_table", lang, table=table, row=row)
    return out

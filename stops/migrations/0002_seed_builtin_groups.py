"""Seed the built-in stop groups with their English and Simplified Chinese texts.

The texts are frozen here as they were when this migration was written; ``sync_stop_groups``
(run by ``manage.py sync_stop_groups`` and whenever ``/api/stops/groups/`` is listed) keeps rows
no operator edited in step with the engine's catalogue afterwards.
"""

from django.db import migrations

BUILTIN_GROUPS = [
    {
        "name": "Common",
        "label_en": "Common",
        "label_zh_hans": "通用",
        "description_en": "General-purpose stops: select, filter, join, sort, merge and reshape data.",
        "description_zh_hans": "通用的数据处理组件：选择、过滤、关联、排序、合并与变换数据。",
    },
    {
        "name": "CSV",
        "label_en": "CSV",
        "label_zh_hans": "CSV",
        "description_en": "Read and write CSV files and CSV text.",
        "description_zh_hans": "读写 CSV 文件和 CSV 文本。",
    },
    {
        "name": "Hive",
        "label_en": "Hive",
        "label_zh_hans": "Hive",
        "description_en": "Query and write Hive tables.",
        "description_zh_hans": "查询和写入 Hive 表。",
    },
    {
        "name": "Jdbc",
        "label_en": "JDBC",
        "label_zh_hans": "JDBC",
        "description_en": "Read and write databases over JDBC (MySQL, MariaDB, PostgreSQL and others).",
        "description_zh_hans": "通过 JDBC 读写数据库（MySQL、MariaDB、PostgreSQL 等）。",
    },
    {
        "name": "Json",
        "label_en": "JSON",
        "label_zh_hans": "JSON",
        "description_en": "Read and write JSON files and JSON text.",
        "description_zh_hans": "读写 JSON 文件和 JSON 文本。",
    },
    {
        "name": "Orc",
        "label_en": "ORC",
        "label_zh_hans": "ORC",
        "description_en": "Read and write ORC files.",
        "description_zh_hans": "读写 ORC 文件。",
    },
    {
        "name": "Parquet",
        "label_en": "Parquet",
        "label_zh_hans": "Parquet",
        "description_en": "Read and write Parquet files.",
        "description_zh_hans": "读写 Parquet 文件。",
    },
    {
        "name": "Xml",
        "label_en": "XML",
        "label_zh_hans": "XML",
        "description_en": "Read and write XML files and XML text.",
        "description_zh_hans": "读写 XML 文件和 XML 文本。",
    },
]


def seed(apps, schema_editor):
    StopGroup = apps.get_model("stops", "StopGroup")
    existing = set(StopGroup.objects.values_list("name", flat=True))
    StopGroup.objects.bulk_create(
        StopGroup(label=row["label_en"], description=row["description_en"], **row)
        for row in BUILTIN_GROUPS
        if row["name"] not in existing
    )


def unseed(apps, schema_editor):
    StopGroup = apps.get_model("stops", "StopGroup")
    StopGroup.objects.filter(name__in=[row["name"] for row in BUILTIN_GROUPS], customized=False).delete()


class Migration(migrations.Migration):
    dependencies = [("stops", "0001_stop_group")]

    operations = [migrations.RunPython(seed, unseed)]

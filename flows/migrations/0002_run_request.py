"""A run's request apart from its flow: ``parent`` becomes ``resumed_from``, with the checkpoints it loads;
runs record their group run and may be started by a group."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("flows", "0001_initial"),
    ]

    operations = [
        migrations.RenameField(model_name="process", old_name="parent", new_name="resumed_from"),
        migrations.AlterField(
            model_name="process",
            name="resumed_from",
            field=models.ForeignKey(
                blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="resumed_by",
                to="flows.process", help_text="the earlier run whose checkpoints this run loads",
            ),
        ),
        migrations.AddField(
            model_name="process",
            name="loaded_checkpoints",
            field=models.JSONField(
                blank=True, default=list, help_text="stops loaded from resumed_from's checkpoints (empty: all it has)"
            ),
        ),
        migrations.AddField(
            model_name="process",
            name="group_run",
            field=models.CharField(blank=True, db_index=True, help_text="the group run this run belongs to, if any",
                                   max_length=64),
        ),
        migrations.AlterField(
            model_name="process",
            name="trigger",
            field=models.CharField(
                choices=[("manual", "manual"), ("schedule", "schedule"), ("api", "API"), ("group", "group")],
                default="manual", max_length=16,
            ),
        ),
    ]

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("overdracht", "0007_stays_up_voorbeelden")]

    operations = [
        migrations.AddField(
            model_name="dossier",
            name="toestemming_ingetrokken",
            field=models.BooleanField(db_index=True, default=False),
        ),
        migrations.AddField(
            model_name="inzagereactie",
            name="na_definitief",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="inzagereactie",
            name="ingetrokken",
            field=models.JSONField(default=list),
        ),
    ]

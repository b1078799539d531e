from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("overdracht", "0005_consent_integrity_papier"),
    ]

    operations = [
        migrations.AlterField(
            model_name="logregel",
            name="soort",
            field=models.CharField(
                choices=[
                    ("verstrekking", "Verstrekking"),
                    ("toegang", "Toegang binnen de school"),
                    ("gebeurtenis", "Gebeurtenis"),
                    ("verwijderd", "Verwijderd na de bewaartermijn"),
                ],
                db_index=True,
                max_length=20,
            ),
        ),
        migrations.AddField(
            model_name="logregel",
            name="gesleuteld",
            field=models.BooleanField(default=False),
        ),
    ]

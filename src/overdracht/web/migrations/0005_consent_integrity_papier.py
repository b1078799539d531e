import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("overdracht", "0004_inzage"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="inzagereactie",
            name="papier",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="inzagereactie",
            name="formulier",
            field=models.CharField(
                blank=True,
                help_text="Naam van de scan in de map inzageformulieren/",
                max_length=100,
            ),
        ),
        migrations.AddField(
            model_name="inzagereactie",
            name="formulier_sha256",
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AddField(
            model_name="inzagereactie",
            name="ingelezen_door",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
    ]

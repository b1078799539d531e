"""The parent's form: a yes/no per category and per bijlage, and the zienswijze."""

from __future__ import annotations

from typing import Any

from django import forms

from overdracht.checklists.consent import CATEGORY_LABELS
from overdracht.web.inzage.apply import Answer
from overdracht.web.inzage.people import Plan

YES_NO = [("ja", "Ja, dit mag mee"), ("nee", "Nee, dit gaat niet mee")]
ZIENSWIJZE = [
    ("eens", "Ik ben het eens met wat de school schrijft"),
    ("oneens", "Ik ben het niet (helemaal) eens met wat de school schrijft"),
]
REQUIRED = "Kies ja of nee."
EXPIRED = "Het formulier was verlopen. Uw keuzes staan er nog: kijk ze na en geef ze opnieuw door."
EXPIRED_JE = (
    "Het formulier was verlopen. Je keuzes staan er nog: kijk ze na en geef ze opnieuw door."
)


def first_upper(text: str) -> str:
    """'MDO/ZAT-besprekingen' stays so ('str.capitalize' would make it 'Mdo/zat-...')."""
    return text[:1].upper() + text[1:]


def chosen(reactie: Any, *, capital: bool = True) -> list[tuple[str, bool]]:
    """What someone chose, in words: ``[("Jeugdhulp", False), ("Bijlage X", True)]``."""
    if reactie is None:
        return []
    out = [(CATEGORY_LABELS.get(c, c), bool(yes)) for c, yes in reactie.toestemmingen.items()]
    out += [(f"bijlage {b['titel']}", bool(b["meesturen"])) for b in reactie.bijlagen]
    return [(first_upper(label) if capital else label, yes) for label, yes in out]


class AnswerForm(forms.Form):
    """Built from the plan: only what this person has a say on. ``je``: the pupil reads it, so
    it says "je", not "u" and "uw kind"."""

    def __init__(
        self, plan: Plan, decides: bool, *args: Any, je: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.decides = decides
        self.je = je
        if decides:
            for category in plan.categorieen:
                self.fields[f"toestemming_{category.categorie}"] = forms.ChoiceField(
                    label=first_upper(category.label),
                    help_text=category.uitleg_je if je else category.uitleg,
                    choices=YES_NO,
                    widget=forms.RadioSelect,
                    error_messages={"required": REQUIRED},
                )
            for index, titel, _categorie in plan.bijlagen:
                self.fields[f"bijlage_{index}"] = forms.ChoiceField(
                    label=f"Bijlage: {titel}",
                    help_text="Ja betekent: deze bijlage gaat mee naar de nieuwe school.",
                    choices=YES_NO,
                    widget=forms.RadioSelect,
                    error_messages={"required": REQUIRED},
                )
        self.fields["zienswijze"] = forms.ChoiceField(
            label=f"{'Jouw' if je else 'Uw'} mening over het rapport (zienswijze)",
            choices=ZIENSWIJZE,
            widget=forms.RadioSelect,
            error_messages={
                "required": f"Kies of {'je' if je else 'u'} het eens bent met het rapport."
            },
        )
        self.fields["toelichting"] = forms.CharField(
            label=f"{'Jouw' if je else 'Uw'} toelichting of aanvulling (mag leeg blijven)",
            help_text=f"Wat {'je' if je else 'u'} hier schrijft, gaat met het rapport mee naar "
            "de nieuwe school.",
            required=False,
            max_length=4000,
            widget=forms.Textarea(attrs={"rows": 5}),
            error_messages={"max_length": "Schrijf hoogstens %(limit_value)d tekens."},
        )

    def expired(self) -> None:
        """The post did not carry this session's form key: keep what was chosen, ask again."""
        self.full_clean()
        self.add_error(None, EXPIRED_JE if self.je else EXPIRED)

    def problems(self) -> list[tuple[str, str, str]]:
        """(anchor, label, message) for the error summary; radios link to their first option."""
        out = [("keuzes", "Formulier", str(e)) for e in self.non_field_errors()]
        for field in self:
            radio = isinstance(field.field.widget, forms.RadioSelect)
            anchor = f"{field.auto_id}_0" if radio else str(field.auto_id)
            out += [(anchor, str(field.label), str(e)) for e in field.errors]
        return out

    def answer(self) -> Answer:
        data = self.cleaned_data
        return Answer(
            toestemmingen={
                c.categorie: data[f"toestemming_{c.categorie}"] == "ja"
                for c in self.plan.categorieen
                if self.decides
            },
            bijlagen=[
                {"titel": titel, "meesturen": data[f"bijlage_{index}"] == "ja"}
                for index, titel, _c in self.plan.bijlagen
                if self.decides
            ],
            zienswijze=data["zienswijze"],
            toelichting=data.get("toelichting", "").strip(),
        )

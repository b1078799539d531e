"""A consent withdrawn after final (AVG: a consent can be withdrawn at any time).

After final the parent's or pupil's page takes no new answers, but each yes they gave can still
be withdrawn. The withdrawal is stored as their newest answer (the same answer with the withdrawn
consents set to no, flagged ``na_definitief``), so the consent library counts it: the store puts
it into the next concept when the IB'er makes one. The final version and its documents do not
change, and no concept is made by itself; the dossier is marked for the IB'er (overview and
dossier pages), and when the final version was already sent, the warning says the receiving
school must be told.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from overdracht.checklists.consent import CATEGORY_LABELS
from overdracht.web import disclosure
from overdracht.web.inzage import links
from overdracht.web.models import (
    Dossier,
    DossierVersion,
    Inzagereactie,
    Inzageverzoek,
    Logregel,
)
from overdracht.web.store import withdrawn_since_final

BIJLAGE = "bijlage:"


def _label(key: str, reactie: Inzagereactie) -> str:
    if key.startswith(BIJLAGE):
        wanted = key[len(BIJLAGE) :]
        titel = next((b.get("titel") for b in reactie.bijlagen if b.get("id") == wanted), "")
        return f"bijlage {titel}".strip()
    return CATEGORY_LABELS.get(key, key)


def withdrawable(verzoek: Inzageverzoek) -> list[tuple[str, str]]:
    """(key, label) for every yes this person gave that can still be withdrawn after final."""
    if not verzoek.beslist_toestemming or links.state(verzoek) is not links.State.FINAL:
        return []
    reactie = verzoek.reacties.last()
    if reactie is None:
        return []
    keys = [c for c, yes in reactie.toestemmingen.items() if yes]
    keys += [f"{BIJLAGE}{b['id']}" for b in reactie.bijlagen if b.get("meesturen") and b.get("id")]
    return [(key, _label(key, reactie)) for key in keys]


@transaction.atomic
def withdraw_after_final(verzoek: Inzageverzoek, keys: list[str]) -> Inzagereactie | None:
    """Record that ``verzoek``'s person withdrew ``keys``; None when none of them can be."""
    # The dossier first, as every save locks it: a second click waits, then finds nothing left.
    dossier = Dossier.objects.select_for_update().get(pk=verzoek.dossier_id)
    allowed = dict(withdrawable(verzoek))
    chosen = [k for k in dict.fromkeys(keys) if k in allowed]
    last = verzoek.reacties.last()
    if not chosen or last is None:
        return None
    toestemmingen = {c: (yes and c not in chosen) for c, yes in last.toestemmingen.items()}
    bijlagen = [
        {**b, "meesturen": bool(b.get("meesturen")) and f"{BIJLAGE}{b.get('id')}" not in chosen}
        for b in last.bijlagen
    ]
    reactie = Inzagereactie.objects.create(
        verzoek=verzoek,
        versie=last.versie,
        vingerafdruk=last.vingerafdruk,
        toestemmingen=toestemmingen,
        bijlagen=bijlagen,
        zienswijze=last.zienswijze,
        toelichting=last.toelichting,
        na_definitief=True,
        ingetrokken=chosen,
    )
    final = _final_for(verzoek)
    sent = " en na verzending" if final is not None and _sent_on(dossier, final) else ""
    what = ", ".join(allowed[k] if not k.startswith(BIJLAGE) else "een bijlage" for k in chosen)
    disclosure.note(
        verzoek.wie,
        dossier,
        f"Toestemming ingetrokken door {verzoek.wie} na het definitief maken{sent} ({what}); "
        "geldt voor de volgende conceptversie",
        final,
    )
    Dossier.objects.filter(pk=dossier.pk).update(toestemming_ingetrokken=True)
    return reactie


def _final_for(verzoek: Inzageverzoek) -> DossierVersion | None:
    return (
        verzoek.dossier.versions.filter(definitief=True, number__gte=verzoek.versie)
        .order_by("number")
        .first()
    )


def _sent_on(dossier: Dossier, version: DossierVersion) -> dt.datetime | None:
    first = (
        disclosure.real_disclosures(dossier)
        .filter(versie=version.number)
        .order_by("volgnummer")
        .first()
    )
    return first.tijdstip if isinstance(first, Logregel) else None


@dataclass(frozen=True)
class Warning:
    """One withdrawal after final, for the IB'er."""

    definitief_op: dt.datetime | None
    rol: str
    wat: str
    verzonden_op: dt.datetime | None
    ingetrokken_op: dt.datetime

    @property
    def daarna_verzonden(self) -> bool:
        """Sent only after the withdrawal (the final version as it was)."""
        return self.verzonden_op is not None and self.verzonden_op > self.ingetrokken_op


def warnings(dossier: Dossier) -> list[Warning]:
    """The withdrawals after final of ``dossier``; cheap when there are none (the flag)."""
    if not dossier.toestemming_ingetrokken:
        return []
    out: list[Warning] = []
    for reactie in (
        withdrawn_since_final(dossier).select_related("verzoek").order_by("ingediend_op", "pk")
    ):
        verzoek = reactie.verzoek
        final = _final_for(verzoek)
        sent = _sent_on(dossier, final) if final is not None else None
        rol = "de leerling" if verzoek.giver == "leerling" else f"de {verzoek.rol or 'ouder'}"
        wat = ", ".join(_label(k, reactie) for k in reactie.ingetrokken)
        out.append(
            Warning(final.definitief_op if final else None, rol, wat, sent, reactie.ingediend_op)
        )
    return out


__all__ = ["Warning", "warnings", "withdraw_after_final", "withdrawable"]

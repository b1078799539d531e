"""Rule kinds that encode a piece of law or policy (TLV, consent, inzage, schooladvies, ...)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from overdracht.checklists.consent import (
    CATEGORY_LABELS,
    consent_given,
    consent_refused,
    required_givers,
)
from overdracht.checklists.context import Context, Problem
from overdracht.checklists.fingerprint import content_fingerprint
from overdracht.checklists.paths import present
from overdracht.checklists.rules import RuleBase, months_between
from overdracht.model.learning import ADVIES_VOLGORDE


class Deskundigenadviezen(RuleBase):
    """Separate written advices; the first by one of ``eerste_discipline``."""

    soort: Literal["deskundigenadviezen"]
    minimaal: int = Field(default=2, ge=1)
    eerste_discipline: list[str] = Field(default_factory=lambda: ["orthopedagoog", "psycholoog"])
    max_maanden: int | None = Field(default=None, ge=1)
    derde_bij_verschil: bool = False

    def main_path(self) -> str:
        return "deskundigenadviezen"

    def check(self, ctx: Context) -> list[Problem]:
        adviezen = sorted(ctx.dossier.deskundigenadviezen, key=lambda a: a.datum)
        problems: list[Problem] = []
        if len(adviezen) < self.minimaal:
            problems.append(
                Problem(
                    "deskundigenadviezen",
                    f"{len(adviezen)} van de {self.minimaal} vereiste deskundigenadviezen aanwezig",
                )
            )
        if adviezen and adviezen[0].discipline not in self.eerste_discipline:
            wanted = " of ".join(self.eerste_discipline)
            problems.append(
                Problem(
                    "deskundigenadviezen[1].discipline",
                    f"het eerste advies is van een {adviezen[0].discipline}; "
                    f"het moet van een {wanted} zijn",
                )
            )
        if self.max_maanden:
            for number, advies in enumerate(ctx.dossier.deskundigenadviezen, start=1):
                if months_between(advies.datum, ctx.peildatum) > self.max_maanden:
                    problems.append(
                        Problem(
                            f"deskundigenadviezen[{number}].datum",
                            f"advies {number} ({advies.discipline}) is ouder dan "
                            f"{self.max_maanden} maanden",
                        )
                    )
        conclusions = {a.conclusie for a in adviezen[:2] if a.conclusie}
        if self.derde_bij_verschil and len(conclusions) > 1 and len(adviezen) < 3:
            problems.append(
                Problem(
                    "deskundigenadviezen",
                    "de eerste twee adviezen spreken elkaar tegen; een derde advies is nodig",
                )
            )
        return problems


class ToestemmingRule(RuleBase):
    """Explicit consent by age for a category, needed when data of that category is present."""

    soort: Literal["toestemming"]
    categorie: str
    gegevens: list[str] = Field(
        default_factory=list, description="Velden die toestemming vragen; leeg = altijd nodig"
    )
    altijd: bool = Field(
        default=False,
        description="Op elke overgang: een overlay kan de regel niet uitschakelen of velden "
        "weghalen, en zonder toestemming blijven de velden altijd buiten de documenten",
    )

    def main_path(self) -> str:
        return "toestemmingen"

    def applies(self, ctx: Context) -> bool:
        return not self.gegevens or any(present(ctx.data, p) for p in self.gegevens)

    def refused(self, ctx: Context) -> bool:
        """Consent was refused (and not given): a decision, the data stays out."""
        return (
            self.applies(ctx)
            and not self._given(ctx)
            and consent_refused(ctx.dossier, self.categorie, ctx.peildatum)
        )

    def _given(self, ctx: Context) -> bool:
        s = ctx.instellingen
        return consent_given(
            ctx.dossier,
            self.categorie,
            ctx.peildatum,
            s.toestemming_leerling_mee_vanaf,
            s.toestemming_leerling_alleen_vanaf,
        )

    def check(self, ctx: Context) -> list[Problem]:
        if not self.applies(ctx):
            return []
        s = ctx.instellingen
        if consent_given(
            ctx.dossier,
            self.categorie,
            ctx.peildatum,
            s.toestemming_leerling_mee_vanaf,
            s.toestemming_leerling_alleen_vanaf,
        ):
            return []
        givers = required_givers(
            ctx.leeftijd, s.toestemming_leerling_mee_vanaf, s.toestemming_leerling_alleen_vanaf
        )
        pupil = ctx.pupil_word
        names = {"ouders": "de gezaghebbende ouders", "leerling": f"de {pupil}"}
        who = " én ".join(names[g] for g in ("ouders", "leerling") if g in givers)
        verb = "moet" if givers == {"leerling"} else "moeten"
        label = CATEGORY_LABELS.get(self.categorie, self.categorie)
        return [
            Problem(
                "toestemmingen",
                f"geen geldige toestemming voor {label}; bij een {pupil} van {ctx.leeftijd} "
                f"jaar {verb} {who} toestemming geven",
            )
        ]


class InzageRule(RuleBase):
    """Parents (and a pupil of 16+) saw the dossier before it is sent."""

    soort: Literal["inzage"]
    zienswijze_verplicht: bool = False

    def main_path(self) -> str:
        return "inzage"

    def check(self, ctx: Context) -> list[Problem]:
        inzage = ctx.dossier.inzage
        if inzage is None:
            return [
                Problem("inzage", "er is niet vastgelegd dat ouders het dossier hebben ingezien")
            ]
        if inzage.herkomst == "school":
            return [
                Problem(
                    "inzage",
                    "de inzage is door de school ingevoerd en telt niet; vraag de ouders om "
                    "inzage, of lees hun ondertekende inzageformulier in",
                )
            ]
        problems: list[Problem] = []
        if inzage.wacht_op:
            problems.append(
                Problem(
                    "inzage",
                    f"nog geen reactie van {_opsomming([w.lower() for w in inzage.wacht_op])}",
                )
            )
        if inzage.vingerafdruk and inzage.vingerafdruk != content_fingerprint(ctx.dossier):
            seen = f"versie {inzage.versie}" if inzage.versie else "een oudere versie"
            problems.append(
                Problem(
                    "inzage",
                    f"de inzage geldt voor {seen} van het dossier; het is daarna veranderd. "
                    "Vraag opnieuw inzage",
                )
            )
        if inzage.datum > ctx.peildatum:
            problems.append(Problem("inzage.datum", "de inzagedatum ligt in de toekomst"))
        if (
            "ouders" not in inzage.door
            and ctx.leeftijd < ctx.instellingen.volwassen_vanaf
            and not inzage.wacht_op
        ):
            problems.append(Problem("inzage.door", "de ouders hebben het dossier niet ingezien"))
        if (
            ctx.leeftijd >= ctx.instellingen.inzage_leerling_vanaf
            and "leerling" not in inzage.door
            and not inzage.wacht_op
        ):
            problems.append(
                Problem("inzage.door", f"de leerling is {ctx.leeftijd} en moet ook inzage krijgen")
            )
        if self.zienswijze_verplicht and inzage.zienswijze is None:
            problems.append(Problem("inzage.zienswijze", "de zienswijze is niet vastgelegd"))
        return problems


def _opsomming(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} en {items[-1]}"


class TlvRule(RuleBase):
    """TLV of the right soort, with the fields that soort needs."""

    soort: Literal["tlv"]
    soorten: list[Literal["sbo", "so", "vso", "pro"]] = Field(min_length=1)

    def main_path(self) -> str:
        return "tlv"

    def check(self, ctx: Context) -> list[Problem]:
        tlv = ctx.dossier.tlv
        wanted = " of ".join(s.upper() for s in self.soorten)
        if tlv is None:
            return [Problem("tlv", f"er is geen TLV {wanted}")]
        problems: list[Problem] = []
        if tlv.soort not in self.soorten:
            problems.append(
                Problem("tlv.soort", f"de TLV is {tlv.soort.upper()}, nodig is {wanted}")
            )
        if tlv.status == "afgegeven" and not tlv.beschikkingsnummer:
            problems.append(Problem("tlv.beschikkingsnummer", "het beschikkingsnummer ontbreekt"))
        if tlv.status == "afgegeven" and tlv.ingangsdatum is None:
            problems.append(Problem("tlv.ingangsdatum", "de ingangsdatum ontbreekt"))
        if tlv.soort in ("so", "vso") and tlv.bekostigingscategorie not in (
            "laag",
            "midden",
            "hoog",
        ):
            problems.append(
                Problem(
                    "tlv.bekostigingscategorie",
                    "bij een TLV (V)SO hoort een bekostigingscategorie laag, midden of hoog",
                )
            )
        if tlv.soort in ("sbo", "pro") and tlv.bekostigingscategorie not in (None, "n.v.t."):
            problems.append(
                Problem(
                    "tlv.bekostigingscategorie",
                    f"een TLV {tlv.soort.upper()} heeft geen bekostigingscategorie (n.v.t.)",
                )
            )
        start = ctx.dossier.overgang.geplande_startdatum
        if tlv.soort != "pro" and tlv.status == "afgegeven":
            if tlv.einddatum is None:
                problems.append(
                    Problem("tlv.einddatum", "de einddatum (duur) van de TLV ontbreekt")
                )
            elif tlv.einddatum <= start:
                problems.append(
                    Problem(
                        "tlv.einddatum",
                        "de TLV loopt af vóór de geplande startdatum op de nieuwe school",
                    )
                )
        return problems


class SchooladviesRule(RuleBase):
    """Definitief schooladvies on time; after heroverweging both advices are kept."""

    soort: Literal["schooladvies"]
    uiterlijk: str = Field(default="03-24", pattern=r"^\d\d-\d\d$", description="MM-DD")

    def main_path(self) -> str:
        return "schooladvies"

    def check(self, ctx: Context) -> list[Problem]:
        advies = ctx.dossier.schooladvies
        if advies is None or advies.definitief is None:
            return [Problem("schooladvies.definitief", "het definitieve schooladvies ontbreekt")]
        problems: list[Problem] = []
        if advies.definitief_datum is None:
            problems.append(
                Problem("schooladvies.definitief_datum", "de datum van het advies ontbreekt")
            )
        else:
            month, day = (int(x) for x in self.uiterlijk.split("-"))
            year = int(ctx.dossier.overgang.schooljaar[:4])  # advice in the year before the move
            deadline = date(year, month, day)
            if advies.definitief_datum > deadline:
                problems.append(
                    Problem(
                        "schooladvies.definitief_datum",
                        "het definitieve advies is gegeven na de wettelijke termijn "
                        f"({day}-{month})",
                    )
                )
        if advies.heroverwogen and ADVIES_VOLGORDE.index(
            advies.heroverwogen
        ) <= ADVIES_VOLGORDE.index(advies.definitief):
            problems.append(
                Problem(
                    "schooladvies.heroverwogen",
                    f"het heroverwogen advies '{advies.heroverwogen}' is niet hoger dan het "
                    f"definitieve advies '{advies.definitief}'; een heroverweging mag het advies "
                    "alleen verhogen",
                )
            )
        if advies.heroverwogen and advies.heroverweging_datum is None:
            problems.append(
                Problem(
                    "schooladvies.heroverweging_datum", "de datum van de heroverweging ontbreekt"
                )
            )
        toets = ctx.dossier.doorstroomtoets
        if (
            toets is not None
            and toets.toetsadvies is not None
            and ADVIES_VOLGORDE.index(toets.toetsadvies) > ADVIES_VOLGORDE.index(advies.definitief)
            and advies.heroverweging_datum is None
        ):
            # A toetsadvies above the schooladvies obliges the school to reconsider it.
            problems.append(
                Problem(
                    "schooladvies.heroverweging_datum",
                    f"het toetsadvies '{toets.toetsadvies}' is hoger dan het definitieve advies "
                    f"'{advies.definitief}'; heroverweeg het advies en leg de datum van de "
                    "heroverweging vast, ook als het advies gelijk blijft",
                )
            )
        return problems


class Doorstroomtoets(RuleBase):
    """Result per domain (lezen, taalverzorging, rekenen) or a reasoned ontheffing."""

    soort: Literal["doorstroomtoets"]
    domeinen: list[str] = Field(default_factory=lambda: ["lezen", "taalverzorging", "rekenen"])

    def main_path(self) -> str:
        return "doorstroomtoets"

    def check(self, ctx: Context) -> list[Problem]:
        toets = ctx.dossier.doorstroomtoets
        if toets is None:
            return [
                Problem("doorstroomtoets", "geen uitslag van de doorstroomtoets en geen ontheffing")
            ]
        if toets.ontheffing:
            if not toets.reden_ontheffing:
                return [
                    Problem(
                        "doorstroomtoets.reden_ontheffing", "de reden van de ontheffing ontbreekt"
                    )
                ]
            return []
        done = {u.domein for u in toets.uitslagen}
        missing = [d for d in self.domeinen if d not in done]
        if missing:
            return [
                Problem(
                    "doorstroomtoets.uitslagen",
                    f"geen referentieniveau voor {', '.join(missing)}",
                )
            ]
        return []

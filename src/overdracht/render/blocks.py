"""Blocks that more than one document shows."""

from __future__ import annotations

from overdracht.model.dossier import Dossier
from overdracht.render import format as fmt
from overdracht.render.view import Block, lijst, tabel, velden


def opp_blocks(d: Dossier) -> list[Block | None]:
    """The OPP in brief; shared with the TLV-dossier summary."""
    if d.opp is None:
        return []
    p = d.opp
    instemming = None
    if p.instemming_ouders:
        i = p.instemming_ouders
        instemming = f"{'akkoord' if i.akkoord else 'niet akkoord'} op {fmt.datum(i.datum)}"
        instemming = f"{instemming}\n{i.toelichting}" if i.toelichting else instemming
    handelingsdeel = p.handelingsdeel
    return [
        velden(
            ("Opgesteld op", fmt.datum(p.opgesteld_op)),
            ("Uitstroomperspectief", p.uitstroomperspectief),
            ("Instemming ouders met het handelingsdeel", instemming),
            ("Leerling gehoord op", fmt.datum(p.leerling_gehoord)),
            ("Betrokken jeugdhulp", p.jeugdhulp_genoemd),
            ("Aanpak", handelingsdeel.aanpak if handelingsdeel else None),
            (
                "Evaluatiemomenten",
                ", ".join(fmt.datum(m) for m in handelingsdeel.evaluatiemomenten)
                if handelingsdeel
                else None,
            ),
        ),
        lijst(p.onderbouwing.bevorderend if p.onderbouwing else [], titel="Bevorderende factoren"),
        lijst(p.onderbouwing.belemmerend if p.onderbouwing else [], titel="Belemmerende factoren"),
        lijst(handelingsdeel.doelen if handelingsdeel else [], titel="Doelen"),
        tabel(
            ("Evaluatie", "Bevindingen"),
            [(fmt.datum(e.datum), e.bevindingen or "") for e in p.evaluaties],
            titel="Evaluaties",
        ),
    ]

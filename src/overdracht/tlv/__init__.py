"""Check TLV aanvragen for completeness, for the loket of a samenwerkingsverband.

    from overdracht.tlv import check_aanvragen
    overzicht = check_aanvragen("aanvragen/", overlay="swv.yaml")
    for aanvraag in overzicht.aanvragen:
        print(aanvraag.bestand, aanvraag.status, aanvraag.ontbrekend)

The overview renders to XLSX (:func:`write_xlsx`), HTML (:func:`html_page`) and DOCX
letters per incomplete aanvraag (:func:`write_letters`); those modules are imported on use.
"""

from overdracht.checklists.transitions import tlv_transitions
from overdracht.tlv.checking import check_aanvragen, pupil_label
from overdracht.tlv.overview import Aanvraag, Deadline, Overzicht, Tekortkoming

__all__ = [
    "Aanvraag",
    "Deadline",
    "Overzicht",
    "Tekortkoming",
    "check_aanvragen",
    "pupil_label",
    "tlv_transitions",
]

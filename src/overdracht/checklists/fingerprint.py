"""The fingerprint of what parents saw: a dossier's content without the inzage and consent.

Recorded in ``inzage.vingerafdruk`` when parents see the dossier; the inzage rule compares it
with the dossier as it is now, so a change after the inzage shows as an inzage of an older
version. What parents decide themselves (consent, which bijlagen go, their zienswijze) is left
out: recording their answer does not make their inzage outdated.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from overdracht.model.dossier import Dossier


def content_fingerprint(dossier: Dossier) -> str:
    """SHA-256 of the dossier's content, leaving out inzage, toestemmingen and meesturen."""
    data: dict[str, Any] = dossier.model_dump(
        mode="json", exclude={"inzage", "toestemmingen"}, exclude_none=True, exclude_defaults=True
    )
    for bijlage in data.get("bijlagen", []):
        bijlage.pop("meesturen", None)
        bijlage.pop("id", None)  # bookkeeping, not content
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()

"""Small template filters, loaded on every template (settings: builtins)."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: dict[str, Any], key: str) -> Any:
    """``{{ titles|get_item:d.overgang }}``"""
    return mapping.get(key)


@register.filter
def at(items: Any, index: int) -> Any:
    """``{{ kolommen|at:forloop.counter0 }}``: the item at ``index``, or "" past the end."""
    try:
        return items[index]
    except (IndexError, KeyError, TypeError):
        return ""


@register.simple_tag
def na_definitief_ingetrokken(dossier: Any) -> Any:
    """``{% na_definitief_ingetrokken dossier as ingetrokken %}``: consents withdrawn after
    final, for the warning above the dossier's pages (no query when there are none)."""
    from overdracht.web.inzage.withdrawal import warnings

    return warnings(dossier) if getattr(dossier, "pk", None) else []

"""The live checklist as HTML, built in Python: it is sent after every change in the form, so it
must cost little next to the check itself (a template costs more than the check)."""

from __future__ import annotations

from html import escape

from django.utils.safestring import SafeString, mark_safe

from overdracht.web.livecheck import Line, LiveChecklist, summary


def _link(target: str, text: str) -> str:
    t = escape(target)
    return f'<a href="#{t}" data-veld="{t}">{text}</a>'


def _line(line: Line) -> str:
    parts = [
        f'<li class="regel regel-{line.css}">',
        f'<span class="regel-teken" aria-hidden="true">{line.symbol}</span>',
        '<div class="regel-tekst">',
        _link(line.target, f'<span class="sr">{escape(line.state)}: </span>{escape(line.title)}')
        if line.action is None
        else f'<span class="sr">{escape(line.state)}: </span>{escape(line.title)}',
    ]
    if line.message:
        reason = f" {escape(line.reason)}" if line.reason else ""
        parts.append(f'<span class="regel-uitleg">{escape(line.message)}{reason}</span>')
    if line.due:
        parts.append(f'<span class="regel-uitleg">Uiterlijk {escape(line.due)}.</span>')
    if line.advice:
        parts.append(f'<span class="regel-advies">{escape(line.advice)}</span>')
    if line.action is not None:
        url, label = line.action
        # Ouders en leerling kiezen zelf: the rule leads to asking them, not to a field.
        action = f'<a href="{escape(url)}">{escape(label)}</a>' if url else escape(label)
        parts.append(f'<span class="regel-actie">{action}</span>')
    if line.source:
        parts.append(f'<span class="regel-bron">Bron: {escape(line.source)}</span>')
    parts.append("</div></li>")
    return "".join(parts)


def checklist_html(checklist: LiveChecklist) -> SafeString:
    """The inside of the checklist region: its state, fields in error, and every rule."""
    out: list[str] = []
    if checklist.checked:
        css = "stand-compleet" if checklist.complete else "stand-onvolledig"
        state = "Compleet." if checklist.complete else "Nog niet compleet."
        out.append(
            f'<p class="checklist-stand {css}"><strong>{state}</strong> '
            f"{summary(checklist.missing)}</p>"
        )
    else:
        out.append(
            '<p class="checklist-stand stand-open"><strong>Nog niet gecontroleerd.</strong> '
            "De checklist wordt bijgewerkt zodra de basisgegevens kloppen (leerling, scholen en "
            "overgang).</p>"
        )
    if checklist.problems:
        items = "".join(
            f"<li>{_link(target, escape(label))}: {escape(message)}</li>"
            for target, label, message in checklist.problems
        )
        out.append(
            '<div class="checklist-problemen"><h3>Nog niet goed ingevuld</h3>'
            f"<ul>{items}</ul></div>"
        )
    if checklist.to_fill:
        items = "".join(
            f"<li>{_link(target, escape(label))}</li>" for target, label in checklist.to_fill
        )
        out.append(
            f'<div class="checklist-nodig"><h3>Nodig om op te slaan</h3><ul>{items}</ul></div>'
        )
    out.append('<ul class="regels">')
    out.extend(_line(line) for line in checklist.lines)
    out.append("</ul>")
    return mark_safe("\n".join(out))  # every value above is escaped

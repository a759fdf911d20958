"""Make record text inert in Markdown and HTML: every user string goes through here."""

from __future__ import annotations

import re

from markupsafe import Markup

# Characters with meaning to Python-Markdown, its extensions or HTML; as numeric entities they are just text.
_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+\-.!|~<>&\"':=^$@]")
_SAFE_URL = re.compile(r"^(https?://[^\s<>\"'`\\]+|mailto:[^\s<>\"'`\\]+@[^\s<>\"'`\\]+|tel:\+?[0-9-]+)$", re.I)


def md_escape(value: object) -> str:
    """Text shown as typed: no Markdown, no HTML, on one logical line (newlines become <br>)."""
    if isinstance(value, Markup):
        return str(value)
    text = "" if value is None else str(value)
    escaped = _SPECIAL.sub(lambda m: f"&#{ord(m.group())};", text)
    return "<br>".join(escaped.splitlines()) if "\n" in escaped else escaped


def safe_url(url: str | None) -> str | None:
    """Links in records are limited to http(s), mailto and tel."""
    return url if url and _SAFE_URL.match(url.strip()) else None


def link(url: str | None, text: object, css_class: str = "") -> Markup:
    """An <a> for a safe URL, else the URL as plain text. `css_class`: a fixed class name of ours."""
    checked = safe_url(url)
    label = md_escape(text)
    if checked is None:
        return Markup(label)
    attr = f' class="{css_class}"' if css_class else ""
    return Markup(f'<a{attr} href="{md_escape(checked)}">{label}</a>')


def tel_link(phone: str | None, css_class: str = "", text: str | None = None) -> Markup:
    """A tel: link to the first number of `phone`, showing `text` (default: the phone as written)."""
    if not phone:
        return Markup("")
    digits = re.sub(r"[^0-9+]", "", phone.split("，")[0].split(",")[0])
    return link(f"tel:{digits}", text or phone, css_class) if digits else Markup(md_escape(phone))

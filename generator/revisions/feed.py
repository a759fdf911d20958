"""Atom feed of revisions (RFC 4287). Every date comes from a manifest, never from the clock."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from generator.revisions.history import History
from generator.revisions.manifest import ACTION_LABELS, PUBLIC_ACTIONS, Revision, is_redacted

FEED_ID = "urn:gongkai:revisions"


def _stamp(revision: Revision) -> str:
    return f"{revision.data['date']}T00:00:00+08:00"  # revisions are dated in China Standard Time


def _summary(revision: Revision) -> str:
    parts = [f"{ACTION_LABELS[a]} {revision.count(a)} 项" for a in ("added", "changed", "abolished") if revision.count(a)]
    lines = [f"{ACTION_LABELS[c['action']]}：{c['name']}" + ("" if is_redacted(c) else f"（{c['department_name']}）")
             for c in revision.changes if c["action"] in PUBLIC_ACTIONS]
    return "，".join(parts) + "。\n" + "\n".join(lines) if parts else "本次修订只涉及不公开事项目录。"


def _entry(revision: Revision) -> list[str]:
    return [
        "  <entry>",
        f"    <title>{escape(revision.id)} 修订</title>",
        f"    <id>urn:gongkai:revision:{escape(revision.id)}</id>",
        f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr('revisions/' + revision.id + '/')}/>",
        f"    <updated>{_stamp(revision)}</updated>",
        f"    <summary type=\"text\">{escape(_summary(revision))}</summary>",
        "  </entry>",
    ]


def atom_feed(history: History, site_name: str) -> bytes:
    """Links are relative to the feed (feed.xml sits at the site root), so the feed works under any base URL."""
    updated = _stamp(history.latest) if history.latest else "1970-01-01T00:00:00+08:00"
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
        f"  <title>{escape(site_name)} · 修订记录</title>",
        f"  <id>{FEED_ID}</id>",
        '  <link rel="self" type="application/atom+xml" href="feed.xml"/>',
        '  <link rel="alternate" type="text/html" href="revisions/"/>',
        f"  <updated>{updated}</updated>",
        f"  <author><name>{escape(site_name)}</name></author>",
    ]
    for revision in reversed(history.revisions):
        lines += _entry(revision)
    lines.append("</feed>")
    return ("\n".join(lines) + "\n").encode("utf-8")

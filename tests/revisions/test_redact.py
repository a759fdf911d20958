"""Redaction: a record secret now keeps only its name in every manifest; everything else stays as it was."""

from __future__ import annotations

import copy

from generator.revisions.manifest import is_redacted
from generator.revisions.redact import mentions, redact_data

PUBLIC = {"id": "open", "action": "added", "kind": "powers", "name": "公开职权", "department": "d", "department_name": "某局",
          "changed_on": "2025-01-01", "change_note": "首次", "fields": []}
TURNED = {"id": "hidden", "action": "changed", "kind": "powers", "name": "后来涉密的职权", "department": "d", "department_name": "某局",
          "changed_on": "2025-02-01", "change_note": "调整岗位", "fields": [{"path": ["office"], "label": "承办机构", "old": "甲科", "new": "乙科"}],
          "deadline": "2025-03-01", "on_time": True, "late_workdays": 0}
MANIFEST = {
    "format": 1, "id": "r1", "date": "2025-02-03", "sequence": 1, "changes": [PUBLIC, TURNED],
    "secret_changes": {"added": [], "removed": []},
    "snapshot": {"records": {"open": {"name": "公开职权"}, "hidden": {"name": "后来涉密的职权", "fields": {"office": "乙科"}}},
                 "abolished": {"hidden": {"last": {"fields": {"office": "乙科"}}}}, "secret": [], "departments": {"d": "某局"}},
}


def test_a_record_secret_now_keeps_only_its_name() -> None:
    original = copy.deepcopy(MANIFEST)
    redacted = redact_data(MANIFEST, {"hidden"})
    assert MANIFEST == original  # a copy; the input is untouched
    assert redacted["changes"] == [PUBLIC, {"action": "changed", "name": "后来涉密的职权"}]
    assert is_redacted(redacted["changes"][1]) and not is_redacted(redacted["changes"][0])
    assert set(redacted["snapshot"]["records"]) == {"open"} and redacted["snapshot"]["abolished"] == {}
    assert "乙科" not in repr(redacted) and "调整岗位" not in repr(redacted) and "hidden" not in repr(redacted)


def test_redaction_is_idempotent_and_only_when_needed() -> None:
    once = redact_data(MANIFEST, {"hidden"})
    assert redact_data(once, {"hidden"}) == once
    assert mentions(MANIFEST, {"hidden"}) and not mentions(once, {"hidden"})
    assert redact_data(MANIFEST, set()) is MANIFEST and not mentions(MANIFEST, {"other"})

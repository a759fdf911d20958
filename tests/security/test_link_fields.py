"""Links in records are limited to http(s) (websites) and plain addresses (mailto); free text may contain `<`."""

from __future__ import annotations

import pytest

from generator.load import RawDocument
from generator.validate import validate_document

BASE = {"id": "x-service", "name": "示例", "department": "demo", "description": "示例", "promised_limit": {"days": 1, "unit": "工作日"},
        "changed_on": "2025-01-15", "change_note": "首次制定"}


def _validate(**extra: object) -> list:
    raw = RawDocument(path=None, shown="x.yaml", kind="services", folder="demo", data=BASE | extra)  # type: ignore[arg-type]
    return validate_document(raw)[1]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>", "vbscript:x", "ftp://a.b/",
                                 "//evil.example/", "https://a.b/<script>", 'https://a.b/"onmouseover=x', "www.example.gov.cn"])
def test_unsafe_urls_are_refused_naming_the_field(url: str) -> None:
    problems = _validate(online_url=url, contact={"website": url})
    assert {p.label for p in problems} == {"网上办理地址", "网址"}
    assert all("http://" in p.message and "https://" in p.message for p in problems)


@pytest.mark.parametrize("email", ["mailto:a@b.cn", "javascript:alert(1)//@b.cn", "a b@c.cn", "<a@b.cn>", "abc"])
def test_bad_emails_are_refused(email: str) -> None:
    problems = _validate(contact={"email": email})
    assert [p.label for p in problems] == ["电子邮箱"]
    assert "电子邮箱" in problems[0].message


def test_good_links_and_angle_brackets_in_text_are_accepted() -> None:
    assert _validate(online_url="https://zwfw.example.gov.cn/a?b=1&c=%3C", contact={"website": "http://a.example/", "email": "xxgk@example.gov.cn"},
                     remarks="金额 < 100 元时 <免收>，a&b") == []

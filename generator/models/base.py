"""Shared building blocks: every field carries a Chinese label (title) and a description."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
RecordId = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]

# Links in records are limited to http(s) and mailto (tel links are built from phone digits): a scheme such as
# javascript: or data: would run in the reader's browser. Quotes, <, > and spaces never occur unencoded in a real URL.
_URL_CHARS = r"[^\s<>\"'`\\]"
_WEB_URL = re.compile(rf"^https?://{_URL_CHARS}+$", re.IGNORECASE)
_EMAIL = re.compile(r"^[^\s<>\"'`\\:/@]+@[^\s<>\"'`\\:/@]+\.[^\s<>\"'`\\:/@]+$")


def check_web_url(value: str) -> str:
    if not _WEB_URL.match(value):
        raise PydanticCustomError("gongkai_url", "“{value}”不是有效的网址：网址只能以 http:// 或 https:// 开头，且不能含空格、引号或尖括号。", {"value": value[:60]})
    return value


def check_email(value: str) -> str:
    if not _EMAIL.match(value):
        raise PydanticCustomError("gongkai_url", "“{value}”不是有效的电子邮箱：只填地址本身，例如 xxgk@example.gov.cn，不要加 mailto: 或其他前缀。", {"value": value[:60]})
    return value


WebUrl = Annotated[Text, AfterValidator(check_web_url)]
Email = Annotated[Text, AfterValidator(check_email)]


def field(label: str, doc: str, **kwargs: Any) -> Any:
    """A model field with its Chinese label and its description (both required by tests)."""
    return Field(title=label, description=doc, **kwargs)


class Model(BaseModel):
    """Base for every record part: unknown keys are errors, values are not coerced across types."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def label_of(model: type[BaseModel], key: str) -> str:
    info = model.model_fields.get(key)
    return (info.title if info and info.title else "") or key

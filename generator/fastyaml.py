"""The happy-path YAML loader: yaml-rs (Rust) for the usual file, else libyaml's C parser and composer (PyYAML)
and a small builder of plain data.

It produces exactly what the reference loader in load.py (ruamel.yaml, safe, YAML 1.2, dates kept as
strings) produces, for the documents it accepts. Anything unusual — a syntax error, an anchor or
alias, a tag, a directive, a duplicate or non-text key, a merge key, deep nesting, a scalar it is not
sure about — raises `Unsure`, and the caller parses the file again with the reference loader, which
gives today's result or today's diagnostic with its line and column. So the fast path never has to
report an error itself; it only has to be right when it says yes.
"""

from __future__ import annotations

import re
from typing import Any

from yaml.nodes import MappingNode, ScalarNode

try:
    from yaml._yaml import CParser  # libyaml; PyYAML's wheels ship it
except ImportError:  # PyYAML built without libyaml: every file takes the reference loader
    CParser = object
try:
    import yaml_rs
except ImportError:  # a platform without its wheel: the libyaml path alone
    yaml_rs = None

# Plain scalars that can resolve to something other than text start with one of these (YAML 1.2 core
# schema as ruamel.yaml implements it: bool, float, int, merge, null, timestamp, value).
_SPECIAL_FIRST = frozenset("tTfF-+0123456789.<~nN=")
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_FLOAT = re.compile(
    r"""^(?:
     [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN))$""",
    re.X,
)
_INT = re.compile(
    r"""^(?:[-+]?0b[0-1_]+
    |[-+]?0o?[0-7_]+
    |[-+]?[0-9_]+
    |[-+]?0x[0-9a-fA-F_]+)$""",
    re.X,
)
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_INF = float("inf")
_NAN = -_INF / _INF  # the same quiet NaN ruamel.yaml makes

# Deeper input is rejected later anyway (load.MAX_DEPTH); the reference loader reports it as today.
MAX_NESTING = 64


class Unsure(Exception):
    """The fast path will not decide this file: parse it with the reference loader."""


def _int(text: str) -> int:
    digits = text.replace("_", "")
    sign = -1 if digits[0] == "-" else 1
    if digits[0] in "+-":
        digits = digits[1:]
    if digits == "0":
        return 0
    for prefix, base in (("0b", 2), ("0x", 16), ("0o", 8)):
        if digits.startswith(prefix):
            return sign * int(digits[2:], base)
    return sign * int(digits)


def _float(text: str) -> float:
    digits = text.replace("_", "").lower()
    sign = -1 if digits[0] == "-" else 1
    if digits[0] in "+-":
        digits = digits[1:]
    if digits == ".inf":
        return sign * _INF
    if digits == ".nan":
        return _NAN
    return sign * float(digits)


def plain_scalar(text: str) -> Any:
    """The value of an untagged plain scalar, resolved in ruamel's rule order for its first character."""
    if not text:
        return None
    first = text[0]
    if first not in _SPECIAL_FIRST:
        return text
    if first in "tTfF":
        return text.lower() == "true" if _BOOL.match(text) else text
    if first in "nN~":
        return None if _NULL.match(text) else text
    if first in "<=" and text in ("<<", "="):
        raise Unsure  # merge key / value tag: the reference loader decides
    if first in "-+0123456789.":
        try:
            if _FLOAT.match(text):
                return _float(text)
            if first != "." and _INT.match(text):
                return _int(text)
        except (ValueError, IndexError):
            raise Unsure from None  # e.g. "0b_": the reference loader reports it
    return text  # timestamps stay text (load._StringDates), as does everything else


# The fast path steps aside at once for text that could hold an anchor, alias, tag or directive, or
# line breaks that YAML 1.1 and 1.2 read differently; such files are rare and parse slowly but right.
_UNSURE_CHARACTERS = ("&", "*", "!", "\x85", "\u2028", "\u2029")
# Nesting depth is at most the number of these indicators. libyaml's composer recurses in C without
# a limit, so files that could nest deeper than this are left to the reference loader.
_NESTING_INDICATORS = "[{-?:"
MAX_INDICATORS = 5000

_PLAIN, _QUOTED, _TAGGED, _COLLECTION = "gongkai:plain", "gongkai:quoted", "gongkai:tagged", "gongkai:collection"


class _Composer(CParser):
    """libyaml's parser and composer, with tags reduced to what the builder needs to know."""

    def descend_resolver(self, parent: Any, index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is not ScalarNode:
            return _COLLECTION
        return _PLAIN if implicit[0] else _QUOTED if implicit[1] else _TAGGED


def _worth_trying(text: str) -> bool:
    if any(character in text for character in _UNSURE_CHARACTERS):
        return False
    if text.startswith(("%", "\ufeff%")) or "\n%" in text or "\r%" in text:
        return False
    # No more indicators than characters: only a long file is counted.
    return len(text) <= MAX_INDICATORS or sum(text.count(indicator) for indicator in _NESTING_INDICATORS) <= MAX_INDICATORS


def load_all(text: str) -> list[Any]:
    """Every document of `text` as plain dicts, lists and scalars; raises Unsure when not certain."""
    return load(text)[0]


def load(text: str) -> tuple[list[Any], int]:
    """(documents, deepest collection level): the level lets the caller skip its own depth walk."""
    if not _worth_trying(text):
        raise Unsure
    if (found := _rust_load(text)) is not None:
        return found
    if CParser is object:
        raise Unsure
    try:
        composer = _Composer(text)
        builder = _Builder()
        docs = []
        while composer.check_node():
            docs.append(builder.value(composer.get_node(), False, 1))
        return docs, builder.deepest
    except Unsure:
        raise
    except Exception:  # noqa: BLE001 — any libyaml complaint: the reference loader words the diagnostic
        raise Unsure from None


# Where yaml-rs and the reference loader part ways, the libyaml path decides: numbers written with underscores ("_1"
# is text to ruamel, 1 to yaml-rs; "0b_" an error to one, text to the other), a ":" or "?" that is not a key
# indicator inside a flow collection ([…], {…}) or one spread over lines, merge keys and "=" values, control
# characters, 4,000-digit numbers, times and timestamps with a clock. Cheap tests first: these run on every file.
# Each pattern starts with its one literal character, which the regex engine scans for (several times faster than a
# class or an alternation at every position): "_" next to a digit, sign or dot, or after 0b/0x/0o; ":" between digits.
_UNDERSCORE_NUMBER = re.compile(r"_(?:(?=[0-9])|(?<=[0-9+\-.]_)|(?<=0[bBxXoO]_))")
_EQUALS_VALUE = re.compile(r"(?:^|[\s\[{,])=(?:$|[\s\]},])", re.M)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CLOCK = re.compile(r":(?<=\d:)(?=\d)")
_LONG_NUMBER = re.compile(r"\d{4000}")


def _rust_unsure(text: str) -> bool:
    if "_" in text and _UNDERSCORE_NUMBER.search(text):
        return True
    if "<<" in text or ("=" in text and _EQUALS_VALUE.search(text)) or _CONTROL.search(text) or _CLOCK.search(text):
        return True
    if len(text) >= 4000 and _LONG_NUMBER.search(text):
        return True
    return any(_flow_unsure(text, opener) for opener in "[{")


def _flow_unsure(text: str, opener: str) -> bool:
    closer = "]" if opener == "[" else "}"
    start = text.find(opener)
    while start >= 0:
        end = text.find(closer, start)
        line_end = text.find("\n", start)
        if end < 0 or (0 <= line_end < end):
            return True  # unclosed, or spread over lines
        inside = text[start + 1:end]
        if "?" in inside or ":" in inside.replace(": ", ""):
            return True  # a ":" that is not "key: value"
        start = text.find(opener, end)
    return False


def _rust_load(text: str) -> tuple[list[Any], int] | None:
    """yaml-rs (Rust), about five times faster than composing libyaml's nodes in Python, for the usual file: one
    document, a mapping, text keys, no duplicate key, nesting within MAX_NESTING. Its scalars resolve as the reference
    loader's do (YAML 1.2 core plus ruamel's 0b, 0o and underscores; tests/test_fastyaml.py holds them to it on every
    project file and the fuzz corpus). Anything else (None) goes to the libyaml path, which decides or steps aside."""
    if yaml_rs is None or text.startswith(("---", "\ufeff")) or "\n---" in text or "\n..." in text or _rust_unsure(text):
        return None
    try:
        data = yaml_rs.loads(text, parse_datetime=False)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # noqa: BLE001 — any complaint (a duplicate key, bad syntax, a Rust panic): the slower paths word it
        return None
    if type(data) is not dict:
        return None
    deepest, level, nodes = 1, 1, [data]
    while nodes:  # level by level: text keys only, and how deep
        if level > MAX_NESTING:
            return None
        deepest, below = level, []
        for node in nodes:
            if type(node) is dict:
                if not _TEXT_ONLY.issuperset(map(type, node)):
                    return None
                below += [child for child in node.values() if type(child) is dict or type(child) is list]
            else:
                below += [child for child in node if type(child) is dict or type(child) is list]
        nodes, level = below, level + 1
    return [data], deepest


_TEXT_ONLY = frozenset((str,))


class _Builder:
    def __init__(self) -> None:
        self.deepest = 0

    def value(self, node: Any, flow: bool, level: int) -> Any:
        """Plain Python data of a node; `level` is the nesting level a collection here would have."""
        if type(node) is ScalarNode:
            text = node.value
            if node.tag is _PLAIN:
                if flow and (":" in text or "?" in text):
                    raise Unsure  # newer libyaml allows these in flow plain scalars, the reference loader does not
                return text if text and text[0] not in _SPECIAL_FIRST else plain_scalar(text)
            if node.tag is _QUOTED:
                return text
            raise Unsure
        if node.tag is not _COLLECTION or level > MAX_NESTING:
            raise Unsure
        self.deepest = max(self.deepest, level)
        flow = flow or bool(node.flow_style)
        if type(node) is MappingNode:
            mapping: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = self.value(key_node, flow, level + 1)
                if type(key) is not str or key in mapping:
                    raise Unsure  # non-text or duplicate key: an error the reference loader positions
                mapping[key] = self.value(value_node, flow, level + 1)
            return mapping
        return [self.value(item, flow, level + 1) for item in node.value]

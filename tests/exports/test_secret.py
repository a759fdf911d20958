"""No export carries anything of a secret power except its non-disclosure entry (name, reason, basis)."""

from tests.exports.conftest import expand_archives

LEAKS = ("SENTINELLEAK", "classified-relief-check", "0000-9999999", "2030-01-01")
ENTRY_ONLY = ("SENTINELNAME", "SENTINELREASON", "SENTINELBASIS")
# Where the non-disclosure entry may appear: the machine-readable catalogue, and the page that lists it.
ENTRY_ALLOWED = {"data/catalogue.json.gz!", "catalogue/secret.md"}


def _all_outputs(compiled) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for path, data in compiled.bundle.files.items():
        found |= expand_archives(path, data)
    for path, page in compiled.bundle.pages.items():
        found[path] = (page.title + "\n" + page.content).encode("utf-8")
    return found


def test_no_export_leaks_a_secret_power(fixture_compiled):
    outputs = _all_outputs(fixture_compiled)
    assert any(p.startswith("downloads/") and "!" in p for p in outputs)  # archives were opened
    for path, data in outputs.items():
        text = data.decode("utf-8", errors="replace")
        for sentinel in LEAKS:
            assert sentinel not in text, (sentinel, path)
        if path not in ENTRY_ALLOWED:
            for sentinel in ENTRY_ONLY:
                assert sentinel not in text, (sentinel, path)
    catalogue = outputs["data/catalogue.json.gz!"].decode()
    assert all(s in catalogue for s in ENTRY_ONLY)

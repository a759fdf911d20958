import gzip
import json

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from generator.exports.records import WHOLE, json_files
from generator.exports.whole import whole_files
from generator.exports.schema import catalogue_schema, record_schema


@pytest.fixture(scope="module")
def validators():
    record, whole = record_schema(), catalogue_schema()
    for schema in (record, whole):
        Draft202012Validator.check_schema(schema)
    registry = Registry().with_resources([(s["$id"], Resource.from_contents(s)) for s in (record, whole)])
    return Draft202012Validator(record, registry=registry), Draft202012Validator(whole, registry=registry)


def test_every_json_file_validates(fixture_catalogue, validators):
    record_validator, catalogue_validator = validators
    files = {**json_files(fixture_catalogue), WHOLE: whole_files(fixture_catalogue)[WHOLE]}
    assert sorted(files) == [
        "data/catalogue.json.gz",
        "data/departments/civil-affairs.json",
        "data/fees/marriage-cert-fee.json",
        "data/powers/social-org-registration.json",
        "data/services/relief-application.json",
    ]
    for path, data in files.items():
        doc = json.loads(gzip.decompress(data) if path.endswith(".gz") else data)
        validator = catalogue_validator if path == "data/catalogue.json.gz" else record_validator
        errors = [e.message for e in validator.iter_errors(doc)]
        assert not errors, (path, errors)


def test_schema_rejects_unknown_fields(fixture_catalogue, validators):
    doc = json.loads(json_files(fixture_catalogue)["data/services/relief-application.json"])
    doc["record"]["unknown_field"] = "x"
    assert list(validators[0].iter_errors(doc))
    doc = json.loads(json_files(fixture_catalogue)["data/powers/social-org-registration.json"])
    doc["record"]["promised_limit"] = {"days": 3}  # a time limit without its unit
    assert list(validators[0].iter_errors(doc))


def test_inheritance_is_applied(fixture_catalogue):
    doc = json.loads(json_files(fixture_catalogue)["data/services/relief-application.json"])
    assert doc["record"]["contact"]["phone"] == "0000-7712345"  # from the department
    assert doc["record"]["complaint_channels"][0]["phone"] == "12345"
    assert [s["key"] for s in doc["steps"]] == ["apply", "survey", "publicise", "approve"]


def test_catalogue_lists_secret_power_by_name_reason_basis_only(fixture_catalogue):
    doc = json.loads(gzip.decompress(whole_files(fixture_catalogue)[WHOLE]))
    assert doc["non_disclosed"] == [{"name": "涉密名称SENTINELNAME", "reason": "涉密理由SENTINELREASON", "basis": "涉密依据SENTINELBASIS"}]
    assert {r["id"] for r in doc["records"]} == {"social-org-registration", "marriage-cert-fee", "relief-application"}


def test_json_is_deterministic(fixture_catalogue):
    assert json_files(fixture_catalogue) == json_files(fixture_catalogue)


def test_dumps_writes_the_standard_librarys_bytes():
    import json

    from generator.exports.records import dumps

    value = {"b": [1, {"z": None, "a": True}], "a": "中文 \"引号\" \\ \u0001 \u2028 <script>", "c": [], "d": {}, "e": -3}
    assert dumps(value) == (json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")

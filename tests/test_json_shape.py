"""One JSON document for CI (issue #29, item 6): check, build, preflight (with
and without --plates), review, preview and i18n status print one versioned
shape, on success and on failure, including a failure before the command
starts; every document is validated against docs/json.schema.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import REPO

SCHEMA = json.loads((REPO / "docs" / "json.schema.json").read_text(encoding="utf-8"))
TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None), "number": (int, float), "integer": int}


def errors_of(value, schema: dict, at: str = "$") -> list[str]:
    """What in ``value`` breaks ``schema`` (the part of JSON Schema the document's schema uses)."""
    if "$ref" in schema:
        schema = SCHEMA["$defs"][schema["$ref"].rsplit("/", 1)[1]]
    found = []
    if "const" in schema and value != schema["const"]:
        found.append(f"{at}: {value!r} is not {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{at}: {value!r} is not one of {schema['enum']}")
    if "type" in schema:
        kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        fits = [k for k in kinds if isinstance(value, TYPES[k]) and not (k in ("number", "integer") and isinstance(value, bool))]
        if not fits:
            return found + [f"{at}: {type(value).__name__} {value!r} is not {' or '.join(kinds)}"]
    if isinstance(value, dict):
        found += [f"{at}: missing '{key}'" for key in schema.get("required", []) if key not in value]
        for key, sub in schema.get("properties", {}).items():
            if key in value:
                found += errors_of(value[key], sub, f"{at}.{key}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            found += errors_of(item, schema["items"], f"{at}[{index}]")
    return found


def document(result, command: str, ok: bool) -> dict:
    """The one document on stdout, valid for ``command``, with ``ok`` as expected."""
    assert "Traceback" not in result.stdout + result.stderr
    data = json.loads(result.stdout)
    problems = errors_of(data, SCHEMA) + errors_of(data, SCHEMA["$defs"][command])
    assert not problems, problems
    assert data["command"] == command and data["ok"] is ok, data
    assert (result.exit_code == 0) is ok, result.exit_code
    return data


def break_chapter(root: Path) -> None:
    chapter = root / "content/chapters/01-cang.yaml"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("layout: photo-caption", "layout: photo-captoin"), encoding="utf-8")


def test_check_build_review_status_on_success_and_failure(mini, run):
    checked = document(run(mini, "check", "--lang", "vi", "--json"), "check", True)
    assert checked["errors"] == 0 and checked["warnings"] == len(checked["problems"]) > 0
    built = document(run(mini, "build", "--lang", "vi", "--profile", "proof", "--json"), "build", True)
    assert built["profile"] == "proof" and [e["lang"] for e in built["editions"]] == ["vi"]
    again = document(run(mini, "build", "--lang", "vi", "--profile", "proof", "--json"), "build", True)  # from the record
    assert again.keys() == built.keys()
    reviewed = document(run(mini, "review", "--json"), "review", True)
    assert reviewed["path"].startswith("output/review/")
    status = document(run(mini, "i18n", "status", "--json"), "i18n status", True)
    assert [row["lang"] for row in status["languages"]] == ["en", "ja"]
    previewed = document(run(mini, "preview", "--lang", "vi", "--json"), "preview", True)
    assert previewed["pages"] == {"vi": 4}

    break_chapter(mini)
    failed = document(run(mini, "check", "--lang", "vi", "--json"), "check", False)
    assert failed["errors"] == 1 and failed["message"] == "1 problem found"
    (wrong,) = [p for p in failed["problems"] if p["severity"] == "error"]
    assert "photo-captoin" in wrong["message"] and wrong["file"] == "content/chapters/01-cang.yaml" and wrong["line"]
    failed = document(run(mini, "build", "--lang", "vi", "--json"), "build", False)
    assert failed.keys() == built.keys() and failed["editions"] == []
    assert any("photo-captoin" in p["message"] for p in failed["problems"])
    document(run(mini, "review", "--json"), "review", False)
    chapter = mini / "content/chapters/01-cang.yaml"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("photo-captoin", "photo-caption"), encoding="utf-8")
    (mini / "translations/en.po").write_bytes("msgid \"\"\n".encode("utf-16"))
    status = document(run(mini, "i18n", "status", "--json"), "i18n status", False)
    assert status["problems"][0]["code"] == "catalog-encoding" and status["problems"][0]["lang"] == "en"


def test_preflight_is_one_shape_with_or_without_plates(mini, run, tmp_path):
    assert run(mini, "build", "--lang", "vi", "--lang", "en").exit_code == 0
    pdfs = [str(mini / f"output/print/{lang}/mini-{lang}-interior.pdf") for lang in ("vi", "en")]
    alone = document(run(mini, "preflight", "--json", *pdfs), "preflight", True)
    plates = document(run(mini, "preflight", "--json", "--plates", *pdfs), "preflight", True)
    assert alone.keys() == plates.keys() and alone["plates"] is None and plates["plates"] == {"shared": True, "compared": 2}
    half = tmp_path / "half.pdf"
    half.write_bytes(Path(pdfs[0]).read_bytes()[:5000])
    failed = document(run(mini, "preflight", "--json", str(half)), "preflight", False)
    assert failed["problems"][0]["code"] == "damaged-pdf" and failed["problems"][0]["file"] == str(half)


@pytest.mark.parametrize("command", [["check"], ["build"], ["review"], ["preview"], ["i18n", "status"]])
def test_failure_before_the_command_starts_is_the_same_document(command, tmp_path, run):
    result = run(tmp_path / "nowhere", *command, "--json")
    data = document(result, " ".join(command), False)
    assert data["problems"][0]["severity"] == "error" and data["message"]
    assert result.stderr == ""


def test_usage_error_is_the_same_document(mini, run):
    result = run(mini, "check", "--lang", "xx", "--json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert not errors_of(data, SCHEMA) and data["ok"] is False and data["problems"][0]["code"] == "usage"

"""The schema is the one the extension ships, prepared as codegen.js
prepares it for the TypeScript checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jupyterlab_hub_help.validate import build_problems
from jupyterlab_hub_help.validate.checker import ajv_ordered
from jupyterlab_hub_help.validate.schema import data_schema, schema_path

ROOT = Path(__file__).resolve().parents[2]


def test_a_checkout_uses_its_source_schema():
    assert schema_path() == ROOT / "schema" / "plugin.json"


def test_objects_are_closed_except_under_conditions():
    schema = data_schema(json.loads((ROOT / "schema" / "plugin.json").read_text("utf-8")))
    assert schema["additionalProperties"] is False
    assert "jupyter.lab.menus" not in schema["properties"]
    channel = schema["definitions"]["channel"]
    assert channel["additionalProperties"] is False
    for condition in channel["allOf"]:
        assert "additionalProperties" not in condition["if"]
        assert "additionalProperties" not in condition["then"]
    # Annotations are dropped; a property named "title" is not an annotation.
    assert "title" not in schema["properties"]["hub"]
    assert "title" in schema["definitions"]["task"]["properties"]
    # Free-form objects stay open.
    command = schema["definitions"]["task"]["properties"]["how"]["properties"]["command"]
    assert "additionalProperties" not in command["properties"]["args"]


def test_keywords_run_in_ajv_order():
    ordered = ajv_ordered(
        {"properties": {}, "required": [], "allOf": [], "type": "object", "additionalProperties": False}
    )
    assert list(ordered) == ["allOf", "type", "required", "additionalProperties", "properties"]
    assert list(ajv_ordered({"oneOf": [], "type": "string"})) == ["type", "oneOf"]


def test_the_sample_community_is_valid():
    overrides = ROOT / "demo" / "config" / "labconfig" / "default_setting_overrides.d" / "jupyterlab-hub-help.json"
    document = json.loads(overrides.read_text("utf-8"))["jupyterlab-hub-help:plugin"]
    assert build_problems(document) == []


def test_an_installed_package_reads_the_schema_from_its_labextension(installed_schema):
    from jupyterlab_hub_help.validate import schema

    assert schema.source_schema() is None
    assert schema.schema_path() == installed_schema


def test_no_schema_is_a_clear_error(tmp_path, monkeypatch):
    from jupyterlab_hub_help.validate import schema

    monkeypatch.setattr(schema, "PACKAGE_DIR", tmp_path / "jupyterlab_hub_help")
    monkeypatch.setattr(schema, "_data_dirs", lambda: iter([tmp_path]))
    with pytest.raises(FileNotFoundError, match="reinstall jupyterlab-hub-help"):
        schema.schema_path()

"""``jupyter hub-help schema``: the published schemas, their stable ids, and
where the installed schema is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from jupyterlab_hub_help.cli import main
from jupyterlab_hub_help.published_schema import document_schema, overrides_schema
from jupyterlab_hub_help.validate import schema as shipped

ROOT = Path(__file__).resolve().parents[2]
PLUGIN = "jupyterlab-hub-help:plugin"
SAMPLE = ROOT / "demo" / "config" / "labconfig" / "default_setting_overrides.d" / "jupyterlab-hub-help.json"


def run(capsys, *args):
    code = main(["schema", *args])
    out, err = capsys.readouterr()
    return code, out, err


def errors(schema, instance):
    return sorted(e.message for e in Draft7Validator(schema).iter_errors(instance))


def test_the_ids_are_stable_and_name_the_format_version():
    # A tool keyed on an id keeps working across releases: change these only
    # with the format version (formatVersion in shared.json).
    assert document_schema()["$id"] == (
        "https://github.com/jupyterlab-hub-help/jupyterlab-hub-help/schema/v1/metadata.json"
    )
    assert overrides_schema()["$id"] == (
        "https://github.com/jupyterlab-hub-help/jupyterlab-hub-help/schema/v1/overrides.json"
    )
    homepage = json.loads((ROOT / "package.json").read_text("utf-8"))["homepage"]
    assert document_schema()["$id"].startswith(homepage + "/")


def test_jupyterlabs_own_schema_has_no_id():
    # JupyterLab's Form settings editor cannot resolve the schema's own
    # definitions once its root has an $id (see published_schema.py).
    assert "$id" not in json.loads((ROOT / "schema" / "plugin.json").read_text("utf-8"))


def test_the_document_schema_is_the_format_without_jupyterlabs_keys():
    plugin = json.loads((ROOT / "schema" / "plugin.json").read_text("utf-8"))
    published = document_schema()
    Draft7Validator.check_schema(published)
    assert published["properties"] == plugin["properties"]
    assert published["definitions"] == plugin["definitions"]
    assert not [key for key in published if key.startswith("jupyter.")]


def test_the_document_schema_accepts_a_document_and_names_what_is_wrong():
    document = json.loads(SAMPLE.read_text("utf-8"))[PLUGIN]
    assert errors(document_schema(), document) == []
    document["people"][0].pop("name")
    document["statusPage"] = 42
    assert errors(document_schema(), document) == ["'name' is a required property", "42 is not of type 'string'"]


def test_the_overrides_schema_checks_the_document_inside_the_file():
    overrides = json.loads(SAMPLE.read_text("utf-8"))
    Draft7Validator.check_schema(overrides_schema())
    assert errors(overrides_schema(), {**overrides, "@jupyterlab/apputils-extension:themes": {}}) == []
    overrides[PLUGIN]["refreshInterval"] = 5
    assert errors(overrides_schema(), overrides) == ["5 is less than the minimum of 30"]
    assert errors(overrides_schema(), {"other:plugin": {}}) == [f"'{PLUGIN}' is a required property"]


def test_the_command_prints_each_schema(capsys):
    code, out, _ = run(capsys)
    assert code == 0 and json.loads(out) == document_schema()
    code, out, _ = run(capsys, "--overrides")
    assert code == 0 and json.loads(out) == overrides_schema()


def test_the_command_prints_where_an_installed_package_keeps_the_schema(capsys, installed_schema):
    installed = installed_schema
    code, out, _ = run(capsys, "--path")
    assert (code, out) == (0, f"{installed}\n")
    code, out, _ = run(capsys)
    assert json.loads(out)["properties"] == document_schema(installed)["properties"]


def test_a_missing_schema_is_a_clear_error(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(shipped, "PACKAGE_DIR", tmp_path / "jupyterlab_hub_help")
    monkeypatch.setattr(shipped, "_data_dirs", lambda: iter([tmp_path]))
    code, out, err = run(capsys)
    assert (code, out) == (2, "")
    assert "reinstall jupyterlab-hub-help" in err


def test_path_and_overrides_do_not_go_together(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["schema", "--path", "--overrides"])
    assert exit_.value.code == 2
    assert "not allowed with" in capsys.readouterr().err


def test_output_writes_a_file_and_keeps_an_existing_one_without_force(capsys, tmp_path):
    file = tmp_path / "hub-help-overrides.schema.json"
    code, out, _ = run(capsys, "--overrides", "-o", str(file))
    assert (code, out) == (0, "")
    assert json.loads(file.read_text("utf-8")) == overrides_schema()
    # As init: an existing file is a usage error unless --force.
    code, _, err = run(capsys, "--output", str(file))
    assert code == 2
    assert err.strip() == f"hub-help schema: {file} exists; use --force to replace it"
    assert json.loads(file.read_text("utf-8")) == overrides_schema()
    code, _, _ = run(capsys, "-o", str(file), "--force")
    assert code == 0 and json.loads(file.read_text("utf-8")) == document_schema()


def test_an_output_that_cannot_be_written_is_a_usage_error(capsys, tmp_path):
    code, _, err = run(capsys, "-o", str(tmp_path / "no-such-folder" / "schema.json"))
    assert code == 2
    assert "could not be written: No such file or directory" in err

"""``jupyter hub-help validate`` on realistic, fictional files: exit status,
the text and JSON reports, and where each problem is said to be."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jupyterlab_hub_help.cli import main
from jupyterlab_hub_help import shared


def validate(capsys, *args):
    code = main(["validate", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def as_json(capsys, *args):
    code, out, err = validate(capsys, "--output-format", "json", *args)
    return code, json.loads(out), err


def brief(found):
    return sorted((Path(p["file"]).name, p["path"], p["code"], p["severity"]) for p in found)


def test_three_values_files_merged_as_helm_does(capsys, fixtures):
    z2jh = fixtures / "z2jh"
    code, found, _ = as_json(
        capsys, z2jh / "operator-base.yaml", z2jh / "riverbend.yaml", z2jh / "riverbend-workshop.yaml"
    )
    # The workshop file replaces the people list whole, bad address included,
    # and defines the role its new helper holds.
    assert found == []
    assert code == 0


def test_values_files_name_the_file_that_set_the_value(capsys, fixtures):
    z2jh = fixtures / "z2jh"
    code, found, _ = as_json(capsys, z2jh / "operator-base.yaml", z2jh / "riverbend.yaml")
    assert brief(found) == [("riverbend.yaml", "$.people[1].contact.email", "bad-email", "error")]
    assert found[0]["location"] == (
        'jupyterhub.singleuser.extraFiles.hub-help.data["jupyterlab-hub-help:plugin"]'
    )
    assert code == 1


def test_a_later_file_does_not_take_the_blame_for_an_earlier_one(capsys, tmp_path):
    base = tmp_path / "base.yaml"
    hub = tmp_path / "hub.yaml"
    base.write_text(
        "singleuser:\n  extraFiles:\n    hub-help:\n      data:\n"
        '        "jupyterlab-hub-help:plugin":\n'
        "          statusPage: ftp://status.example.com\n"
        "          people:\n            - {name: Ann, roles: [community-representative]}\n"
    )
    hub.write_text(
        "singleuser:\n  extraFiles:\n    hub-help:\n      data:\n"
        '        "jupyterlab-hub-help:plugin":\n'
        "          hub: {name: Hub, url: 'https://hub.example.org', colour: teal}\n"
    )
    code, found, _ = as_json(capsys, base, hub)
    assert brief(found) == [
        ("base.yaml", "$.statusPage", "unsafe-link", "error"),
        ("hub.yaml", "$.hub.colour", "unknown-field", "warning"),
    ]
    assert code == 1


def test_a_values_file_with_several_errors(capsys, fixtures):
    code, out, _ = validate(capsys, fixtures / "z2jh" / "broken-values.yaml")
    assert code == 1
    file = str(fixtures / "z2jh" / "broken-values.yaml")
    lines = out.splitlines()
    assert lines[0] == (
        f'{file}: hub help settings at singleuser.extraFiles.hub-help.data["jupyterlab-hub-help:plugin"]'
    )
    errors = lines[lines.index("Errors (7):") + 1 : lines.index("Warnings (1):") - 1]
    assert sorted(errors) == sorted(
        [
            f'{file}:13:18: $.hub.url: is not an allowed link: use an http, https or mailto URL, or a path on this hub starting with "/"',
            f"{file}:22:33: $.people[1].contact.email: is not an email address",
            f"{file}:21:22: $.people[1].roles: names the role \"hub-admin\", which is not defined",
            f'{file}:31:23: $.statusPage: is not an allowed link: use an http, https or mailto URL, or a path on this hub starting with "/"',
            f"{file}:30:28: $.refreshInterval: must be at least 30",
            f'{file}:27:15: $.tasks[1]: repeats the id "course-files"; only the first entry with it is used',
            f'{file}:26:22: $.tasks[0].owner: names the role "teaching-assistant", which is not defined',
        ]
    )
    warnings = lines[lines.index("Warnings (1):") + 1 :]
    assert warnings[0] == (
        f'{file}:33:13: $.annoucements: has a field "annoucements" that this format does not know'
    )
    assert lines[-1] == "7 errors, 1 warning in 1 file."


def test_a_settings_overrides_file(capsys, fixtures):
    code, found, _ = as_json(capsys, fixtures / "overrides.json")
    assert code == 1
    assert found[0].keys() == {"file", "source", "path", "code", "severity", "message", "line", "column"}
    assert brief(found) == [
        ("overrides.json", "$.colour", "unknown-field", "warning"),
        ("overrides.json", "$.formatVersion", "newer-format", "warning"),
        ("overrides.json", "$.outageCategories[1].recipient", "unknown-role", "error"),
        ("overrides.json", "$.people[1].roles", "unknown-role", "warning"),
    ]
    assert {p["source"] for p in found} == {"settings"}
    newer = next(p for p in found if p["code"] == "newer-format")
    assert newer["message"].startswith("is written for format version 2, newer than")


def test_warnings_alone_pass(capsys, fixtures, tmp_path):
    settings = tmp_path / "settings.json"
    settings.write_text(
        json.dumps(
            {
                "people": [{"name": "Ann", "roles": ["community-representative"]}],
                "hub": {"name": "Hub", "motto": "Compute together"},
            }
        )
    )
    code, out, _ = validate(capsys, settings)
    assert code == 0
    assert "Warnings (1):" in out and "Errors" not in out
    assert out.splitlines()[-1] == "0 errors, 1 warning in 1 file."


def test_a_metadata_url_document(capsys, fixtures):
    code, found, _ = as_json(capsys, "--as", "metadata-url", fixtures / "metadata.json")
    assert brief(found) == [
        ("metadata.json", "$.metadataUrl", "not-allowed", "warning"),
        ("metadata.json", "$.tasks[0].how.command", "not-allowed", "warning"),
    ]
    assert {p["source"] for p in found} == {"metadata-url"}
    assert code == 0


def test_a_metadata_url_document_with_the_settings_that_grant_it(capsys, fixtures):
    code, found, _ = as_json(
        capsys, "--as", "metadata-url", "--settings", fixtures / "grants.json", fixtures / "metadata.json"
    )
    assert found == []
    assert code == 0


def test_files_that_cannot_be_read_are_named(capsys, fixtures, tmp_path):
    missing = tmp_path / "missing.json"
    code, out, err = validate(capsys, fixtures / "overrides.json", missing)
    assert code == 2
    assert f"{missing}: could not be read" in err
    # The readable file is still checked.
    assert "outageCategories[1].recipient" in out


def test_usage_errors(capsys, fixtures):
    with pytest.raises(SystemExit) as exit_:
        main(["validate"])
    assert exit_.value.code == 2
    capsys.readouterr()
    code, _, err = validate(capsys, "--settings", fixtures / "grants.json", fixtures / "metadata.json")
    assert code == 2 and "--as metadata-url" in err


@pytest.mark.parametrize(
    "name, text, expected",
    [
        # A trailing comma: YAML would read it, the server does not.
        ("settings.json", '{"jupyterlab-hub-help:plugin": {"hub": {"name": "A"},}}', "not-json"),
        ("values.yaml", "singleuser:\n  extraFiles: [\n", "not-yaml"),
        ("values.yaml", "singleuser:\n  image: {name: example/image, tag: latest}\n", "no-settings"),
        (
            "overrides.json",
            '{"@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"}}',
            "no-settings",
        ),
    ],
)
def test_files_it_cannot_use(capsys, tmp_path, name, text, expected):
    path = tmp_path / name
    path.write_text(text)
    code, found, _ = as_json(capsys, path)
    assert [(Path(p["file"]).name, p["code"]) for p in found] == [(name, expected)]
    assert code == 1


def test_limits_refuse_the_whole_document(capsys, tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text('{"tasks": ' + "[" * 5000 + "]" * 5000 + "}")
    large = tmp_path / "large.json"
    large.write_text(json.dumps({"announcements": ["x" * (shared.DOCUMENT_MAX_CHARS + 1)]}))
    code, found, _ = as_json(capsys, deep, large)
    assert [(Path(p["file"]).name, p["path"], p["code"]) for p in found] == [
        ("deep.json", "$", "too-deep"),
        ("large.json", "$", "too-large"),
        # Nothing of it is used, so no representative is listed either.
        ("large.json", "$.people", "no-representative"),
    ]
    assert code == 1


def test_settings_as_a_values_file_string(capsys, tmp_path):
    values = tmp_path / "values.yaml"
    values.write_text(
        "singleuser:\n  extraFiles:\n    hub-help:\n"
        "      mountPath: /etc/jupyter/labconfig/default_setting_overrides.d/hub-help.json\n"
        "      stringData: |\n"
        '        {"jupyterlab-hub-help:plugin": {"statusPage": "javascript:void(0)",\n'
        '         "people": [{"name": "Ann", "roles": ["community-representative"]}]}}\n'
    )
    code, found, _ = as_json(capsys, values)
    assert [(p["path"], p["code"]) for p in found] == [("$.statusPage", "unsafe-link")]
    assert code == 1


@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-m", "jupyterlab_hub_help"],
        [str(Path(sys.executable).with_name("jupyter-hub-help"))],
    ],
    ids=["python -m", "console script"],
)
def test_entry_points(command, fixtures):
    if not Path(command[0]).exists():
        pytest.skip("the console script is not installed next to this Python")
    result = subprocess.run(
        [*command, "validate", str(fixtures / "z2jh" / "broken-values.yaml")],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert result.returncode == 1
    assert "7 errors, 1 warning in 1 file." in result.stdout


def test_jupyter_runs_it_where_the_package_is_installed(fixtures):
    # The package depends on jupyter_core, whose `jupyter` finds jupyter-hub-help
    # beside it: the name the docs use works wherever the wheel is installed.
    jupyter = Path(sys.executable).with_name("jupyter")
    if not jupyter.exists():
        pytest.skip("the jupyter command is not installed next to this Python")
    result = subprocess.run(
        [str(jupyter), "hub-help", "--version"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert result.returncode == 0
    from jupyterlab_hub_help import __version__

    assert result.stdout.strip() == f"jupyter hub-help {__version__}"


@pytest.mark.parametrize("command", ["validate", "init", "schema"])
def test_every_subcommand_documents_one_exit_status(capsys, command):
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "  1  problems found" in out
    assert "  2  a usage error, or input that could not be read" in out

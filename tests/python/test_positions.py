"""Where ``jupyter hub-help validate`` says each problem is: ``FILE:LINE:COLUMN``
of the value the problem is about, in the file that set it. The expected
places are counted by hand on the texts below (1-based, in characters)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from jupyterlab_hub_help.cli import main
from jupyterlab_hub_help.validate.positions import Position, of_json

PLUGIN = "jupyterlab-hub-help:plugin"
REPRESENTATIVE = '{name: Ann, roles: [community-representative], contact: {email: ann@example.org}}'


def write(folder, name, text):
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), "utf-8")
    return path


def text_lines(capsys, *args):
    """The problem lines of the text report."""
    code = main(["validate", *map(str, args)])
    out = capsys.readouterr().out.splitlines()
    return code, [line for line in out if ": $" in line]


def places(capsys, *args):
    """(file name, line, column, path) of each problem, from the JSON report."""
    code = main(["validate", "--output-format", "json", *map(str, args)])
    found = json.loads(capsys.readouterr().out)
    return code, sorted(
        (p["file"].rsplit("/", 1)[-1], p.get("line"), p.get("column"), p["path"]) for p in found
    )


def test_a_settings_overrides_file(capsys, tmp_path):
    file = write(
        tmp_path,
        "overrides.json",
        """
        {
          "jupyterlab-hub-help:plugin": {
            "people": [
              {
                "name": "Ann",
                "roles": ["community-representative"],
                "contact": {"email": "ann at example"}
              },
              {"roles": ["community-representative"]}
            ],
            "announcements": ["Welcome", 42]
          }
        }
        """,
    )
    code, lines = text_lines(capsys, file)
    assert code == 1
    assert sorted(lines) == [
        # An item of a list: the second announcement.
        f'{file}:11:34: $.announcements[1]: must be text, or an object with a "text" field',
        f"{file}:7:30: $.people[0].contact.email: is not an email address",
        # A missing field: the object that lacks it.
        f'{file}:9:7: $.people[1]: is missing "name", which is required',
    ]


def test_a_bare_metadata_document(capsys, tmp_path):
    file = write(
        tmp_path,
        "hub-help.json",
        """
        {"people": [{"name": "Ann", "roles": ["community-representative"]}],
         "statusPage": "ftp://status.example.org",
         "hub": {"name": "Hub", "url": "https://hub.example.org"}}
        """,
    )
    assert places(capsys, file) == (1, [("hub-help.json", 2, 16, "$.statusPage")])
    assert places(capsys, "--as", "metadata-url", file) == (1, [("hub-help.json", 2, 16, "$.statusPage")])


def test_json_columns_count_characters_as_written(capsys, tmp_path):
    # Columns count characters (code points) of the text as it is written:
    # "é" and "😀" are one each, the escape \u00e9 six, \" two; yamllint
    # counts the same way.
    text = '{"hub": {"name": "Caf\\u00e9 é 😀 \\"x\\"", "url": "javascript:go()"}, "people": []}'
    file = tmp_path / "unicode.json"
    file.write_text(text, "utf-8")
    assert text.index('"javascript') + 1 == 48
    # Counted in bytes of UTF-8 it would be 52.
    assert text.encode("utf-8").index(b'"javascript') + 1 == 52
    code, found = places(capsys, file)
    assert ("unicode.json", 1, 48, "$.hub.url") in found


def test_a_values_file(capsys, tmp_path):
    file = write(
        tmp_path,
        "values.yaml",
        f"""
        hub:
          config: {{}}
        singleuser:
          extraFiles:
            hub-help:
              mountPath: /etc/jupyter/labconfig/default_setting_overrides.d/hub-help.json
              data:
                "{PLUGIN}":
                  people:
                    - {REPRESENTATIVE}
                    - name: Bo
                      roles: [community-representative]
                      contact:
                        email: bo at example
                  tasks:
                    - title: An id is missing here
        """,
    )
    code, lines = text_lines(capsys, file)
    assert code == 1
    assert sorted(lines) == [
        f"{file}:14:24: $.people[1].contact.email: is not an email address",
        # The item that lacks a field starts at its first key.
        f'{file}:16:15: $.tasks[0]: is missing "id", which is required',
    ]


def test_helm_merged_values_name_the_line_in_the_file_that_set_the_value(capsys, tmp_path):
    base = write(
        tmp_path,
        "base.yaml",
        f"""
        singleuser:
          extraFiles:
            hub-help:
              data:
                "{PLUGIN}":
                  hub: {{name: Hub, url: "https://hub.example.org"}}
                  people: [{REPRESENTATIVE}]
        """,
    )
    hub = write(
        tmp_path,
        "hub.yaml",
        f"""
        # The hub's own values, given after base.yaml.
        singleuser:
          extraFiles:
            hub-help:
              data:
                "{PLUGIN}":
                  statusPage: javascript:alert(1)
        """,
    )
    assert places(capsys, base, hub) == (1, [("hub.yaml", 7, 23, "$.statusPage")])


def test_a_parent_charts_jupyterhub_key(capsys, tmp_path):
    file = write(
        tmp_path,
        "values.yaml",
        f"""
        jupyterhub:
          singleuser:
            extraFiles:
              hub-help:
                data:
                  "{PLUGIN}":
                    people: [{REPRESENTATIVE}]
                    refreshInterval: 5
        """,
    )
    assert places(capsys, file) == (1, [("values.yaml", 8, 30, "$.refreshInterval")])


def test_yaml_flow_style(capsys, tmp_path):
    file = write(
        tmp_path,
        "values.yaml",
        f"""
        singleuser:
          extraFiles:
            hub-help: {{data: {{"{PLUGIN}": {{people: [{{name: Ann, roles: [community-representative], contact: {{email: x}}}}]}}}}}}
        """,
    )
    line = file.read_text("utf-8").splitlines()[2]
    assert line.index("x}") + 1 == 127
    assert places(capsys, file) == (1, [("values.yaml", 3, 127, "$.people[0].contact.email")])


def test_settings_in_a_values_string_point_at_the_string(capsys, tmp_path):
    file = write(
        tmp_path,
        "values.yaml",
        f"""
        singleuser:
          extraFiles:
            hub-help:
              stringData: |
                {{"{PLUGIN}": {{"statusPage": "javascript:void(0)"}}}}
        """,
    )
    code, found = places(capsys, file)
    assert ("values.yaml", 4, 19, "$.statusPage") in found


def test_a_problem_with_no_place_has_no_numbers(capsys, tmp_path):
    file = write(tmp_path, "broken.json", '{"jupyterlab-hub-help:plugin": {,}}')
    code, lines = text_lines(capsys, file)
    assert code == 1
    assert len(lines) == 1 and lines[0].startswith(f"{file}: $: ")
    code, found = places(capsys, file)
    assert found == [("broken.json", None, None, "$")]


def test_the_json_report_carries_line_and_column(capsys, tmp_path):
    file = write(tmp_path, "hub-help.json", '{"people": [{"name": "Ann",\n  "roles": "nobody"}]}')
    main(["validate", "--output-format", "json", str(file)])
    found = json.loads(capsys.readouterr().out)
    wrong = next(p for p in found if p["path"] == "$.people[0].roles")
    assert (wrong["line"], wrong["column"]) == (2, 12)


@pytest.mark.parametrize(
    "text, keys, expected",
    [
        # json.loads keeps the last of a repeated key; so does the scan.
        ('{"a": 1, "a": {"b": 2}}', ("a", "b"), Position(1, 21)),
        ('  [1, [2, [3]]]', ("1", "1", "0"), Position(1, 12)),
        ('{"a": []}', ("a", "0"), Position(1, 7)),
        ('{\r\n"a":\r\n  true}', ("a",), Position(3, 3)),
    ],
)
def test_the_json_scan(text, keys, expected):
    assert of_json(text).at(keys) == expected


def test_the_old_format_flag_is_a_usage_error(capsys, tmp_path):
    file = write(tmp_path, "hub-help.json", "{}")
    for command in (
        ["validate", "--format", "json", str(file)],
        ["init", "--format", "z2jh"],
        ["schema", "--format", "json"],
    ):
        with pytest.raises(SystemExit) as exit_:
            main(command)
        assert exit_.value.code == 2
        assert "unrecognized arguments: --format" in capsys.readouterr().err


def _walk(value, keys=()):
    yield keys, value
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in items:
        yield from _walk(child, (*keys, str(key)))


CORPUS = Path(__file__).resolve().parents[2] / "tests" / "corpus"


@pytest.mark.parametrize("layout", [{"indent": 2, "ensure_ascii": False}, {"separators": (",", ":")}])
def test_the_json_scan_finds_every_value_of_the_corpus(layout):
    # Each position, turned back into an offset, is where that very value
    # is written: the hostile corpus has every kind of text and nesting.
    for file in [CORPUS / "hostile-text.json", *sorted((CORPUS / "cases").glob("*.json"))]:
        text = json.dumps(json.loads(file.read_text("utf-8")), **layout)
        line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        positions = of_json(text)
        for keys, value in _walk(json.loads(text)):
            at = positions.at(keys)
            offset = line_starts[at.line - 1] + at.column - 1
            assert json.JSONDecoder().raw_decode(text, offset)[0] == value, (file.name, keys)

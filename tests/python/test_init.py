"""``jupyter hub-help init`` on realistic, fictional values files: what it
writes from flags, from ``--from`` values and from answers, that the
validator finds and accepts it, and how it refuses what it cannot use."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jupyterlab_hub_help.cli import main
from jupyterlab_hub_help.validate.values import load_yaml

PLUGIN = "jupyterlab-hub-help:plugin"
MOUNT = "/etc/jupyter/labconfig/default_setting_overrides.d/jupyterlab-hub-help.json"


class Terminal(io.StringIO):
    """Answers typed at a terminal."""

    def isatty(self) -> bool:
        return True


def init(capsys, *args):
    code = main(["init", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def validate(capsys, *files):
    """The validator's verdict as data: exit status and problems."""
    code = main(["validate", "--output-format", "json", *map(str, files)])
    out, _ = capsys.readouterr()
    return code, json.loads(out)


def settings_in(file: Path) -> dict:
    return json.loads(file.read_text("utf-8"))[PLUGIN]


def section(err: str, title: str) -> list:
    """The indented lines under a heading of init's report."""
    lines = err.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(title))
    count = int(lines[start].split("(")[-1].rstrip("):"))
    return [line.strip() for line in lines[start + 1 : start + 1 + count]]


@pytest.fixture
def init_values(fixtures) -> Path:
    return fixtures / "init"


def test_flags_only(capsys, tmp_path):
    file = tmp_path / "hub-help.json"
    code, out, err = init(
        capsys,
        "--no-input",
        "-o", file,
        "--hub-name", "Lakeside Teaching Hub",
        "--hub-url", "https://lakeside.hub.example.org",
        "--org-name", "Lakeside College",
        "--org-url", "https://lakeside.example.edu",
        "--operator-name", "CloudHost Cooperative",
        "--operator-url", "https://cloudhost.example.com",
        "--support-email", "support@cloudhost.example.com",
        "--support-url", "https://desk.cloudhost.example.com/new",
        "--status-page", "https://status.cloudhost.example.com",
        "--representative", "noor:Noor Haddad <noor.haddad@lakeside.example.edu>",
        "--representative", "Priya Raman",
        "--admin", "noor",
        "--admin", "sam-oduya",
        "--admin", "cloudhost-staff",
        "--exclude-admin", "cloudhost-staff",
    )
    assert code == 0
    assert out == ""
    assert settings_in(file) == {
        "formatVersion": 1,
        "hub": {"name": "Lakeside Teaching Hub", "url": "https://lakeside.hub.example.org"},
        "org": {"name": "Lakeside College", "url": "https://lakeside.example.edu"},
        "operated_by": {"name": "CloudHost Cooperative", "url": "https://cloudhost.example.com"},
        "people": [
            {
                "name": "Noor Haddad",
                "usernames": ["noor"],
                "roles": ["community-representative", "hub-administrator"],
                "contact": {"email": "noor.haddad@lakeside.example.edu"},
            },
            {"name": "Priya Raman", "roles": ["community-representative"]},
            {"name": "sam-oduya", "usernames": ["sam-oduya"], "roles": ["hub-administrator"]},
        ],
        "roles": {
            "support-triager": {
                "channels": [
                    {"kind": "email", "address": "support@cloudhost.example.com"},
                    {"kind": "url", "address": "https://desk.cloudhost.example.com/new"},
                ]
            }
        },
        "statusPage": "https://status.cloudhost.example.com",
        "adminDiscovery": {"exclude": ["cloudhost-staff"]},
    }
    assert section(err, "Left to fill in") == [
        "$.people[1] (Priya Raman): add a contact (email, web page or chat)",
        "$.people[2] (sam-oduya): add their name and a contact (email, web page or chat)",
    ]
    assert validate(capsys, file) == (0, [])


def test_nothing_given_still_makes_a_valid_file_and_says_what_is_missing(capsys):
    code, out, err = init(capsys, "--no-input")
    assert code == 0
    assert json.loads(out) == {PLUGIN: {"formatVersion": 1}}
    assert section(err, "Left to fill in") == [
        "$.hub.name: not set (--hub-name)",
        "$.hub.url: not set (--hub-url)",
        "$.roles.support-triager.channels: no way to reach the operator's support desk "
        "(--support-email or --support-url)",
        # The validator's own warning.
        "$.people: lists no Community Representative",
    ]


def test_a_values_fragment_is_found_and_accepted_by_the_validator(capsys, tmp_path):
    fragment = tmp_path / "hub-help.yaml"
    code, _, _ = init(
        capsys,
        "--no-input", "--as", "z2jh", "-o", fragment,
        "--hub-name", "Riverbend Climate Hub",
        "--admin", "amara",
        "--support-email", "support@cloudhost.example.com",
    )
    assert code == 0
    assert fragment.read_text().startswith("# Hub help (jupyterlab-hub-help)")
    entry = load_yaml(fragment.read_text())["singleuser"]["extraFiles"]["hub-help"]
    assert entry["mountPath"] == MOUNT
    assert entry["data"][PLUGIN]["hub"] == {"name": "Riverbend Climate Hub"}
    code, found = validate(capsys, fragment)
    # Found where it is mounted; only the missing representative is said.
    assert code == 0
    assert [(p["location"], p["path"], p["severity"]) for p in found] == [
        (f'singleuser.extraFiles.hub-help.data["{PLUGIN}"]', "$.people", "warning")
    ]


def test_from_an_operators_base_and_a_hub_file(capsys, init_values, tmp_path):
    base = init_values / "cloudhost-base.yaml"
    hub = init_values / "lakeside.yaml"
    fragment = tmp_path / "lakeside-hub-help.yaml"
    code, _, err = init(
        capsys,
        "--no-input", "--as", "z2jh", "-o", fragment,
        "--from", base, hub,
        "--exclude-admin", "cloudhost-staff",
        "--hub-name", "Lakeside Teaching Hub",
        "--representative", "noor:Noor Haddad <noor.haddad@lakeside.example.edu>",
    )
    assert code == 0
    values = load_yaml(fragment.read_text())
    # The values are a parent chart's, so the fragment sits where they do.
    assert list(values) == ["jupyterhub"]
    settings = values["jupyterhub"]["singleuser"]["extraFiles"]["hub-help"]["data"][PLUGIN]
    # Maps merged deeply: org and funded_by from the hub, the operator from the base.
    assert settings["org"] == {
        "name": "Lakeside College",
        "url": "https://lakeside.example.edu",
        "logo_url": "https://lakeside.example.edu/brand/logo.svg",
    }
    assert settings["operated_by"] == {"name": "CloudHost Cooperative", "url": "https://cloudhost.example.com"}
    assert settings["designed_by"] == {"name": "CloudHost Cooperative", "url": "https://cloudhost.example.com"}
    assert settings["funded_by"] == {
        "name": "Lakeside College Teaching Fund",
        "url": "https://lakeside.example.edu/teaching-fund",
    }
    # Lists replaced whole: the hub's announcements and admins, not the base's.
    assert settings["announcements"] == [
        "Exams week 9-13 June: the hub will be busy, save your work often.",
        "Maintenance every first Tuesday, 06:00-07:00 UTC",
    ]
    assert settings["people"] == [
        {
            "name": "Noor Haddad",
            "usernames": ["noor"],
            "roles": ["community-representative", "hub-administrator"],
            "contact": {"email": "noor.haddad@lakeside.example.edu"},
        },
        {"name": "sam-oduya", "usernames": ["sam-oduya"], "roles": ["hub-administrator"]},
    ]
    assert settings["adminDiscovery"] == {"exclude": ["cloudhost-staff"]}
    assert err.splitlines()[0] == (
        f"Carried over from {base}, {hub}: org, operated_by, funded_by, designed_by, "
        "2 announcements, 3 admin usernames."
    )
    assert "Not carried over" not in err
    assert "$.people[1] (sam-oduya): add their name and a contact (email, web page or chat)" in section(
        err, "Left to fill in"
    )
    # Layered on the hub's own values, as Helm will deploy it.
    code, found = validate(capsys, base, hub, fragment)
    assert (code, found) == (0, [])


def test_what_is_not_carried_over_is_named(capsys, init_values):
    values = init_values / "riverbend-direct.yaml"
    code, out, err = init(capsys, "--no-input", "--from", values)
    assert code == 0
    assert json.loads(out)[PLUGIN] == {
        "formatVersion": 1,
        "org": {"name": "Riverbend Climate Collective", "url": "https://riverbend.example.org"},
        "operated_by": {"name": "CloudHost Cooperative", "url": "https://cloudhost.example.com"},
        "designed_by": {"name": "Riverbend Climate Collective"},
        "announcements": ["<strong>New:</strong> GPU servers for the modelling course"],
        "people": [
            {"name": "amara", "usernames": ["amara"], "roles": ["hub-administrator"]},
            {"name": "lin", "usernames": ["lin"], "roles": ["hub-administrator"]},
        ],
    }
    at = f"{values}: custom.homepage.templateVars"
    assert sorted(section(err, "Not carried over")) == sorted(
        [
            f"{at}.redirect_to: is used by the hub homepage only; not carried over",
            f"{at}.interface_selector: has no place in the hub help settings; not carried over",
            f"{at}.org.custom_html: has no place in the hub help settings; not carried over",
            f"{at}.org.logo_url: not carried over: is not an allowed link: use an http, https or "
            'mailto URL, or a path on this hub starting with "/"',
            f'{at}.funded_by: not carried over: is missing "name", which is required',
            f"{at}.announcements[0]: holds HTML markup, which the panel shows as plain text: "
            "rewrite it as text",
            f"{values}: hub.config.Authenticator.admin_users[2]: is not a username; left out",
        ]
    )


def test_values_that_already_mount_hub_help_settings(capsys, fixtures):
    values = fixtures / "z2jh" / "operator-base.yaml"
    code, out, err = init(capsys, "--no-input", "--from", values)
    assert code == 0
    assert json.loads(out)[PLUGIN]["people"] == [
        {"name": "cloudhost-staff", "usernames": ["cloudhost-staff"], "roles": ["hub-administrator"]}
    ]
    assert section(err, "Not carried over") == [
        f'{values}: jupyterhub.singleuser.extraFiles.hub-help.data["{PLUGIN}"]: already holds hub '
        "help settings, which init does not read: check them together with this file using "
        "jupyter hub-help validate"
    ]


def test_a_fragment_for_a_parent_chart_on_request(capsys, tmp_path):
    fragment = tmp_path / "hub-help.yaml"
    code, _, _ = init(
        capsys, "--no-input", "--as", "z2jh", "--parent-chart", "-o", fragment,
        "--representative", "Amara Okafor <amara.okafor@riverbend.example.org>",
    )
    assert code == 0
    assert list(load_yaml(fragment.read_text())) == ["jupyterhub"]
    assert validate(capsys, fragment) == (0, [])


def test_flags_win_over_the_values(capsys, init_values):
    code, out, _ = init(
        capsys,
        "--no-input",
        "--from", init_values / "riverbend-direct.yaml",
        "--org-url", "https://climate.riverbend.example.org",
    )
    assert code == 0
    assert json.loads(out)[PLUGIN]["org"] == {
        "name": "Riverbend Climate Collective",
        "url": "https://climate.riverbend.example.org",
    }


def test_an_existing_file_is_not_replaced_without_force(capsys, tmp_path):
    file = tmp_path / "hub-help.json"
    file.write_text("keep me")
    code, out, err = init(capsys, "--no-input", "--hub-name", "Hub", "-o", file)
    assert code == 2
    assert err.strip() == f"hub-help init: {file} exists; use --force to replace it"
    assert file.read_text() == "keep me"
    code, _, _ = init(capsys, "--no-input", "--hub-name", "Hub", "-o", file, "--force")
    assert code == 0
    assert settings_in(file)["hub"] == {"name": "Hub"}


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("missing.yaml", None, "could not be read: No such file or directory"),
        ("latin1.yaml", b"custom:\n  org: caf\xe9\n", "could not be read: it is not UTF-8 text"),
        ("broken.yaml", b"jupyterhub:\n  hub: [admin\n", "is not valid YAML: "),
        ("list.yaml", b"- amara\n- lin\n", "is not a map of values"),
    ],
)
def test_values_that_cannot_be_read_are_named(capsys, init_values, tmp_path, name, content, reason):
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    output = tmp_path / "hub-help.json"
    code, out, err = init(capsys, "--no-input", "-o", output, "--from", init_values / "lakeside.yaml", bad)
    # Input that cannot be read: 2, as validate says of a file it cannot read.
    assert code == 2
    assert err.startswith(f"hub-help init: {bad}")
    assert reason in err
    assert out == "" and not output.exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["--hub-url", "javascript:alert(1)"],
            "--hub-url 'javascript:alert(1)' is not an allowed link",
        ),
        (["--support-email", "support at cloudhost"], "--support-email 'support at cloudhost' is not an email address"),
        (
            ["--representative", "Noor Haddad <noor at lakeside>"],
            "--representative 'Noor Haddad <noor at lakeside>': contact.email is not an email address",
        ),
        (
            ["--representative", "<noor@lakeside.example.edu>"],
            "--representative '<noor@lakeside.example.edu>': write the person as [USERNAME:]NAME [<EMAIL>]",
        ),
        (
            ["--representative", "noor:Noor Haddad", "--representative", "noor:Noor H."],
            'people[1]: repeats the id "noor"',
        ),
    ],
)
def test_flag_values_the_panel_would_refuse(capsys, args, message):
    code, out, err = init(capsys, "--no-input", *args)
    assert code == 2
    assert out == ""
    assert err.startswith(f"hub-help init: {message}")


def test_questions_at_a_terminal(capsys, monkeypatch, init_values, tmp_path):
    answers = Terminal(
        "\n".join(
            [
                "Lakeside Teaching Hub",
                "lakeside.hub.example.org",  # refused: not a link
                "https://lakeside.hub.example.org",
                "support@cloudhost.example.com",
                "",  # no support web page
                "",  # no status page
                "noor:Noor Haddad <noor.haddad@lakeside.example.edu>",
                "",  # no more representatives
                "Sam Oduya",
                "sam.oduya at lakeside",  # refused: not an email address
                "sam.oduya@lakeside.example.edu",
            ]
        )
        + "\n"
    )
    monkeypatch.setattr(sys, "stdin", answers)
    file = tmp_path / "hub-help.json"
    code, out, err = init(
        capsys,
        "-o", file,
        "--from", init_values / "cloudhost-base.yaml", init_values / "lakeside.yaml",
        "--exclude-admin", "cloudhost-staff",
    )
    assert code == 0
    assert out == ""
    settings = settings_in(file)
    assert settings["hub"] == {"name": "Lakeside Teaching Hub", "url": "https://lakeside.hub.example.org"}
    assert settings["roles"] == {
        "support-triager": {"channels": [{"kind": "email", "address": "support@cloudhost.example.com"}]}
    }
    assert "statusPage" not in settings
    assert settings["people"][1] == {
        "name": "Sam Oduya",
        "usernames": ["sam-oduya"],
        "roles": ["hub-administrator"],
        "contact": {"email": "sam.oduya@lakeside.example.edu"},
    }
    # Asked only for what the values did not give; refused answers asked again.
    assert "Organisation name" not in err and "Operated by" not in err
    assert err.count("Hub address (https://...)") == 2
    assert 'is not an allowed link' in err
    assert err.count("Email address of Sam Oduya") == 2
    assert "  contact.email is not an email address" in err
    assert "Left to fill in" not in err
    assert validate(capsys, file) == (0, [])


def test_questions_stop_at_the_end_of_input(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", Terminal("Lakeside Teaching Hub\n"))
    code, out, err = init(capsys)
    assert code == 0
    assert json.loads(out)[PLUGIN] == {"formatVersion": 1, "hub": {"name": "Lakeside Teaching Hub"}}
    # Asked once for the address, then no more questions.
    assert err.count("(empty to skip)") == 2


def test_no_questions_without_a_terminal_or_with_no_input(capsys, monkeypatch):
    # pytest's own standard input is no terminal, and refuses to be read.
    code, out, _ = init(capsys, "--hub-name", "Hub")
    assert code == 0
    typed = Terminal("Should not be read\n")
    monkeypatch.setattr(sys, "stdin", typed)
    code, out, err = init(capsys, "--no-input", "--hub-name", "Hub")
    assert code == 0
    assert typed.read() == "Should not be read\n"
    assert "empty to skip" not in err


def test_output_the_validator_would_refuse_is_not_written(capsys, monkeypatch, tmp_path):
    from jupyterlab_hub_help.init import cli

    monkeypatch.setattr(cli, "render", lambda *a: json.dumps({PLUGIN: {"statusPage": "ftp://x"}}))
    file = tmp_path / "hub-help.json"
    code, _, err = init(capsys, "--no-input", "-o", file)
    assert code == 1
    assert not file.exists()
    assert "This is a bug in jupyterlab-hub-help" in err
    assert "  $.statusPage: is not an allowed link" in err


def test_python_dash_m(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "jupyterlab_hub_help", "init", "--hub-name", "Lakeside Teaching Hub"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert result.returncode == 0
    assert json.loads(result.stdout)[PLUGIN]["hub"] == {"name": "Lakeside Teaching Hub"}

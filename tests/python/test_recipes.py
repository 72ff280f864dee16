"""The operator recipes in docs/operators/: every example file passes the
validator, the pages show the example files as they are, the JupyterHub
configuration files load, the zero-to-jupyterhub values render to the file a
pod sees, the validator prints what the pages show, and the pre-commit hook
and the check-jsonschema recipe do what the pages say."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import urllib.request
from importlib.metadata import entry_points
from pathlib import Path
from typing import Dict, List, Tuple

import pytest
import yaml
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from jupyterlab_hub_help.cli import main
from jupyterlab_hub_help.validate.values import load_yaml
from pod_files import merged_values, pod_files, render_entry

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "operators"
EXAMPLES = DOCS / "examples"
Z2JH = EXAMPLES / "zero-to-jupyterhub"
BIN = Path(sys.executable).parent
PLUGIN = "jupyterlab-hub-help:plugin"

FENCE = re.compile(r"^```(\w*)\n(.*?)^```\n", re.M | re.S)
SHOWS = re.compile(r"\[`?(examples/[^`\]]+)`?\]\((examples/[^)]+)\):\s*$")


def code_blocks(page: Path) -> List[Tuple[str, str, str]]:
    """Each fenced block of a page: (language, text, the line before it)."""
    text = page.read_text("utf-8")
    blocks = []
    for match in FENCE.finditer(text):
        before = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
        blocks.append((match.group(1), match.group(2), before))
    return blocks


def shown_files() -> List[Tuple[Path, str, str]]:
    """(page, example path, block text) for each block a page introduces
    with a link to an example file."""
    shown = []
    for page in sorted(DOCS.glob("*.md")):
        for _, text, before in code_blocks(page):
            link = SHOWS.fullmatch(before.strip())
            if link:
                assert link.group(1) == link.group(2), f"{page.name}: {before}"
                shown.append((page, link.group(2), text))
    return shown


def commands(page: Path, program: str) -> List[List[str]]:
    """The command lines of a page's bash blocks that start with ``program``."""
    found = []
    for language, text, _ in code_blocks(page):
        if language == "bash":
            found += [shlex.split(line, comments=True) for line in text.splitlines() if line.startswith(program)]
    return found


def problems(capsys, *args) -> Tuple[int, list]:
    """``jupyter hub-help validate --output-format json`` on the arguments."""
    code = main(["validate", "--output-format", "json", *map(str, args)])
    out, err = capsys.readouterr()
    assert err == ""
    return code, json.loads(out)


# -- the pages show the example files as they are ---------------------------


def test_every_page_shows_its_example_files_as_they_are():
    shown = shown_files()
    assert len(shown) >= 12
    for page, path, text in shown:
        assert (DOCS / path).read_text("utf-8") == text, f"{page.name} shows {path} differently"


def test_every_example_file_is_shown_on_a_page():
    examples = {p.relative_to(DOCS).as_posix() for p in EXAMPLES.rglob("*") if p.is_file()}
    assert examples == {path for _, path, _ in shown_files()}


def test_the_readme_links_every_recipe():
    readme = (ROOT / "README.md").read_text("utf-8")
    for page in DOCS.glob("*.md"):
        assert f"(docs/operators/{page.name})" in readme


# -- every example passes the validator ---------------------------------------


def helm_releases() -> List[List[str]]:
    """The values files of each release the zero-to-jupyterhub page deploys
    or checks, in the order it gives them."""
    page = DOCS / "zero-to-jupyterhub.md"
    releases = []
    for line in commands(page, "helm upgrade"):
        releases.append([line[i + 1] for i, word in enumerate(line) if word == "-f"])
    for line in commands(page, "jupyter hub-help validate"):
        releases.append(line[3:])
    return releases


def is_manifest(path: Path) -> bool:
    """A file of Kubernetes objects (``kubectl apply -f``), not Helm values."""
    return all(isinstance(doc, dict) and "kind" in doc and "apiVersion" in doc
               for doc in yaml.safe_load_all(path.read_text("utf-8")))


def values_files() -> List[Path]:
    return [p for p in sorted(Z2JH.glob("*.yaml")) if not is_manifest(p)]


def test_the_page_deploys_base_and_hub_files_in_layers():
    releases = helm_releases()
    assert ["base.yaml", "hub-riverbend.yaml"] in releases
    assert all(files[0] == "base.yaml" and len(files) >= 2 for files in releases)
    assert {f for files in releases for f in files} == {p.name for p in values_files()}
    # The Kubernetes objects are applied with kubectl, on the same page.
    applied = {line[line.index("-f") + 1] for line in commands(DOCS / "zero-to-jupyterhub.md", "kubectl apply")}
    assert applied == {p.name for p in Z2JH.glob("*.yaml") if is_manifest(p)}


@pytest.mark.parametrize("files", helm_releases(), ids=" + ".join)
def test_each_documented_helm_release_is_valid(capsys, files):
    code, found = problems(capsys, *(Z2JH / f for f in files))
    assert found == []
    assert code == 0


@pytest.mark.parametrize(
    "example",
    [
        "littlest-jupyterhub/overrides.json",
        "plain-jupyterhub/jupyterlab-hub-help.json",
        "single-jupyterlab/jupyterlab-hub-help.json",
        "metadata-url/jupyterlab-hub-help.json",
    ],
)
def test_each_settings_file_is_valid(capsys, example):
    code, found = problems(capsys, EXAMPLES / example)
    assert found == []
    assert code == 0


def test_the_metadata_url_document_is_valid_with_its_settings(capsys):
    folder = EXAMPLES / "metadata-url"
    code, found = problems(
        capsys, "--as", "metadata-url", "--settings", folder / "jupyterlab-hub-help.json", folder / "hub-help.json"
    )
    assert found == []
    assert code == 0


def test_the_readme_values_snippet_is_valid(capsys, tmp_path):
    blocks = code_blocks(ROOT / "README.md")
    snippets = [text for language, text, _ in blocks if language == "yaml" and "extraFiles" in text]
    assert snippets
    for i, text in enumerate(snippets):
        (tmp_path / f"values-{i}.yaml").write_text(text, "utf-8")
        code, found = problems(capsys, tmp_path / f"values-{i}.yaml")
        assert (code, found) == (0, []), text


def test_the_validator_would_catch_a_mistake_in_an_example(capsys, tmp_path):
    # The examples pass because they are right, not because nothing is checked.
    hub = tmp_path / "hub-riverbend.yaml"
    text = (Z2JH / "hub-riverbend.yaml").read_text("utf-8")
    hub.write_text(text.replace("roles: [hub-administrator]", "roles: [hub-admin]"))
    code, found = problems(capsys, Z2JH / "base.yaml", hub)
    assert [(p["path"], p["code"]) for p in found] == [("$.people[2].roles", "unknown-role")]
    assert code == 1


# -- the JupyterHub configuration files load ----------------------------------

HUB_CONFIGS = [
    "plain-jupyterhub/jupyterhub_config.py",
    "littlest-jupyterhub/hub-help.py",
    "metadata-url/jupyterhub_config.py",
    "hub-help-service/jupyterhub_config.py",
    "hub-help-service/jupyterhub_config-external.py",
    "hub-help-service/jupyterhub_config-with-admins-list.py",
    "hub-help-service/jupyterhub6-extra-user-scopes.py",
    "littlest-jupyterhub/hub-help-service.py",
    "plain-jupyterhub/hub-pages.py",
    "littlest-jupyterhub/hub-pages.py",
]
#: What the external service's registration reads from the hub's environment.
HUB_ENV = {"HUB_HELP_API_TOKEN": "0123456789abcdef" * 4}


def load_hub_config(path: Path) -> Config:
    return PyFileConfigLoader(path.name, path=str(path.parent)).load_config()


@pytest.mark.parametrize("example", HUB_CONFIGS)
def test_each_jupyterhub_config_sets_only_real_options_with_valid_values(example, monkeypatch):
    from jupyterhub.app import JupyterHub

    for name, value in HUB_ENV.items():
        monkeypatch.setenv(name, value)
    config = load_hub_config(EXAMPLES / example)
    assert config, "the file sets nothing"
    classes = {cls.__name__: cls for cls in JupyterHub().classes}
    for section, options in config.items():
        assert section in classes, f"{example}: no JupyterHub class {section}"
        known = classes[section].class_traits(config=True)
        for option in options:
            assert option in known, f"{example}: {section} has no option {option}"
        # Instantiating applies the configuration: a wrong type raises.
        classes[section](config=config)


def granted_scopes(example: str) -> Tuple[List[str], List[str]]:
    """The user role's scopes and the servers' OAuth clients' scopes that a
    JupyterHub configuration or values file grants."""
    path = EXAMPLES / example
    if path.suffix == ".py":
        config = load_hub_config(path)
        roles = {r["name"]: r for r in config.JupyterHub.get("load_roles", [])}
        clients = config.Spawner.get("oauth_client_allowed_scopes", [])
    else:
        values = load_yaml(path.read_text("utf-8"))
        hub = values.get("hub", {})
        roles = {name: dict(role, name=name) for name, role in hub.get("loadRoles", {}).items()}
        clients = hub.get("config", {}).get("Spawner", {}).get("oauth_client_allowed_scopes", [])
    return roles.get("user", {}).get("scopes", []), clients


@pytest.mark.parametrize(
    "example",
    [
        "zero-to-jupyterhub/admins-list.yaml",
        "zero-to-jupyterhub/admins-group.yaml",
        "zero-to-jupyterhub/admins-list-with-hub-help.yaml",
        "zero-to-jupyterhub/hub-help-service.yaml",
        "zero-to-jupyterhub/hub-help-external.yaml",
        "plain-jupyterhub/jupyterhub_config.py",
        "littlest-jupyterhub/hub-help.py",
        "littlest-jupyterhub/hub-help-service.py",
        "hub-help-service/jupyterhub_config.py",
        "hub-help-service/jupyterhub_config-external.py",
        "hub-help-service/jupyterhub_config-with-admins-list.py",
    ],
)
def test_admin_discovery_scopes_are_granted_twice_and_exist(example, monkeypatch):
    from jupyterhub.scopes import scope_definitions

    for name, value in HUB_ENV.items():
        monkeypatch.setenv(name, value)
    user, clients = granted_scopes(example)
    # The user role replaces JupyterHub's default: it must keep "self".
    assert "self" in user
    assert clients and sorted(clients) == sorted(s for s in user if s != "self")
    for scope in clients:
        assert scope.split("!", 1)[0] in scope_definitions, scope


# -- the files a zero-to-jupyterhub pod sees -----------------------------------


def test_the_pod_sees_one_overrides_file_merged_from_base_and_hub(capsys, tmp_path):
    values = merged_values([Z2JH / "base.yaml", Z2JH / "hub-riverbend.yaml"])
    files = pod_files(values)
    assert list(files) == ["/etc/jupyter/labconfig/default_setting_overrides.d/jupyterlab-hub-help.json"]
    settings = json.loads(files[next(iter(files))])[PLUGIN]
    assert settings["operated_by"]["name"] == "CloudHost Cooperative"  # from base.yaml
    assert [p["name"] for p in settings["people"]] == ["Amara Okafor", "Tomás Ruiz", "Lin Wei"]
    rendered = tmp_path / "jupyterlab-hub-help.json"
    rendered.write_text(files[next(iter(files))], "utf-8")
    code, found = problems(capsys, rendered)
    assert (code, found) == (0, [])


def test_rendering_follows_the_chart():
    assert render_entry("f", {"mountPath": "/x/a.json", "stringData": '{"a": 1}'}) == '{"a": 1}'
    assert yaml.safe_load(render_entry("f", {"mountPath": "/x/a.yml", "data": {"a": [1]}})) == {"a": [1]}
    with pytest.raises(ValueError, match="exactly one of"):
        render_entry("f", {"mountPath": "/x/a.json", "data": {"a": 1}, "stringData": "{}"})
    with pytest.raises(ValueError, match="needs a mountPath"):
        render_entry("f", {"data": {"a": 1}})


def test_the_renderer_writes_under_the_pod_root(tmp_path):
    out = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("pod_files.py")), str(tmp_path), str(Z2JH / "base.yaml"),
         str(Z2JH / "hub-lakeside.yaml")],
        capture_output=True, text=True, check=True,
    )
    target = tmp_path / "etc/jupyter/labconfig/default_setting_overrides.d/jupyterlab-hub-help.json"
    assert str(target) in out.stdout
    assert json.loads(target.read_text("utf-8"))[PLUGIN]["hub"]["name"] == "Lakeside Teaching Hub"


# -- the metadata URL served by a JupyterHub service ---------------------------


def test_the_service_serves_the_document_where_the_settings_look(tmp_path):
    folder = EXAMPLES / "metadata-url"
    service = load_hub_config(folder / "jupyterhub_config.py").JupyterHub.services[0]
    url = json.loads((folder / "jupyterlab-hub-help.json").read_text("utf-8"))[PLUGIN]["metadataUrl"]
    assert url.startswith(f"/services/{service['name']}/")
    # It runs beside the hub help service: another name, another port.
    help_service = hub_help_registration("hub-help-service/jupyterhub_config.py")
    assert service["name"] != help_service["name"]
    assert service["url"].rsplit(":", 1)[1] != help_service["url"].rsplit(":", 1)[1]
    # The documented folder layout, under a temporary folder and a free port.
    command = list(service["command"])
    served = Path(command[command.index("--directory") + 1])
    local = tmp_path / served.relative_to("/")
    (local / url.lstrip("/")).parent.mkdir(parents=True)
    shutil.copy(folder / "hub-help.json", local / url.lstrip("/"))
    command[command.index("--directory") + 1] = str(local)
    port = free_port()
    command[command.index(service["url"].rsplit(":", 1)[1])] = str(port)
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as server:
        try:
            response = fetch_when_up(f"http://127.0.0.1:{port}{url}", server)
            assert response.headers["Content-Type"] == "application/json"
            assert json.loads(response.read()) == json.loads((folder / "hub-help.json").read_text("utf-8"))
        finally:
            server.terminate()


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch_when_up(url: str, server: subprocess.Popen):
    """The answer once the server listens (it exits only on an error)."""
    while True:
        try:
            return urllib.request.urlopen(url, timeout=10)
        except urllib.error.URLError as error:
            if not isinstance(error.reason, ConnectionRefusedError) or server.poll() is not None:
                raise
            time.sleep(0.1)


# -- the pre-commit hook -------------------------------------------------------


def hooks() -> Dict[str, dict]:
    return {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))}


def test_the_hook_runs_our_console_script_with_python():
    hook = hooks()["jupyterlab-hub-help-validate"]
    scripts = {script.name: script.value for script in entry_points(group="console_scripts")}
    program, *args = hook["entry"].split()
    assert scripts.get(program) == "jupyterlab_hub_help.cli:main"
    assert args == ["validate"]
    assert hook["language"] == "python"
    assert hook["require_serial"] is True
    assert re.search(hook["files"], "hub-help/jupyterlab-hub-help.json")


def test_the_hook_entry_passes_a_good_file_and_fails_a_bad_one(tmp_path):
    program, *args = hooks()["jupyterlab-hub-help-validate"]["entry"].split()
    good = EXAMPLES / "plain-jupyterhub" / "jupyterlab-hub-help.json"
    bad = tmp_path / "jupyterlab-hub-help.json"
    bad.write_text(json.dumps({PLUGIN: {"statusPage": 42}}))

    def run(*files):
        return subprocess.run([str(BIN / program), *args, *map(str, files)], capture_output=True, text=True)

    assert run(good).returncode == 0
    failed = run(good, bad)
    assert failed.returncode == 1
    assert f"{bad}:1:47: $.statusPage" in failed.stdout


def test_the_documented_pre_commit_configs_use_the_hook():
    homepage = json.loads((ROOT / "package.json").read_text("utf-8"))["homepage"]
    for name in ("pre-commit-config.yaml", "pre-commit-config-local.yaml"):
        config = yaml.safe_load((EXAMPLES / "pre-commit" / name).read_text("utf-8"))
        for repo in config["repos"]:
            assert repo["repo"] in (homepage, "local")
            for hook in repo["hooks"]:
                assert hook["id"] in hooks()
                if repo["repo"] == "local":
                    assert hook["entry"] == hooks()[hook["id"]]["entry"]
                if hook.get("pass_filenames") is False:
                    assert hook["args"][0].endswith("base.yaml")


# -- the validator's output as the page shows it ---------------------------------


def test_the_sample_output_is_what_the_validator_prints(capsys, tmp_path, monkeypatch):
    # The page's mistakes, made in a copy of the zero-to-jupyterhub example.
    shutil.copy(Z2JH / "base.yaml", tmp_path / "base.yaml")
    hub = (Z2JH / "hub-riverbend.yaml").read_text("utf-8")
    for right, wrong in [("- name: Tomás Ruiz", "- nmae: Tomás Ruiz"), ("tomas.ruiz@", "tomas.ruiz at ")]:
        assert hub.count(right) == 1
        hub = hub.replace(right, wrong)
    (tmp_path / "hub-riverbend.yaml").write_text(hub, "utf-8")
    [sample] = [text for language, text, _ in code_blocks(DOCS / "check-before-shipping.md") if language == "text"]
    command, *shown = sample.splitlines()
    assert command.startswith("$ jupyter hub-help validate ")
    monkeypatch.chdir(tmp_path)
    assert main(command.split()[3:]) == 1
    assert capsys.readouterr().out.splitlines() == shown


# -- the check-jsonschema recipe -----------------------------------------------

CHECK_JSONSCHEMA = shutil.which("check-jsonschema", path=str(BIN)) or shutil.which("check-jsonschema")
needs_check_jsonschema = pytest.mark.skipif(
    CHECK_JSONSCHEMA is None,
    reason="check-jsonschema is not installed (pip install -e '.[test]' installs it)",
)


def recipe_lines(checking: str = "") -> List[str]:
    """The recipe's commands but the install; with ``checking``, only the
    check-jsonschema command that names that file."""
    page = DOCS / "check-before-shipping.md"
    blocks = [text for language, text, _ in code_blocks(page) if language == "bash" and "check-jsonschema" in text]
    assert len(blocks) == 1
    lines = [line for line in blocks[0].splitlines() if line and not line.startswith("pip install")]
    if not checking:
        return lines
    return [line for line in lines if not line.startswith("check-jsonschema") or line.endswith(f" {checking}")]


def run_recipe(folder: Path, checking: str = "") -> subprocess.CompletedProcess:
    env = {"PATH": f"{BIN}:{Path(CHECK_JSONSCHEMA).parent}:/usr/bin:/bin"}
    script = "\n".join(recipe_lines(checking))
    return subprocess.run(["bash", "-e", "-c", script], cwd=folder, env=env, capture_output=True, text=True)


def recipe_folder(tmp_path: Path) -> Path:
    shutil.copy(EXAMPLES / "metadata-url" / "hub-help.json", tmp_path / "hub-help.json")
    shutil.copy(EXAMPLES / "plain-jupyterhub" / "jupyterlab-hub-help.json", tmp_path / "jupyterlab-hub-help.json")
    return tmp_path


@needs_check_jsonschema
def test_the_check_jsonschema_recipe_passes_the_examples(tmp_path):
    done = run_recipe(recipe_folder(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("ok -- validation done") == 2


@needs_check_jsonschema
@pytest.mark.parametrize(
    "file, change, reported",
    [
        ("hub-help.json", lambda d: d["people"][0].pop("name"), "'name' is a required property"),
        ("jupyterlab-hub-help.json", lambda d: d[PLUGIN].update(statusPage=42), "42 is not of type 'string'"),
        ("jupyterlab-hub-help.json", lambda d: d.pop(PLUGIN), f"'{PLUGIN}' is a required property"),
    ],
)
def test_the_check_jsonschema_recipe_fails_a_broken_file(tmp_path, file, change, reported):
    folder = recipe_folder(tmp_path)
    document = json.loads((folder / file).read_text("utf-8"))
    change(document)
    (folder / file).write_text(json.dumps(document))
    done = run_recipe(folder, checking=file)
    assert done.returncode == 1
    assert reported in done.stdout


# -- the hub help service's recipes ---------------------------------------------

SERVICE_PAGE = DOCS / "hub-help-service.md"
OPERATIONS_PAGE = DOCS / "hub-help-service-operations.md"
SERVICE_SOURCES = ROOT / "jupyterlab_hub_help" / "service"
ACCESS = "access:services!service=hub-help"
EDIT = "custom:hub-help:edit"
GROUP = "community-representatives"
ADMIN_DISCOVERY = ["list:users", "read:users:name"]


def section_of(page: Path, heading: str) -> str:
    """The text of a page under ``## heading``, up to the next heading of that level."""
    text = page.read_text("utf-8")
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start:] if end < 0 else text[start:end]


def table_rows(text: str) -> List[List[str]]:
    """The cells of the first Markdown pipe table in ``text``, the header
    first, the separator left out; whitespace (prettier's alignment) ignored."""
    lines = [line.strip() for line in text.splitlines()]
    first = next(i for i, line in enumerate(lines) if line.startswith("|"))
    rows = []
    for line in lines[first:]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip("|"))]
        if all(re.fullmatch(r":?-+:?", cell) for cell in cells):
            continue
        rows.append(cells)
    return rows


def markdown_table(rows: List[List[str]]) -> str:
    """``rows`` as a Markdown pipe table (the header first)."""
    header, *body = rows
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in body])


def test_the_who_may_do_what_table_is_the_permission_tests_table():
    sys.path.insert(0, str(ROOT / "tests" / "python" / "service"))
    try:
        from permissions import markdown_rows
    finally:
        sys.path.pop(0)
    expected = markdown_rows()
    rendered = markdown_table(expected)
    # Rendered from the permission tests' rows, the table reads back as those
    # rows; the page holds that table, row for row, in that order.
    assert table_rows(rendered) == expected
    assert table_rows(section_of(SERVICE_PAGE, "Who may do what")) == expected


def test_the_options_table_lists_every_option_of_the_service():
    from jupyterlab_hub_help.service.config import parser

    flags = {flag for flag in parser({})._option_string_actions if flag not in ("-h", "--help")}
    rows = table_rows(section_of(SERVICE_PAGE, "Options"))[1:]
    documented = {flag for row in rows for flag in re.findall(r"--[a-z][a-z-]*", row[0])}
    assert documented == flags
    for row in rows:
        for name in re.findall(r"\b(?:HUB_HELP|JUPYTERHUB)_[A-Z_]+", row[1]):
            assert name in service_env_names(), name


def service_env_names() -> set:
    """The environment variables the service reads: its own code's, and those
    of JupyterHub's HubAuth, which it uses to ask the hub who is calling."""
    import jupyterhub.services.auth

    sources = [*SERVICE_SOURCES.glob("*.py"), Path(jupyterhub.services.auth.__file__)]
    names = set()
    for source in sources:
        names |= set(re.findall(r"[\"']((?:HUB_HELP|JUPYTERHUB)_[A-Z_]+)[\"']", source.read_text("utf-8")))
    return names


def chart_hub(values: dict) -> Tuple[List[dict], Dict[str, dict], Config]:
    """The services, roles and configuration that zero-to-jupyterhub's
    jupyterhub_config.py makes of ``hub.services``, ``hub.loadRoles`` and
    ``hub.config``: each service and role named by its key, the API token
    taken from the chart's Secret (here a stand-in), ``hub.config`` applied
    class by class."""
    hub = values.get("hub", {})
    services = []
    for key, spec in hub.get("services", {}).items():
        spec = dict(spec, name=spec.get("name", key))
        spec.pop("apiToken", None)
        spec["api_token"] = f"<the hub Secret's hub.services.{key}.apiToken>"
        services.append(spec)
    roles = {key: dict(role, name=role.get("name", key)) for key, role in hub.get("loadRoles", {}).items()}
    config = Config()
    for section, options in hub.get("config", {}).items():
        config[section].update(options)
    return services, roles, config


def hub_help_registration(example: str) -> dict:
    """The hub help service's entry in a recipe's services, as JupyterHub gets it."""
    from jupyterhub.app import JupyterHub

    path = EXAMPLES / example
    if path.suffix == ".py":
        env = dict(HUB_ENV)
        saved = {name: os.environ.get(name) for name in env}
        os.environ.update(env)
        try:
            services = JupyterHub(config=load_hub_config(path)).services
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
    else:
        services, _, _ = chart_hub(load_yaml(path.read_text("utf-8")))
    found = [s for s in services if s["name"] == "hub-help"]
    assert len(found) == 1, example
    return found[0]


def hub_help_settings(example: str) -> Tuple[dict, Dict[str, dict], Config]:
    """The service's entry, the roles and the rest of a recipe's configuration."""
    path = EXAMPLES / example
    if path.suffix == ".py":
        config = load_hub_config(path)
        roles = {r["name"]: r for r in config.JupyterHub.get("load_roles", [])}
    else:
        _, roles, config = chart_hub(load_yaml(path.read_text("utf-8")))
    return hub_help_registration(example), roles, config


def service_arguments(spec: dict) -> List[str]:
    """The service's own arguments in a hub-managed service's command."""
    command = list(spec["command"])
    module = command.index("jupyterlab_hub_help.service")
    assert command[module - 1] == "-m"
    return command[module + 1:]


SERVICE_RECIPES = [
    "hub-help-service/jupyterhub_config.py",
    "hub-help-service/jupyterhub_config-external.py",
    "hub-help-service/jupyterhub_config-with-admins-list.py",
    "littlest-jupyterhub/hub-help-service.py",
    "zero-to-jupyterhub/hub-help-service.yaml",
    "zero-to-jupyterhub/hub-help-external.yaml",
]


@pytest.mark.parametrize("example", SERVICE_RECIPES)
def test_every_service_recipe_registers_the_sign_in_and_the_grants(example, monkeypatch):
    from jupyterhub.scopes import scope_definitions
    from jupyterhub.services.service import Service

    from jupyterlab_hub_help.service.config import parse_options

    for name, value in HUB_ENV.items():
        monkeypatch.setenv(name, value)
    spec, roles, config = hub_help_settings(example)
    # Only keys that JupyterHub's Service takes.
    assert set(spec) <= set(Service.class_traits(input=True)), example
    # The sign-in: no confirmation page, and the edit scope in its token.
    assert spec["oauth_no_confirm"] is True
    assert spec["oauth_client_allowed_scopes"] == [EDIT]
    assert EDIT in config.JupyterHub.custom_scopes
    assert ACCESS.split("!")[0] in scope_definitions
    # Every user reads, with the page's token too.
    assert "self" in roles["user"]["scopes"] and ACCESS in roles["user"]["scopes"]
    assert ACCESS in config.Spawner.oauth_client_allowed_scopes
    # No role hands the edit scope to every user.
    assert EDIT not in roles["user"]["scopes"]
    # The group the service reads is the one the hub creates.
    assert GROUP in config.JupyterHub.load_groups
    if "command" in spec:
        options = parse_options(service_arguments(spec), environ={})
        assert options.representatives_groups == [GROUP]
        assert spec["url"].endswith(f":{options.port}")
    else:
        assert "api_token" in spec


def test_the_hub_managed_commands_run_the_service_with_real_options():
    from jupyterlab_hub_help.service.config import parse_options

    for example in SERVICE_RECIPES:
        spec = hub_help_registration(example)
        if "command" in spec:
            options = parse_options(service_arguments(spec), environ={})
            assert options.db_url.startswith("sqlite:////"), example  # an absolute path
            assert options.cookie_secret_file.startswith("/"), example


def test_the_z2jh_hub_pod_recipe_keeps_its_port_to_the_proxy():
    from jupyterlab_hub_help.service.config import parse_options

    values = load_yaml((Z2JH / "hub-help-service.yaml").read_text("utf-8"))
    spec = hub_help_registration("zero-to-jupyterhub/hub-help-service.yaml")
    options = parse_options(service_arguments(spec), environ={})
    assert options.ip == "0.0.0.0" and spec["url"] == f"http://hub:{options.port}"
    # On the hub's volume, which the chart mounts there with hub.db.type sqlite-pvc.
    assert options.db_url == "sqlite:////srv/jupyterhub/hub-help.sqlite"
    assert options.trust_xheaders
    assert [p["port"] for p in values["hub"]["service"]["extraPorts"]] == [options.port]
    rules = [rule for rule in values["hub"]["networkPolicy"]["ingress"]
             if options.port in [p["port"] for p in rule["ports"]]]
    assert len(rules) == 1
    assert_only_the_proxy_and_hub(rules[0]["from"])


def assert_only_the_proxy_and_hub(sources: List[dict]) -> None:
    """Network policy sources: the chart's proxy pods (and hub pods), by the
    labels the chart gives them; never the label users' pods carry too."""
    assert sources and all(set(source) == {"podSelector"} for source in sources)
    labels = [source["podSelector"]["matchLabels"] for source in sources]
    assert {"app": "jupyterhub", "component": "proxy"} in labels
    for match in labels:
        assert match["app"] == "jupyterhub" and match["component"] in ("proxy", "hub")
        assert "hub.jupyter.org/network-access-hub" not in match


def manifest(name: str) -> Dict[str, dict]:
    return {doc["kind"]: doc for doc in yaml.safe_load_all((Z2JH / name).read_text("utf-8"))}


def env_of(container: dict) -> Dict[str, dict]:
    return {entry["name"]: entry for entry in container.get("env", [])}


def test_the_deployment_runs_the_service_as_the_hub_registers_it():
    from jupyterlab_hub_help.service.config import parse_options

    objects = manifest("hub-help-deployment.yaml")
    assert set(objects) == {"Deployment", "Service", "NetworkPolicy"}
    deployment, service, policy = objects["Deployment"], objects["Service"], objects["NetworkPolicy"]
    pod = deployment["spec"]["template"]
    labels = pod["metadata"]["labels"]
    assert deployment["spec"]["selector"]["matchLabels"].items() <= labels.items()
    # The chart's hub network policy admits pods with this label to the hub's API.
    assert labels["hub.jupyter.org/network-access-hub"] == "true"
    (container,) = pod["spec"]["containers"]
    env = env_of(container)

    # The environment: names the service (or JupyterHub's HubAuth) reads.
    assert set(env) <= service_env_names(), set(env) - service_env_names()
    registration = hub_help_registration("zero-to-jupyterhub/hub-help-external.yaml")
    name = registration["name"]
    token = env["JUPYTERHUB_API_TOKEN"]["valueFrom"]["secretKeyRef"]
    assert token == {"name": "hub", "key": f"hub.services.{name}.apiToken"}
    assert env["JUPYTERHUB_SERVICE_NAME"]["value"] == name
    assert env["JUPYTERHUB_SERVICE_PREFIX"]["value"] == f"/services/{name}/"
    assert env["JUPYTERHUB_CLIENT_ID"]["value"] == f"service-{name}"
    assert env["JUPYTERHUB_API_URL"]["value"] == "http://hub:8081/hub/api"
    for secret in ("HUB_HELP_DB_URL", "HUB_HELP_COOKIE_SECRET"):
        assert env[secret]["valueFrom"]["secretKeyRef"]["name"] == "hub-help"

    # The command: the console script, with options its parser takes.
    scripts = {script.name: script.value for script in entry_points(group="console_scripts")}
    program, *args = container["command"]
    assert scripts[program] == "jupyterlab_hub_help.service.app:main"
    plain_env = {k: v["value"] for k, v in env.items() if "value" in v}
    options = parse_options(args, environ=plain_env)
    assert options.ip == "0.0.0.0"
    assert options.representatives_groups == [GROUP]
    assert options.prefix == f"/services/{name}/"
    assert options.trust_xheaders
    (upgrade,) = pod["spec"]["initContainers"]
    program, *args = upgrade["command"]
    assert scripts[program] == scripts["jupyter-hub-help-service"]
    assert parse_options(args, environ={}).upgrade_db
    assert upgrade["image"] == container["image"]
    assert env_of(upgrade)["HUB_HELP_DB_URL"] == env["HUB_HELP_DB_URL"]

    # The hub's url for the service is this Service, on the container's port.
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    (port,) = service["spec"]["ports"]
    assert ports[port["targetPort"]] == options.port
    assert registration["url"] == f"http://{service['metadata']['name']}:{port['port']}"
    assert service["spec"]["selector"].items() <= labels.items()
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"] == {"path": options.prefix + "api/health", "port": "http"}

    # Only the proxy (and the hub's check) reach it.
    assert policy["spec"]["podSelector"]["matchLabels"].items() <= labels.items()
    assert policy["spec"]["policyTypes"] == ["Ingress"]
    (rule,) = policy["spec"]["ingress"]
    assert [p["port"] for p in rule["ports"]] == [port["targetPort"]]
    assert_only_the_proxy_and_hub(rule["from"])


def test_the_external_recipe_shares_one_token_and_one_address():
    from jupyterlab_hub_help.service.config import parse_options

    registration = hub_help_registration("hub-help-service/jupyterhub_config-external.py")
    assert registration["api_token"] == HUB_ENV["HUB_HELP_API_TOKEN"]
    unit = systemd_unit(EXAMPLES / "hub-help-service" / "hub-help.service")
    service = unit["Service"]
    env = dict(line.split("=", 1) for line in service["Environment"])
    assert set(env) <= service_env_names()
    program, *args = shlex.split(service["ExecStart"][0])
    scripts = {script.name for script in entry_points(group="console_scripts")}
    assert Path(program).name in scripts
    options = parse_options(args, environ=env)
    assert registration["url"] == f"http://{options.ip}:{options.port}"
    assert options.prefix == f"/services/{registration['name']}/"
    assert options.representatives_groups == [GROUP]
    assert not options.trust_xheaders  # users' servers share the machine
    assert options.db_url.startswith(f"sqlite:///{service['WorkingDirectory'][0]}/")
    # The page writes the same token where each side reads it.
    (env_file,) = service["EnvironmentFile"]
    script = next(text for language, text, _ in code_blocks(SERVICE_PAGE)
                  if language == "bash" and "openssl rand" in text and env_file in text)
    assert f'"JUPYTERHUB_API_TOKEN=$token" | sudo tee {env_file}' in script
    assert '"HUB_HELP_API_TOKEN=$token"' in script


def systemd_unit(path: Path) -> Dict[str, Dict[str, List[str]]]:
    """A unit file's sections, each key with its values in order (systemd
    allows a key several times)."""
    sections: Dict[str, Dict[str, List[str]]] = {}
    current = None
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), {})
            continue
        key, value = line.split("=", 1)
        current.setdefault(key.strip(), []).append(value.strip())
    return sections


# -- recipes that combine ------------------------------------------------------


def user_and_clients(values_files: List[str]) -> Tuple[set, set]:
    merged = merged_values([Z2JH / f for f in values_files])
    _, roles, config = chart_hub(merged)
    return set(roles["user"]["scopes"]), set(config.Spawner.oauth_client_allowed_scopes)


@pytest.mark.parametrize("service_file", ["hub-help-service.yaml", "hub-help-external.yaml"])
def test_the_combined_values_grant_both_sets(service_file):
    admins_user, admins_clients = user_and_clients(["base.yaml", "admins-list.yaml"])
    help_user, help_clients = user_and_clients(["base.yaml", service_file])
    # Layered as the page deploys them, Helm keeps the last file's lists: one
    # recipe's scopes would silently replace the other's.
    assert user_and_clients(["base.yaml", "admins-list.yaml", service_file]) == (help_user, help_clients)
    assert not admins_clients <= help_clients
    # With the combined file, both sets.
    user, clients = user_and_clients(["base.yaml", service_file, "admins-list-with-hub-help.yaml", "hub-riverbend.yaml"])
    assert user == admins_user | help_user
    assert clients == admins_clients | help_clients
    # And the service is still registered as its recipe says.
    services, _, _ = chart_hub(merged_values([Z2JH / f for f in ["base.yaml", service_file,
                                                                     "admins-list-with-hub-help.yaml"]]))
    assert [s["name"] for s in services] == ["hub-help"]


def test_the_combined_jupyterhub_config_grants_both_sets():
    admins_user, admins_clients = granted_scopes("plain-jupyterhub/jupyterhub_config.py")
    help_user, help_clients = granted_scopes("hub-help-service/jupyterhub_config.py")
    user, clients = granted_scopes("hub-help-service/jupyterhub_config-with-admins-list.py")
    assert set(user) == set(admins_user) | set(help_user)
    assert set(clients) == set(admins_clients) | set(help_clients)
    combined = load_hub_config(EXAMPLES / "hub-help-service" / "jupyterhub_config-with-admins-list.py")
    plain = load_hub_config(EXAMPLES / "plain-jupyterhub" / "jupyterhub_config.py")
    assert combined.Spawner.environment == plain.Spawner.environment
    assert hub_help_registration("hub-help-service/jupyterhub_config-with-admins-list.py") == \
        hub_help_registration("hub-help-service/jupyterhub_config.py")


def tljh_hub(tmp_path: Path, *files: Path):
    """A JupyterHub configured as TLJH does: its own services first, then each
    file of jupyterhub_config.d loaded in alphabetical order."""
    from jupyterhub.app import JupyterHub
    from jupyterhub.spawner import Spawner

    folder = tmp_path / "jupyterhub_config.d"
    folder.mkdir(exist_ok=True)
    for file in files:
        shutil.copy(file, folder / file.name)
    (tmp_path / "jupyterhub_config.py").write_text(
        "from glob import glob\n"
        "c = get_config()  # noqa\n"
        "c.JupyterHub.services = [{'name': 'cull-idle', 'command': ['cull'], 'admin': True}]\n"
        f"for ec in sorted(glob({str(folder)!r} + '/*.py')):\n"
        "    load_subconfig(ec)\n"
    )
    config = load_hub_config(tmp_path / "jupyterhub_config.py")
    roles = {r["name"]: r for r in config.JupyterHub.get("load_roles", [])}
    return JupyterHub(config=config).services, roles, Spawner(config=config).oauth_client_allowed_scopes


def test_the_tljh_service_file_adds_to_tljh_services_and_holds_admin_discovery(tmp_path):
    service_file = EXAMPLES / "littlest-jupyterhub" / "hub-help-service.py"
    services, roles, clients = tljh_hub(tmp_path, service_file)
    assert [s["name"] for s in services] == ["cull-idle", "hub-help"]
    assert roles["user"]["scopes"] == ["self", ACCESS] and clients == [ACCESS]

    # With its ADMIN_DISCOVERY list filled as the file says: both sets.
    text = service_file.read_text("utf-8")
    assert text.count("ADMIN_DISCOVERY = []\n") == 1
    filled = tmp_path / "filled" / service_file.name
    filled.parent.mkdir()
    filled.write_text(text.replace("ADMIN_DISCOVERY = []\n", f"ADMIN_DISCOVERY = {ADMIN_DISCOVERY!r}\n"))
    _, roles, clients = tljh_hub(tmp_path / "filled", filled)
    assert set(roles["user"]["scopes"]) == {"self", *ADMIN_DISCOVERY, ACCESS}
    assert set(clients) == {*ADMIN_DISCOVERY, ACCESS}

    # Why the file says not to keep hub-help.py beside it: read after it, it
    # drops the service's access scope.
    both = tmp_path / "both"
    both.mkdir()
    _, roles, clients = tljh_hub(both, service_file, EXAMPLES / "littlest-jupyterhub" / "hub-help.py")
    assert ACCESS not in roles["user"]["scopes"] and ACCESS not in clients


def test_on_jupyterhub_6_files_that_add_scopes_combine(tmp_path):
    from jupyterhub.app import JupyterHub
    from jupyterhub.spawner import Spawner

    assert "extra_user_scopes" in JupyterHub.class_traits(config=True)
    admins = tmp_path / "admin-discovery.py"
    admins.write_text(
        "c = get_config()  # noqa\n"
        f"c.JupyterHub.extra_user_scopes.update({ADMIN_DISCOVERY!r})\n"
        f"c.Spawner.oauth_client_allowed_scopes.extend({ADMIN_DISCOVERY!r})\n"
    )
    example = EXAMPLES / "hub-help-service" / "jupyterhub6-extra-user-scopes.py"
    for order in ([example, admins], [admins, example]):
        main = tmp_path / "jupyterhub_config.py"
        main.write_text("c = get_config()  # noqa\n" + "".join(f"load_subconfig({str(f)!r})\n" for f in order))
        config = load_hub_config(main)
        assert JupyterHub(config=config).extra_user_scopes == {*ADMIN_DISCOVERY, ACCESS}
        assert set(Spawner(config=config).oauth_client_allowed_scopes) == {*ADMIN_DISCOVERY, ACCESS}
        assert "load_roles" not in config.JupyterHub


# -- the operations page ---------------------------------------------------------


def test_the_operations_page_commands_use_real_options():
    from jupyterlab_hub_help.service.config import parse_options

    lines = [line for line in commands(OPERATIONS_PAGE, "") if line]
    service = [line[1:] for line in lines if Path(line[0]).name == "jupyter-hub-help-service"]
    service += [line[line.index("jupyterlab_hub_help.service") + 1:] for line in lines
                if line[0] in ("kubectl", "python", "python3") and "jupyterlab_hub_help.service" in line]
    parsed = [parse_options(args, environ={}) for args in service]
    assert any(options.backup for options in parsed)
    assert any(options.upgrade_db for options in parsed)
    for options in parsed:
        if options.backup:
            assert options.db_url.startswith("sqlite:///")
    dumps = [line for line in lines if line[0] == "pg_dump"]
    assert dumps and all("-Fc" in line for line in dumps)
    (restore,) = [line for line in lines if line[0] == "pg_restore"]
    assert "--no-owner" in restore
    assert restore[-1] in [line[line.index("--file") + 1] for line in dumps]
    # The upgrade installs the package with the service's extra.
    assert any(Path(line[0]).name == "pip" and "jupyterlab-hub-help[service]" in line and "-U" in line
               for line in lines)


def test_the_docs_name_the_release_this_tree_makes():
    """The hook's `rev` and the pinned install name package.json's version;
    jupyter-releaser rewrites them when it bumps it (scripts/docs_version.py)."""
    check = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "docs_version.py"), "--check"],
        capture_output=True, text=True,
    )
    assert check.returncode == 0, check.stdout


# -- the hub's own pages ------------------------------------------------------------

HUB_PAGES_PAGE = DOCS / "hub-pages.md"


def hub_help_vars_documented() -> set:
    rows = table_rows(section_of(HUB_PAGES_PAGE, "The settings"))[1:]
    return {re.fullmatch(r"`(\w+)`", row[0]).group(1) for row in rows}


def test_the_hub_pages_settings_table_is_what_the_templates_read():
    box = (ROOT / "jupyterlab_hub_help" / "hub_templates" / "hub-help" / "box.html").read_text("utf-8")
    login = (ROOT / "jupyterlab_hub_help" / "hub_templates" / "login.html").read_text("utf-8")
    read = set(re.findall(r'(?:given|hub_help)\.get\("(\w+)"', box + login))
    assert read == hub_help_vars_documented() == {"service_url", "fallback", "pending_after_seconds", "login_page"}


def assert_the_pack_comes_first(config: Config) -> None:
    from jupyterhub.app import JupyterHub

    from jupyterlab_hub_help import hub_templates_path

    hub = JupyterHub(config=config)
    assert hub.template_paths[0] == hub_templates_path()
    assert set(hub.template_vars["hub_help"]) <= hub_help_vars_documented()
    assert hub.template_vars["hub_help"]["fallback"]


@pytest.mark.parametrize("example", ["plain-jupyterhub/hub-pages.py", "littlest-jupyterhub/hub-pages.py"])
def test_the_hub_pages_files_put_the_template_pack_first(example):
    assert_the_pack_comes_first(load_hub_config(EXAMPLES / example))


def test_the_tljh_hub_pages_file_goes_with_the_service_file(tmp_path):
    folder = EXAMPLES / "littlest-jupyterhub"
    services, _, _ = tljh_hub(tmp_path, folder / "hub-help-service.py", folder / "hub-pages.py")
    assert [s["name"] for s in services] == ["cull-idle", "hub-help"]
    assert_the_pack_comes_first(load_hub_config(tmp_path / "jupyterhub_config.py"))


def test_the_z2jh_hub_pages_values_give_the_service_the_users_settings(tmp_path):
    from jupyterlab_hub_help.service.config import parse_options
    from jupyterlab_hub_help.service.operator import read_document

    values = load_yaml((Z2JH / "hub-pages.yaml").read_text("utf-8"))
    hub = values["hub"]
    # hub.config, then each extraConfig snippet, as the chart's jupyterhub_config.py runs them.
    config = Config()
    for section, options in hub["config"].items():
        config[section].update(options)
    for name, code in sorted(hub["extraConfig"].items()):
        exec(compile(code, f"hub.extraConfig.{name}", "exec"), {"c": config})
    assert_the_pack_comes_first(config)

    # The service reads the file the users' pods get, from the chart's singleuser Secret.
    environment = hub["services"]["hub-help"]["environment"]
    (volume,) = hub["extraVolumes"]
    (mount,) = hub["extraVolumeMounts"]
    (item,) = volume["secret"]["items"]
    assert volume["secret"]["secretName"] == "singleuser" and mount["name"] == volume["name"]
    assert environment["HUB_HELP_DOCUMENT"] == f"{mount['mountPath']}/{item['path']}"
    release = merged_values([Z2JH / "base.yaml", Z2JH / "hub-pages.yaml", Z2JH / "hub-riverbend.yaml"])
    entry = release["singleuser"]["extraFiles"][item["key"]]
    document = tmp_path / item["path"]
    document.write_text(render_entry(item["key"], entry), "utf-8")
    reading = read_document(str(document))
    assert reading.document["hub"]["name"] and reading.problems == []
    options = parse_options([], environ={k: str(v) for k, v in environment.items()})
    assert options.document == environment["HUB_HELP_DOCUMENT"] and options.public is True

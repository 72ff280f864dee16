"""The operator recipes in docs/operators/: every example file passes the
validator, the pages show the example files as they are, the JupyterHub
configuration files load, the zero-to-jupyterhub values render to the file a
pod sees, and the pre-commit hook and the check-jsonschema recipe do what the
pages say."""

from __future__ import annotations

import json
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
    """``jupyter hub-help validate --format json`` on the arguments."""
    code = main(["validate", "--format", "json", *map(str, args)])
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


def test_the_page_deploys_base_and_hub_files_in_layers():
    releases = helm_releases()
    assert ["base.yaml", "hub-riverbend.yaml"] in releases
    assert all(files[0] == "base.yaml" and len(files) >= 2 for files in releases)
    assert {f for files in releases for f in files} == {p.name for p in Z2JH.glob("*.yaml")}


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
]


def load_hub_config(path: Path) -> Config:
    return PyFileConfigLoader(path.name, path=str(path.parent)).load_config()


@pytest.mark.parametrize("example", HUB_CONFIGS)
def test_each_jupyterhub_config_sets_only_real_options_with_valid_values(example):
    from jupyterhub.app import JupyterHub

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
        "plain-jupyterhub/jupyterhub_config.py",
        "littlest-jupyterhub/hub-help.py",
    ],
)
def test_admin_discovery_scopes_are_granted_twice_and_exist(example):
    from jupyterhub.scopes import scope_definitions

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
    assert f"{bad}:$.statusPage" in failed.stdout


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

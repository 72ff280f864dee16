"""The Python checks give exactly the TypeScript layer's problems: same
order, same params, on every corpus case and on a few hundred documents
made by mutating the sample community's settings at random (fixed seed).

It compiles src/metadata with the project's TypeScript compiler and runs it
in Node, so it needs a source checkout after ``jlpm install``; it is skipped
otherwise. The corpus test says what the format requires; this one says the
two implementations do not drift apart where the corpus is silent.
"""

from __future__ import annotations

import copy
import json
import os
import random
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TSC = ROOT / "node_modules" / ".bin" / "tsc"
SAMPLE = ROOT / "demo" / "config" / "labconfig" / "default_setting_overrides.d" / "jupyterlab-hub-help.json"

pytestmark = pytest.mark.skipif(
    not (TSC.exists() and shutil.which("node") and (ROOT / "src" / "metadata").is_dir()),
    reason="needs Node.js and the TypeScript sources with their npm packages",
)

RUNNER = """
const { buildMetadata } = require(process.argv[2]);
const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(cases.map(c => {
  const inputs = {};
  if ('settings' in c) inputs.settings = c.settings;
  if ('remote' in c) inputs.remote = c.remote;
  const g = c.generate;
  if (g) {
    const t = inputs[g.target];
    const doc = typeof t === 'object' && t !== null && !Array.isArray(t) ? { ...t } : {};
    if (g.kind === 'large') doc.announcements = ['x'.repeat(g.chars)];
    else { let n = []; for (let i = 1; i < g.depth; i++) n = [n]; doc.tasks = n; }
    inputs[g.target] = doc;
  }
  return buildMetadata(inputs).problems.map(p => [p.source, p.path, p.code, p.severity, p.params]);
})));
"""


@pytest.fixture(scope="module")
def typescript(tmp_path_factory):
    out = tmp_path_factory.mktemp("metadata-js")
    subprocess.run(
        [
            str(TSC), "--outDir", str(out), "--rootDir", str(ROOT / "src"),
            "--module", "commonjs", "--target", "es2020", "--esModuleInterop",
            "--skipLibCheck", "--strict", "false", "--noEmitOnError", "false",
            "--declaration", "false", str(ROOT / "src" / "metadata" / "build.ts"),
        ],
        capture_output=True,
        cwd=ROOT,
    )
    build = out / "metadata" / "build.js"
    if not build.exists():
        pytest.skip("src/metadata did not compile")
    runner = out / "runner.js"
    runner.write_text(RUNNER)

    def run(cases):
        result = subprocess.run(
            ["node", str(runner), str(build)],
            input=json.dumps(cases),
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "NODE_PATH": str(ROOT / "node_modules")},
        )
        return json.loads(result.stdout)

    return run


def as_lists(problems):
    """Problems in the runner's form, to compare with what Node printed."""
    return [[p.source, p.path, p.code, p.severity, p.params] for p in problems]


def mutated_documents(count: int, seed: int = 12):
    """Settings (and sometimes a metadata URL document) made by replacing,
    removing, adding and repeating parts of the sample community's."""
    rng = random.Random(seed)
    base = json.loads(SAMPLE.read_text("utf-8"))["jupyterlab-hub-help:plugin"]
    hostile = json.loads((ROOT / "tests" / "corpus" / "hostile-text.json").read_text("utf-8"))
    words = hostile["links"][:40] + hostile["safeLinks"] + [
        "", "x", "a@b", "a@b\n", "Not An Id", "hub-administrator", "community-representative",
        "hub-engineer", "nobody", "constructor", "__proto__", "email", "url", "chat", "home",
        "info", "en", "english", "fr-CA", "2026-01-31T18:00:00Z", "2026-13-01", "metadataUrl",
        "commands", "restart-server", "hub:restart", "\u2028",
    ]
    keys = words + ["name", "text", "id", "roles", "url", "kind", "address", "label", "owner",
                    "title", "how", "command", "contact", "email", "recipient", "escalatesTo",
                    "acceptsFrom", "severity", "link"]

    def value(depth=0):
        r = rng.random()
        if r < 0.35:
            return rng.choice(words)
        if r < 0.45:
            return rng.choice([0, 1, -1, 2, 29, 30, 86400, 86401, 1.5, True, False, None])
        if r < 0.6 and depth < 3:
            return [value(depth + 1) for _ in range(rng.randint(0, 3))]
        if r < 0.8 and depth < 3:
            return {rng.choice(keys): value(depth + 1) for _ in range(rng.randint(0, 3))}
        return rng.choice(words)

    def paths(node, path=()):
        yield path
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for k, v in items:
            yield from paths(v, path + (k,))

    def mutate(doc):
        path = rng.choice(list(paths(doc))[1:])
        parent = doc
        for k in path[:-1]:
            parent = parent[k]
        key, r = path[-1], rng.random()
        if r < 0.5:
            parent[key] = value()
        elif r < 0.7:
            del parent[key]
        elif isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))
        else:
            parent[rng.choice(keys)] = value()

    for _ in range(count):
        settings = copy.deepcopy(base)
        for _ in range(rng.randint(1, 6)):
            mutate(settings)
        case = {"settings": settings}
        if rng.random() < 0.3:
            remote = copy.deepcopy(base)
            for _ in range(rng.randint(1, 6)):
                mutate(remote)
            case["remote"] = remote
            if rng.random() < 0.5:
                settings["metadataUrlMaySet"] = rng.sample(["metadataUrl", "adminDiscovery", "commands"], rng.randint(0, 3))
        yield case


def test_every_corpus_case(typescript, corpus_cases, case_problems):
    expected = typescript(list(corpus_cases.values()))
    differ = [
        name
        for (name, case), ts in zip(corpus_cases.items(), expected)
        if as_lists(case_problems(case)) != ts
    ]
    assert differ == []


def test_mutated_documents(typescript, case_problems):
    cases = list(mutated_documents(400))
    expected = typescript(cases)
    for case, ts in zip(cases, expected):
        assert as_lists(case_problems(case)) == ts, json.dumps(case)[:2000]

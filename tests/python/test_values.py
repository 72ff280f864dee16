"""zero-to-jupyterhub values: Helm's merge, and where the settings are found."""

from __future__ import annotations

import pytest

from jupyterlab_hub_help.validate.values import (
    ValuesError,
    find_blocks,
    helm_merge,
    is_values,
    load_yaml,
)

PLUGIN = "jupyterlab-hub-help:plugin"


def test_maps_merge_deeply_and_lists_are_replaced():
    merged, origins = helm_merge(
        [
            ("base.yaml", {"a": {"b": 1, "c": [1, 2], "d": {"e": 1}}, "keep": True}),
            ("hub.yaml", {"a": {"c": [3], "d": {"f": 2}}}),
            ("env.yaml", {"a": {"b": None}}),
        ]
    )
    assert merged == {"a": {"b": None, "c": [3], "d": {"e": 1, "f": 2}}, "keep": True}
    assert origins.file_at(["a", "b"]) == "env.yaml"
    assert origins.file_at(["a", "c", "0"]) == "hub.yaml"
    assert origins.file_at(["a", "d", "e"]) == "base.yaml"
    assert origins.file_at(["a", "d", "f"]) == "hub.yaml"
    assert origins.file_at(["keep"]) == "base.yaml"


def test_merging_leaves_the_files_values_alone():
    base = {"a": {"b": [1]}}
    merged, _ = helm_merge([("base.yaml", base), ("hub.yaml", {"a": {"c": 1}})])
    merged["a"]["b"].append(2)
    assert base == {"a": {"b": [1]}}


def test_a_file_that_is_not_a_map():
    with pytest.raises(ValuesError):
        helm_merge([("list.yaml", [1, 2])])


def test_blocks_in_the_chart_and_under_a_parent_chart():
    values = {
        "singleuser": {"extraFiles": {"a": {"data": {PLUGIN: {"hub": {"name": "A"}}}}}},
        "jupyterhub": {
            "singleuser": {
                "extraFiles": {
                    "other": {"data": {"x": 1}},
                    "b": {"data": {PLUGIN: {"hub": {"name": "B"}}}},
                }
            }
        },
    }
    blocks = find_blocks(values)
    assert [(b.keys, b.document) for b in blocks] == [
        (["singleuser", "extraFiles", "a", "data", PLUGIN], {"hub": {"name": "A"}}),
        (["jupyterhub", "singleuser", "extraFiles", "b", "data", PLUGIN], {"hub": {"name": "B"}}),
    ]


def test_yaml_reads_as_helm_reads_values():
    value = load_yaml(
        "start: 2026-06-10T08:00:00Z\nday: 2026-06-10\n1: one\ntrue: yes\nnull: ~\n"
    )
    # Dates stay the text written; keys become text.
    assert value == {"start": "2026-06-10T08:00:00Z", "day": "2026-06-10", "1": "one", "true": True, "null": None}


def test_yaml_that_contains_itself_is_refused():
    with pytest.raises(ValuesError):
        load_yaml("a: &a\n  b: *a\n")


def test_what_counts_as_values():
    assert is_values({"singleuser": {}})
    assert is_values({"jupyterhub": {}})
    assert is_values({"hub": {"config": {}}})
    assert not is_values({"hub": {"name": "A hub"}})
    assert not is_values({PLUGIN: {}, "singleuser": {}})

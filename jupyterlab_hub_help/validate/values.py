"""zero-to-jupyterhub values files: read, merged as Helm merges them, and
searched for the hub help settings.

Operators keep one values file for all their hubs and one per hub, and Helm
merges them (``helm upgrade -f base.yaml -f hub.yaml``): maps deeply, every
other value (lists included) replaced whole by the later file. The settings
reach the user's server as a settings overrides file mounted with
``singleuser.extraFiles.<name>.data["jupyterlab-hub-help:plugin"]`` (or its
``stringData`` holding the file's JSON), under a ``jupyterhub:`` key when
zero-to-jupyterhub is a dependency of the operator's own chart.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

import yaml

from .load import PLUGIN_ID
from .positions import Positions, of_yaml


class ValuesError(ValueError):
    """A values file that YAML cannot read, or that is not a map."""


class _Loader(yaml.SafeLoader):
    """YAML as Helm reads values: dates and times stay text (they reach the
    settings file as the strings the operator wrote)."""


    def construct_mapping(self, node, deep=False):
        """Keys become text as they are read: ``1:`` and ``true:`` are
        different keys for Helm, but the same one in a Python dict."""
        if not isinstance(node, yaml.MappingNode):
            raise yaml.constructor.ConstructorError(
                None, None, f"expected a mapping node, but found {node.id}", node.start_mark
            )
        self.flatten_mapping(node)
        mapping = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, (dict, list, set, tuple)):
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark,
                    "found a map or list as a key", key_node.start_mark,
                )
            mapping[_key(key)] = self.construct_object(value_node, deep=deep)
        return mapping


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str) -> Any:
    """One YAML document as JSON values; raises ValuesError."""
    return read_yaml(text)[0]


def read_yaml(text: str) -> Tuple[Any, Positions]:
    """One YAML document as JSON values, and where each value starts;
    raises ValuesError. Composed and constructed in two steps (as
    ``yaml.load`` does inside) to keep the node tree and its marks."""
    try:
        loader = _Loader(text)
        node = loader.get_single_node()
        value = to_json(loader.construct_document(node) if node is not None else None)
        return value, of_yaml(node, lambda key: _key(loader.construct_object(key, deep=True)))
    except yaml.YAMLError as error:
        raise ValuesError(str(error).replace("\n", " ")) from error
    except RecursionError as error:
        raise ValuesError("nested too deeply to read") from error


def _key(key: Any) -> str:
    """Keys as the YAML-to-JSON conversion Helm uses writes them."""
    if isinstance(key, bool):
        return "true" if key else "false"
    if key is None:
        return "null"
    return str(key)


def to_json(value: Any) -> Any:
    """Plain JSON values: text keys, sets as maps, binary as base64; a value
    that contains itself (a YAML alias to an ancestor) is refused."""
    ancestors: set = set()

    def convert(node: Any) -> Any:
        if isinstance(node, (dict, list, set, tuple)):
            if id(node) in ancestors:
                raise ValuesError("a YAML alias refers to a map or list that contains it")
            ancestors.add(id(node))
            try:
                if isinstance(node, dict):
                    return {_key(k): convert(v) for k, v in node.items()}
                if isinstance(node, set):
                    return {_key(k): None for k in node}
                return [convert(v) for v in node]
            finally:
                ancestors.discard(id(node))
        if isinstance(node, bytes):
            return base64.b64encode(node).decode("ascii")
        return node

    try:
        return convert(value)
    except RecursionError as error:
        raise ValuesError("nested too deeply to read") from error


@dataclass
class Origins:
    """Which file set each value of a merged tree: maps are merged key by
    key, anything else comes whole from one file."""

    file: str
    children: Dict[str, "Origins"] = field(default_factory=dict)

    def file_at(self, keys: List[str]) -> str:
        node = self
        for key in keys:
            child = node.children.get(key)
            if child is None:
                break
            node = child
        return node.file


def helm_merge(files: List[Tuple[str, Any]]) -> Tuple[dict, Origins]:
    """Merge values files in order, as Helm merges ``-f`` files."""
    merged: dict = {}
    origins = Origins(files[0][0] if files else "")
    for name, values in files:
        if values is None:
            continue
        if not isinstance(values, dict):
            raise ValuesError(f"{name} is not a map of values")
        _merge_into(merged, values, origins, name)
    return merged, origins


def _merge_into(base: dict, override: dict, origins: Origins, name: str) -> None:
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            child = origins.children.setdefault(key, Origins(name))
            _merge_into(base[key], value, child, name)
        else:
            base[key] = _copy(value)
            origins.children[key] = _origins_of(value, name)


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _origins_of(value: Any, name: str) -> Origins:
    if isinstance(value, dict):
        return Origins(name, {k: _origins_of(v, name) for k, v in value.items()})
    return Origins(name)


@dataclass
class Block:
    """Hub help settings found in values: where, and the document (or why
    its text could not be read)."""

    keys: List[str]
    document: Any = None
    error: Optional[str] = None


#: Where zero-to-jupyterhub's values sit: at the top, or under ``jupyterhub:``
#: when it is a dependency of the operator's own chart.
CHART_ROOTS: Tuple[List[str], ...] = ([], ["jupyterhub"])


def find_blocks(values: dict) -> List[Block]:
    """Every settings document mounted by ``singleuser.extraFiles``."""
    blocks: List[Block] = []
    for prefix in CHART_ROOTS:
        root: Any = values
        for key in prefix:
            root = root.get(key) if isinstance(root, dict) else None
        singleuser = root.get("singleuser") if isinstance(root, dict) else None
        extra = singleuser.get("extraFiles") if isinstance(singleuser, dict) else None
        if not isinstance(extra, dict):
            continue
        for name, entry in extra.items():
            if not isinstance(entry, dict):
                continue
            at = prefix + ["singleuser", "extraFiles", name]
            data = entry.get("data")
            if isinstance(data, dict) and PLUGIN_ID in data:
                blocks.append(Block(at + ["data", PLUGIN_ID], data[PLUGIN_ID]))
            text = entry.get("stringData")
            if isinstance(text, str) and PLUGIN_ID in text:
                try:
                    parsed = json.loads(text)
                except ValueError as error:
                    blocks.append(Block(at + ["stringData"], error=str(error)))
                    continue
                if isinstance(parsed, dict) and PLUGIN_ID in parsed:
                    blocks.append(Block(at + ["stringData", PLUGIN_ID], parsed[PLUGIN_ID]))
    return blocks


def is_values(document: Any) -> bool:
    """Whether a YAML document looks like zero-to-jupyterhub values rather
    than a settings document."""
    if not isinstance(document, dict) or PLUGIN_ID in document:
        return False
    hub = document.get("hub")
    return (
        "singleuser" in document
        or "jupyterhub" in document
        or (isinstance(hub, dict) and "config" in hub)
    )

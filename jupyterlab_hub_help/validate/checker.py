"""The schema check, with the errors Ajv would report, in Ajv's order.

The TypeScript layer turns Ajv's error list into problems, and which problem
a place gets depends on that list: the first error at a place wins, an error
inside a ``oneOf`` branch at the ``oneOf``'s own place is dropped, and errors
found before an enclosing object's are what makes it "emptied" later. So
this module runs ``jsonschema`` (Draft 7) and makes its errors match Ajv's:

- each schema's keywords are evaluated in Ajv's order (a fixed order by
  keyword group, not the order written in the file);
- ``additionalProperties: false`` reports each unknown key on its own;
- ``propertyNames`` reports the failing key, then its own error;
- a ``oneOf`` failure lists its branches' errors before its own;
- ``pattern`` uses JavaScript's regular expressions, ``uniqueItems`` Ajv's
  notion of a repeat, ``format`` the link checker (strings only).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Dict, Iterable, List, Optional

from jsonschema import Draft7Validator, ValidationError, validators

from .jsregex import compile_js
from .jsvalues import js_keys
from .links import is_date_time, is_document_url, is_safe_handle, is_safe_link
from .schema import load_data_schema

#: The schema's custom formats, checked by links.py.
FORMATS = {
    "hub-link": is_safe_link,
    "contact-handle": is_safe_handle,
    "document-url": is_document_url,
    "date-time": is_date_time,
}

# Ajv's evaluation order: keywords for any type first, then one group per
# data type, each in the order its vocabulary lists them.
_GENERIC = ["$ref", "const", "enum", "not", "anyOf", "oneOf", "allOf", "if", "then", "else"]
_GROUPS = {
    # format is also in Ajv's number group, but the formats here only
    # check strings: it runs in the string group's place.
    "number": ["maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum", "multipleOf"],
    "string": ["maxLength", "minLength", "pattern", "format"],
    # items and contains are registered "before" uniqueItems.
    "array": ["maxItems", "minItems", "additionalItems", "items", "contains", "uniqueItems"],
    "object": [
        "maxProperties",
        "minProperties",
        "required",
        "propertyNames",
        "additionalProperties",
        "dependencies",
        "properties",
        "patternProperties",
    ],
}
_SCHEMA_MAPS = {"properties", "definitions", "patternProperties", "dependencies"}
_SCHEMA_VALUES = {
    "items",
    "additionalItems",
    "additionalProperties",
    "propertyNames",
    "not",
    "if",
    "then",
    "else",
    "contains",
}
_SCHEMA_LISTS = {"allOf", "anyOf", "oneOf", "items"}


def ajv_ordered(schema: Any) -> Any:
    """The schema with each object's keywords in Ajv's evaluation order.

    A single ``type`` whose group has keywords in the schema is checked where
    that group runs (after the generic keywords); any other ``type`` first.
    """
    if not isinstance(schema, dict):
        return schema
    children: Dict[str, Any] = {}
    for key, value in schema.items():
        if key in _SCHEMA_MAPS and isinstance(value, dict):
            children[key] = {k: ajv_ordered(v) for k, v in value.items()}
        elif key in _SCHEMA_LISTS and isinstance(value, list):
            children[key] = [ajv_ordered(v) for v in value]
        elif key in _SCHEMA_VALUES:
            children[key] = ajv_ordered(value)
        else:
            children[key] = value
    order: List[str] = []
    type_ = children.get("type")
    late_type = isinstance(type_, str) and any(k in children for k in _GROUPS.get(type_, []))
    if "type" in children and not late_type:
        order.append("type")
    order += [k for k in _GENERIC if k in children]
    for group, keywords in _GROUPS.items():
        if late_type and group == type_:
            order.append("type")
        order += [k for k in keywords if k in children and k not in order]
    order += [k for k in children if k not in order]
    return {k: children[k] for k in order}


def _error(message: str, **params: Any) -> ValidationError:
    error = ValidationError(message)
    error.ajv_params = params  # type: ignore[attr-defined]
    return error


def _additional_properties(validator, additional, instance, schema):
    if not validator.is_type(instance, "object"):
        return
    known = schema.get("properties", {})
    patterns = [compile_js(p) for p in schema.get("patternProperties", {})]
    extras = [
        key
        for key in js_keys(instance)
        if key not in known and not any(p.search(key) for p in patterns)
    ]
    if isinstance(additional, dict):
        for extra in extras:
            yield from validator.descend(instance[extra], additional, path=extra)
    elif additional is False:
        for extra in extras:
            yield _error("must NOT have additional properties", additionalProperty=extra)


def _property_names(validator, names, instance, schema):
    if not validator.is_type(instance, "object"):
        return
    for key in js_keys(instance):
        errors = list(validator.descend(instance=key, schema=names))
        for error in errors:
            error.property_name = key  # type: ignore[attr-defined]
            yield error
        if errors:
            error = _error("property name must be valid", propertyName=key)
            error.property_name = key  # type: ignore[attr-defined]
            yield error


def _pattern(validator, pattern, instance, schema):
    if validator.is_type(instance, "string") and not compile_js(pattern).search(instance):
        yield _error(f'must match pattern "{pattern}"', pattern=pattern)


def _format(validator, format_, instance, schema):
    check = FORMATS.get(format_)
    if check and validator.is_type(instance, "string") and not check(instance):
        yield _error(f'must match format "{format_}"', format=format_)


def _required(validator, required, instance, schema):
    if not validator.is_type(instance, "object"):
        return
    for name in required:
        if name not in instance:
            yield _error(
                f"must have required property '{name}'", missingProperty=name
            )


def _unique_items(validator, unique, instance, schema):
    """Ajv's check: for items of scalar types, the last entries are indexed
    first and the first repeat found is reported; "__proto__" never counts as
    a repeat (it is not an own key of a JavaScript object)."""
    if not unique or not validator.is_type(instance, "array") or len(instance) < 2:
        return
    items = schema.get("items")
    types = items.get("type") if isinstance(items, dict) else None
    types = [types] if isinstance(types, str) else list(types or [])
    if types and not any(t in ("object", "array") for t in types):
        seen: Dict[Any, int] = {}
        for i in range(len(instance) - 1, -1, -1):
            item = instance[i]
            if not any(validator.is_type(item, t) for t in types):
                continue
            key = (type(item).__name__ if len(types) > 1 else "", item)
            if item == "__proto__":
                continue
            if key in seen:
                yield _error("must NOT have duplicate items")
                return
            seen[key] = i
        return
    for i in range(len(instance) - 1, 0, -1):
        for j in range(i - 1, -1, -1):
            if validator.evolve(schema={"const": instance[i]}).is_valid(instance[j]):
                yield _error("must NOT have duplicate items")
                return


_Validator = validators.extend(
    Draft7Validator,
    {
        "additionalProperties": _additional_properties,
        "propertyNames": _property_names,
        "pattern": _pattern,
        "format": _format,
        "required": _required,
        "uniqueItems": _unique_items,
    },
)


@dataclass
class SchemaError:
    """One error as Ajv reports it: the instance's keys (list indices as
    text, like a JSON pointer), the keyword, its params, whether it arose
    inside a ``oneOf`` branch (Ajv's schemaPath holds "oneOf"), and the
    property name for ``propertyNames``."""

    keys: List[str]
    keyword: str
    params: Dict[str, Any] = field(default_factory=dict)
    in_one_of: bool = False
    property_name: Optional[str] = None


class Checker:
    """The prepared schema and its validator."""

    def __init__(self, schema: dict):
        self.schema = ajv_ordered(schema)
        self.validator = _Validator(self.schema)

    def errors(self, document: Any) -> List[SchemaError]:
        out: List[SchemaError] = []
        self._flatten(self.validator.iter_errors(document), out)
        return out

    def _flatten(self, errors: Iterable[ValidationError], out: List[SchemaError]) -> None:
        for error in errors:
            if error.validator == "oneOf" and error.context:
                self._flatten(error.context, out)
            out.append(self._record(error))

    def _record(self, error: ValidationError) -> SchemaError:
        keyword = str(error.validator)
        params = dict(getattr(error, "ajv_params", {}))
        value = error.validator_value
        if keyword == "type":
            params["type"] = ",".join(value) if isinstance(value, list) else value
        elif keyword in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
            params["limit"] = value
        elif keyword == "enum":
            params["allowedValues"] = value
        elif keyword == "const":
            params["allowedValue"] = value
        return SchemaError(
            keys=[str(k) for k in error.absolute_path],
            keyword=keyword,
            params=params,
            in_one_of="oneOf" in self._ajv_schema_path(error),
            property_name=getattr(error, "property_name", None),
        )

    def _ajv_schema_path(self, error: ValidationError) -> str:
        """Ajv's schemaPath for the error: it starts again at each ``$ref``
        (a referenced definition is its own function, or inlined under the
        reference's name), so only the keywords since the last one count."""
        node: Any = self.schema
        segments = ["#"]
        for key in error.absolute_schema_path:
            while isinstance(node, dict) and "$ref" in node and key not in node:
                ref = node["$ref"]
                node = self._resolve(ref)
                segments = [ref]
            if isinstance(node, dict):
                node = node.get(key)
            elif isinstance(node, list) and isinstance(key, int) and key < len(node):
                node = node[key]
            else:
                node = None
            segments.append(str(key))
        return "/".join(segments)

    def _resolve(self, ref: str) -> Any:
        node: Any = self.schema
        for part in ref.lstrip("#").split("/")[1:]:
            part = part.replace("~1", "/").replace("~0", "~")
            node = node.get(part) if isinstance(node, dict) else None
        return node


@lru_cache(maxsize=4)
def get_checker(schema_file: Optional[str] = None) -> Checker:
    return Checker(load_data_schema(schema_file))

"""Load the package's data files (registries, patterns, gazetteer) once per process, validated.

Every data file is validated by a schema when it is loaded; a problem is a `DataFileError`
naming the file, the entry and the field, never a bare KeyError or re.error.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)


class DataFileError(ValueError):
    """A data file under generator/data/ is invalid: which file, which entry, what is wrong."""

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")

    @classmethod
    def from_validation(cls, source: str, entry: str, exc: ValidationError) -> "DataFileError":
        problems = "; ".join(f"field '{'.'.join(map(str, e['loc'])) or '(entry)'}': {e['msg']}" for e in exc.errors())
        return cls(source, f"{entry}: {problems}")


class _UniqueKeyLoader(yaml.SafeLoader):
    """PyYAML keeps the last of two equal keys silently; a data file or a sidecar must not."""


def _mapping_without_duplicates(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                "while reading a mapping", node.start_mark, f"found the key {key!r} twice", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_duplicates)


def parse_yaml(text: str) -> Any:
    """`yaml.safe_load`, except that a key given twice in one mapping is an error."""
    return yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass


def data_text(name: str) -> str:
    return (files("generator") / "data" / name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def load_yaml(name: str) -> Any:
    try:
        return parse_yaml(data_text(name))
    except yaml.YAMLError as exc:
        raise DataFileError(name, f"not valid YAML: {exc}") from None


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    try:
        return json.loads(data_text(name))
    except json.JSONDecodeError as exc:
        raise DataFileError(name, f"not valid JSON: {exc}") from None


def validated(name: str, model: type[M], data: Any = None) -> M:
    """A data file (or its already-parsed `data`) checked against its schema."""
    try:
        return model.model_validate(load_yaml(name) if data is None else data)
    except ValidationError as exc:
        raise DataFileError.from_validation(name, "entry", exc) from None

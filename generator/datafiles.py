"""Load the package's data files (registries, patterns, gazetteer) once per process, validated."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any

import yaml


def data_text(name: str) -> str:
    return (files("generator") / "data" / name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def load_yaml(name: str) -> Any:
    return yaml.safe_load(data_text(name))


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    return json.loads(data_text(name))

"""The data set as a Frictionless Data Package: `datapackage.json` at the root of the site
describes every download (the reports in CSV and JSON, per document, the texts in both
languages, the checksums of the raw files), with the data dictionary, the licence statement and
the archive's version, all from data/dataset.yaml.

The version is the program's and a fingerprint of the corpus (the sha256 of every raw file), so
two builds of the same reports carry the same version and any change of a raw file changes it.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from typing import Any, Iterable, Literal

from pydantic import BaseModel, ConfigDict, Field

from generator.datafiles import DataFileError, validated
from generator.exports import CSV_FIELDS, LIST_SEPARATOR
from generator.model import Report
from generator.textnorm import slugify
from generator.urls import URLS

SOURCE = "dataset.yaml"
PROFILE = "data-package"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Words(_Strict):
    vi: str = Field(min_length=2)
    en: str = Field(min_length=2)


class DataField(_Strict):
    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    type: Literal["string", "date", "array"]
    vi: str = Field(min_length=2)
    en: str = Field(min_length=2)
    list: bool = False  # in the CSV, several values joined with the list separator
    enum: tuple[str, ...] = ()
    pattern: str | None = None


class License(_Strict):
    name: str
    title: str
    path: str


class DatasetFile(_Strict):
    name: str = Field(pattern=r"^[a-z0-9-]+$")
    title: Words
    description: Words
    licenses: tuple[License, ...] = Field(min_length=1)
    rights: Words
    list_separator: str
    resources: dict[Literal["reports", "directive", "texts-vi", "texts-en", "raw-checksums"], Words]
    fields: dict[Literal["reports", "directive", "texts-vi", "texts-en"], tuple[DataField, ...]]


@lru_cache(maxsize=1)
def load_dataset() -> DatasetFile:
    """data/dataset.yaml, checked against what the downloads carry."""
    data = validated(SOURCE, DatasetFile)
    named = tuple(f.name for f in data.fields.get("reports", ()))
    if named != CSV_FIELDS:
        raise DataFileError(SOURCE, f"fields.reports must name the CSV columns in order: {', '.join(CSV_FIELDS)}")
    if data.list_separator != LIST_SEPARATOR:
        raise DataFileError(SOURCE, f"list_separator must be the one the CSV uses, {LIST_SEPARATOR!r}")
    if set(data.resources) - {"raw-checksums"} != set(data.fields):
        raise DataFileError(SOURCE, "every resource needs its fields, and every field list its resource")
    return data


def archive_version(reports: Iterable[Report]) -> str:
    """'0.1.0+corpus.3f9a2c1d07be': the program's version and the corpus fingerprint."""
    try:
        program = version("party-reports-archive")
    except PackageNotFoundError:  # run from a source tree that was never installed
        program = "0.0.0"
    digest = hashlib.sha256("\n".join(sorted(f"{r.id} {r.raw.sha256}" for r in reports)).encode()).hexdigest()
    return f"{program}+corpus.{digest[:12]}"


def table_schema(fields: Iterable[DataField], primary_key: str | None = "id") -> dict[str, Any]:
    """A Frictionless Table Schema: every field with its type, description and constraints."""
    described = []
    for f in fields:
        entry: dict[str, Any] = {"name": f.name, "type": f.type, "description": f.en, "description_vi": f.vi}
        constraints: dict[str, Any] = {}
        if f.enum:
            constraints["enum"] = list(f.enum)
        if f.pattern:
            constraints["pattern"] = f.pattern
        if f.name == "id" and primary_key:
            constraints["required"] = True
        if constraints:
            entry["constraints"] = constraints
        if f.list:
            entry["list_separator"] = LIST_SEPARATOR
        described.append(entry)
    schema: dict[str, Any] = {"fields": described, "missingValues": [""]}
    if primary_key:
        schema["primaryKey"] = [primary_key]
    return schema


def schema_files() -> dict[str, str]:
    """The two table schemas the CSV resources share (data/schema/*.json)."""
    data = load_dataset()
    reports = table_schema(data.fields["reports"])
    directive = table_schema(data.fields["reports"] + data.fields["directive"], primary_key=None)
    return {"data/schema/reports.json": _json(reports), "data/schema/directive-reports.json": _json(directive)}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1) + "\n"


def _resource(name: str, path: str, fmt: str, title: str, description: str, size: int, **extra: Any) -> dict[str, Any]:
    media = {"csv": "text/csv", "json": "application/json", "jsonl": "application/x-ndjson", "txt": "text/plain"}[fmt]
    return {"name": name, "path": path, "format": fmt, "mediatype": media, "encoding": "utf-8",
            "title": title, "description": description, "bytes": size, **extra}


def datapackage(files: dict[str, str | bytes], directive_ids: Iterable[str], reports: list[Report], site_url: str) -> str:
    """datapackage.json for the downloads in `files` (docs path -> content)."""
    data = load_dataset()

    def size(path: str) -> int:
        content = files[path]
        return len(content if isinstance(content, bytes) else content.encode("utf-8"))

    describe = data.resources
    resources = [
        _resource("reports", URLS.reports_csv, "csv", "Reports (CSV)", describe["reports"].en, size(URLS.reports_csv),
                  encoding="utf-8-sig", schema="data/schema/reports.json"),
        _resource("reports-json", URLS.reports_json, "json", "Reports (JSON)", describe["reports"].en, size(URLS.reports_json), type="json"),
    ]
    for lang in ("vi", "en"):
        path = URLS.texts(lang)
        resources.append(_resource(f"texts-{lang}", path, "jsonl", f"Texts ({lang})", describe[f"texts-{lang}"].en, size(path),
                                   compression="gz", schema=table_schema(data.fields[f"texts-{lang}"])))
    for directive_id in directive_ids:
        slug = slugify(directive_id)
        csv_path, json_path = URLS.directive_data(directive_id, "csv"), URLS.directive_data(directive_id, "json")
        text = f"{describe['directive'].en} ({directive_id})"
        resources.append(_resource(f"document-{slug}", csv_path, "csv", f"{directive_id} (CSV)", text, size(csv_path),
                                   encoding="utf-8-sig", schema="data/schema/directive-reports.json"))
        resources.append(_resource(f"document-{slug}-json", json_path, "json", f"{directive_id} (JSON)", text, size(json_path), type="json"))
    resources.append(_resource("raw-checksums", URLS.raw_sums, "txt", "SHA-256 of the raw files", describe["raw-checksums"].en,
                               size(URLS.raw_sums), type="text"))
    package = {
        "profile": PROFILE,
        "name": data.name,
        "title": data.title.en,
        "description": data.description.en,
        "version": archive_version(reports),
        "homepage": site_url,
        "licenses": [lic.model_dump() for lic in data.licenses],
        "rights": data.rights.en,
        "list_separator": LIST_SEPARATOR,
        "reports": len(reports),
        "resources": resources,
    }
    return _json(package)

"""Provinces (63 before 1 July 2025, 34 since) and districts, derived from `vietnamadminunits`.

`build_gazetteer_data()` reads the package's data and returns the compact table that is
committed as data/gazetteer.json (regenerate with `python -m generator gazetteer`; a test
checks that the committed file matches the installed package). Loading the compact file
keeps a build from parsing the package's 4 MB of ward data on every run.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, RootModel, ValidationError

from generator.datafiles import DataFileError, load_json, validated
from generator.model import ProvinceRef
from generator.textnorm import ascii_name, slugify
from generator.writing import atomic_write


class EnglishNames(RootModel[dict[str, str]]):
    """data/provinces_en.yaml: a province's English name where it is not simply its name without diacritics."""


def _package_json(name: str) -> dict[str, Any]:
    return json.loads((files("vietnamadminunits") / "data" / name).read_text(encoding="utf-8"))


def build_gazetteer_data() -> dict[str, Any]:
    legacy = _package_json("parser_legacy.json")
    current = _package_json("parser_from_2025.json")
    merged_into = _package_json("converter_2025.json")["DICT_PROVINCE"]  # new key -> [legacy keys]
    english = validated("provinces_en.yaml", EnglishNames).root

    new_of_legacy = {old: new for new, olds in merged_into.items() for old in olds}
    new_by_key = current["DICT_PROVINCE"]
    provinces = []
    for key, unit in legacy["DICT_PROVINCE"].items():
        new_unit = new_by_key[new_of_legacy[key]]
        name, new_name = unit["provinceShort"], new_unit["provinceShort"]
        provinces.append(
            {
                "code": unit["provinceCode"],
                "name": name,
                "full_name": unit["province"],
                "name_en": english.get(name, ascii_name(name)),
                "code_2025": new_unit["provinceCode"],
                "name_2025": new_name,
                "name_2025_en": english.get(new_name, ascii_name(new_name)),
            }
        )
    provinces.sort(key=lambda p: p["code"])
    code_of = {key: unit["provinceCode"] for key, unit in legacy["DICT_PROVINCE"].items()}
    district_provinces: dict[str, set[str]] = defaultdict(set)
    for province_key, districts in legacy["DICT_PROVINCE_DISTRICT"].items():
        for district in districts.values():
            district_provinces[district["districtShort"]].add(code_of[province_key])
    province_names = {p["name"] for p in provinces}
    districts_out = sorted(
        (
            {"name": name, "province_code": next(iter(codes))}
            for name, codes in district_provinces.items()
            if len(codes) == 1 and name not in province_names and not name.isdigit()
        ),
        key=lambda d: (d["province_code"], d["name"]),
    )
    return {"source": "vietnamadminunits (PyPI), legacy 63-province and 2025 34-province data", "provinces": provinces, "districts": districts_out}


def write_gazetteer_data() -> Path:
    """Regenerate the committed data/gazetteer.json from the installed package; returns its path."""
    target = Path(str(files("generator") / "data" / "gazetteer.json"))
    atomic_write(target, json.dumps(build_gazetteer_data(), ensure_ascii=False, indent=1) + "\n")
    return target


@dataclass(frozen=True)
class Province:
    code: str
    name: str
    full_name: str
    name_en: str
    code_2025: str
    name_2025: str
    name_2025_en: str

    @cached_property
    def slug(self) -> str:
        return slugify(self.name)

    @cached_property
    def _ref(self) -> ProvinceRef:
        return ProvinceRef(
            code=self.code, name=self.name, slug=self.slug, name_en=self.name_en,
            code_2025=self.code_2025, name_2025=self.name_2025, slug_2025=slugify(self.name_2025),
            name_2025_en=self.name_2025_en,
        )

    def ref(self) -> ProvinceRef:
        return self._ref  # frozen: one shared value per province


@dataclass(frozen=True)
class Gazetteer:
    provinces: tuple[Province, ...]
    districts: tuple[tuple[str, str], ...]  # (district name, province code), unique names only
    _by_code: dict[str, Province] = field(init=False, repr=False, compare=False)
    _by_slug: dict[str, Province] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_slug: dict[str, Province] = {}
        for p in self.provinces:  # the first province to carry a slug keeps it, as a scan in order would find
            for key in (p.slug, slugify(p.full_name), slugify(p.name_en)):
                by_slug.setdefault(key, p)
        object.__setattr__(self, "_by_code", {p.code: p for p in reversed(self.provinces)})
        object.__setattr__(self, "_by_slug", by_slug)

    def by_code(self, code: str) -> Province:
        return self._by_code[code]

    def by_name(self, name: str) -> Province | None:
        return self._by_slug.get(slugify(name))


class _ProvinceEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    code: str = Field(pattern=r"^\d{2}$")
    name: str
    full_name: str
    name_en: str
    code_2025: str = Field(pattern=r"^\d{2}$")
    name_2025: str
    name_2025_en: str


class _DistrictEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    province_code: str = Field(pattern=r"^\d{2}$")


class GazetteerFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    source: str
    provinces: tuple[_ProvinceEntry, ...] = Field(min_length=63, max_length=63)
    districts: tuple[_DistrictEntry, ...]


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    try:
        data = GazetteerFile.model_validate(load_json("gazetteer.json"))
    except ValidationError as exc:
        raise DataFileError.from_validation("gazetteer.json", "gazetteer", exc) from None
    return Gazetteer(
        provinces=tuple(Province(**p.model_dump()) for p in data.provinces),
        districts=tuple((d.name, d.province_code) for d in data.districts),
    )

"""The provincial outlets (data/outlets.yaml): every province's newspaper, portals and station, with
the domains, agency tags and marks they print, so that a report's source is named ("LSO" → Báo
Lạng Sơn) and its province recognised from them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel

from generator.datafiles import DataFileError, load_yaml, validated
from generator.gazetteer import Gazetteer, load_gazetteer
from generator.textnorm import compact_key

SOURCE = "outlets.yaml"
_DOMAIN = re.compile(r"(?<![a-z0-9.-])(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+(?:vn|com\.vn|org\.vn|gov\.vn|net\.vn))(?![a-z0-9-])")
_BAO_DOMAIN = re.compile(r"bao([a-z]+)\.(?:vn|com\.vn|org\.vn)$")


class Outlet(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    kind: Literal["newspaper", "portal", "party_portal", "broadcaster", "city_party", "city_paper", "landmark"]
    name: str = Field(min_length=2)
    domains: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()  # printed at the start of an item: "LSO-", "(QBĐT) -"
    marks: tuple[str, ...] = ()  # printed in the running text
    seen: str = Field(min_length=3)  # where each value was confirmed


class OutletsFile(RootModel[dict[str, tuple[Outlet, ...]]]):
    pass


@dataclass(frozen=True)
class Found:
    province: str  # gazetteer name
    outlet: Outlet | None
    evidence: str  # the tag or domain as it was found


@dataclass(frozen=True)
class OutletTable:
    by_province: dict[str, tuple[Outlet, ...]]
    gazetteer: Gazetteer

    @cached_property
    def _tags(self) -> dict[str, tuple[str, Outlet]]:
        return {tag.strip("() -").lower(): (province, outlet) for province, outlets in self.by_province.items()
                for outlet in outlets for tag in outlet.tags}

    @cached_property
    def _domains(self) -> dict[str, tuple[str, Outlet]]:
        return {domain.lower(): (province, outlet) for province, outlets in self.by_province.items()
                for outlet in outlets for domain in outlet.domains}

    def for_tag(self, tag: str) -> Found | None:
        """An agency tag ("LSO", "QBĐT", "Baonghean.vn") as its outlet and province."""
        found = self._tags.get(tag.strip("() -").lower())
        if found is None and "." in tag:
            return self.for_domain(tag.lower())
        return Found(found[0], found[1], tag) if found else None

    def for_domain(self, domain: str) -> Found | None:
        """A web domain (or a subdomain of one) as its outlet and province; "bao<province>.vn"
        names its province even when the table does not list it."""
        domain = domain.lower().removeprefix("www.")
        parts = domain.split(".")
        for i in range(len(parts) - 1):
            found = self._domains.get(".".join(parts[i:]))
            if found:
                return Found(found[0], found[1], domain)
        match = _BAO_DOMAIN.match(domain)
        if match:
            province = next((p for p in self.gazetteer.provinces if compact_key(p.name) == match.group(1)), None)
            if province:
                return Found(province.name, None, domain)
        return None

    def in_text(self, text: str) -> list[Found]:
        """Every outlet domain written in `text` ("Theo baohanam.com.vn", "(Baothanhhoa.vn) -")."""
        return [found for m in _DOMAIN.finditer(text.lower()) if (found := self.for_domain(m.group(1)))]


def parse_outlets(data: object, gazetteer: Gazetteer, source: str = SOURCE) -> OutletTable:
    table = validated(source, OutletsFile, data).root
    names = {p.name for p in gazetteer.provinces}
    for province in table:
        if province not in names:
            raise DataFileError(source, f"{province}: not a province's name as the gazetteer writes it")
    missing = sorted(p.name for p in gazetteer.provinces if p.name not in table)
    if missing:
        raise DataFileError(source, f"provinces missing: {', '.join(missing)}")
    return OutletTable(dict(table), gazetteer)


@lru_cache(maxsize=1)
def load_outlets() -> OutletTable:
    return parse_outlets(load_yaml(SOURCE), load_gazetteer())

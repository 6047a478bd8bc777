"""The directive registry (data/directives.yaml): one validated entry per central document."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from generator.datafiles import DataFileError, load_yaml
from generator.patterns import patterns
from generator.scanning import first_not_after
from generator.textnorm import fold, slugify
from generator.vocabulary import load_vocabulary


def name_pattern(name: str) -> re.Pattern[str]:
    """A document's name as a pattern over folded text, quotes and spacing free:
    'Cuộc vận động “Học tập và làm theo …”' also matches 'cuoc van dong hoc tap va lam theo …'."""
    first, *rest = re.findall(r"[a-z0-9]+", fold(name))
    separator = r"[\s\"'.,:-]*"
    return re.compile(first_not_after(first, "[a-z]") + "".join(separator + word for word in rest) + r"(?![a-z])[\"']?")


class RegistryError(DataFileError):
    def __init__(self, message: str):
        source, _, reason = message.partition(": ")
        super().__init__(source, reason)


class Issuer(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    vi: str
    en: str


class Directive(BaseModel):
    """A central document. `id` is unique; `symbol` repeats across terms (03-KH/TW ×3)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    symbol: str
    type: str
    issuer: str
    term: str
    plenum: int | None = Field(default=None, ge=1, le=20)
    date: dt.date | None = None
    title_vi: str | None = None
    title_en: str | None = None
    continues: str | None = None
    implements: str | None = None
    aliases: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    names: tuple[str, ...] = ()  # what texts call it instead of its number: the campaign it launched

    @field_validator("id")
    @classmethod
    def _id_starts_with_symbol(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("id must not be empty")
        return value

    @field_validator("symbol")
    @classmethod
    def _printed_symbol(cls, value: str) -> str:
        if not patterns().printed_symbol.match(value):
            raise ValueError(f"{value!r} is not a document symbol like 05-CT/TW (type codes and issuers: vocabulary.yaml)")
        return value

    @field_validator("type")
    @classmethod
    def _registry_type(cls, value: str) -> str:
        types = load_vocabulary().registry_types
        if value not in types:
            raise ValueError(f"{value!r} is not a registry document type ({', '.join(types)}; vocabulary.yaml)")
        return value

    @field_validator("term")
    @classmethod
    def _known_term(cls, value: str) -> str:
        if value not in load_vocabulary().term_number:
            raise ValueError(f"{value!r} is not a Party Congress term in vocabulary.yaml")
        return value

    @model_validator(mode="after")
    def _id_matches_symbol(self) -> "Directive":
        if not self.id.startswith(self.symbol):
            raise ValueError(f"id {self.id!r} must start with its symbol {self.symbol!r}")
        return self

    @property
    def slug(self) -> str:
        return slugify(self.id)

    @cached_property
    def folded_keywords(self) -> tuple[str, ...]:
        """The keywords as matched (folded, lower case)."""
        return tuple(fold(k) for k in self.keywords)

    @property
    def number(self) -> int:
        return int(self.symbol.split("-", 1)[0])

    @property
    def type_code(self) -> str:
        return self.symbol.split("-", 1)[1].split("/", 1)[0]

    @property
    def type_en(self) -> str:
        return load_vocabulary().type_en[self.type]


@dataclass(frozen=True)
class Registry:
    directives: tuple[Directive, ...]
    issuers: dict[str, Issuer]
    index: dict[str, Directive] = field(init=False, repr=False, compare=False)
    _by_symbol: dict[str, tuple[Directive, ...]] = field(init=False, repr=False, compare=False)
    _by_type_number: dict[tuple[str, int], tuple[Directive, ...]] = field(init=False, repr=False, compare=False)
    _by_plenum: dict[tuple[int, str], tuple[Directive, ...]] = field(init=False, repr=False, compare=False)
    name_patterns: tuple[tuple[re.Pattern[str], str], ...] = field(init=False, repr=False, compare=False)
    _continued_by: dict[str, tuple[Directive, ...]] = field(init=False, repr=False, compare=False)
    _implemented_by: dict[str, tuple[Directive, ...]] = field(init=False, repr=False, compare=False)
    folded_issuers: tuple[tuple[str, str], ...] = field(init=False, repr=False, compare=False)  # (code, folded vi name)

    def __post_init__(self) -> None:
        by_symbol: dict[str, list[Directive]] = defaultdict(list)
        by_type_number: dict[tuple[str, int], list[Directive]] = defaultdict(list)
        for d in self.directives:
            by_symbol[d.symbol.upper()].append(d)
            by_type_number[(d.type, d.number)].append(d)
        object.__setattr__(self, "index", {d.id: d for d in self.directives})
        object.__setattr__(self, "_by_symbol", {k: tuple(v) for k, v in by_symbol.items()})
        object.__setattr__(self, "_by_type_number", {k: tuple(v) for k, v in by_type_number.items()})
        by_plenum: dict[tuple[int, str], list[Directive]] = defaultdict(list)
        for d in self.directives:
            if d.plenum is not None and d.issuer == "BCHTW":
                by_plenum[(d.plenum, d.term)].append(d)
        object.__setattr__(self, "_by_plenum", {k: tuple(v) for k, v in by_plenum.items()})
        object.__setattr__(
            self, "name_patterns", tuple((name_pattern(name), d.id) for d in self.directives for name in d.names)
        )
        continued_by: dict[str, list[Directive]] = defaultdict(list)
        implemented_by: dict[str, list[Directive]] = defaultdict(list)
        for d in self.directives:  # in registry order, as the lists were read before
            if d.continues is not None:
                continued_by[d.continues].append(d)
            if d.implements is not None:
                implemented_by[d.implements].append(d)
        object.__setattr__(self, "_continued_by", {k: tuple(v) for k, v in continued_by.items()})
        object.__setattr__(self, "_implemented_by", {k: tuple(v) for k, v in implemented_by.items()})
        object.__setattr__(self, "folded_issuers", tuple((code, fold(issuer.vi)) for code, issuer in self.issuers.items()))

    def get(self, directive_id: str) -> Directive | None:
        return self.index.get(directive_id)

    def by_symbol(self, symbol: str) -> tuple[Directive, ...]:
        return self._by_symbol.get(symbol.upper(), ())

    def by_type_number(self, type_name: str, number: int) -> tuple[Directive, ...]:
        return self._by_type_number.get((type_name, number), ())

    def by_plenum(self, plenum: int, term: str) -> tuple[Directive, ...]:
        return self._by_plenum.get((plenum, term), ())

    def continued_by(self, directive_id: str) -> tuple[Directive, ...]:
        return self._continued_by.get(directive_id, ())

    def implemented_by(self, directive_id: str) -> tuple[Directive, ...]:
        return self._implemented_by.get(directive_id, ())


def parse_registry(entries: object, issuers: object, source: str = "directives.yaml") -> Registry:
    """Validate raw YAML data; errors name the entry and the field."""
    if not isinstance(issuers, dict):
        raise RegistryError("issuers.yaml: expected a mapping of code -> {vi, en}")
    issuer_models: dict[str, Issuer] = {}
    for code, value in issuers.items():
        try:
            issuer_models[code] = Issuer.model_validate(value)
        except ValidationError as exc:
            raise DataFileError.from_validation("issuers.yaml", f"issuer {code}", exc) from None
    if not isinstance(entries, list):
        raise RegistryError(f"{source}: expected a list of documents")
    directives: list[Directive] = []
    for index, entry in enumerate(entries):
        label = entry.get("id", f"#{index + 1}") if isinstance(entry, dict) else f"#{index + 1}"
        try:
            directive = Directive.model_validate(entry)
        except ValidationError as exc:
            problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'entry'}: {e['msg']}" for e in exc.errors())
            raise RegistryError(f"{source}: entry {label}: {problems}") from None
        if directive.issuer not in issuer_models:
            raise RegistryError(f"{source}: entry {label}: issuer {directive.issuer!r} is not in issuers.yaml ({', '.join(issuer_models)})")
        directives.append(directive)
    ids = [d.id for d in directives]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise RegistryError(f"{source}: duplicate ids: {', '.join(duplicates)}")
    known = set(ids)
    for d in directives:
        for relation in ("continues", "implements"):
            target = getattr(d, relation)
            if target is not None and target not in known:
                raise RegistryError(f"{source}: entry {d.id}: {relation} {target!r} is not in the registry")
    return Registry(directives=tuple(directives), issuers=issuer_models)


@lru_cache(maxsize=1)
def load_registry() -> Registry:
    return parse_registry(load_yaml("directives.yaml"), load_yaml("issuers.yaml"))

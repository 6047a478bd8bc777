"""The front matter of every generated report page: one schema, validated on write.

`python -m generator schema` prints it as JSON Schema for editors and other tools.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from generator.model import DateBasis

GENERATED_BY = "party-archive"
Precision = Literal["day", "month", "year"]
Level = Literal["high", "medium", "low"]


class ProvinceField(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(description="Province before the 1 July 2025 merger, as the report knew it")
    code: str = Field(pattern=r"^\d{2}$")
    name_2025: str = Field(description="Province the area belongs to since 1 July 2025")
    code_2025: str = Field(pattern=r"^\d{2}$")


class FindingField(BaseModel):
    model_config = ConfigDict(extra="forbid")
    field: str = Field(description="The metadata field the doubt is about")
    code: str = Field(pattern=r"^[a-z]+\.[a-z0-9_]+$", description="Stable code (generator/data/findings.yaml)")
    message: str


class MetaTag(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(pattern=r"^citation_[a-z_]+$", description="A Highwire Press tag (Zotero, Google Scholar)")
    content: str = Field(min_length=1)


Origin = Literal["extracted", "inferred", "editor"]


class ReportFrontMatter(BaseModel):
    """Front matter of docs/<lang>/reports/<report_id>.md."""

    model_config = ConfigDict(extra="forbid")

    generated_by: Literal["party-archive"] = Field(description="Marks a file the generator owns and may replace")
    report_id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", description="Raw file name without .txt; the permanent URL")
    lang: Literal["vi", "en"]
    title: str = Field(min_length=1, description="Title shown on this page")
    title_vi: str = Field(min_length=1)
    title_en: str | None = Field(description="English title, once an editor or translator has given one")
    title_derived: bool = Field(description="True when the raw text had no title line")
    translation: Literal["original", "editors", "machine", "partial", "pending"] = Field(
        description="'original' on the Vietnamese page; on the English page: translated by the editors, machine output, partly translated, or pending")
    date: str | None = Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="ISO date at its precision; empty when unknown")
    date_precision: Precision | None
    date_text: str | None = Field(description="The words the date was read from")
    date_basis: DateBasis | None = Field(description="How the date was found: written in the text; combined (the month, or day and month, written; the year from the text or the publication stamp); stamp (the page's publication stamp); inferred (a year worked out from the text); editor")
    province: ProvinceField | None
    implements: list[str] = Field(description="Registry ids, main document first")
    cites: list[str]
    local_documents: list[str] = Field(description="Provincial / district document numbers, scoped to the province")
    author: str | None
    source: str | None
    people: list[str] = Field(description="People the report names (with a title such as 'đồng chí')")
    source_file: str
    source_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    confidence: dict[str, Level] = Field(description="Per field: high, medium or low")
    editor_fields: list[str] = Field(description="Fields set by an editor in the sidecar file")
    findings: list[FindingField] = Field(description="Doubts for an editor to resolve, in this page's language")
    original_url: str | None = Field(default=None, pattern=r"^https?://\S+$", description="The original article (an editor's sidecar `url`)")
    retrieved: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="The day the raw file was saved")
    outlet: str | None = Field(default=None, description="The outlet that published the report, named from the outlet table")
    origins: dict[str, Origin] = Field(default_factory=dict, description="Per field: extracted from the text, inferred, or set by an editor")
    citation_meta: list[MetaTag] = Field(default_factory=list, description="Highwire citation_* meta tags of the page")


class IndexFrontMatter(BaseModel):
    model_config = ConfigDict(extra="forbid")
    generated_by: Literal["party-archive"]
    title: str
    lang: Literal["vi", "en"]
    search: dict[str, bool] | None = Field(
        default=None, description="Material's convention: {exclude: true} keeps a list page out of the search index")

"""The URL scheme: every generated file's path in docs/<lang>/ and every permanent URL, in one place.

Both sides of the site use the same paths, so the language switch keeps the reader on the same
page. A report's permanent URL is its raw file's name (`reports/<id>/`) and never depends on
extracted metadata.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.textnorm import slugify


@dataclass(frozen=True)
class UrlScheme:
    """Paths are docs-relative ("reports/<id>.md"); `url` turns one into a published URL."""

    home: str = "index.md"
    search: str = "search.md"
    about: str = "about.md"
    reports_index: str = "reports/index.md"
    directives_index: str = "directives/index.md"
    provinces_index: str = "provinces/index.md"
    years_index: str = "years/index.md"
    overview: str = "overview.md"
    reports_json: str = "data/reports.json"
    reports_csv: str = "data/reports.csv"
    facets: str = "data/facets.json"
    aliases: str = "data/aliases.json"
    feed: str = "feed.xml"
    parallel_view: str = "parallel.md"  # one page per side; the browser aligns both sides of ?report=<id>
    data_page: str = "data/index.md"
    datapackage: str = "datapackage.json"
    raw_sums: str = "raw/SHA256SUMS"

    def report(self, report_id: str) -> str:
        return f"reports/{report_id}.md"

    def parallel(self, report_id: str) -> str:
        """The parallel view of a report: the one parallel page, asked for that report."""
        return f"{self.parallel_view}?report={report_id}"

    def directive(self, directive_id: str) -> str:
        return f"directives/{slugify(directive_id)}.md"

    def directive_data(self, directive_id: str, extension: str) -> str:
        return f"data/directives/{slugify(directive_id)}.{extension}"

    def raw(self, report_id: str) -> str:
        """The raw file, byte for byte as it is kept in source_reports/ (on the root side only)."""
        return f"raw/{report_id}.txt"

    def texts(self, lang: str) -> str:
        return f"data/texts-{lang}.jsonl.gz"

    def province(self, slug: str) -> str:
        return f"provinces/{slug}.md"

    def province_2025(self, slug: str) -> str:
        return f"provinces/since-2025/{slug}.md"

    def year(self, year: str | None) -> str:
        return f"years/{year or 'undated'}.md"

    @staticmethod
    def province_section(role: str, province_slug: str) -> str:
        """The id of a document page's section on one province's reports in one role ("implements-ha-nam")."""
        return f"{role}-{province_slug or 'unknown'}"

    def url(self, side_url: str, path: str) -> str:
        """The published URL of a docs path on the side rooted at `side_url` (MkDocs directory URLs)."""
        root = side_url.rstrip("/") + "/"
        if path.endswith("index.md"):
            return root + path[: -len("index.md")]
        if path.endswith(".md"):
            return root + path[: -len(".md")] + "/"
        return root + path

    def permanent_url(self, side_url: str, report_id: str) -> str:
        return self.url(side_url, self.report(report_id))

    def href(self, from_path: str, to_path: str, fragment: str = "") -> str:
        """Relative link between the published pages of two docs paths, for raw HTML and SVG (which
        MkDocs does not rewrite): 'overview.md' -> 'provinces/ha-nam.md' is '../provinces/ha-nam/'."""
        start = self.url("/", from_path).split("/")[1:-1]
        target = self.url("/", to_path).split("/")[1:]
        common = 0
        while common < len(start) and common < len(target) - 1 and start[common] == target[common]:
            common += 1
        link = "/".join([".."] * (len(start) - common) + target[common:]) or "./"
        return f"{link}#{fragment}" if fragment else link

    def root_href(self, from_path: str, to_path: str, prefix: str) -> str:
        """A link from a page of the side at `prefix` ("" or "en/") to a file published once, on
        the root side (the raw files and the data set): relative to the built page's URL."""
        page_url = self.url("", from_path).lstrip("/") if from_path.endswith(".md") else from_path
        depth = page_url.count("/") + prefix.count("/")
        return "../" * depth + to_path

    @staticmethod
    def relative(from_path: str, to_path: str) -> str:
        """Relative link between two docs paths ('reports/a.md' -> 'directives/b.md' is '../directives/b.md')."""
        start = from_path.split("/")[:-1]
        target = to_path.split("/")
        common = 0
        while common < len(start) and common < len(target) - 1 and start[common] == target[common]:
            common += 1
        return "/".join([".."] * (len(start) - common) + target[common:])


URLS = UrlScheme()

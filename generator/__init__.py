"""Turn raw scraped Vietnamese provincial Party reports into a bilingual MkDocs archive.

The pipeline flows one way, a module per stage:

    reading    raw bytes      -> RawReport (NFC text, or a ReportError naming the file)
    cleaning   RawReport      -> CleanedText (blocks: headings, paragraphs, captions; byline, source)
    extraction CleanedText    -> Metadata (each field with its evidence, confidence and warnings)
    overrides  Metadata       -> Metadata with an editor's sidecar corrections applied
    rendering  Report         -> Markdown pages (vi and en) and index pages
    writing    pages          -> docs/ (atomic writes, never over a hand-written file)
    site       docs/          -> site/ (two plain MkDocs builds: vi at /, en at /en/)
"""

__version__ = "0.1.0"

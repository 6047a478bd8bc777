"""Machine translation for new reports: pluggable backends that write into the PO file.

Backends: `argos` (offline, Argos Translate with its vi→en package) and `http` (any
OpenAI-compatible chat-completions server: a local llama.cpp / vLLM / Ollama server or a hosted
one). Document numbers and dates are replaced by placeholders before translation and restored
after, so a model cannot garble them; the glossary goes into the prompt. Output is marked as
machine translation in the PO (flag `machine`) and on the page, until an editor reviews it.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Protocol

import polib

from generator import directive_patterns as pat
from generator.glossary import Glossary
from generator.model import Report
from generator.patterns import patterns
from generator.segments import Segment, report_segments
from generator.translation_memory import (
    MACHINE_FLAG,
    QA_COMMENT,
    entry_status,
    find_entry,
    open_catalog,
    record_machine,
    save_catalog,
)
from generator.translation_qa import check_segment

_PLACEHOLDER = "⟦{}⟧"


class MachineTranslationUnavailable(Exception):
    """The backend cannot run here; the message says how to install or start it."""


class MachineTranslationError(Exception):
    """The backend ran but its answer cannot be used."""


class Backend(Protocol):
    name: str

    def translate(self, text: str, glossary: list[tuple[str, str]]) -> str: ...


def protect(text: str) -> tuple[str, dict[str, str]]:
    """Replace document numbers and full dates with placeholders ⟦1⟧, ⟦2⟧ …"""
    prepared, pats = pat.prepare(text), patterns()
    spans = [m.span() for m in pats.symbol.finditer(prepared)] + [m.span() for m in pats.full_date.finditer(prepared)]
    mapping: dict[str, str] = {}
    out, last = [], 0
    for start, end in sorted(set(spans)):
        if start < last:
            continue
        key = _PLACEHOLDER.format(len(mapping) + 1)
        mapping[key] = text[start:end]
        out += [text[last:start], key]
        last = end
    out.append(text[last:])
    return "".join(out), mapping


def restore(text: str, mapping: dict[str, str]) -> str:
    missing = [k for k in mapping if k not in text]
    if missing:
        raise MachineTranslationError(f"the translation dropped {', '.join(mapping[k] for k in missing)}")
    for key, value in mapping.items():
        text = text.replace(key, value)
    return text


@dataclass
class OpenAICompatibleBackend:
    base_url: str
    model: str
    api_key: str | None = None
    timeout: float = 120.0

    @property
    def name(self) -> str:
        return f"http {self.model}"

    def translate(self, text: str, glossary: list[tuple[str, str]]) -> str:
        terms = "\n".join(f"- {vi} → {en}" for vi, en in glossary)
        system = (
            "You translate Vietnamese Communist Party reports into English for a research archive. "
            "Translate completely and faithfully: no summary, no omission, no comment. Keep every number; "
            "write numbers in English style (40.539 → 40,539; 98,1% → 98.1%). Keep Vietnamese personal and place "
            "names with their diacritics. Copy every placeholder such as ⟦1⟧ unchanged. Use these renderings:\n" + terms
        )
        body = json.dumps({
            "model": self.model,
            "temperature": 0,
            "messages": [{"role": "system", "content": system}, {"role": "user", "content": text}],
        }).encode()
        request = urllib.request.Request(
            self.base_url.rstrip("/") + "/chat/completions", data=body, method="POST",
            headers={"Content-Type": "application/json", **({"Authorization": f"Bearer {self.api_key}"} if self.api_key else {})},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                payload = json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")[:300]
            raise MachineTranslationError(f"{self.base_url}: HTTP {exc.code}: {detail}") from None
        except urllib.error.URLError as exc:
            raise MachineTranslationUnavailable(
                f"cannot reach {self.base_url} ({exc.reason}): start an OpenAI-compatible server (llama.cpp server, "
                "vLLM, Ollama …) and pass its address with --url, or use a hosted one with --api-key-env"
            ) from None
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise MachineTranslationError(f"{self.base_url}: the answer is not JSON: {exc}") from None
        try:
            return str(payload["choices"][0]["message"]["content"]).strip()
        except (KeyError, IndexError, TypeError):
            raise MachineTranslationError(f"{self.base_url}: no choices[0].message.content in the answer") from None


class ArgosBackend:
    """Offline Argos Translate. Its vi→en model is a separate package that must be installed first."""

    name = "argos vi→en"

    def __init__(self) -> None:
        try:
            import argostranslate.translate as argos  # type: ignore[import-not-found]
        except ImportError:
            raise MachineTranslationUnavailable(
                "Argos Translate is not installed: `pip install argostranslate`, then install its Vietnamese→English "
                "model with `argospm update && argospm install translate-vi_en` (this downloads the model, so run it "
                "on a machine with internet access)"
            ) from None
        languages = {lang.code: lang for lang in argos.get_installed_languages()}
        translation = languages["vi"].get_translation(languages["en"]) if "vi" in languages and "en" in languages else None
        if translation is None:
            raise MachineTranslationUnavailable(
                "Argos Translate has no Vietnamese→English model: run `argospm update && argospm install translate-vi_en`"
            )
        self._translation = translation

    def translate(self, text: str, glossary: list[tuple[str, str]]) -> str:
        return str(self._translation.translate(text))


def translate_missing(po: polib.POFile, segments: list[Segment], backend: Backend, glossary: Glossary) -> tuple[int, list[str]]:
    """Machine-translate every segment with no English yet. Output failing QA is kept but marked
    fuzzy (never published) with the reasons in a comment. Returns (translated, problems)."""
    done, problems = 0, []
    for segment in segments:
        entry = find_entry(po, segment)
        if entry is None or entry_status(entry) != "missing":
            continue
        protected, mapping = protect(segment.text)
        terms = [(t.vi, t.en) for t in glossary.terms_in(segment.text)]
        text = restore(backend.translate(protected, terms), mapping)
        record_machine(po, segment, text, backend.name)
        reasons = check_segment(segment.text, text, glossary)
        if reasons:
            entry.flags.append("fuzzy")
            entry.tcomment += QA_COMMENT + "; ".join(reasons)
            problems += [f"{segment.label}: {r}" for r in reasons]
        done += 1
    return done, problems


@dataclass(frozen=True)
class TranslatedReport:
    report_id: str
    path: Path  # its PO file
    segments: int  # segments machine-translated now
    held_back: list[str]  # QA problems of output kept as fuzzy


def translate_reports(reports: list[Report], translations_dir: Path, backend: Backend, glossary: Glossary) -> Iterator[TranslatedReport]:
    """Machine-translate the untranslated segments of each report into its PO file (saved only
    when something changed). Raises MachineTranslationUnavailable / MachineTranslationError."""
    for report in reports:
        segments = report_segments(report)
        po, path, changed = open_catalog(translations_dir, report.id, segments)
        done, problems = translate_missing(po, segments, backend, glossary)
        if changed or done:
            save_catalog(po, path)
        yield TranslatedReport(report.id, path, done, problems)


def make_backend(name: str, url: str | None, model: str | None, api_key: str | None) -> Backend:
    """`argos` (offline) or `http` (an OpenAI-compatible server at `url` serving `model`)."""
    if name == "argos":
        return ArgosBackend()
    if not url or not model:
        raise MachineTranslationUnavailable("--backend http needs --url and --model")
    return OpenAICompatibleBackend(url, model, api_key)


__all__ = ["ArgosBackend", "Backend", "MACHINE_FLAG", "MachineTranslationError", "MachineTranslationUnavailable",
           "OpenAICompatibleBackend", "make_backend", "protect", "restore", "translate_missing", "translate_reports"]

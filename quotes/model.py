"""Plain dataclasses that flow through the pipeline: read → clean → extract → resolve → score → store."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Article:
    """One article. ``paragraphs`` keep their indices: a dropped paragraph becomes ``""``."""

    id: str
    source: str
    title: str
    paragraphs: list[str]
    outlet: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD, or None when unknown
    url: str | None = None
    content_hash: str = ""

    @property
    def text(self) -> str:
        return "\n\n".join(p for p in self.paragraphs if p)


@dataclass
class Quote:
    """A reported statement. ``text == paragraph_text[start:end]`` always holds."""

    article_id: str
    source: str
    paragraph: int
    start: int
    end: int
    kind: str  # direct | indirect | mixed
    text: str
    cue: str  # the verb or preposition as written
    cue_lemma: str
    cue_class: str  # speech | cognition | selon
    mention: str | None  # the speaker as written
    mention_start: int = -1  # offsets of the mention in the same paragraph, -1 when elsewhere
    mention_end: int = -1
    speaker: str | None = None  # the resolved, canonical speaker
    speaker_resolved: bool = False
    outlet: str | None = None
    published: str | None = None
    title: str = ""
    cue_start: int = -1  # offsets of the cue in the same paragraph, -1 when elsewhere
    cue_end: int = -1
    part: int = 0  # 0 for a quote; 1, 2 … for the continued paragraphs of a long quotation
    targets: list[str] = field(default_factory=list)
    stance: list[dict[str, Any]] = field(default_factory=list)
    frame: str | None = None

    @property
    def id(self) -> str:
        return f"{self.article_id}:{self.paragraph}:{self.start}"

    def copy(self) -> Quote:
        """A shallow copy, for a stage that fills fields (six times faster than ``copy.copy``;
        ``dataclasses.replace`` runs ``__init__`` again)."""
        out = object.__new__(Quote)
        out.__dict__ = self.__dict__.copy()
        return out

    def to_dict(self) -> dict[str, Any]:
        """The fields by name (a shallow copy: ``dataclasses.asdict`` deep-copies every stance
        dict and costs as much as writing the batch)."""
        return dict(vars(self))

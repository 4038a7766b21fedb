"""What the extraction tests share: extract a text as a report, and read each event's participants."""

from __future__ import annotations

import pyarrow as pa

from transforms.document import Document
from transforms.extract import extract_document
from transforms.people import PeopleContext, find_mentions
from transforms.readers import read_document
from transforms.reference import Reference


def extract_text(text: str, ref: Reference, name: str | None = None) -> dict[str, pa.Table]:
    """The tables of `text` as one report: read as the file `name` (its format from the name), or as plain
    text already normalised when no name is given."""
    doc = read_document(name, text.encode()) if name else Document(text=text, format="txt", source_text=text)
    return extract_document(doc, ref, file_id="f1", report_id="r1", file_name=name or "")


def participants_per_event(tables: dict[str, pa.Table], *fields: str) -> list[list[tuple]]:
    """Per event, in event order: the sorted (canonical name, then `fields` of the link: "country",
    "title") of each participant."""
    names = {p["participant_id"]: p["canonical_name"] for p in tables["participants"].to_pylist()}
    by_event: dict[str, list[tuple]] = {}
    for link in tables["event_participants"].to_pylist():
        by_event.setdefault(link["event_id"], []).append(
            (names[link["participant_id"]], *(link[f] for f in fields)))
    return [sorted(by_event.get(e["event_id"], [])) for e in tables["events"].to_pylist()]


def chronology_events(body: str, ref: Reference) -> list[dict]:
    """The events of `body`, chronology lines ("July 9, 2024: …") under a "Chronology" heading."""
    return extract_text(f"Chronology\n\n{body}\n", ref)["events"].to_pylist()


def one_chronology_event(sentence: str, ref: Reference, day: str = "July 9, 2024") -> dict:
    """The one event of `sentence` as a chronology entry of `day` (fails when it gives none or several)."""
    events = chronology_events(f"{day}: {sentence}", ref)
    assert len(events) == 1, [e["text"] for e in events]
    return events[0]


def chronology_people(body: str, ref: Reference, head: str = "Chronology") -> list[list[tuple]]:
    """Per event: (canonical name, country) of each participant, for chronology lines under `head`."""
    return participants_per_event(extract_text(f"{head}\n\n{body}\n", ref), "country")


def mention_names(text: str, ref: Reference) -> list[str]:
    """The names of the people `text` mentions, as written (no report context)."""
    return [m.name for m in find_mentions(text, ref, PeopleContext())]

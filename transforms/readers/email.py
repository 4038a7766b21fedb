"""The body of an e-mail: in a forwarded or replied thread the quoted messages are text too, each under the
day its sender wrote it; signatures, confidentiality notices and the separators between messages are not."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# A reply's or forward's subject: "RE: …", "FW: RE: …", "Fwd: …", "AW: …".
_THREAD_SUBJECT = re.compile(r"^\s*(?:\[[^\]]*\]\s*)?(?:RE|FWD?|AW|WG|TR|RV)\s*:", re.I)
_SEPARATOR = re.compile(r"^\s*-{2,}\s*(?:Original Message|Forwarded message|Begin forwarded message)\b.*$", re.I)
QUOTE_MARKS = re.compile(r"^\s{0,3}(?:>\s?)+")
# "On Tue, 4 Mar 2025 at 09:12, Jane Roe <jane@x.org> wrote:", "On 4 Mar 2025, at 09:12, Jane Roe wrote:",
# "On Tue, Mar 4, 2025 at 9:12 AM Jane Roe wrote:": the day (and time) the quoted message was written.
_ATTRIBUTION = re.compile(r"^On\s+(?P<when>[^<>@]{6,40}?\b(?:19|20)\d\d(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d\d"
                          r"(?:\s*[AaPp]\.?[Mm]\.?)?)?)\s*,?\s+[^\n]{0,200}?\bwrote:\s*$")
# An inner message's header after a separator ("From: …", "Sent: Tuesday, 4 March 2025 09:12").
_INNER_HEADER = re.compile(r"^(?P<key>From|Sent|Date|To|Cc|Bcc|Subject|Attachments|Importance):[ \t]*(?P<value>.*)$",
                           re.I)
# A message's field line that dates what follows it: a pasted readout's "Date/time: 3 March 2025, 16:30 GMT".
_DATE_FIELD = re.compile(r"^(?:Date(?:\s*/\s*time)?|Date and time)\s*:\s*(?P<when>[^|;]{6,60}?)\s*(?:\||;|$)", re.I)
# A signature's lines: "Jane Roe | Desk Officer | Europe Department", "T: +44 20 7008 1234", "M: 0770 …".
_PHONE = re.compile(r"^(?:T|M|F|Tel|Mob|Mobile|Phone|Fax|Direct|Office)\.?\s*:\s*\+?[\d(]", re.I)
# A legal footer: from its first line to the next blank line.
_NOTICE = re.compile(r"^\W*(?:CONFIDENTIALITY NOTICE|CONFIDENTIALITY|DISCLAIMER|NOTICE|This (?:e-?mail|message) "
                     r"and any attachments?)\b", re.I)


def is_thread(subject: str, source: str) -> bool:
    """Whether a message forwards or answers earlier ones (a newsletter quoting its last issue does not)."""
    return _THREAD_SUBJECT.match(subject) is not None or _SEPARATOR.search(source[:20000]) is not None or (
        "wrote:" in source and any(_ATTRIBUTION.match(ln.strip()) for ln in source.splitlines() if "wrote:" in ln))


# A handling marking on a line of its own: "OFFICIAL", "OFFICIAL-SENSITIVE", "UNCLASSIFIED".
_MARKING = re.compile(r"^(?:OFFICIAL|UNCLASSIFIED|RESTRICTED|CONFIDENTIAL|SECRET|INTERNAL)(?:\s*[-–]\s*[A-Z]+)?$")


def _furniture(text: str) -> bool:
    """A signature's contact or name-and-title line, or a handling marking."""
    if not text or len(text) > 160:
        return False
    if _PHONE.match(text) or (text.isupper() and _MARKING.match(text)):
        return True
    cells = text.split(" | ")
    return len(cells) > 1 and text[:1] != "|" and text[-1:] != "." and all(len(c) <= 70 for c in cells)


# A sign-off: "Thanks,", "Best regards," (the sender's name under it), or the sender's name alone ("Tom").
_SIGN_OFF = re.compile(r"^(?:(?:Many )?Thanks|Thank you|(?:Best|Kind|Warm)(?: regards| wishes)?|Regards|Cheers|"
                       r"Yours(?: sincerely)?|BR)\s*[,.!]?$", re.I)
_NAME_ONLY = re.compile(r"^[A-Z][a-z’'-]+(?: [A-Z][a-z’'-]+){0,2}$")


def thread_lines(lines: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    """A thread's body lines, as thread_body gives them, without the sign-offs ("Thanks,\nHannah", "Tom"):
    no text of the message, and a name on a line of its own would pass for a heading."""
    out = list(thread_body(lines))
    for k, (line, off) in enumerate(out):
        text = line.strip()
        if not text or len(text) > 40:
            continue
        alone = (k == 0 or not out[k - 1][0].strip()) and (k + 1 == len(out) or not out[k + 1][0].strip())
        if _SIGN_OFF.match(text) or (alone and _NAME_ONLY.match(text)):
            out[k] = ("", off)
            if k + 1 < len(out) and _NAME_ONLY.match(out[k + 1][0].strip()):
                out[k + 1] = ("", out[k + 1][1])
    return out


def thread_body(lines: Iterable[tuple[str, int]]) -> Iterator[tuple[str, int]]:
    """A thread's body lines, (line, offset) as read: quoted lines without their ">" marks, each quoted message
    opened by its own day on a line of its own (so "yesterday" in it counts from that day), furniture as blank
    lines (the lines around it stay apart)."""
    depth = 0
    in_notice = in_header = False
    for line, off in lines:
        marks = QUOTE_MARKS.match(line)
        level = marks.group().count(">") if marks else 0
        if marks:
            line, off = line[marks.end():], off + marks.end()
        text = line.strip()
        if level != depth:
            depth, in_header = level, False
            yield "", off  # another message's text
        if not text:
            in_notice = in_header = False
            yield "", off
            continue
        if in_notice or _NOTICE.match(text) or set(text) <= set("*-=_~ "):
            in_notice = in_notice or not set(text) <= set("*-=_~ ")
            yield "", off
            continue
        if _SEPARATOR.match(text):
            in_header = True  # an Outlook-style forward: the quoted message's own header follows
            yield "", off
            continue
        if in_header and (h := _INNER_HEADER.match(text)):
            # "Sent: …" stays, as the line that dates the message under it; the other keys are no text
            yield from _stamp(line, off, 0, len(line)) if h["key"].lower() == "sent" else [("", off)]
            continue
        in_header = False
        if "wrote:" in text and _ATTRIBUTION.match(text):
            yield from _stamp(line, off, 0, len(line))  # "On <day>, X wrote:": the day of the message under it
            continue
        if text[:4].lower() == "date" and (d := _DATE_FIELD.match(text)):
            lead = len(line) - len(line.lstrip())
            yield from _stamp(line, off, lead + d.start("when"), lead + d.end("when"))
            continue
        yield ("", off) if _furniture(text) else (line, off)


def _stamp(line: str, off: int, start: int, end: int) -> Iterator[tuple[str, int]]:
    """A message's day (and time) as a line of its own, between blank lines: the stamp its text is dated by."""
    yield "", off
    yield line[start:end], off + start
    yield "", off + end

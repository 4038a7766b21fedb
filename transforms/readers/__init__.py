"""Readers: bytes of a report (txt, md, html, pdf) -> one normalized `Document`.

    read_document(name, data) -> Document     detect the format and dispatch
    detect_format(name, data) -> str          "txt" | "md" | "html" | "pdf"
    ReaderError(ValueError)                   unreadable input (empty, binary, encrypted, no text)
"""

from __future__ import annotations

import re

from transforms.document import Document
from transforms.readers._common import ReaderError

__all__ = ["FORMATS", "ReaderError", "detect_format", "read_document"]

FORMATS = ("txt", "md", "html", "pdf")
_EXTENSIONS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html",
               ".htm": "html", ".xhtml": "html", ".pdf": "pdf"}
_HTML_SNIFF = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S
)


def detect_format(name: str, data: bytes) -> str:
    """Format of a report: the `%PDF-` magic wins, then the file extension, then sniffing
    (`<!doctype html` / `<html`, Markdown markup), else plain text."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf")
    if head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    lower = name.lower()
    for ext, fmt in _EXTENSIONS.items():
        if lower.endswith(ext):
            return fmt
    if _HTML_SNIFF.match(head):
        return "html"
    from transforms.readers.text import looks_like_markdown

    if looks_like_markdown(data[:200_000].decode("utf-8", "replace")):
        return "md"
    return "txt"


def read_document(name: str, data: bytes) -> Document:
    """Read one report. Raises ReaderError (a ValueError) when it has no readable text."""
    if not data or not data.strip():
        raise ReaderError(f"{name or 'input'}: empty file")
    fmt = detect_format(name, data)
    if fmt == "pdf":
        from transforms.readers.pdf import read_pdf

        return read_pdf(data, name=name)
    if fmt == "html":
        from transforms.readers.html import read_html

        return read_html(data, name=name)
    from transforms.readers.text import read_text

    return read_text(data, name=name, fmt=fmt)

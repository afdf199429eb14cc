# SPDX-License-Identifier: Apache-2.0
"""hrnews: human-rights news items, campaigns and taxonomies, read from and
written to RSS, Atom, JSON Feed and the canonical hrnews formats by a C++ core.

    >>> import hrnews
    >>> coll = hrnews.parse("feed.xml")          # a path, bytes, text or a file object
    >>> coll.title, len(coll.items), coll.diagnostics
    >>> coll.to("atom"); coll.save("out.jsonl"); coll.to_pandas()

Every model type is a class here (``hrnews.Article(id=..., title=...)``) with
snake_case attributes, ``==``, ``copy``, ``pickle`` and a ``repr`` that reads like a
constructor call. Errors in the input raise :class:`ParseError` (a ``ValueError``).
"""

from __future__ import annotations

import os
from typing import IO, Optional, Union

from ._hrnews import (
    FORMAT_VERSION,
    RECORD_COLUMNS,
    Addressee,
    Article,
    Attachment,
    Campaign,
    CampaignStatus,
    CaseReference,
    CaseScheme,
    CaseStatus,
    Category,
    Collection,
    Diagnostic,
    Event,
    Feed,
    FormatInfo,
    GeoPoint,
    Intervention,
    InterventionType,
    LanguageGuess,
    Limits,
    Link,
    Mapping,
    MappingKind,
    ParseError,
    Party,
    PartyKind,
    Person,
    Precision,
    Relation,
    RelationType,
    Scheme,
    Severity,
    Taxonomy,
    Term,
    TermRef,
    Text,
    TextType,
    Timestamp,
    Victim,
    __version__,
    builtin_scheme_ids,
    builtin_taxonomy,
    classify_label,
    country_alpha3,
    country_from_alpha3,
    detect_format,
    find_case_references,
    formats,
    identify_language,
    library_version,
    normalize_label,
    resolve_url,
)
from . import _hrnews

#: What :func:`parse` accepts as its source.
Source = Union[bytes, bytearray, memoryview, str, "os.PathLike[str]", IO[bytes], IO[str]]

__all__ = [
    "FORMAT_VERSION", "RECORD_COLUMNS", "Addressee", "Article", "Attachment", "Campaign",
    "CampaignStatus", "CaseReference", "CaseScheme", "CaseStatus", "Category", "Collection",
    "Diagnostic", "Event", "Feed", "FormatInfo", "GeoPoint", "Intervention", "InterventionType",
    "LanguageGuess", "Limits", "Link", "Mapping", "MappingKind", "ParseError", "Party",
    "PartyKind", "Person", "Precision", "Relation", "RelationType", "Scheme", "Severity",
    "Source", "Taxonomy", "Term", "TermRef", "Text", "TextType", "Timestamp", "Victim",
    "__version__", "builtin_scheme_ids", "builtin_taxonomy", "classify_label", "country_alpha3",
    "country_from_alpha3", "detect_format", "find_case_references", "formats",
    "identify_language", "library_version", "normalize_label", "parse", "resolve_url",
]


def _rebuild_parse_error(args: tuple[object, ...], attributes: dict[str, object]) -> ParseError:
    error = ParseError(*args)
    error.__dict__.update(attributes)
    return error


def _reduce_parse_error(self: ParseError) -> tuple[object, ...]:
    return (_rebuild_parse_error, (self.args, dict(self.__dict__)))


# A ParseError keeps its location when pickled (e.g. raised on a Dask worker).
setattr(ParseError, "__reduce__", _reduce_parse_error)


def _looks_like_document(text: str) -> bool:
    """True when `text` is a document rather than a path: its first character
    after a byte-order mark and whitespace is ``<`` (XML) or ``{`` (JSON)."""
    stripped = text.lstrip("\ufeff \t\r\n")
    return stripped.startswith(("<", "{"))


def parse(
    source: Source,
    format: Optional[str] = None,
    base_url: Optional[str] = None,
    strict: bool = False,
    *,
    classify: bool = True,
    sanitize_html: bool = False,
    charset: Optional[str] = None,
    file_name: Optional[str] = None,
    limits: Optional[Limits] = None,
) -> Collection:
    """Reads a feed or hrnews document into a :class:`Collection`.

    ``source`` is
      - ``bytes`` (or ``bytearray``/``memoryview``): the document itself;
      - an ``os.PathLike`` (``pathlib.Path``): a file to read;
      - a ``str``: the document itself when it starts (after a byte-order mark
        and whitespace) with ``<`` or ``{``, as every supported format does;
        otherwise the path of a file;
      - a binary or text file object (anything with ``read()``).

    ``format`` is a format id of :func:`formats` (``rss``, ``atom``, ``jsonfeed``,
    ``json``, ``jsonl``…); ``None`` detects it from the content. ``base_url``
    resolves relative links when the document gives no base. ``strict`` turns
    every repair into a :class:`ParseError`. ``classify`` resolves categories
    against the built-in taxonomy (feed formats), ``sanitize_html`` cleans HTML
    text, ``charset`` is assumed when the input declares none, ``file_name``
    names the input in messages and ``limits`` bounds resources.

    The C++ reader runs with the GIL released, so threads parse in parallel.

    Raises :class:`ParseError` (a ``ValueError``) for input that cannot be read,
    ``OSError`` when a file cannot be opened, ``TypeError`` for another source type.
    """
    fmt = format or ""
    args = (base_url or "", charset or "", strict, classify, sanitize_html)
    if isinstance(source, os.PathLike) or (isinstance(source, str) and not _looks_like_document(source)):
        path = os.fspath(source)
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        return _hrnews._read_file(path, fmt, *args, file_name or path, limits)
    if isinstance(source, str):
        data = source.encode("utf-8")
    elif isinstance(source, bytes):
        data = source
    elif isinstance(source, (bytearray, memoryview)):
        data = bytes(source)
    elif hasattr(source, "read"):
        content = source.read()
        data = content.encode("utf-8") if isinstance(content, str) else bytes(content)
        if file_name is None:
            name = getattr(source, "name", None)
            file_name = name if isinstance(name, str) else None
    else:
        raise TypeError(
            "parse() takes bytes, str, an os.PathLike or a file object, not " + type(source).__name__
        )
    return _hrnews._read(data, fmt, *args, file_name or "", limits)

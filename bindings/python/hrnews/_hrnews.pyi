# SPDX-License-Identifier: Apache-2.0
# Type stubs of the C++ extension hrnews._hrnews (checked by mypy --strict in tests/python).
import datetime
from typing import Any, ClassVar, Iterator, Optional, Sequence, overload

__version__: str
FORMAT_VERSION: str
RECORD_COLUMNS: tuple[str, ...]

def library_version() -> str: ...

class ParseError(ValueError):
    line: Optional[int]
    column: Optional[int]
    offset: Optional[int]
    path: str
    file: str
    format: str
    message: str

class _Enum:
    """pybind11 enumerations; they accept their canonical spelling: ``TextType("html")``."""
    def __init__(self, value: int | str) -> None: ...
    @property
    def spelling(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def value(self) -> int: ...
    def __int__(self) -> int: ...
    def __index__(self) -> int: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    __members__: ClassVar[dict[str, Any]]

class TextType(_Enum):
    text: ClassVar[TextType]
    html: ClassVar[TextType]
    xhtml: ClassVar[TextType]

class Precision(_Enum):
    year: ClassVar[Precision]
    month: ClassVar[Precision]
    day: ClassVar[Precision]
    minute: ClassVar[Precision]
    second: ClassVar[Precision]
    fraction: ClassVar[Precision]

class CaseScheme(_Enum):
    unknown: ClassVar[CaseScheme]
    observatory: ClassVar[CaseScheme]
    amnesty_ua: ClassVar[CaseScheme]
    amnesty_index: ClassVar[CaseScheme]

class PartyKind(_Enum):
    organisation: ClassVar[PartyKind]
    person: ClassVar[PartyKind]

class RelationType(_Enum):
    translation_of: ClassVar[RelationType]
    follow_up_of: ClassVar[RelationType]
    part_of: ClassVar[RelationType]
    replaces: ClassVar[RelationType]
    related: ClassVar[RelationType]

class InterventionType(_Enum):
    urgent_appeal: ClassVar[InterventionType]
    follow_up: ClassVar[InterventionType]
    closing: ClassVar[InterventionType]
    open_letter: ClassVar[InterventionType]
    press_release: ClassVar[InterventionType]
    other: ClassVar[InterventionType]

class CaseStatus(_Enum):
    open: ClassVar[CaseStatus]
    follow_up: ClassVar[CaseStatus]
    closed: ClassVar[CaseStatus]

class CampaignStatus(_Enum):
    planned: ClassVar[CampaignStatus]
    active: ClassVar[CampaignStatus]
    closed: ClassVar[CampaignStatus]

class Severity(_Enum):
    info: ClassVar[Severity]
    warning: ClassVar[Severity]
    error: ClassVar[Severity]

class MappingKind(_Enum):
    exact: ClassVar[MappingKind]
    close: ClassVar[MappingKind]
    broad: ClassVar[MappingKind]
    narrow: ClassVar[MappingKind]
    related: ClassVar[MappingKind]

class Text:
    value: str
    type: TextType
    def __init__(self, value: str = "", type: TextType | str = ...) -> None: ...
    def __bool__(self) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Timestamp:
    def __init__(self, text: str, raw: Optional[str] = None) -> None: ...
    @staticmethod
    def parse(text: str) -> Optional[Timestamp]: ...
    @staticmethod
    def from_fields(year: int, month: int = 1, day: int = 1, hour: int = 0, minute: int = 0,
                    second: int = 0, microsecond: int = 0, offset_minutes: Optional[int] = None,
                    precision: Precision = ..., fraction_digits: int = 0, raw: str = "") -> Timestamp: ...
    @staticmethod
    def from_datetime(value: datetime.datetime) -> Timestamp: ...
    def to_datetime(self) -> datetime.datetime: ...
    @property
    def raw(self) -> str: ...
    @property
    def precision(self) -> Precision: ...
    @property
    def utc_offset_minutes(self) -> Optional[int]: ...
    @property
    def fraction_digits(self) -> int: ...
    @property
    def unix_seconds(self) -> int: ...
    def to_rfc3339(self) -> str: ...
    def to_rfc822(self) -> str: ...
    def with_raw(self, raw: str) -> Timestamp: ...
    def __lt__(self, other: Timestamp) -> bool: ...
    def __hash__(self) -> int: ...

class CaseReference:
    def __init__(self, raw: str = "") -> None: ...
    @staticmethod
    def parse(text: str) -> CaseReference: ...
    @property
    def scheme(self) -> CaseScheme: ...
    @property
    def raw(self) -> str: ...
    @property
    def country(self) -> str: ...
    @property
    def number(self) -> int: ...
    @property
    def month(self) -> int: ...
    @property
    def year(self) -> int: ...
    @property
    def programme(self) -> str: ...
    @property
    def serial(self) -> int: ...
    @property
    def follow_up(self) -> int: ...
    @property
    def is_follow_up(self) -> bool: ...
    def format(self) -> str: ...
    def base(self) -> CaseReference: ...
    def same_case(self, other: CaseReference) -> bool: ...
    def __hash__(self) -> int: ...

class Link:
    href: str
    rel: str
    type: str
    hreflang: str
    title: str
    length: Optional[int]
    def __init__(self, href: str = "", rel: str = "", type: str = "", hreflang: str = "",
                 title: str = "", length: Optional[int] = None) -> None: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Person:
    name: str
    email: str
    uri: str
    def __init__(self, name: str = "", email: str = "", uri: str = "") -> None: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Party:
    kind: PartyKind
    name: str
    role: str
    abbreviation: str
    email: str
    uri: str
    def __init__(self, kind: PartyKind | str = ..., name: str = "", role: str = "",
                 abbreviation: str = "", email: str = "", uri: str = "") -> None: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Category:
    term: str
    scheme: str
    label: str
    def __init__(self, term: str = "", scheme: str = "", label: str = "") -> None: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class TermRef:
    scheme: str
    code: str
    def __init__(self, scheme: str = "", code: str = "") -> None: ...
    def __lt__(self, other: TermRef) -> bool: ...
    def __hash__(self) -> int: ...

class Attachment:
    url: str
    type: str
    length: Optional[int]
    title: str
    def __init__(self, url: str = "", type: str = "", length: Optional[int] = None,
                 title: str = "") -> None: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class GeoPoint:
    lat: float
    lon: float
    def __init__(self, lat: float = 0.0, lon: float = 0.0) -> None: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Relation:
    rel: RelationType
    id_or_url: str
    def __init__(self, rel: RelationType | str = ..., id_or_url: str = "") -> None: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Event:
    start: Optional[Timestamp]
    end: Optional[Timestamp]
    location: str
    def __init__(self, start: Optional[Timestamp | str] = None, end: Optional[Timestamp | str] = None,
                 location: str = "") -> None: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Article:
    id: str
    url: str
    links: list[Link]
    title: Text
    summary: Optional[Text]
    content: Optional[Text]
    published: Optional[Timestamp]
    updated: Optional[Timestamp]
    language: str
    language_inferred: bool
    authors: list[Person]
    publishers: list[Party]
    categories: list[Category]
    subjects: list[TermRef]
    countries: list[str]
    regions: list[str]
    geo: Optional[GeoPoint]
    campaigns: list[str]
    related: list[Relation]
    attachments: list[Attachment]
    rights: Optional[Text]
    dateline: str
    event: Optional[Event]
    extensions: dict[str, str]
    def __init__(self, id: str = "", url: str = "", links: Sequence[Link] = (), title: Text | str = "",
                 summary: Optional[Text | str] = None, content: Optional[Text | str] = None,
                 published: Optional[Timestamp | str] = None, updated: Optional[Timestamp | str] = None,
                 language: str = "", language_inferred: bool = False, authors: Sequence[Person] = (), publishers: Sequence[Party] = (),
                 categories: Sequence[Category] = (), subjects: Sequence[TermRef] = (),
                 countries: Sequence[str] = (), regions: Sequence[str] = (), geo: Optional[GeoPoint] = None,
                 campaigns: Sequence[str] = (), related: Sequence[Relation] = (),
                 attachments: Sequence[Attachment] = (), rights: Optional[Text | str] = None,
                 dateline: str = "", event: Optional[Event] = None,
                 extensions: dict[str, str] = ...) -> None: ...
    @property
    def kind(self) -> str: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Victim:
    name: str
    role: str
    organisation: str
    gender: str
    status: str
    def __init__(self, name: str = "", role: str = "", organisation: str = "", gender: str = "",
                 status: str = "") -> None: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Addressee:
    name: str
    title: str
    institution: str
    address: str
    email: str
    fax: str
    phone: str
    def __init__(self, name: str = "", title: str = "", institution: str = "", address: str = "",
                 email: str = "", fax: str = "", phone: str = "") -> None: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Intervention(Article):
    case_ref: Optional[CaseReference]
    intervention_type: InterventionType
    status: Optional[CaseStatus]
    victims: list[Victim]
    violations: list[TermRef]
    requested_actions: list[str]
    addressees: list[Addressee]
    deadline: Optional[Timestamp]
    follows: str
    def __init__(self, id: str = "", url: str = "", links: Sequence[Link] = (), title: Text | str = "",
                 summary: Optional[Text | str] = None, content: Optional[Text | str] = None,
                 published: Optional[Timestamp | str] = None, updated: Optional[Timestamp | str] = None,
                 language: str = "", language_inferred: bool = False, authors: Sequence[Person] = (), publishers: Sequence[Party] = (),
                 categories: Sequence[Category] = (), subjects: Sequence[TermRef] = (),
                 countries: Sequence[str] = (), regions: Sequence[str] = (), geo: Optional[GeoPoint] = None,
                 campaigns: Sequence[str] = (), related: Sequence[Relation] = (),
                 attachments: Sequence[Attachment] = (), rights: Optional[Text | str] = None,
                 dateline: str = "", event: Optional[Event] = None,
                 extensions: dict[str, str] = ...,
                 case_ref: Optional[CaseReference | str] = None,
                 intervention_type: InterventionType | str = ...,
                 status: Optional[CaseStatus | str] = None, victims: Sequence[Victim] = (),
                 violations: Sequence[TermRef] = (), requested_actions: Sequence[str] = (),
                 addressees: Sequence[Addressee] = (), deadline: Optional[Timestamp | str] = None,
                 follows: str = "") -> None: ...
    @property
    def article(self) -> Article: ...

Item = Article | Intervention

class Campaign:
    id: str
    name: str
    title: Text
    summary: Optional[Text]
    url: str
    status: Optional[CampaignStatus]
    start: Optional[Timestamp]
    end: Optional[Timestamp]
    organisers: list[Party]
    hashtags: list[str]
    subjects: list[TermRef]
    countries: list[str]
    items: list[str]
    calls_to_action: list[str]
    extensions: dict[str, str]
    def __init__(self, id: str = "", name: str = "", title: Text | str = "",
                 summary: Optional[Text | str] = None, url: str = "",
                 status: Optional[CampaignStatus | str] = None, start: Optional[Timestamp | str] = None,
                 end: Optional[Timestamp | str] = None, organisers: Sequence[Party] = (),
                 hashtags: Sequence[str] = (), subjects: Sequence[TermRef] = (),
                 countries: Sequence[str] = (), items: Sequence[str] = (),
                 calls_to_action: Sequence[str] = (), extensions: dict[str, str] = ...) -> None: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Diagnostic:
    severity: Severity
    code: str
    message: str
    line: Optional[int]
    column: Optional[int]
    path: str
    def __init__(self, severity: Severity | str = ..., code: str = "", message: str = "",
                 line: Optional[int] = None, column: Optional[int] = None, path: str = "") -> None: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Feed:
    id: str
    title: Text
    subtitle: Optional[Text]
    url: str
    links: list[Link]
    language: str
    updated: Optional[Timestamp]
    publishers: list[Party]
    generator: str
    rights: Optional[Text]
    icon: str
    source_format: str
    extensions: dict[str, str]
    def __init__(self, id: str = "", title: Text | str = "", subtitle: Optional[Text | str] = None,
                 url: str = "", links: Sequence[Link] = (), language: str = "",
                 updated: Optional[Timestamp | str] = None, publishers: Sequence[Party] = (),
                 generator: str = "", rights: Optional[Text | str] = None, icon: str = "",
                 source_format: str = "", extensions: dict[str, str] = ...) -> None: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Mapping:
    kind: MappingKind
    uri: str
    def __init__(self, kind: MappingKind | str = ..., uri: str = "") -> None: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Term:
    code: str
    uri: str
    labels: dict[str, str]
    alt_labels: dict[str, list[str]]
    definition: dict[str, str]
    broader: list[str]
    mappings: list[Mapping]
    deprecated: bool
    def __init__(self, code: str = "", uri: str = "", labels: dict[str, str] = ...,
                 alt_labels: dict[str, list[str]] = ...,
                 definition: dict[str, str] = ..., broader: Sequence[str] = (),
                 mappings: Sequence[Mapping] = (), deprecated: bool = False) -> None: ...
    def label(self, lang: str = "en") -> str: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Scheme:
    id: str
    uri: str
    title: dict[str, str]
    terms: list[Term]
    def __init__(self, id: str = "", uri: str = "", title: dict[str, str] = ...,
                 terms: Sequence[Term] = ()) -> None: ...
    def __len__(self) -> int: ...
    def to_json(self) -> str: ...
    @staticmethod
    def from_json(json: str) -> Scheme: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Taxonomy:
    def __init__(self, schemes: Sequence[Scheme] = ()) -> None: ...
    @property
    def schemes(self) -> list[Scheme]: ...
    def __getitem__(self, scheme: str) -> Scheme: ...
    def __contains__(self, scheme: object) -> bool: ...
    def __len__(self) -> int: ...
    def find(self, scheme: str, code: str) -> Optional[Term]: ...
    def term(self, ref: TermRef) -> Term: ...
    def match(self, scheme: str, label: str) -> Optional[Term]: ...
    def match_all(self, label: str) -> list[TermRef]: ...
    def label(self, ref: TermRef, lang: str = "en") -> str: ...
    def extend(self, schemes: Sequence[Scheme]) -> Taxonomy: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class LanguageGuess:
    language: str
    confidence: float
    def __init__(self, language: str = "", confidence: float = 0.0) -> None: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Limits:
    max_input_bytes: int
    max_depth: int
    max_items: int
    max_string_bytes: int
    def __init__(self, max_input_bytes: int = ..., max_depth: int = ..., max_items: int = ...,
                 max_string_bytes: int = ...) -> None: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class FormatInfo:
    id: str
    description: str
    can_read: bool
    can_write: bool
    def __init__(self, id: str = "", description: str = "", can_read: bool = False,
                 can_write: bool = False) -> None: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class Collection:
    feed: Feed
    items: list[Article]
    campaigns: list[Campaign]
    schemes: list[Scheme]
    diagnostics: list[Diagnostic]
    extensions: dict[str, str]
    id: str
    url: str
    language: str
    generator: str
    icon: str
    source_format: str
    title: Text
    updated: Optional[Timestamp]
    def __init__(self, feed: Feed = ..., items: Sequence[Article] = (),
                 campaigns: Sequence[Campaign] = (), schemes: Sequence[Scheme] = (),
                 diagnostics: Sequence[Diagnostic] = (),
                 extensions: dict[str, str] = ...) -> None: ...
    def __len__(self) -> int: ...
    def __getitem__(self, index: int) -> Article: ...
    def __iter__(self) -> Iterator[Article]: ...
    def append(self, item: Article) -> None: ...
    def to(self, format: str, pretty: bool = True, indent: int = 2) -> str: ...
    def to_bytes(self, format: str, pretty: bool = True, indent: int = 2) -> bytes: ...
    def save(self, path: str, format: Optional[str] = None, pretty: bool = True, indent: int = 2) -> None: ...
    def to_records(self) -> list[dict[str, Any]]: ...
    def to_pandas(self) -> Any: ...
    def stats(self) -> dict[str, Any]: ...
    def classify(self) -> None: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

def formats() -> list[FormatInfo]: ...
def detect_format(data: bytes) -> str: ...
def builtin_taxonomy() -> Taxonomy: ...
def builtin_scheme_ids() -> list[str]: ...
def normalize_label(label: str) -> str: ...
def classify_label(label: str, taxonomy: Optional[Taxonomy] = None) -> list[TermRef]: ...
def country_alpha3(alpha2: str) -> Optional[str]: ...
def country_from_alpha3(alpha3: str) -> Optional[str]: ...
def find_case_references(text: str) -> list[CaseReference]: ...
def resolve_url(base: str, reference: str) -> str: ...
def identify_language(text: str) -> LanguageGuess: ...
def _read(data: bytes, format: str, base_url: str, charset: str, strict: bool, classify: bool,
          sanitize_html: bool, file_name: str, limits: Optional[Limits]) -> Collection: ...
def _read_file(path: str, format: str, base_url: str, charset: str, strict: bool, classify: bool,
               sanitize_html: bool, file_name: str, limits: Optional[Limits]) -> Collection: ...

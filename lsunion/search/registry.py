"""What each app contributes to site search, declared in its AppConfig.ready()."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import QuerySet


@dataclass(frozen=True)
class SearchSource:
    key: str  # used in URLs: ?loai=<key>
    label: str  # shown as the group heading, Vietnamese
    queryset: Callable[[], QuerySet]  # what a reader may see, with what the result card needs
    result_template: str
    title_field: str  # normalised title: matches here rank first
    text_field: str  # normalised whole document
    date_field: str | None = None  # recency, and the year filter
    order: int = 100
    filters: dict[str, Callable] = field(default_factory=dict)  # extra ?name=value filters
    snippet: Callable[[object], str] | None = None  # plain text to quote a passage from
    title_of: Callable[[object], str] = str  # the result's heading, as readers know it
    order_by: tuple = ()  # overrides newest-first within a rank (e.g. Vietnamese name order)
    # A large source (articles, recipients) is searched in its newest `window` documents
    # first, the whole table only when that is not enough; 0: one query over everything.
    window: int = 0
    # Plain text in which the reader's diacritics are looked for (default: title and snippet).
    exact: Callable[[object], str] | None = None
    # Plain texts whose words make the vocabulary of "did you mean" (titles, names).
    vocabulary: Callable[[], Iterable[str]] | None = None
    # The source's results come first for queries that name one of its records in a way
    # only it knows ("chỉ thị 34" names a document), as a number in a title does.
    leads: Callable[[str], bool] | None = None

    def exact_text(self, obj) -> str:
        if self.exact is not None:
            return self.exact(obj)
        snippet = self.snippet(obj) if self.snippet else ""
        return f"{self.title_of(obj)} {snippet}"


_sources: dict[str, SearchSource] = {}


def register(source: SearchSource) -> None:
    _sources[source.key] = source


def sources() -> list[SearchSource]:
    return sorted(_sources.values(), key=lambda s: (s.order, s.key))


def get(key: str) -> SearchSource | None:
    return _sources.get(key)

"""Matching and ranking, the same rules on PostgreSQL (full-text, GIN) and SQLite (LIKE).

Ranking, for each source: documents whose title holds every group, newest first; then
documents whose text holds every group, newest first; then – only when those are few –
documents holding some of the groups, most groups first, then newest.
"""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import (
    BooleanField,
    ExpressionWrapper,
    F,
    Func,
    Q,
    QuerySet,
    TextField,
    Value,
)
from django.db.models.functions import Concat

from lsunion.search.query import Phrase, Query
from lsunion.search.registry import SearchSource

COUNT_CAP = 1000  # "hơn 1.000 kết quả": counting every match of a common word costs too much
SOME_WORDS_THRESHOLD = 10  # below this many all-words results, also show some-words results
SOME_WORDS_CANDIDATES = 200


class TextSearchMatch(Func):
    """PostgreSQL: to_tsvector('simple', field) @@ to_tsquery('simple', query).

    The expression matches the GIN indexes created by the apps' migrations exactly.
    """

    template = "to_tsvector('simple'::regconfig, %(expressions)s)"
    arg_joiner = ") @@ to_tsquery('simple'::regconfig, "
    output_field = BooleanField()

    def __init__(self, field_name: str, tsquery: str):
        super().__init__(F(field_name), Value(tsquery))


def _tsquery(groups, mode: str) -> str:
    def phrase(words: Phrase) -> str:
        return " <-> ".join(words)

    parts = ["(" + " | ".join(phrase(p) for p in sorted(group)) + ")" for group in groups]
    return (" & " if mode == "all" else " | ").join(parts)


def _padded(field_name: str) -> Concat:
    return Concat(Value(" "), F(field_name), Value(" "), output_field=TextField())


def _group_q_sqlite(alias: str, group) -> Q:
    q = Q()
    for phrase in group:
        q |= Q(**{f"{alias}__contains": " " + " ".join(phrase) + " "})
    return q


def match(queryset: QuerySet, field_name: str, groups, mode: str = "all") -> QuerySet:
    """Filter to documents whose `field_name` holds all (or any) of the groups."""
    if not groups:
        return queryset.none()
    if connection.vendor == "postgresql":
        return queryset.filter(TextSearchMatch(field_name, _tsquery(groups, mode)))
    alias = f"_padded_{field_name}"
    queryset = queryset.alias(**{alias: _padded(field_name)})
    parts = [_group_q_sqlite(alias, group) for group in groups]
    combined = parts[0]
    for part in parts[1:]:
        combined = (combined & part) if mode == "all" else (combined | part)
    return queryset.filter(combined)


def exclude_match(queryset: QuerySet, field_name: str, groups) -> QuerySet:
    if connection.vendor == "postgresql":
        return queryset.exclude(TextSearchMatch(field_name, _tsquery(groups, "all")))
    alias = f"_padded_{field_name}"
    queryset = queryset.alias(**{alias: _padded(field_name)})
    combined = Q()
    for group in groups:
        combined &= _group_q_sqlite(alias, group)
    return queryset.exclude(combined)


def capped_count(queryset: QuerySet, cap: int = COUNT_CAP) -> int:
    return len(queryset.order_by().values_list("pk", flat=True)[: cap + 1])


@dataclass
class SourceResults:
    source: SearchSource
    items: list = field(default_factory=list)
    total: int = 0  # capped at COUNT_CAP + 1
    some_words: list = field(default_factory=list)  # the lower tier, shown apart

    @property
    def more_than_cap(self) -> bool:
        return self.total > COUNT_CAP


def _ordered(queryset: QuerySet, source: SearchSource, first=()) -> QuerySet:
    if source.order_by:
        return queryset.order_by(*first, *source.order_by)
    if source.date_field:
        return queryset.order_by(*first, F(source.date_field).desc(nulls_last=True), "-pk")
    return queryset.order_by(*first, "-pk")


def _title_hit(queryset: QuerySet, field_name: str, groups) -> QuerySet:
    """Annotate `title_hit`: whether the title holds every group."""
    if connection.vendor == "postgresql":
        condition = TextSearchMatch(field_name, _tsquery(groups, "all"))
    else:
        alias = f"_padded_{field_name}"
        queryset = queryset.alias(**{alias: _padded(field_name)})
        combined = Q()
        for group in groups:
            combined &= _group_q_sqlite(alias, group)
        condition = ExpressionWrapper(combined, output_field=BooleanField())
    return queryset.annotate(title_hit=condition)


def base_queryset(source: SearchSource, year: int | None = None, **filters) -> QuerySet:
    queryset = source.queryset()
    if year and source.date_field:
        queryset = queryset.filter(**{f"{source.date_field}__year": year})
    for name, value in filters.items():
        if value not in (None, "") and name in source.filters:
            queryset = source.filters[name](queryset, value)
    return queryset


def search_source(
    source: SearchSource,
    query: Query,
    *,
    offset: int = 0,
    limit: int = 10,
    count: bool = False,
    year: int | None = None,
    **filters,
) -> SourceResults:
    """One page of a source's results in rank order (title, then text, then some words).

    Returns up to limit + 1 items, so callers know whether there is more. The number of
    queries depends only on the source kind and the request, never on the data.
    """
    results = SourceResults(source)
    if query.is_empty:
        return results
    base = base_queryset(source, year, **filters)
    matching = match(base, source.text_field, query.groups)
    if source.large:
        results.items, results.total = _two_tier_page(matching, source, query, offset, limit, count)
    else:
        ranked = _ordered(
            _title_hit(matching, source.title_field, query.groups), source, (F("title_hit").desc(),)
        )
        results.items = list(ranked[offset : offset + limit + 1])
        results.total = capped_count(matching) if count else offset + len(results.items)

    if offset == 0 and len(query.groups) > 1 and len(results.items) < SOME_WORDS_THRESHOLD:
        results.some_words = _some_words(base, source, query, limit)
    return results


def _two_tier_page(matching, source, query, offset, limit, count):
    in_title = _ordered(match(matching, source.title_field, query.groups), source)
    in_text = _ordered(exclude_match(matching, source.title_field, query.groups), source)
    if count:
        title_total = capped_count(in_title)
        total = title_total + (capped_count(in_text) if title_total <= COUNT_CAP else 0)
    else:
        title_total, total = None, None
    items = list(in_title[offset : offset + limit + 1])
    if title_total is None:  # without counts we only ever serve the first page
        title_total = len(items)
    start = max(0, offset - title_total)
    wanted = limit + 1 - len(items)
    # Always ask (at least one row), so the query count never depends on the data.
    items = (items + list(in_text[start : start + max(wanted, 1)]))[: limit + 1]
    return items, total if total is not None else offset + len(items)


def _some_words(base: QuerySet, source: SearchSource, query: Query, limit: int) -> list:
    """Documents with some but not all groups: most groups first, then newest."""
    candidates = _ordered(
        exclude_match(
            match(base, source.text_field, query.groups, "any"), source.text_field, query.groups
        ),
        source,
    )
    rows = list(candidates[:SOME_WORDS_CANDIDATES])
    if not rows:
        return []

    def matched_groups(obj) -> int:
        text = f" {getattr(obj, source.text_field)} "
        return sum(any(f" {' '.join(p)} " in text for p in group) for group in query.groups)

    ranked = sorted(enumerate(rows), key=lambda pair: (-matched_groups(pair[1]), pair[0]))
    return [obj for _, obj in ranked[:limit]]

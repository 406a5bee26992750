"""Matching and ranking, the same rules on PostgreSQL (full-text, GIN) and SQLite (LIKE).

Ranking, for each source: documents whose title holds every group, newest first; then
documents whose text holds every group, newest first; then – only when those are few –
documents holding some of the groups, most groups first, then newest.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db import connection
from django.db.models import (
    BooleanField,
    DateTimeField,
    ExpressionWrapper,
    F,
    Func,
    Q,
    QuerySet,
    TextField,
    Value,
)
from django.db.models.functions import Concat

from lsunion.cache import cached_for_version
from lsunion.collation import sort_key
from lsunion.search.query import Phrase, Query
from lsunion.search.registry import SearchSource

COUNT_CAP = 1000  # "hơn 1.000 kết quả": counting every match of a common word costs too much
SOME_WORDS_THRESHOLD = 10  # below this many all-words results, also show some-words results
SOME_WORDS_CANDIDATES = 30  # the newest this many some-words matches, re-ranked in Python


class StoredVector(F):
    """The stored tsvector column `<field>_tsv` beside a search field (PostgreSQL only).

    Migrations create it with lsunion.search.indexes.gin_indexes; Django's models do not
    know it, so it is addressed through the field it is computed from.
    """

    def resolve_expression(self, *args, **kwargs):
        return _VectorColumn(super().resolve_expression(*args, **kwargs))


class _VectorColumn(Func):
    template = "%(expressions)s"

    def as_sql(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        quote = connection.ops.quote_name("")[-1]
        column = sql[:-1] + "_tsv" + quote if sql.endswith(quote) else sql + "_tsv"
        return column, params


class TextSearchMatch(Func):
    """PostgreSQL: <field>_tsv @@ to_tsquery('simple', query), answered by the GIN index."""

    template = "%(expressions)s"
    arg_joiner = " @@ to_tsquery('simple'::regconfig, "
    output_field = BooleanField()

    def __init__(self, field_name: str, tsquery: str):
        super().__init__(StoredVector(field_name), Value(tsquery))

    def as_sql(self, compiler, connection, **extra):
        sql, params = super().as_sql(compiler, connection, **extra)
        return f"({sql}))", params


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
    queryset, condition = _condition(queryset, field_name, groups, mode)
    return queryset.filter(condition)


def exclude_match(queryset: QuerySet, field_name: str, groups) -> QuerySet:
    """Leave out documents whose `field_name` holds all of the groups."""
    queryset, condition = _condition(queryset, field_name, groups)
    return queryset.exclude(condition)


def capped_count(queryset: QuerySet, cap: int = COUNT_CAP) -> int:
    return len(queryset.order_by().values_list("pk", flat=True)[: cap + 1])


@dataclass
class SourceResults:
    source: SearchSource
    items: list = field(default_factory=list)  # every group matched (up to limit + 1)
    total: int = 0  # capped at COUNT_CAP + 1
    some_words: list = field(default_factory=list)  # some groups matched, shown apart

    @property
    def more_than_cap(self) -> bool:
        return self.total > COUNT_CAP


def _ordered(
    queryset: QuerySet, source: SearchSource, first=(), rare: bool = False, cheap: bool = False
) -> QuerySet:
    """Newest first (or the source's own order), after any `first` keys.

    `rare`: few rows match, so sort them rather than walk the date index hoping to meet
    matches – PostgreSQL cannot tell a rare word from a common one and may walk the whole
    table for a word that is in no document.
    """
    if source.order_by and not cheap:
        return queryset.order_by(*first, *source.order_by)
    if source.date_field:
        date = F(source.date_field)
        if rare and connection.vendor == "postgresql":
            date = ExpressionWrapper(date + Value(timedelta(0)), output_field=DateTimeField())
        # Otherwise plain DESC, so the (…, date DESC, id DESC) indexes serve it and stop early.
        return queryset.order_by(*first, date.desc(), "-pk")
    return queryset.order_by(*first, "-pk")


def _condition(queryset: QuerySet, field_name: str, groups, mode: str = "all"):
    """(queryset, boolean expression) testing `field_name` against the groups."""
    if connection.vendor == "postgresql":
        return queryset, TextSearchMatch(field_name, _tsquery(groups, mode))
    alias = f"_padded_{field_name}"
    queryset = queryset.alias(**{alias: _padded(field_name)})
    parts = [_group_q_sqlite(alias, group) for group in groups]
    combined = parts[0]
    for part in parts[1:]:
        combined = (combined & part) if mode == "all" else (combined | part)
    return queryset, ExpressionWrapper(combined, output_field=BooleanField())


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
    """One page of a source's results in rank order: title holds every group, then text
    holds every group, then (shown apart) text holds some groups; newest first within each.

    Items come up to limit + 1, so callers know whether there is more.
    """
    if query.is_empty:
        return SourceResults(source)
    base = base_queryset(source, year, **filters)
    if source.window:
        return _search_large(base, source, query, offset, limit, count)
    return _search_small(base, source, query, offset, limit, count)


def _search_small(base, source, query, offset, limit, count) -> SourceResults:
    """Small tables (bodies, meetings, recipients…): every group matched, title matches first;
    documents with only some of the groups only when those are few."""
    every = match(base, source.text_field, query.groups)
    ranked, title_hit = _condition(every, source.title_field, query.groups)
    ranked = _ordered(ranked.annotate(title_hit=title_hit), source, (F("title_hit").desc(),))
    results = SourceResults(source)
    results.items = list(ranked[offset : offset + limit + 1])
    results.total = capped_count(every) if count else offset + len(results.items)
    if offset == 0 and len(query.groups) > 1 and len(results.items) < limit:
        some = exclude_match(
            match(base, source.text_field, query.groups, "any"), source.text_field, query.groups
        )
        # Candidates in the cheapest order (sorting a whole table by a collation is not);
        # the few kept are put in the source's order in Python.
        rows = list(_ordered(some, source, cheap=True)[:SOME_WORDS_CANDIDATES])
        results.some_words = _most_groups_first(rows, source, query)[: limit - len(results.items)]
    return results


def _window_cutoff(source: SearchSource):
    """The date of the source's window-th newest document (None when there are fewer).

    Computed once per content version. Searching the newest documents first bounds the
    work for common words; PostgreSQL cannot tell a rare word from a common one, and walking
    the whole date index for a word found in no document costs a full scan.
    """

    def build():
        dates = source.queryset().order_by(F(source.date_field).desc(), "-pk")
        return dates.values_list(source.date_field, flat=True)[source.window :].first()

    return cached_for_version(f"search-window:{source.key}", build)


def _fetch(tier: QuerySet, source: SearchSource, start: int, stop: int, cutoff) -> list:
    """Rows start..stop of a tier, newest first: from the recent window when it has enough.

    Inside the window, walking the date index is bounded by the window however rare the
    words; over the whole archive, matching rows are collected from the GIN index and sorted.
    """
    if start == 0 and cutoff is not None:
        recent = tier.filter(**{f"{source.date_field}__gte": cutoff})
        rows = list(_ordered(recent, source)[start:stop])
        if len(rows) >= stop - start:
            return rows
    return list(_ordered(tier, source, rare=True)[start:stop])


def _search_large(base, source, query, offset, limit, count) -> SourceResults:
    """Articles: one query per tier over the newest documents, the whole archive if needed."""
    results = SourceResults(source)
    cutoff = _window_cutoff(source)
    every = match(base, source.text_field, query.groups)
    # A source's text includes its title, so a title match needs no test of the text.
    in_title = match(base, source.title_field, query.groups)
    in_text = exclude_match(every, source.title_field, query.groups)
    if count:
        title_total = capped_count(in_title)
        results.total = title_total + (capped_count(in_text) if title_total <= COUNT_CAP else 0)
    else:
        title_total = None
    items = _fetch(in_title, source, offset, offset + limit + 1, cutoff)
    if title_total is None:  # without counts we only ever serve the first page
        title_total = len(items)
    wanted = limit + 1 - len(items)
    if wanted > 0 and source.title_field != source.text_field:
        start = max(0, offset - title_total)
        items += _fetch(in_text, source, start, start + wanted, cutoff)
    results.items = items
    if not count:
        results.total = offset + len(items)

    if offset == 0 and len(query.groups) > 1 and len(items) < SOME_WORDS_THRESHOLD:
        some = exclude_match(
            match(base, source.text_field, query.groups, "any"), source.text_field, query.groups
        )
        rows = _fetch(some, source, 0, SOME_WORDS_CANDIDATES, cutoff)
        results.some_words = _most_groups_first(rows, source, query)[:limit]
    return results


def _most_groups_first(rows: list, source: SearchSource, query: Query) -> list:
    """Most groups matched first; then the order the rows came in (newest first), or the
    source's name order (Vietnamese) when it has one."""

    def matched_groups(obj) -> int:
        text = f" {getattr(obj, source.text_field)} "
        return sum(any(f" {' '.join(p)} " in text for p in group) for group in query.groups)

    def tie(index_and_obj):
        index, obj = index_and_obj
        return sort_key(source.title_of(obj)) if source.order_by else index

    ranked = sorted(enumerate(rows), key=lambda pair: (-matched_groups(pair[1]), tie(pair)))
    return [obj for _, obj in ranked]

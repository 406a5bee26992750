"""Matching and ranking, the same rules on PostgreSQL (full-text, GIN) and SQLite (LIKE).

Ranking, for each source, in classes (`tiers`): the query as a phrase in the title, then in
the text; the names it holds (people, bodies, places) kept together, title then text; every
word anywhere, title then text. Newest first within a class (or the source's own order);
within a page's class, documents with the reader's diacritics first. Then – only when those
are few – documents holding some of the groups, most groups first, then newest.
"""

import itertools
import json
import re
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    DateTimeField,
    ExpressionWrapper,
    F,
    Func,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Concat

from lsunion.cache import cached_for_version
from lsunion.collation import sort_key
from lsunion.search.indexes import PAIR_SUFFIX, PAIRED_FIELDS
from lsunion.search.query import Query
from lsunion.search.registry import SearchSource
from lsunion.text import nfc

_WORD = re.compile(r"[^\W_]+")
EXACT_SCAN = 20_000  # look for the reader's diacritics this far into a document

COUNT_CAP = 1000  # "hơn 1.000 kết quả": counting every match of a common word costs too much
ESTIMATE_SURE = 5 * COUNT_CAP  # a planner estimate this high is surely more than COUNT_CAP
SOME_WORDS_THRESHOLD = 10  # below this many all-words results, also show some-words results
SOME_WORDS_CANDIDATES = 30  # the newest this many some-words matches, re-ranked in Python


class StoredVector(F):
    """A stored tsvector column `<field><suffix>_tsv` beside a search field (PostgreSQL only).

    Migrations create it with lsunion.search.indexes (gin_indexes, pair_indexes); Django's
    models do not know it, so it is addressed through the field it is computed from.
    """

    def __init__(self, name: str, suffix: str = ""):
        super().__init__(name)
        self.suffix = suffix

    def resolve_expression(self, *args, **kwargs):
        column = _VectorColumn(super().resolve_expression(*args, **kwargs))
        column.suffix = self.suffix
        return column


class _VectorColumn(Func):
    template = "%(expressions)s"
    suffix = ""

    def as_sql(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        quote = connection.ops.quote_name("")[-1]
        ending = self.suffix + "_tsv"
        column = sql[:-1] + ending + quote if sql.endswith(quote) else sql + ending
        return column, params


class TextSearchMatch(Func):
    """PostgreSQL: <field>_tsv @@ to_tsquery('simple', query), answered by the GIN index."""

    template = "%(expressions)s"
    arg_joiner = " @@ to_tsquery('simple'::regconfig, "
    output_field = BooleanField()

    def __init__(self, field_name: str, tsquery: str, suffix: str = ""):
        super().__init__(StoredVector(field_name, suffix), Value(tsquery))

    def as_sql(self, compiler, connection, **extra):
        sql, params = super().as_sql(compiler, connection, **extra)
        return f"({sql}))", params


class _Both(Func):
    """Two boolean expressions, both true."""

    template = "(%(expressions)s)"
    arg_joiner = " AND "
    output_field = BooleanField()


_PAIRABLE = re.compile(r"[a-z0-9]+")


def _pair(first: str, second: str) -> str | None:
    """The token the pair vector holds for two adjacent words (see indexes.pair_indexes)."""
    if _PAIRABLE.fullmatch(first) and _PAIRABLE.fullmatch(second):
        return first + second
    return None


def _either(terms) -> str | None:
    terms = set(terms)
    if not terms or None in terms:
        return None  # some spelling has no pair to look for: no constraint
    return "(" + " | ".join(sorted(terms)) + ")"


def _inner(phrase) -> str | None:
    pairs = [_pair(a, b) for a, b in itertools.pairwise(phrase)]
    if not pairs or None in pairs:
        return None
    return "(" + " & ".join(pairs) + ")"


def _pair_tsquery(groups, mode: str) -> str | None:
    """Word pairs every match must hold, for the pair vector's index; None when there are none.

    A necessary condition only: the stored word vector still decides (positions, order).
    """
    if mode == "any":
        return None
    parts = [_either(_inner(phrase) for phrase in group) for group in groups]
    if mode == "phrase":
        parts += [
            _either(_pair(a[-1], b[0]) for a in first for b in second)
            for first, second in itertools.pairwise(groups)
        ]
    parts = [part for part in parts if part]
    return " & ".join(parts) if parts else None


def _alternatives(group) -> str:
    return "(" + " | ".join(" <-> ".join(p) for p in sorted(group)) + ")"


def _tsquery(groups, mode: str) -> str:
    """`all`/`any`: every/some group anywhere; `phrase`: the groups together, in order."""
    joiner = {"all": " & ", "any": " | ", "phrase": " <-> "}[mode]
    return joiner.join(_alternatives(group) for group in groups)


def _padded(field_name: str) -> Concat:
    return Concat(Value(" "), F(field_name), Value(" "), output_field=TextField())


PHRASE_VARIANTS = 32  # abbreviations multiply the spellings of a phrase; keep the first few


def _phrase_q_sqlite(alias: str, groups) -> Q:
    variants = [()]
    for group in groups:
        variants = [v + p for v in variants for p in sorted(group)][:PHRASE_VARIANTS]
    q = Q()
    for words in variants:
        q |= Q(**{f"{alias}__contains": " " + " ".join(words) + " "})
    return q


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


def exclude_match(queryset: QuerySet, field_name: str, groups, mode: str = "all") -> QuerySet:
    """Leave out documents whose `field_name` holds all of the groups (or the phrase)."""
    queryset, condition = _condition(queryset, field_name, groups, mode)
    return queryset.exclude(condition)


def capped_count(queryset: QuerySet, cap: int | None = None) -> int:
    cap = COUNT_CAP if cap is None else cap
    return len(queryset.order_by().values_list("pk", flat=True)[: cap + 1])


def surely_over_cap(queryset: QuerySet) -> bool:
    """PostgreSQL's own estimate says the matches are far more than COUNT_CAP.

    Counting a thousand matches of common words reads a thousand rows for one line of text
    ("hơn 1.000 kết quả"). The planner's estimate for words together is low rather than high
    (it takes words as independent, and in news they come together), so an estimate of
    ESTIMATE_SURE or more is trusted; below that, the matches are counted.
    """
    if connection.vendor != "postgresql":
        return False
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return plan[0]["Plan"]["Plan Rows"] >= ESTIMATE_SURE


def counts(sources, query: Query, year: int | None = None, **filters) -> dict[str, int]:
    """Every source's number of all-words matches, capped at COUNT_CAP + 1, in one query."""
    if query.is_empty or not sources:
        return {}
    parts, params, totals, counted = [], [], {}, []
    for index, source in enumerate(sources):
        every = match(base_queryset(source, year, **filters), source.text_field, query.groups)
        if source.window and surely_over_cap(every):
            totals[source.key] = COUNT_CAP + 1
            continue
        counted.append(source)
        inner = every.order_by().values("pk")[: COUNT_CAP + 1]
        sql, inner_params = inner.query.get_compiler(using=inner.db).as_sql()
        # Django's own compiled SQL with its parameters kept apart: nothing typed is inlined.
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) AS counted_{index})")  # noqa: S608
        params.extend(inner_params)
    if parts:
        with connection.cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(parts), params)
            row = cursor.fetchone()
        totals.update({source.key: total for source, total in zip(counted, row, strict=True)})
    return totals


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
        condition = TextSearchMatch(field_name, _tsquery(groups, mode))
        paired = field_name in PAIRED_FIELDS.get(queryset.model._meta.db_table, ())
        pairs = _pair_tsquery(groups, mode) if paired else None
        if pairs:
            condition = _Both(TextSearchMatch(field_name, pairs, PAIR_SUFFIX), condition)
        return queryset, condition
    alias = f"_padded_{field_name}"
    queryset = queryset.alias(**{alias: _padded(field_name)})
    if mode == "phrase":
        return queryset, ExpressionWrapper(
            _phrase_q_sqlite(alias, groups), output_field=BooleanField()
        )
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


def tiers(source: SearchSource, query: Query) -> list[tuple[str, tuple, str]]:
    """The rank classes, best first, as (field, groups, mode).

    The query as a phrase, then with the names it holds kept together, then its words
    anywhere; each in the title before the whole text.
    """
    plans = []
    if len(query.groups) > 1:
        plans.append((query.groups, "phrase"))
    if query.name_groups and len(query.name_groups) > 1:
        plans.append((query.name_groups, "all"))
    plans.append((query.groups, "all"))
    fields = [source.title_field]
    if source.text_field != source.title_field:
        fields.append(source.text_field)
    return [(name, groups, mode) for groups, mode in plans for name in fields]


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
    """One page of a source's results in rank order (see `tiers`; newest first, or the
    source's own order, within a class; the reader's diacritics first on the page); then,
    shown apart, documents holding only some of the groups.

    Items come up to limit + 1, so callers know whether there is more.
    """
    if query.is_empty:
        return SourceResults(source)
    base = base_queryset(source, year, **filters)
    search = _search_large if source.window else _search_small
    results = search(base, source, query, offset, limit, count)
    results.items = exact_first(results.items, source, query)
    threshold = SOME_WORDS_THRESHOLD if source.window else limit
    # A number either names a document or not: "123" and "LĐLĐ" apart are no answer.
    partial = len(query.groups) > 1 and not query.is_reference
    if offset == 0 and partial and len(results.items) < threshold:
        some = exclude_match(
            match(base, source.text_field, query.groups, "any"), source.text_field, query.groups
        )
        if source.window:
            rows = _fetch(some, source, 0, SOME_WORDS_CANDIDATES, _window_cutoff(source))
            keep = limit
        else:
            # Candidates in the cheapest order (sorting a whole table by a collation is not);
            # the few kept are put in the source's order in Python.
            rows = list(_ordered(some, source, cheap=True)[:SOME_WORDS_CANDIDATES])
            keep = limit - len(results.items)
        results.some_words = _most_groups_first(rows, source, query)[:keep]
    return results


def _search_small(base, source, query, offset, limit, count) -> SourceResults:
    """Small tables (bodies, meetings, people…): one query, the rank class computed per row."""
    every = match(base, source.text_field, query.groups)
    queryset, whens = every, []
    for index, (name, groups, mode) in enumerate(tiers(source, query)):
        queryset, condition = _condition(queryset, name, groups, mode)
        whens.append(When(condition, then=Value(index)))
    ranked = queryset.annotate(search_tier=Case(*whens, default=Value(len(whens))))
    ranked = _ordered(ranked, source, (F("search_tier").asc(),))
    results = SourceResults(source)
    results.items = list(ranked[offset : offset + limit + 1])
    results.total = capped_count(every) if count else offset + len(results.items)
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
    """Articles, recipients: one query per rank class, over the newest documents first,
    until the page is full. Each class leaves out the rows of the classes before it."""
    results = SourceResults(source)
    cutoff = _window_cutoff(source)
    if count:
        every = match(base, source.text_field, query.groups)
        results.total = COUNT_CAP + 1 if surely_over_cap(every) else capped_count(every)
    skip, items, earlier = offset, [], []
    for index, (name, groups, mode) in enumerate(tiers(source, query)):
        tier = match(base, name, groups, mode)
        for previous in earlier:
            tier = exclude_match(tier, *previous)
        earlier.append((name, groups, mode))
        if skip:
            before = capped_count(tier, skip)
            if before <= skip:
                skip -= before
                continue
        rows = _fetch(tier, source, skip, skip + limit + 1 - len(items), cutoff)
        skip = 0
        for row in rows:
            row.search_tier = index
        items += rows
        if len(items) > limit:
            break
    results.items = items
    if not count:
        results.total = offset + len(items)
    return results


def _marked_words(text: str) -> str:
    return " " + " ".join(_WORD.findall(nfc(text).lower())) + " "


def exact_first(items: list, source: SearchSource, query: Query) -> list:
    """Within a rank class (phrase, names together, words apart), documents written with
    the reader's diacritics come first, before the title-or-text order: a title "Đó thì gắm"
    is not what a reader typing "Đỗ Thị Gấm" means. Typed without diacritics, the order
    stays as the database gave it.
    """
    if not query.marked or len(items) < 2:
        return items
    fields = 1 if source.text_field == source.title_field else 2
    phrase = " " + " ".join(query.typed) + " "
    words = [f" {w} " for w in query.typed]

    def key(pair):
        index, obj = pair
        text = _marked_words(source.exact_text(obj)[:EXACT_SCAN])
        tier = getattr(obj, "search_tier", 0)
        return (
            tier // fields,
            phrase not in text,
            -sum(w in text for w in words),
            tier,
            index,
        )

    return [obj for _, obj in sorted(enumerate(items), key=key)]


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

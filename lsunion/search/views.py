from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.views.generic import TemplateView

from lsunion.cache import public_page
from lsunion.search import engine, registry
from lsunion.search.highlight import mark, passage
from lsunion.search.query import parse
from lsunion.search.suggest import suggestion

OVERVIEW_LIMIT = {"tin-bai": 10}
OVERVIEW_DEFAULT = 5
PAGE_SIZE = 20
MAX_PAGE = 50  # deeper than this, readers refine the words instead


def _leads(source, query) -> bool:
    return bool(source.leads and source.leads(query.text))


def _int(value, low, high):
    try:
        number = int(str(value).strip()[:12])
        MinValueValidator(low)(number)
        MaxValueValidator(high)(number)
    except (TypeError, ValueError, ValidationError):
        return None
    return number


class SearchView(TemplateView):
    """/tim-kiem/?q=…: results grouped by type (articles first), or one type paginated."""

    template_name = "search/results.html"

    def get_context_data(self, **kwargs):
        params = self.request.GET
        query = parse(params.get("q", ""))
        source = registry.get(params.get("loai", ""))
        year = _int(params.get("nam"), 1945, 2100)
        filters = {"chuyen_muc": params.get("chuyen_muc", "")[:140]}
        context = {
            "query": query,
            "sources": registry.sources(),
            "selected": source,
            "year": year,
            "category": filters["chuyen_muc"],
        }
        words = frozenset(query.phrases)
        if source is not None:
            page = _int(params.get("page"), 1, MAX_PAGE) or 1
            results = engine.search_source(
                source, query, offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE, count=True,
                year=year, **filters,
            )  # fmt: skip
            context["groups"] = [self._present(results, PAGE_SIZE, words)]
            last = min(MAX_PAGE, max(1, -(-min(results.total, engine.COUNT_CAP) // PAGE_SIZE)))
            context["pages"] = {
                "number": page,
                "previous": page - 1 if page > 1 else None,
                "next": page + 1 if len(results.items) > PAGE_SIZE and page < last else None,
                "last": last,
            }
        else:
            context["groups"] = [
                self._present(
                    engine.search_source(
                        each, query, limit=OVERVIEW_LIMIT.get(each.key, OVERVIEW_DEFAULT),
                        year=year, **filters,
                    ),
                    OVERVIEW_LIMIT.get(each.key, OVERVIEW_DEFAULT),
                    words,
                )
                for each in registry.sources()
            ]  # fmt: skip
            if query.is_reference:
                # A number names one document: the type whose title holds it comes first.
                context["groups"].sort(key=lambda g: not g["number_in_title"])
            context["groups"].sort(key=lambda g: not (g["items"] and _leads(g["source"], query)))
            totals = engine.counts(registry.sources(), query, year=year, **filters)
            for group in context["groups"]:
                group["total"] = totals.get(group["source"].key, 0)
                group["more_than_cap"] = group["total"] > engine.COUNT_CAP
        groups = context["groups"]
        context["found_any"] = any(g["items"] or g["some_words"] for g in groups)
        total = sum(g["total"] for g in groups if g["items"])
        context["total"] = min(total, engine.COUNT_CAP + 1)
        context["more_than_cap"] = total > engine.COUNT_CAP
        context["count_cap"] = engine.COUNT_CAP
        if not query.is_empty and not any(g["items"] for g in groups):
            context["suggestion"] = suggestion(query)
            if context["suggestion"]:
                again = self.request.GET.copy()
                again["q"] = context["suggestion"]
                again.pop("page", None)
                context["suggestion_query"] = again.urlencode()
        params = self.request.GET.copy()
        params.pop("page", None)
        context["query_string"] = params.urlencode()
        return super().get_context_data(**context, **kwargs)

    @staticmethod
    def _present(results, limit, words):
        source = results.source

        def card(obj):
            text = source.snippet(obj) if source.snippet else ""
            return {
                "object": obj,
                "title": mark(source.title_of(obj), words),
                "passage": passage(text, words) if text else "",
            }

        return {
            "source": source,
            "items": [card(o) for o in results.items[:limit]],
            "has_more": len(results.items) > limit,
            "total": results.total,
            "more_than_cap": results.more_than_cap,
            "some_words": [card(o) for o in results.some_words],
            "number_in_title": bool(results.items)
            and getattr(results.items[0], "search_tier", None) == 0,
        }


search = public_page(SearchView.as_view(), params=["q", "loai", "nam", "chuyen_muc", "page"])

"""The look-up's chart counts and the ids of its page, from one scan of the matches.

A look-up by name matches hundreds of recipients; the chart needs all of them (counts by year
and form) and the page thirty of them in decision order. Two queries found and joined every
match twice; here the matches are read once into a materialised CTE that both are drawn from.
"""

from django.db import connection
from django.db.models import F

from awards.charts import count_row

# The look-up's order: newest decision first, its collectives then individuals, as listed.
ORDERING = ("-decision__issued_on", "-decision_id", "kind", "order", "pk")
_ORDER_SQL = "m_issued DESC, m_decision DESC, m_kind ASC, m_order ASC, m_pk ASC"


def counts_and_page_ids(matches, offset: int, limit: int) -> tuple[list[dict], list[int]]:
    """([{year, form, count}], ids of matches offset..offset+limit in ORDERING), one query."""
    scan = matches.order_by().values(
        m_pk=F("pk"),
        m_year=F("decision__year"),
        m_form=F("decision__form__name"),
        m_issued=F("decision__issued_on"),
        m_decision=F("decision_id"),
        m_kind=F("kind"),
        m_order=F("order"),
    )
    sql, params = scan.query.get_compiler(using=scan.db).as_sql()
    materialized = "MATERIALIZED " if connection.vendor == "postgresql" else ""
    # Django's own compiled SQL with its parameters kept apart: nothing typed is inlined.
    statement = (
        f"WITH m AS {materialized}({sql}) "  # noqa: S608
        "SELECT m_year, m_form, COUNT(*), NULL FROM m GROUP BY m_year, m_form "
        "UNION ALL "
        f"SELECT NULL, NULL, NULL, m_pk FROM (SELECT m_pk FROM m ORDER BY {_ORDER_SQL} "
        "LIMIT %s OFFSET %s) AS page"
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, [*params, limit, offset])
        rows = cursor.fetchall()
    counts = [count_row(year, form, count) for year, form, count, pk in rows if pk is None]
    return counts, [pk for *_, pk in rows if pk is not None]

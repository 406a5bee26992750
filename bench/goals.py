"""Issue 17's goals that a run of `make bench` did not meet: the measured reason, and what would
meet each, printed under the goals table.

The reason is computed from the run's own profile of the page (in process, page cache off):
how much of a request is the queries' own time and how much is Python, against the goal. What
would meet the goal is the next step the profiles so far point to (docs/performance.md says how
each was measured); it is kept here, beside the goals, so the table and the plan move together.
"""

# What would meet each page's goal, from its profiles (docs/performance.md, "Where the time
# goes" and the runs after it). Shown only while the goal is missed.
NEXT_STEPS = {
    "awards": (
        "the decision's date and publication copied onto each recipient row, so the page's "
        "30 ids come from the recipients' own index with no join to the decisions (the "
        "shared scan joins 1,438 matches to their decisions one by one); and the 30 rows "
        "(already built in Python) read with their decision and bodies as plain values "
        "rather than ≈ 130 model objects"
    ),
    "search": (
        "each source's rank classes in one statement whose SQL is written once per query "
        "shape and reused with new parameters (the ORM builds 20 queries a page), all "
        "sources' ids in one statement whose archive parts run only when the newest "
        "documents are too few (measured: the gate costs 0.48 ms with PostgreSQL's parallel "
        "workers off), then one query of rows per source; and a cheaper phrase test than "
        "rechecking the stored word vector of every candidate article in the window (the "
        "largest query)"
    ),
    "body": (
        "the page's queries (its own, the news and the awards sections) in about four, the "
        "lists read as plain rows rather than model objects: building SQL and turning rows "
        "into objects are a third of its CPU; the grassroots unions' list (≈ 100 links) "
        "built in Python"
    ),
    "meetings": (
        "one query, its rows and filter fields already built in Python: what is left is the "
        "filter set (its form deep-copied for each request) and the page's frame – header, "
        "menu, footer – through the template engine (≈ 2 ms of CPU here), which would have "
        "to be built in Python too, or kept once per content version like the menus' data"
    ),
    "home": (
        "one query already: the card grid's HTML (≈ 80 cards) built in Python or kept per "
        "article and content version; a fragment cache must then still render the page's "
        "own data, so decide that first"
    ),
    "article": (
        "its photos and mentions read in the article's own query and the related and newest "
        "lists in one: building SQL is a quarter of its CPU for six small queries"
    ),
}

BURST_PAGES = {"lookups": "awards", "searches": "search"}  # the profiled page behind a burst


def _reason(prof: dict, goal: float) -> str:
    sql, wall = prof["sql_ms"], prof["wall_ms"]
    python = max(wall - sql, 0.0)
    share = ", ".join(f"{name} {part:.0%}" for name, part in list(prof["areas"].items())[:2])
    if sql > goal:
        verdict = f"its queries alone take longer than the goal of {goal:.0f} ms"
    elif python > goal:
        verdict = f"its Python alone takes longer than the goal of {goal:.0f} ms"
    else:
        verdict = f"each fits the goal of {goal:.0f} ms alone, not both together"
    return (
        f"in process {wall:.1f} ms a request: {prof['queries']} "
        f"{'query' if prof['queries'] == 1 else 'queries'} {sql:.1f} ms, "
        f"Python {python:.1f} ms (CPU {prof['cpu_ms']:.1f} ms; {share}): {verdict}"
    )


def unmet(result: dict, one_reader_goals: dict, burst_goals: dict) -> str:
    """Markdown: every missed goal with its measured reason and what would meet it."""
    lines = []
    labels = {key: label for key, label, _path in result["pages"]}
    profiles = result.get("profiles", {})
    for key, goal in one_reader_goals.items():
        p50 = result["uncached"]["pages"][key]["single_p50_ms"]
        prof = profiles.get(key)
        if p50 <= goal or not prof or "sql_ms" not in prof:
            continue
        lines.append(
            f"- **{labels[key]}**, one reader {p50:.1f} ms (goal {goal:.0f}): "
            f"{_reason(prof, goal)}. What would meet it: {NEXT_STEPS[key]}."
        )
    burst = result.get("burst", {})
    cores = result["meta"]["cores"]
    for key, goal in burst_goals.items():
        if key not in burst or burst[key]["ratio"] >= goal:
            continue
        prof = profiles.get(BURST_PAGES[key])
        if not prof:
            continue
        needed = goal * burst["hello"]["rps"]
        lines.append(
            f"- **distinct {key}**, {burst[key]['rps']:,.0f} req/s ({burst[key]['ratio']:.1%} "
            f"of hello; goal {goal:.0%} = {needed:,.0f} req/s): {cores} cores at "
            f"{prof['wall_ms']:.1f} ms a request (its page in process) serve at most "
            f"≈ {cores * 1000 / prof['wall_ms']:,.0f} req/s; the goal needs ≤ "
            f"{cores * 1000 / needed:.1f} ms a request. What would meet it: the same work as "
            f"for its page above."
        )
    if not lines:
        return ""
    hello = result["uncached"]["hello"]
    return (
        "Goals not met in this run – the measured reason, and what would meet each (the "
        f"machine: hello world {hello['rps']:,.0f} req/s, one reader "
        f"{hello['single_p50_ms']:.1f} ms; the goals are in milliseconds, so a slower "
        "machine misses them by more):\n\n" + "\n".join(lines)
    )

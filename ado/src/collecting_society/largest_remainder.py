"""The largest-remainder method, as SQL over whole groups of rows.

Money is split in whole cents: every part first gets the floor of its exact
share, then the cents still missing go, one each, to the parts with the
largest remainders (ties by key, so a run repeated gives the same lines).
Each group's parts therefore add up to exactly the group's total.

`allocate` returns the SQL of a WITH element list (CTEs) that turns the
rows of `source` (columns: the group's columns, `key`, `total` in cents,
`weight`) into the same rows with `cents`. It runs in PostgreSQL, over any
number of rows, without a Python loop.
"""


def allocate(name, source, group, key):
    by_group = f'PARTITION BY {group}'
    return f"""
    {name}_exact AS (
        SELECT *, total * weight
            / NULLIF(SUM(weight) OVER ({by_group}), 0) AS exact
        FROM {source}),
    {name}_floor AS (
        SELECT *, FLOOR(exact) AS whole FROM {name}_exact
        WHERE exact IS NOT NULL),
    {name} AS (
        SELECT *, whole + CASE WHEN ROW_NUMBER() OVER (
                {by_group} ORDER BY exact - whole DESC, {key})
            <= total - SUM(whole) OVER ({by_group})
            THEN 1 ELSE 0 END AS cents
        FROM {name}_floor)"""


"""Making a restored copy safe to work with: it must never act on members.

A copy of production shares the stack's trytond configuration (its [email]
uri), so mail is stopped at the copy's side: every scheduled job is off,
queued tasks are dropped, every email address in it is made undeliverable
(RFC 2606's .invalid, recognisable: alice@example.org becomes
alice-at-example.org@neutralized.invalid), and the database says it is a copy.
"""
from psycopg import sql

from . import dbutils

INVALID = '@neutralized.invalid'


def neutralize(dbname, note, timeout):
    with dbutils.connect(dbname, timeout) as conn, conn.transaction():
        if _has(conn, 'ir_cron'):
            conn.execute('UPDATE ir_cron SET active = false WHERE active')
        if _has(conn, 'ir_queue'):
            conn.execute('DELETE FROM ir_queue')
        for table, column in _email_columns(conn):
            conn.execute(sql.SQL(
                "UPDATE {t} SET {c} = replace({c}, '@', '-at-') || %s "
                "WHERE {c} LIKE '%%@%%' AND {c} NOT LIKE %s").format(
                    t=sql.Identifier(table), c=sql.Identifier(column)),
                (INVALID, f'%{INVALID}'))
        if _has(conn, 'party_contact_mechanism'):
            conn.execute(
                "UPDATE party_contact_mechanism SET value = replace(value, '@', '-at-') || %s "
                "WHERE type = 'email' AND value NOT LIKE %s", (INVALID, f'%{INVALID}'))
    with dbutils.connect(timeout=timeout) as conn:
        conn.execute(sql.SQL('COMMENT ON DATABASE {} IS {}').format(
            sql.Identifier(dbname), sql.Literal(f'neutralized copy: {note}')))


def _has(conn, table):
    return conn.execute('SELECT to_regclass(%s) IS NOT NULL', (f'public.{table}',)).fetchone()[0]


def _email_columns(conn):
    """Text columns named like an email address, in tables (not views)."""
    return conn.execute(
        "SELECT c.table_name, c.column_name FROM information_schema.columns c "
        "JOIN information_schema.tables t USING (table_schema, table_name) "
        "WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' "
        "AND c.data_type IN ('character varying', 'text') "
        "AND c.column_name IN ('email', 'email_address', 'from_', 'to', 'cc', 'bcc')"
    ).fetchall()

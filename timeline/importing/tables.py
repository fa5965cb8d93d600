"""Plain rows into plain tables: one statement per table and chunk, no model instances.

Django's ``bulk_create`` builds a model instance per row and compiles every value through its
field (hundreds of thousands of calls for a few thousand rows). An import knows its values are
already Python values of the right type, so ``Table`` converts only what the database needs
converted (dates, datetimes, JSON) and hands tuples to the driver: ``executemany`` (pipelined by
psycopg 3 on PostgreSQL), ``COPY`` where nothing needs reading back, and
``INSERT ... ON CONFLICT DO NOTHING`` where the new ids are needed (on PostgreSQL one statement
over an array per column, returning them; on SQLite an ``executemany``, the ids read back after).

Column names come from the model's own metadata and are quoted; values are always parameters.
"""

import contextlib
import datetime
import functools
from operator import itemgetter

from django.db import DEFAULT_DB_ALIAS, connection, connections

# Fields whose Python value the drivers take as they are.
_AS_IS = {
    "AutoField",
    "BigAutoField",
    "BigIntegerField",
    "BooleanField",
    "CharField",
    "ForeignKey",
    "IntegerField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "SlugField",
    "TextField",
    "URLField",
}


def _converter(field):
    kind = field.get_internal_type()
    if kind in _AS_IS:
        return None
    if kind == "DateField":
        return connection.ops.adapt_datefield_value
    if kind == "DateTimeField":
        return connection.ops.adapt_datetimefield_value
    if kind == "JSONField":
        return functools.partial(connection.ops.adapt_json_value, encoder=field.encoder)
    return functools.partial(field.get_db_prep_save, connection=connections[DEFAULT_DB_ALIAS])


class Table:
    """The columns ``attnames`` of ``model``'s table, written from dicts keyed by attname."""

    def __init__(self, model, attnames):
        meta = model._meta
        self.attnames = tuple(attnames)
        self.fields = [meta.get_field(name) for name in self.attnames]
        self._values = (
            itemgetter(*self.attnames) if len(self.attnames) > 1 else lambda row: (row[attnames[0]],)
        )
        self.name = meta.db_table
        self.model = model

    def quoted(self):
        quote = connection.ops.quote_name
        return quote(self.name), [quote(f.column) for f in self.fields]

    def _unnest(self, key=None):
        """``unnest(%s::type[], ...)`` over this table's columns (and ``key``'s), for PostgreSQL."""
        fields = [*self.fields, *([self.model._meta.get_field(key)] if key else [])]
        return f"unnest({', '.join(f'%s::{field.cast_db_type(connection)}[]' for field in fields)})"

    def tuples(self, rows):
        # Converters are the current connection's (its backend decides how a date is sent).
        converted = [(i, c) for i, c in enumerate(map(_converter, self.fields)) if c is not None]
        values = self._values
        if not converted:
            return [values(row) for row in rows]
        result, memo = [], {}
        for row in rows:
            line = list(values(row))
            for index, convert in converted:
                value = line[index]
                if isinstance(value, datetime.date):
                    # A chunk writes the same few dates and one timestamp over and over.
                    key = (index, value)
                    if key not in memo:
                        memo[key] = convert(value)
                    line[index] = memo[key]
                elif not value and isinstance(value, (list, dict)):
                    # Most rows carry no messages: "[]" is encoded once per statement.
                    key = (index, type(value))
                    if key not in memo:
                        memo[key] = convert(value)
                    line[index] = memo[key]
                else:
                    line[index] = convert(value)
            result.append(line)
        return result

    def insert(self, rows):
        """Insert ``rows`` (dicts); COPY on PostgreSQL, executemany elsewhere."""
        if not rows:
            return
        table, columns = self.quoted()
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for values in self.tuples(rows):
                        copy.write_row(values)
                return
            placeholders = ", ".join(["%s"] * len(columns))
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})"  # noqa: S608
            cursor.executemany(sql, self.tuples(rows))

    def insert_new(self, rows, returning):
        """Insert ``rows``, skipping any that a unique constraint already holds (another worker's);
        returns the ``returning`` columns of the rows this statement inserted."""
        if not rows:
            return []
        table, columns = self.quoted()
        quote = connection.ops.quote_name
        back = ", ".join(quote(column) for column in returning)
        values = self.tuples(rows)
        if connection.vendor == "postgresql":
            # One statement over one array per column: the server plans it once for the whole chunk.
            sql = (
                f"INSERT INTO {table} ({', '.join(columns)}) SELECT * FROM {self._unnest()} "  # noqa: S608
                f"ON CONFLICT DO NOTHING RETURNING {back}"
            )
            with _server_cursor() as cursor:
                return cursor.execute(sql, _columns_of(values, len(columns))).fetchall()
        # sqlite3 runs a one-row INSERT many times over faster than one INSERT of many rows (40
        # against 57 us per event row, measured), but executemany returns nothing. Holding the
        # write lock since BEGIN, this transaction is the only writer: the rows it inserts are
        # exactly those above the largest id before them.
        _require_sqlite_write_lock()
        pk = quote(self.model._meta.pk.column)
        placeholders = ", ".join(["%s"] * len(columns))
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COALESCE(MAX({pk}), 0) FROM {table}")  # noqa: S608
            (before,) = cursor.fetchone()
            cursor.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders}) "  # noqa: S608
                "ON CONFLICT DO NOTHING",
                values,
            )
            cursor.execute(f"SELECT {back} FROM {table} WHERE {pk} > %s ORDER BY {pk}", [before])  # noqa: S608
            return cursor.fetchall()

    def update(self, rows, key="id"):
        """Set this table's columns from ``rows``, each found by its ``key`` value."""
        if not rows:
            return
        table, columns = self.quoted()
        quote = connection.ops.quote_name
        assignments = ", ".join(f"{column} = %s" for column in columns)
        sql = f"UPDATE {table} SET {assignments} WHERE {quote(key)} = %s"  # noqa: S608
        params = [(*values, row[key]) for values, row in zip(self.tuples(rows), rows, strict=True)]
        if connection.vendor == "postgresql":
            names = ", ".join(f"v{n}" for n in range(len(columns) + 1))
            assignments = ", ".join(f"{column} = v.v{n}" for n, column in enumerate(columns))
            sql = (
                f"UPDATE {table} SET {assignments} FROM {self._unnest(key)} AS v({names}) "  # noqa: S608
                f"WHERE {table}.{quote(key)} = v.v{len(columns)}"
            )
            with _server_cursor() as cursor:
                cursor.execute(sql, _columns_of(params, len(columns) + 1))
            return
        with connection.cursor() as cursor:
            cursor.executemany(sql, params)


def _require_sqlite_write_lock():
    if not (connection.in_atomic_block and connection.transaction_mode == "IMMEDIATE"):
        raise RuntimeError(
            "Table.insert_new on SQLite needs a transaction that holds the write lock from its BEGIN: "
            "set DATABASES['default']['OPTIONS']['transaction_mode'] = 'IMMEDIATE' and call it "
            "inside transaction.atomic()"
        )


def _columns_of(rows, width):
    """Rows of values as one list per column (what ``unnest`` takes)."""
    return [list(column) for column in zip(*rows, strict=True)] if rows else [[] for _ in range(width)]


@contextlib.contextmanager
def _server_cursor():
    """A psycopg cursor with server-side binding on Django's connection, errors as Django's.

    Django's own cursor binds values into the query text on the client, so psycopg cannot prepare
    a statement once and pipeline it for every row; this one can.
    """
    import psycopg

    connection.ensure_connection()
    with connection.wrap_database_errors, psycopg.Cursor(connection.connection) as cursor:
        yield cursor

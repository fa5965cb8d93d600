"""Full-text search's stored vector: PostgreSQL keeps each event's ``to_tsvector`` in a column.

Computing ``to_tsvector`` per row made a search page walk slowly (about 25 microseconds a row,
which the planner does not count), and left the planner no statistics about words. A stored,
generated column costs the database one computation per write and gives it both. SQLite has no
text search types: there the column is always NULL and search reads ``search_document``.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db.models import Func

SEARCH_CONFIG = "simple"  # whole words, no stemming: names and legal terms in many languages


class DocumentVector(Func):
    """``to_tsvector`` of a text column in ``SEARCH_CONFIG`` on PostgreSQL; NULL elsewhere."""

    output_field = SearchVectorField()
    arity = 1

    def as_sql(self, compiler, connection, **extra_context):
        return "NULL", []

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler,
            connection,
            template=f"to_tsvector('{SEARCH_CONFIG}'::regconfig, COALESCE(%(expressions)s, ''))",
            **extra_context,
        )

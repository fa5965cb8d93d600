"""What a process that imports does once when it starts, and around each chunk it processes.

Python's cyclic garbage collector walks every container object alive whenever enough new ones
have been allocated. An importing process holds hundreds of thousands of long-lived ones
(dateparser's and the date vocabulary's data, Django's models) and a chunk allocates thousands of
short-lived dicts: measured on a 30,000-row import, collections took 17% of its time. So the
long-lived objects are frozen once (``gc.freeze``: the collector no longer looks at them) and no
collection runs in the middle of a chunk; everything a chunk leaves behind is freed by reference
counting, and cycles at the next collection after it.
"""

import contextlib
import gc

from django.conf import settings
from django.db import connection

from .. import dates

_prepared = False


def prepare_process():
    """Load the date vocabulary and freeze what is loaded so far; once per process."""
    global _prepared
    if _prepared:
        return
    dates.warm_up()
    gc.collect()  # nothing that is already garbage becomes permanent
    gc.freeze()
    _prepared = True


@contextlib.contextmanager
def collector_paused():
    """No cyclic garbage collection inside the block (a chunk); the collector resumes after it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def tune_database():
    """On SQLite, the pragmas of a connection that imports (they last as long as the connection;
    setting them again costs nothing and keeps the cached pages): its page cache
    (``IMPORT_SQLITE_CACHE_MB``) and how often it checkpoints the write-ahead log
    (``IMPORT_SQLITE_WAL_AUTOCHECKPOINT`` pages, after which the log file is cut back to that size).

    SQLite checkpoints after any commit that leaves more than 1000 pages in the log: a chunk
    writes several thousand (every index of every event it adds), so each of its commits copied
    them all into the database file, fsyncs included, the same index pages again at every chunk.
    Measured at 300,000 rows (docs/benchmarks.md): commits took 26.8 and 34.9 s of 115 and 145 s
    imports at 1000 pages; 24.7 s of 130 s at 25,000; 13.9 and 16.0 s of 99 s at 100,000 (348-350
    -> 303-319 us of CPU per row); 19.2 s of 115 s with no checkpoint (a 4 GB log, which every
    page read looks up first). At 1,000,000 rows: 134.6 -> 86.3 s of commits, 2,397 -> 2,681
    rows/s. What it leaves in the log: ``checkpoint_database``.
    """
    if connection.vendor != "sqlite":
        return
    pragmas = []
    if settings.IMPORT_SQLITE_CACHE_MB:
        pragmas.append(f"cache_size = -{int(settings.IMPORT_SQLITE_CACHE_MB) * 1024}")
    if pages := int(settings.IMPORT_SQLITE_WAL_AUTOCHECKPOINT):
        pragmas.append(f"wal_autocheckpoint = {pages}")
        # A log file is reused from its start after a checkpoint, never shrunk: without a limit
        # it keeps the size of the largest transaction (staging a file is one) for good.
        pragmas.append(f"journal_size_limit = {pages * _page_size()}")
    with connection.cursor() as cursor:
        for pragma in pragmas:
            cursor.execute(f"PRAGMA {pragma}")


def _page_size():
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA page_size")
        return cursor.fetchone()[0]


def checkpoint_database(db=connection):
    """On SQLite, copy what the write-ahead log holds into the database file now, without waiting
    for readers or writers (``PASSIVE``); returns (log pages, pages checkpointed), None elsewhere.

    For the end of a batch: an import checkpoints only every ``IMPORT_SQLITE_WAL_AUTOCHECKPOINT``
    pages, and what it leaves in the log would otherwise be checkpointed by the next commit of
    any connection, a web request's (SQLite's default: past 1000 pages), and every reader looks
    pages up in the log until then.
    """
    if db.vendor != "sqlite" or db.in_atomic_block:
        return None  # inside a transaction SQLite refuses to checkpoint
    with db.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")
        _busy, log, checkpointed = cursor.fetchone()
    return log, checkpointed

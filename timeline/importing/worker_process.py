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
    """On SQLite, the page cache ``IMPORT_SQLITE_CACHE_MB`` for this connection (a pragma lasts
    as long as the connection; setting it again costs nothing and keeps the cached pages)."""
    megabytes = settings.IMPORT_SQLITE_CACHE_MB
    if connection.vendor != "sqlite" or not megabytes:
        return
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA cache_size = -{int(megabytes) * 1024}")

"""What a connection that imports is set to on SQLite (worker_process.tune_database)."""

import pytest
from django.db import connection, connections, transaction

from timeline.importing.worker_process import checkpoint_database, tune_database

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite pragmas")


def pragma(name):
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA {name}")
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_an_importing_connection_gets_the_page_cache_and_checkpoint_interval_of_the_settings(settings):
    settings.IMPORT_SQLITE_CACHE_MB = 48
    settings.IMPORT_SQLITE_WAL_AUTOCHECKPOINT = 12345
    tune_database()
    assert pragma("cache_size") == -48 * 1024
    assert pragma("wal_autocheckpoint") == 12345
    assert pragma("journal_size_limit") == 12345 * pragma("page_size")


@pytest.mark.django_db
def test_zero_keeps_sqlites_own_values(settings):
    settings.IMPORT_SQLITE_CACHE_MB = 0
    settings.IMPORT_SQLITE_WAL_AUTOCHECKPOINT = 0
    before = pragma("cache_size"), pragma("wal_autocheckpoint")
    tune_database()
    assert (pragma("cache_size"), pragma("wal_autocheckpoint")) == before


@pytest.mark.django_db
def test_a_checkpoint_copies_the_log_into_the_database_file(tmp_path, settings):
    wrapper = type(connections["default"])(
        {**connection.settings_dict, "NAME": str(tmp_path / "db.sqlite3")}, alias="wal"
    )
    try:
        with wrapper.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA wal_autocheckpoint = 0")  # everything stays in the log
            cursor.execute("CREATE TABLE t (value TEXT)")
            cursor.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 100)
        log, checkpointed = checkpoint_database(wrapper)
        assert log > 0
        assert checkpointed == log
        assert checkpoint_database(wrapper) == (log, log)  # nothing new since
    finally:
        wrapper.close()


@pytest.mark.django_db
def test_no_checkpoint_inside_a_transaction():
    with transaction.atomic():
        assert checkpoint_database() is None

"""The import pipeline: read and stage a file, process its rows, report what became of each.

readers -> staging (ImportBatch + ImportRow, verbatim) -> orchestration (dispatch to the workers,
wait, heal stalls, finish) -> processing (per chunk of row ids, run by the Celery tasks of
``timeline.tasks``, which call this package and are never imported by it) -> Events.
"""

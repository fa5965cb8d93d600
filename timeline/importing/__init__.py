"""The import pipeline: read and stage a file, process its rows, report what became of each.

readers -> staging (ImportBatch + ImportRow, verbatim) -> processing (per chunk of row ids,
through Celery tasks in ``timeline.tasks``) -> Events.
"""

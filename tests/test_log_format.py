import json
import logging

from config.log_format import JsonFormatter


def test_log_lines_are_json_objects_with_extra_fields():
    record = logging.makeLogRecord(
        {"name": "timeline.importing", "levelname": "INFO", "msg": "batch %s done", "args": (7,), "rows": 120}
    )
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "batch 7 done"
    assert line["logger"] == "timeline.importing"
    assert line["rows"] == 120


def test_exceptions_are_kept_in_the_line():
    try:
        raise ValueError("bad row")
    except ValueError:
        import sys

        record = logging.makeLogRecord({"msg": "failed", "exc_info": sys.exc_info()})
    assert "ValueError: bad row" in json.loads(JsonFormatter().format(record))["exception"]

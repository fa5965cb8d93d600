"""The project's Celery app for the worker integration test, with a short visibility timeout.

A worker killed with SIGKILL never returns its unacknowledged messages; the Redis transport
hands them out again once their visibility timeout has passed (an hour by default).
"""

from config.celery import app

app.conf.broker_transport_options = {"visibility_timeout": 15}

__all__ = ["app"]

"""Schemathesis against a live gunicorn on PostgreSQL, every phase including the stateful one.

The server runs as it would in production (config.production behind no proxy, two gunicorn
workers, its own freshly migrated PostgreSQL database with the seeds imported, a reviewer's token
so that writes are exercised too). Two checks must hold on every response: no server error, and
the response matches the schema it documents (status code, content type, body).
"""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.reachability import require_postgres

pytestmark = [pytest.mark.live, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"
MAX_EXAMPLES = 15
MAX_SECONDS = 240


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, timeout=600)


@pytest.fixture(scope="module")
def live_api(tmp_path_factory):
    require_postgres()
    import psycopg

    name = f"pt_live_{os.getpid()}_{secrets.token_hex(3)}"
    admin_url = "postgresql://postgres@127.0.0.1:5432/postgres"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    port = free_port()
    log_path = tmp_path_factory.mktemp("gunicorn") / "server.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{name}",
        "CELERY_BROKER_URL": "",
        "REDIS_URL": "",
        "API_ANON_RATE": "100000/minute",
        "POLICY_TIMELINE_VAR_DIR": str(tmp_path_factory.mktemp("var")),
    }
    server = None
    try:
        manage(env, "migrate", "--noinput", "--verbosity", "0")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        for seed in sorted((ROOT / "seeds").iterdir()):
            manage(env, "import_events", str(seed))
        token = secrets.token_hex(20)
        manage(
            env,
            "shell",
            "-c",
            "from django.contrib.auth.models import Group, User; "
            "from rest_framework.authtoken.models import Token; "
            "user = User.objects.create_user('live-reviewer', password=None); "
            "user.groups.add(Group.objects.get(name='reviewer')); "
            f"Token.objects.create(user=user, key='{token}')",
        )
        # The server's log goes to a file: a pipe nobody reads fills up and blocks the workers.
        log = open(log_path, "wb")  # noqa: SIM115 - closed in the finally below
        server = subprocess.Popen(
            [str(BIN / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):  # up to 20 s
            try:
                urllib.request.urlopen(f"{base}/api/schema/", timeout=2).read()  # noqa: S310 - loopback
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("gunicorn did not answer on 127.0.0.1 within 20 s")
        yield base, token, log_path
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
            log.close()
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_schemathesis_finds_no_server_error_and_no_schema_violation(live_api, tmp_path):
    base, token, log_path = live_api
    result = subprocess.run(
        [
            str(BIN / "schemathesis"),
            "run",
            f"{base}/api/schema/",
            "--phases",
            "examples,coverage,fuzzing,stateful",
            "--checks",
            CHECKS,
            "--max-examples",
            str(MAX_EXAMPLES),
            "--max-time",
            str(MAX_SECONDS),
            "--header",
            f"Authorization: Token {token}",
            "--seed",
            "1",
            "--generation-database",
            "none",
            "--workers",
            "1",
            "--request-timeout",
            "30",
            "--no-color",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=MAX_SECONDS + 300,
        check=False,
    )
    server_log = log_path.read_text(errors="replace")
    assert result.returncode == 0, result.stdout[-20000:] + result.stderr[-5000:] + server_log[-5000:]
    assert "WORKER TIMEOUT" not in server_log

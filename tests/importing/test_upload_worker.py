"""An API upload through a real gunicorn is answered before any row is read; a real worker reads it.

PostgreSQL (a database of this module's own), a private redis-server as the broker, gunicorn and
``celery worker`` as separate processes sharing the imports storage (one var folder), as deployed.
The upload is sent while no worker runs: the answer cannot have waited for staging. Once a
worker starts, the batch is read, processed and done, and the kept file is gone.
"""

import http.client
import json
import os
import secrets
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.reachability import PrivateRedis, free_port, port_open, require_postgres, require_redis, wait_for

from .processes import Processes, write_rows

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
DATABASE = f"pt_upload_it_{os.getpid()}"
ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))


@pytest.fixture(scope="module")
def deployment(tmp_path_factory):
    """Migrated database, broker, shared var folder, an editor's token and a running gunicorn."""
    require_redis()
    require_postgres()
    import psycopg

    work = tmp_path_factory.mktemp("upload-it")
    redis = PrivateRedis(work)
    redis.start()
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {DATABASE}")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
        "CELERY_BROKER_URL": redis.url,
        "REDIS_URL": "",
        "POLICY_TIMELINE_VAR_DIR": str(work / "var"),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        "IMPORT_CHUNK_SIZE": "50",
        "LOG_LEVEL": "WARNING",
    }
    server = None
    try:
        manage = [sys.executable, "manage.py"]
        subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True, timeout=300)
        token = secrets.token_hex(20)
        script = (
            "from django.contrib.auth.models import Group, User; "
            "from rest_framework.authtoken.models import Token; "
            "user = User.objects.create_user('uploader', password=None); "
            "user.groups.add(Group.objects.get(name='editor')); "
            f"Token.objects.create(user=user, key='{token}')"
        )
        subprocess.run([*manage, "shell", "-c", script], cwd=ROOT, env=env, check=True, timeout=120)
        port = free_port()
        log = open(work / "gunicorn.log", "wb")  # noqa: SIM115 - gunicorn writes to it until stopped
        server = subprocess.Popen(
            [GUNICORN, "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_for(lambda: port_open("127.0.0.1", port, 0.2), 30, "gunicorn")
        yield {"env": env, "port": port, "token": token, "uploads": work / "var" / "import-uploads"}
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
            log.close()
        redis.stop()
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")


def request(deployment, method, path, body=None, content_type=None):
    connection = http.client.HTTPConnection("127.0.0.1", deployment["port"], timeout=60)
    headers = {"Authorization": f"Token {deployment['token']}"}
    if content_type:
        headers["Content-Type"] = content_type
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    status, data = response.status, json.loads(response.read())
    connection.close()
    return status, data


def post_file(deployment, path):
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{path.name}"\r\n'
            "Content-Type: text/csv\r\n\r\n"
        ).encode()
        + path.read_bytes()
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return request(deployment, "POST", "/api/v1/imports/", body, f"multipart/form-data; boundary={boundary}")


def test_an_api_upload_is_answered_before_staging_and_completes_through_the_worker(deployment, tmp_path):
    path = tmp_path / "up.csv"
    write_rows(path, "up", 400, distinct=400)

    status, batch = post_file(deployment, path)  # no worker runs yet
    assert status == 202, batch
    assert (batch["status"], batch["total_rows"], batch["progress"]) == ("staging", 0, 0.0)
    assert batch["file_size"] == path.stat().st_size
    assert len(list(deployment["uploads"].iterdir())) == 1
    url = f"/api/v1/imports/{batch['id']}/"
    assert request(deployment, "GET", url)[1]["status"] == "staging"

    workers = Processes(deployment["env"], tmp_path)
    try:
        workers.start(concurrency=2)
        wait_for(lambda: request(deployment, "GET", url)[1]["status"] == "done", 180, "the batch to be done")
    finally:
        workers.stop_all()
    done = request(deployment, "GET", url)[1]
    assert done["total_rows"] == 400
    assert done["counts"]["created"] == 400
    assert done["bytes_staged"] == done["file_size"]
    assert list(deployment["uploads"].iterdir()) == []

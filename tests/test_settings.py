import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "DJANGO_SETTINGS_MODULE": "config.production",
            "SECRET_KEY": "k" * 20 + "9f8e7d6c5b4a3210zyxwvutsrqponmlkjihgfedcba",
            "ALLOWED_HOSTS": "timeline.example.org",
            "POLICY_TIMELINE_VAR_DIR": str(tmp_path),
        },
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = run_manage(
        "check", env={"DJANGO_SETTINGS_MODULE": "config.production", "POLICY_TIMELINE_VAR_DIR": str(tmp_path)}
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({}, ("django.db.backends.sqlite3", True)),
        (
            {
                "DATABASE_URL": "postgres://u@127.0.0.1:5432/db",
                "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
            },
            ("django.db.backends.postgresql", False),
        ),
    ],
)
def test_environment_chooses_database_and_celery_mode(tmp_path, environment, expected):
    script = (
        "from django.conf import settings; "
        "print(settings.DATABASES['default']['ENGINE'], settings.CELERY_TASK_ALWAYS_EAGER, settings.DEBUG)"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {script}"],
        cwd=ROOT,
        env={
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "POLICY_TIMELINE_VAR_DIR": str(tmp_path),
            **environment,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    engine, eager, debug = result.stdout.split()
    assert (engine, eager == "True") == expected
    assert debug == "False"

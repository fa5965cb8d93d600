import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command


@pytest.mark.django_db
def test_local_admin_is_created_once_with_a_password_that_works(settings, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    settings.VAR_DIR = tmp_path
    call_command("create_local_admin")
    password = (tmp_path / "admin-password").read_text().strip()
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password(password)
    assert password in capsys.readouterr().out

    call_command("create_local_admin")
    assert get_user_model().objects.filter(username="admin").count() == 1
    assert (tmp_path / "admin-password").read_text().strip() == password

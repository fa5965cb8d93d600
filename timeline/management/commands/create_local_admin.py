import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the local superuser 'admin' once (password from ADMIN_PASSWORD, or generated and kept in "
        "var/admin-password) and print how to log in."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default=os.environ.get("ADMIN_USERNAME", "admin"))

    def handle(self, *args, username, **options):
        password_file = settings.VAR_DIR / "admin-password"
        user_model = get_user_model()
        if not user_model.objects.filter(username=username).exists():
            password = os.environ.get("ADMIN_PASSWORD") or secrets.token_urlsafe(12)
            user_model.objects.create_superuser(username=username, email="", password=password)
            if not os.environ.get("ADMIN_PASSWORD"):
                settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
                password_file.write_text(password + "\n")
                password_file.chmod(0o600)
        if password_file.exists():
            where = f"password in {password_file}: {password_file.read_text().strip()}"
        else:
            where = "password as set in ADMIN_PASSWORD when the user was created"
        self.stdout.write(f"Admin: http://127.0.0.1:8000/admin/  user {username!r}, {where}")

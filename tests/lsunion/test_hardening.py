"""Security settings and defences a reviewer can check from outside."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from lsunion.documents import validate_pdf

ROOT = Path(__file__).resolve().parents[2]


def production_env(**extra) -> dict:
    """The environment of a production server: none of this test run's DJANGO_ variables."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return {**env, "DJANGO_SETTINGS_MODULE": "lsunion.settings.base", **extra}


def test_check_deploy_is_clean_with_production_settings():
    env = production_env(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_SECURE="1",
        DJANGO_ALLOWED_HOSTS="congdoanlangson.vn",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues (0 silenced)" in result.stdout


def test_production_refuses_to_start_without_a_real_secret_key():
    env = production_env(DJANGO_DEBUG="0")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True,
        text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


@pytest.mark.django_db
def test_public_pages_send_strict_security_headers(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'self'" in script_src
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]


# Run in a fresh interpreter on the production settings module, against this test's database:
# an https request through the proxy (X-Forwarded-Proto) logs in; a plain http one is redirected.
BEHIND_TLS = """
import django, json
django.setup()
from django.test import Client
client = Client(HTTP_HOST="congdoanlangson.vn")
plain = client.get("/quan-tri/login/")
tls = {"HTTP_X_FORWARDED_PROTO": "https"}
login = client.post("/quan-tri/login/?next=/quan-tri/",
                    {"username": "bientap", "password": "mat-khau-rat-dai-123"}, **tls)
cookies = {name: {"secure": bool(c["secure"]), "httponly": bool(c["httponly"])}
           for name, c in login.cookies.items()}
print(json.dumps({"plain": [plain.status_code, plain.get("Location", "")],
                  "login": [login.status_code, login.get("Location", "")],
                  "hsts": login.get("Strict-Transport-Security", ""), "cookies": cookies}))
"""


def database_url() -> str:
    """This test's own database, as DATABASE_URL spells it."""
    from django.db import connection

    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_behind_tls_cookies_are_secure_and_hsts_is_sent(django_user_model):
    # Hashed the way production hashes (the test settings use MD5 for speed).
    password = PBKDF2PasswordHasher().encode("mat-khau-rat-dai-123", "muoi-cua-phep-thu")
    django_user_model.objects.create(username="bientap", password=password, is_staff=True)
    env = production_env(
        DJANGO_DEBUG="0", DJANGO_SECRET_KEY=secrets.token_urlsafe(64), DJANGO_SECURE="1",
        DJANGO_ALLOWED_HOSTS="congdoanlangson.vn", DATABASE_URL=database_url(),
        DJANGO_DB_POOL="0",
    )  # fmt: skip
    out = subprocess.run([sys.executable, "-c", BEHIND_TLS], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)  # fmt: skip
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["plain"] == [301, "https://congdoanlangson.vn/quan-tri/login/"]
    assert result["login"] == [302, "/quan-tri/"]
    assert result["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert result["cookies"]["sessionid"] == {"secure": True, "httponly": True}
    assert result["cookies"]["csrftoken"]["secure"] is True


def test_production_settings_mark_cookies_secure():
    env = production_env(
        DJANGO_DEBUG="0", DJANGO_SECRET_KEY=secrets.token_urlsafe(64), DJANGO_SECURE="1"
    )
    code = (
        "import django,os;os.environ['DJANGO_SETTINGS_MODULE']='lsunion.settings.base';"
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT,"
        " s.SECURE_HSTS_SECONDS > 0, s.SESSION_EXPIRE_AT_BROWSER_CLOSE, s.SESSION_COOKIE_AGE)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=60)  # fmt: skip
    assert out.stdout.split() == ["True", "True", "True", "True", "True", str(8 * 3600)]


@pytest.mark.django_db
def test_login_is_locked_after_five_failures_even_with_the_right_password(
    client, django_user_model
):
    django_user_model.objects.create_user("bientap", password="mat-khau-rat-dai-123", is_staff=True)
    login = "/quan-tri/login/?next=/quan-tri/"
    for _ in range(5):
        response = client.post(login, {"username": "bientap", "password": "sai-mat-khau"})
        assert response.status_code in (200, 429)
    locked = client.post(login, {"username": "bientap", "password": "mat-khau-rat-dai-123"})
    assert locked.status_code == 429
    assert "Tạm khóa đăng nhập" in locked.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_correct_login_still_works_before_the_limit(client, django_user_model):
    django_user_model.objects.create_user("bientap", password="mat-khau-rat-dai-123", is_staff=True)
    client.post("/quan-tri/login/", {"username": "bientap", "password": "sai"})
    response = client.post(
        "/quan-tri/login/", {"username": "bientap", "password": "mat-khau-rat-dai-123"}
    )
    assert response.status_code == 302
    assert client.get("/quan-tri/").status_code == 200


@pytest.mark.parametrize("password", ["12345678", "congdoan", "matkhau123", "bientap2024"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_strong_passphrase_is_accepted():
    validate_password("Lạng Sơn mùa hoa đào nở 2026")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("nghi-quyet.pdf", b"<html><script>alert(1)</script></html>"),
        ("nghi-quyet.html", b"%PDF-1.7\n..."),
        ("nghi-quyet.pdf.exe", b"%PDF-1.7\n..."),
    ],
)
def test_documents_must_be_real_pdfs_by_signature_and_name(name, content):
    with pytest.raises(ValidationError):
        validate_pdf(SimpleUploadedFile(name, content, "application/pdf"))


def test_a_real_pdf_is_accepted():
    validate_pdf(SimpleUploadedFile("nghi-quyet.pdf", b"%PDF-1.7\n%...", "application/pdf"))

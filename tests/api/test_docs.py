import re

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/docs/", "/api/redoc/"])
def test_api_docs_work_offline_and_without_inline_scripts(client, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert not re.search(r"""(src|href)=["']https?://""", html), "the docs must not load anything remote"
    assert not re.search(r"<script>(?!\s*</script>)", html), "inline scripts are blocked by the CSP"
    for asset in re.findall(r"""src=["'](/static/[^"']+)""", html):
        assert client.get(asset).status_code == 200


@pytest.mark.django_db
def test_swagger_ui_script_is_served_as_javascript(client):
    response = client.get("/api/docs/?script=")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert "/api/schema/" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/docs/", "/api/redoc/"])
def test_api_docs_pages_say_their_language_and_use_standard_elements(client, path):
    html = client.get(path).content.decode()
    assert '<html lang="en">' in html
    assert "<redoc" not in html

"""Keys that make names and URLs comparable: how imports find what already exists."""

import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_SPACES = re.compile(r"\s+")
_TRACKING_PARAMS = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ref_src)$", re.I)


def match_key(name):
    """Case-, accent- and spacing-insensitive key: "Telegram  Messenger" == "telegram messenger"."""
    decomposed = unicodedata.normalize("NFKD", name or "")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def normalize_url(url):
    """The form of a URL under which two links to the same page compare equal.

    Lower-cases scheme and host, drops default ports, ``www.``, fragments, tracking parameters
    and a trailing slash; sorts the remaining query. Raises ValueError for what is not an
    absolute http(s) URL.
    """
    text = (url or "").strip()
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"} or not parts.hostname:
        raise ValueError(f"{text!r} is not an absolute http(s) URL")
    host = parts.hostname.lower().removeprefix("www.")
    try:
        port = parts.port
    except ValueError as error:
        raise ValueError(f"{text!r} has an invalid port") from error
    if port and port not in (80, 443):
        host = f"{host}:{port}"
    path = re.sub(r"/{2,}", "/", parts.path).rstrip("/")
    query = urlencode(
        sorted(
            (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING_PARAMS.match(k)
        )
    )
    return urlunsplit(("https", host, path, query, ""))

"""One HTTP request to a SPARQL endpoint, with a one-line error when it refuses or cannot be reached."""
from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urlsplit

from kg.read import InputError


def check_url(url: str) -> str:
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
        raise InputError(f"{url}: not an endpoint URL; give one like http://localhost:7878/store")
    return url


def request(url: str, method: str = "GET", data: bytes | None = None, headers: dict[str, str] | None = None,
            timeout: float = 300) -> tuple[str, bytes]:
    """The response's content type and body."""
    req = urllib.request.Request(check_url(url), data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip().splitlines()
        raise InputError(f"{url} refused the request: HTTP {exc.code} {exc.reason}"
                         + (f": {detail[0][:200]}" if detail else "")) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise InputError(f"cannot reach {url}: {reason}; is the endpoint running?") from None

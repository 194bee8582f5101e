"""One HTTP request to a SPARQL endpoint, with a one-line error when it refuses or cannot be reached.

A user name and password in the URL (http://user:secret@host/…) are sent as
HTTP Basic credentials, and every message shows the URL with the password as
`***`: errors end up in terminals, logs and bug reports.
"""
from __future__ import annotations

import base64
import http.client
import urllib.error
import urllib.request
from urllib.parse import unquote, urlsplit, urlunsplit

from kg.read import InputError

EXAMPLE = "give one like http://localhost:7878/store"


def check_url(url: str) -> str:
    """`url` if it is an http(s) URL with a host and a port that can be; else a one-line error."""
    # the reasons are ours: urlsplit's quote the URL, password and all
    try:
        parts = urlsplit(url)
    except ValueError:
        raise InputError(f"{redact(url)}: not a valid URL; {EXAMPLE}") from None
    try:
        parts.port
    except ValueError:
        raise InputError(f"{redact(url)}: the port is not a number from 1 to 65535; {EXAMPLE}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"{redact(url)}: not an endpoint URL; {EXAMPLE}")
    return url


def redact(url: str) -> str:
    """`url` with the password, or a user part that could be a token, shown as ***."""
    # by hand, not with urlsplit: the URL to show may be one that urlsplit refuses
    # up to the query, not the path: a password with an unescaped / must not show either
    start = url.find("://") + 3 if "://" in url else 0
    end = min((i for i in (url.find(c, start) for c in "?#") if i >= 0), default=len(url))
    userinfo, at, _ = url[start:end].rpartition("@")
    if not at:
        return url
    user, colon, _ = userinfo.partition(":")
    return f"{url[:start]}{user + ':***' if colon else '***'}@{url[start + len(userinfo) + 1:]}"


def request(url: str, method: str = "GET", data: bytes | None = None, headers: dict[str, str] | None = None,
            timeout: float = 300) -> tuple[str, bytes]:
    """The response's content type and body."""
    plain, credentials = _credentials(check_url(url))
    shown = redact(url)
    req = urllib.request.Request(plain, data=data, method=method, headers={**credentials, **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as exc:
        raise InputError(f"{shown} refused the request: HTTP {exc.code} {exc.reason}{_detail(exc)}") from None
    except TimeoutError:
        raise InputError(f"{shown} gave no answer within {timeout:g} s; give a longer --timeout, "
                         f"or ask for less") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise InputError(f"cannot reach {shown}: {reason}; is the endpoint running?") from None
    except (http.client.HTTPException, ValueError) as exc:
        raise InputError(f"{shown} answered in a way HTTP does not allow ({type(exc).__name__}); "
                         f"is it a SPARQL endpoint?") from None


def _credentials(url: str) -> tuple[str, dict[str, str]]:
    """The URL without its user and password, and the Basic authorisation header they make."""
    parts = urlsplit(url)
    if parts.username is None:
        return url, {}
    host = parts.netloc.rpartition("@")[2]
    pair = f"{unquote(parts.username)}:{unquote(parts.password or '')}".encode("utf-8")
    return (urlunsplit(parts._replace(netloc=host)),
            {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")})


def _detail(exc: urllib.error.HTTPError) -> str:
    if exc.headers.get_content_type() == "text/html":
        return " (an HTML page)"
    lines = exc.read().decode("utf-8", "replace").strip().splitlines()
    return f": {lines[0][:200]}" if lines else ""

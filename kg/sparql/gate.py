"""The door of kg serve: each request is checked here before it is passed to the Oxigraph server behind.

    gate = Gate(("127.0.0.1", 7878), backend_port=6665, policy=Policy())
    gate.serve_forever()

Oxigraph's server checks nothing (any page the user visits could POST
`update=DROP ALL` to it, or make it fetch any URL), so kg serves the port users
and browsers see itself and refuses, with a status and a one-line reason:

- a Host that is not this machine: a page reaching it through DNS rebinding;
- an Origin of another machine, or a browser's `Sec-Fetch-Site: cross-site`: a
  page of another site (pages from localhost are the user's own);
- an update (`/update`, or a write to `/store`) unless kg serve was started
  with --writable, and then without its token (`Authorization: Bearer …`);
- a LOAD or SERVICE that would make the server fetch from a host not allowed.

What passes goes to Oxigraph unchanged, and its answer comes back streamed.
"""
from __future__ import annotations

import hmac
import http.client
import ipaddress
import re
import shutil
import sys
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from rdflib.plugins.sparql.algebra import translateQuery, translateUpdate
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Variable

ROUTES = {"/query": ("GET", "HEAD", "POST"), "/update": ("POST",), "/store": ("GET", "HEAD", "POST", "PUT", "DELETE"),
          # Oxigraph's query page and what it loads
          **{page: ("GET", "HEAD") for page in ("/", "/yasgui.min.css", "/yasgui.min.js", "/logo.svg")}}
# Headers of one connection, and those kg answers for itself.
_NOT_PASSED = {"host", "connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding",
               "upgrade", "authorization"}
# Only a text naming one of these can fetch; SPARQL reads \u escapes anywhere, before its keywords.
_FETCHES = re.compile(r"service|load", re.IGNORECASE)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_SPARQL_BODIES = ("application/sparql-query", "application/sparql-update", "application/x-www-form-urlencoded")


@dataclass(frozen=True)
class Policy:
    writable: bool = False
    token: str | None = None                # required of updates when writable
    remote: frozenset[str] = field(default_factory=frozenset)   # hosts LOAD and SERVICE may reach besides this one


class Refused(Exception):
    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status, self.reason = status, reason


@dataclass
class Request:
    method: str
    path: str
    query: str
    headers: dict[str, str]     # names in lower case
    body: bytes


def check(req: Request, policy: Policy) -> None:
    """Raise Refused unless the request may pass."""
    _check_sender(req.headers)
    if req.path not in ROUTES:
        raise Refused(404, f"{req.path}: no such resource; queries go to /query")
    if req.method not in ROUTES[req.path]:
        raise Refused(405, f"{req.method} {req.path} is not allowed")
    if req.path == "/update" or (req.path == "/store" and req.method in ("POST", "PUT", "DELETE")):
        _check_update(req.headers, policy)
    for text, update in sparql_texts(req):
        for keyword, target in fetches(text, update):
            if not fetch_allowed(target, policy.remote):
                shown = target if target.startswith("?") else f"<{target}>"
                raise Refused(403, f"{keyword} {shown} would make the server fetch from another host; "
                                   f"start kg serve with --allow-remote HOST to allow it")


def _check_sender(headers: dict[str, str]) -> None:
    if not is_local(_host(headers.get("host", ""))):
        raise Refused(403, f"Host {headers.get('host', '(none)')!r} is not this machine; "
                           f"address kg serve as 127.0.0.1 or localhost")
    origin = headers.get("origin")
    if origin is not None and not _is_local_url(origin):
        raise Refused(403, f"requests from pages of other sites are refused (Origin: {origin})")
    if headers.get("sec-fetch-site") == "cross-site":
        raise Refused(403, "requests from pages of other sites are refused (Sec-Fetch-Site: cross-site)")


def _check_update(headers: dict[str, str], policy: Policy) -> None:
    if not policy.writable:
        raise Refused(403, "this endpoint is read-only; start kg serve with --writable to allow updates")
    scheme, _, token = headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(), (policy.token or "").encode()):
        raise Refused(401, "updates need the token kg serve printed at start: "
                           "send the header Authorization: Bearer TOKEN")


def sparql_texts(req: Request) -> list[tuple[str, bool]]:
    """Every query and update the request carries, each with whether it is an update."""
    params = parse_qs(req.query)
    content_type = req.headers.get("content-type", "").partition(";")[0].strip().lower()
    if req.method == "POST" and req.path in ("/query", "/update") and content_type not in _SPARQL_BODIES:
        # a body kg does not read could be one the server reads as SPARQL all the same
        raise Refused(415, f"send the {req.path[1:]} as {' or '.join(_SPARQL_BODIES)}")
    if req.method == "POST" and content_type == "application/x-www-form-urlencoded":
        for name, values in parse_qs(req.body.decode("utf-8", "replace")).items():
            params.setdefault(name, []).extend(values)
    texts = [(t, False) for t in params.get("query", [])] + [(t, True) for t in params.get("update", [])]
    if req.method == "POST" and content_type in ("application/sparql-query", "application/sparql-update"):
        texts.append((req.body.decode("utf-8", "replace"), content_type.endswith("update")))
    return texts


def fetches(sparql: str, update: bool) -> list[tuple[str, str]]:
    """(LOAD or SERVICE, the IRI or ?variable) for each fetch the text asks for."""
    if not _FETCHES.search(_ESCAPE.sub(_codepoint, sparql)):
        return []
    try:
        parsed = translateUpdate(parseUpdate(sparql)) if update else translateQuery(parseQuery(sparql))
    except Exception as exc:    # rdflib raises a different class for each thing it cannot read
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise Refused(400, f"the {'update' if update else 'query'} names SERVICE or LOAD and kg cannot tell "
                           f"where it would fetch from: {reason}") from None
    return list(_walk(parsed.algebra))


def _walk(node):
    if isinstance(node, CompValue):
        if node.name == "ServiceGraphPattern":
            term = node["term"]
            yield "SERVICE", term.n3() if isinstance(term, Variable) else str(term)
        elif node.name == "Load":
            yield "LOAD", str(node["iri"])
        node = list(node.values())
    if isinstance(node, (list, tuple)):
        for item in node:
            yield from _walk(item)


def fetch_allowed(target: str, remote: frozenset[str]) -> bool:
    return _is_local_url(target) or (_scheme(target) in ("http", "https") and _host(target, True) in remote)


def _is_local_url(url: str) -> bool:
    return _scheme(url) in ("http", "https") and is_local(_host(url, True))


def _scheme(url: str) -> str:
    try:
        return urlsplit(url).scheme
    except ValueError:
        return ""


def is_local(host: str | None) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host or "").is_loopback
    except ValueError:
        return False


def _host(value: str, is_url: bool = False) -> str | None:
    try:
        return urlsplit(value if is_url else f"//{value}").hostname
    except ValueError:
        return None


def _codepoint(match: re.Match) -> str:
    return chr(int(match[1] or match[2], 16))


class Gate(ThreadingHTTPServer):
    daemon_threads = True           # a client that keeps a request open does not keep kg from stopping

    def __init__(self, address: tuple[str, int], backend_port: int, policy: Policy, timeout: float):
        super().__init__(address, _Handler)
        self.backend_port, self.policy, self.query_timeout = backend_port, policy, timeout

    def handle_error(self, request, client_address) -> None:
        # one line, as kg's other errors, rather than socketserver's traceback; the request is dropped
        print(f"kg serve: a request failed: {sys.exc_info()[1]!r}", file=sys.stderr)


class _Handler(BaseHTTPRequestHandler):
    server: Gate
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        target = urlsplit(self.path)
        headers = {name.lower(): value for name, value in self.headers.items()}
        try:
            body = self._body(headers)
            check(Request(self.command, target.path, target.query, headers, body), self.server.policy)
        except Refused as refused:
            self._refuse(refused)
            return
        self._pass(headers, body)

    do_HEAD = do_POST = do_PUT = do_DELETE = do_GET

    def _body(self, headers: dict[str, str]) -> bytes:
        if "transfer-encoding" in headers:
            raise Refused(411, "send the request body with a Content-Length")
        try:
            length = int(headers.get("content-length", "0"))
        except ValueError:
            raise Refused(400, "Content-Length is not a number") from None
        return self.rfile.read(length) if length > 0 else b""

    def _refuse(self, refused: Refused) -> None:
        print(f"kg serve: {self.command} {urlsplit(self.path).path}: HTTP {refused.status}, {refused.reason}",
              file=sys.stderr)
        body = (refused.reason + "\n").encode("utf-8")
        self.close_connection = True        # a body refused unread would be read as the next request
        self.send_response(refused.status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        if refused.status == 401:
            self.send_header("WWW-Authenticate", "Bearer")
        self.end_headers()
        self.wfile.write(body)

    def _pass(self, headers: dict[str, str], body: bytes) -> None:
        # Oxigraph stops a query at the time limit; the margin covers an answer still being sent.
        backend = http.client.HTTPConnection("127.0.0.1", self.server.backend_port,
                                             timeout=self.server.query_timeout + 30)
        try:
            backend.request(self.command, self.path, body=body or None,
                            headers={k: v for k, v in headers.items() if k not in _NOT_PASSED})
            response = backend.getresponse()
        except (OSError, http.client.HTTPException) as exc:
            self._refuse(Refused(502, f"the SPARQL server behind kg serve did not answer: {exc}"))
            backend.close()
            return
        try:
            self._answer(response)
        except (OSError, http.client.HTTPException):
            self.close_connection = True    # the client left, or the server stopped: there is no one to tell
        finally:
            backend.close()

    def _answer(self, response: http.client.HTTPResponse) -> None:
        self.send_response(response.status, response.reason)
        for name, value in response.getheaders():
            if name.lower() not in _NOT_PASSED | {"server", "date"}:     # send_response wrote ours
                self.send_header(name, value)
        sized = response.getheader("Content-Length") is not None
        bodiless = self.command == "HEAD" or response.status in (204, 304)
        if not (sized or bodiless):
            # streamed as Oxigraph streams it; some clients (Oxigraph's own SERVICE) cannot read to the close
            self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        if bodiless:
            return
        if sized:
            shutil.copyfileobj(response, self.wfile)
            return
        while chunk := response.read1(1 << 16):
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        self.wfile.write(b"0\r\n\r\n")

    def log_message(self, format: str, *args) -> None:
        pass            # refusals are reported in _refuse; the rest is the user's own traffic

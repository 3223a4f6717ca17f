# --- The operations the signing steps above use (standard library only) ---------------------------
# Each mirrors one operation of apidx's signing engine; vendors differ only in their options.

UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~")
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def as_bytes(value):
    return value if isinstance(value, bytes) else value.encode("utf-8")


def as_text(value):
    if isinstance(value, bytes):
        raise ValueError("raw bytes used as text: encode them (hex or base64) first")
    return value


def digest_out(raw, out):
    if out == "hex":
        return raw.hex()
    if out == "base64":
        return base64.b64encode(raw).decode("ascii")
    return raw


def percent_encode(text, encoding):
    if encoding == "none":
        return text
    if encoding == "uri-component":
        return urllib.parse.quote(text, safe="-_.!~*'()")
    out = []
    for byte in text.encode("utf-8"):
        if byte in UNRESERVED:
            out.append(chr(byte))
        elif byte == 0x2F and encoding == "rfc3986-except-slash":
            out.append("/")
        elif byte == 0x20 and encoding == "form":
            out.append("+")
        else:
            out.append("%%%02X" % byte)
    return "".join(out)


def encode(value, to):
    if to == "base64":
        return base64.b64encode(as_bytes(value)).decode("ascii")
    if to == "base64url":
        return base64.urlsafe_b64encode(as_bytes(value)).decode("ascii").rstrip("=")
    if to == "hex":
        return as_bytes(value).hex()
    if to == "lower":
        return as_text(value).lower()
    if to == "upper":
        return as_text(value).upper()
    return percent_encode(as_text(value), to)


def format_time(ms, fmt, offset=None, zone=None):
    t = datetime.datetime.fromtimestamp(ms / 1000, datetime.timezone.utc)
    if fmt == "unix-s":
        return str(int(ms // 1000))
    if fmt == "unix-ms":
        return str(int(ms))
    if fmt == "rfc1123":
        return "%s, %02d %s %d %s %s" % (
            DAYS[t.weekday()], t.day, MONTHS[t.month - 1], t.year, t.strftime("%H:%M:%S"), zone or "GMT")
    if fmt == "iso8601" and offset:
        sign = -1 if offset[0] == "-" else 1
        digits = offset[1:].replace(":", "")
        local = t + sign * datetime.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        return local.strftime("%Y-%m-%dT%H:%M:%S") + offset
    if fmt == "iso8601":
        return t.strftime("%Y-%m-%dT%H:%M:%SZ")
    if fmt == "iso8601-ms":
        return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (int(ms) % 1000)
    if fmt == "iso8601-basic":
        return t.strftime("%Y%m%dT%H%M%SZ")
    if fmt == "yyyymmdd":
        return t.strftime("%Y%m%d")
    return t.strftime("%Y-%m-%d")


def nonce(fmt, digits=9, size=16):
    if fmt == "uuid":
        return str(uuid.uuid4())
    if fmt == "uuid-hex":
        return uuid.uuid4().hex
    if fmt == "digits":
        n = min(max(digits, 1), 15)
        return str(secrets.randbelow(9) + 1) + "".join(str(secrets.randbelow(10)) for _ in range(n - 1))
    return secrets.token_hex(size)


def header(req, name):
    values = [v for (k, v) in req["headers"] if k.lower() == name.lower()]
    return ",".join(values) if values else None


def set_header(req, name, value):
    lower = name.lower()
    at = next((i for i, (k, _) in enumerate(req["headers"]) if k.lower() == lower), None)
    if at is None:
        req["headers"].append((name, value))
        return
    kept = req["headers"][at][0]
    req["headers"] = [
        (kept, value) if i == at else (k, v) for i, (k, v) in enumerate(req["headers"]) if i == at or k.lower() != lower
    ]


def query(req, name):
    return next((v for (k, v) in req["query"] if k == name), "")


def set_query(req, name, value):
    at = next((i for i, (k, _) in enumerate(req["query"]) if k == name), None)
    if at is None:
        req["query"].append((name, value))
        return
    req["query"] = [(name, value) if i == at else (k, v) for i, (k, v) in enumerate(req["query"]) if i == at or k != name]


def canonical_query(params, encoding, sort="bytes", include=None, exclude=(), skip_empty=False, extra=()):
    pairs = [
        (percent_encode(k, encoding), percent_encode(v, encoding))
        for (k, v) in list(params) + list(extra)
        if k != "" and (include is None or k in include) and k not in exclude and not (skip_empty and v == "")
    ]
    if sort == "bytes":
        pairs.sort(key=lambda p: (p[0].encode("utf-8"), p[1].encode("utf-8")))
    joined = ["%s=%s" % p for p in pairs]
    if sort == "pairs":
        joined.sort(key=lambda s: s.encode("utf-8"))
    return "&".join(joined)


def canonical_headers(req, include="all", exclude=(), trim="collapse", value_case="keep", value_encode="none", sort="name"):
    def wanted(name):
        if name in exclude:
            return False
        if include == "all":
            return True
        return any(name.startswith(w[:-1]) if w.endswith("*") else name == w for w in include)

    grouped = {}
    for (name, value) in req["headers"]:
        lower = name.lower()
        if not wanted(lower):
            continue
        v = value if trim == "none" else value.strip()
        if trim == "collapse":
            v = " ".join(v.split())
        grouped.setdefault(lower, []).append(v.lower() if value_case == "lower" else v)
    entries = [(percent_encode(n, value_encode), percent_encode(",".join(vs), value_encode)) for n, vs in grouped.items()]
    if sort == "line":
        entries.sort(key=lambda e: ("%s:%s" % e).encode("utf-8"))
    else:
        entries.sort(key=lambda e: (e[0].encode("utf-8"), e[1].encode("utf-8")))
    return "\n".join("%s:%s" % e for e in entries), ";".join(e[0] for e in entries)


def canonical_path(path, encoding, times=1, normalize=False, empty_as="/"):
    segments = path.split("/")
    if normalize:
        trailing = len(segments) > 1 and segments[-1] in ("", ".", "..")
        out = []
        for seg in segments[1:]:
            if seg == "..":
                out and out.pop()
            elif seg not in (".", ""):
                out.append(seg)
        segments = [""] + out + ([""] if trailing and out else [])
        if len(segments) == 1:
            segments = ["", ""]
    encoded = [percent_encode(s if times == 2 else urllib.parse.unquote(s), encoding) for s in segments]
    joined = "/".join(encoded)
    return joined if joined != "" else empty_as


def url_part(req, part):
    u = urllib.parse.urlsplit(req["url"])
    default = {"https": 443, "wss": 443, "http": 80, "ws": 80}.get(u.scheme)
    if part == "hostname":
        return u.hostname
    if part == "host":
        return u.hostname if u.port in (None, default) else "%s:%d" % (u.hostname, u.port)
    if part == "protocol":
        return u.scheme
    return u.path or "/"


def full_url(req):
    query = "&".join("%s=%s" % (percent_encode(k, "rfc3986"), percent_encode(v, "rfc3986")) for (k, v) in req["query"])
    return req["url"] + ("?" + query if query else "")

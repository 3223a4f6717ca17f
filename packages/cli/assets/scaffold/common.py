# --- Running the check ----------------------------------------------------------------------------

TIMEOUT_S = 10
MAX_BYTES = 1 << 20


def fail(message, code=1):
    print("FAIL: " + redact(message))
    sys.exit(code)


def read_credentials():
    cred, missing = {}, []
    for name, c in PLAN["credentials"].items():
        value = os.environ.get(c["env"], "")
        if value:
            cred[name] = value
        elif not c.get("optional"):
            missing.append(c["env"])
    if missing:
        print("Set %s in the environment (never on the command line)." % ", ".join(missing))
        sys.exit(2)
    return cred


SECRETS = []


def redact(text):
    for value in SECRETS:
        if value:
            text = text.replace(value, "***")
    return text


def show(label, text):
    print("%s %s" % (label, redact(text[:2000])))


def fill(value, cred):
    if isinstance(value, str):
        for name, v in cred.items():
            value = value.replace("{cred.%s}" % name, v)
        return value
    if isinstance(value, list):
        return [fill(x, cred) for x in value]
    if isinstance(value, dict):
        return {k: fill(x, cred) for k, x in value.items()}
    return value


def pointer(doc, path):
    for part in path.split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        if isinstance(doc, dict) and part in doc:
            doc = doc[part]
        elif isinstance(doc, list) and part.isdigit() and int(part) < len(doc):
            doc = doc[int(part)]
        else:
            return None
    return doc


def verdict(text):
    """'error', 'end' or None for one response, by the pack's response facts."""
    facts = PLAN["response"]
    try:
        doc = json.loads(text)
    except ValueError:
        return None
    code = pointer(doc, facts["errorCode"]) if facts.get("errorCode") else None
    if code is not None and str(code) not in [str(c) for c in facts.get("okCodes", [])]:
        return "error"
    end = facts.get("end")
    if end and pointer(doc, end["pointer"]) == end["equals"]:
        return "end"
    return None


def signed_request(endpoint, cred):
    fixed = fill({k: v for k, v in PLAN["request"]["query"].items()}, cred)
    parts = urllib.parse.urlsplit(fill(endpoint, cred))
    query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    query += [(k, v) for (k, v) in fixed.items() if k not in dict(query)]
    req = {
        "method": PLAN["request"]["method"],
        "url": urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path or "/", "", "")),
        "query": query,
        "headers": list(PLAN["request"]["headers"].items()),
        "body": b"",
    }
    if PLAN["request"].get("body") is not None:
        req["body"] = json.dumps(fill(PLAN["request"]["body"], cred), ensure_ascii=False).encode("utf-8")
    if PLAN["auth"]:
        before = set(v for (_, v) in req["query"]) | set(v for (_, v) in req["headers"])
        sign(req, cred, dict(PLAN["auth"]["params"]), time.time() * 1000)
        added = [v for (_, v) in req["query"] + req["headers"] if v not in before]
        SECRETS.extend(v for v in added if not looks_public(v, req))
    return req


def looks_public(value, req):
    """A signed value worth masking is long, and neither the host nor a timestamp (those are evidence)."""
    if len(value) < 16 or value.isdigit() or value in (url_part(req, "host"), url_part(req, "hostname")):
        return True
    try:
        return email.utils.parsedate_to_datetime(value) is not None
    except (TypeError, ValueError):
        return False


def main():
    cred = read_credentials()
    SECRETS.extend(v for name, v in cred.items() if PLAN["credentials"][name].get("secret"))
    endpoint = sys.argv[1] if len(sys.argv) > 1 else PLAN["url"]
    req = signed_request(endpoint, cred)
    print("%s %s (%s %s)" % (req["method"], req["url"], PLAN["service"], PLAN["version"]))
    try:
        ok = exchange(req, cred)
    except (OSError, ValueError) as e:
        fail("%s: %s" % (type(e).__name__, e))
    print("OK" if ok else "FAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

# --- HTTP exchange (urllib, standard library) -----------------------------------------------------


def exchange(req, cred):
    request = urllib.request.Request(full_url(req), data=req["body"] or None, method=req["method"])
    for name, value in req["headers"]:
        if name.lower() != "host" or value != url_part(req, "host"):
            request.add_header(name, value)
    context = ssl.create_default_context()
    try:
        response = urllib.request.urlopen(request, timeout=TIMEOUT_S, context=context)
        status, headers, body = response.status, response.headers, response.read(MAX_BYTES)
    except urllib.error.HTTPError as e:
        status, headers, body = e.code, e.headers, e.read(MAX_BYTES)
    print("HTTP %d" % status)
    for name, value in headers.items():
        show("  %s:" % name, value)
    text = body.decode("utf-8", "replace")
    show("body:", text)
    return 200 <= status < 300 and verdict(text) != "error"

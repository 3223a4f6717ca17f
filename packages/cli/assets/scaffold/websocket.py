# --- WebSocket exchange (RFC 6455 over the standard library) --------------------------------------
# Written out rather than taken from a client library so that a refused handshake shows its status,
# headers and body exactly as the server sent them.


def ws_open(req):
    u = urllib.parse.urlsplit(req["url"])
    secure = u.scheme == "wss"
    sock = socket.create_connection((u.hostname, u.port or (443 if secure else 80)), timeout=TIMEOUT_S)
    if secure:
        sock = ssl.create_default_context().wrap_socket(sock, server_hostname=u.hostname)
    target = full_url(req)[len(urllib.parse.urlunsplit((u.scheme, u.netloc, "", "", ""))):]
    lines = ["GET %s HTTP/1.1" % target, "Host: %s" % (header(req, "host") or url_part(req, "host"))]
    lines += ["Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13"]
    lines += ["Sec-WebSocket-Key: " + base64.b64encode(os.urandom(16)).decode("ascii")]
    lines += ["%s: %s" % (k, v) for (k, v) in req["headers"] if k.lower() != "host"]
    sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("utf-8"))
    return sock


def read_head(sock):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk or len(data) > 65536:
            raise ValueError("the server closed or overflowed before the end of the handshake response")
        data += chunk
    head, rest = data.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    headers = [tuple(part.strip() for part in line.split(":", 1)) for line in lines[1:] if ":" in line]
    return int(lines[0].split(" ")[1]), headers, rest


def read_body(sock, rest, headers):
    length = next((int(v) for (k, v) in headers if k.lower() == "content-length"), None)
    body = rest
    while (length is None or len(body) < length) and len(body) < MAX_BYTES:
        try:
            chunk = sock.recv(4096)
        except socket.timeout:
            break
        if not chunk:
            break
        body += chunk
    return body.decode("utf-8", "replace")


def send_frame(sock, opcode, payload):
    mask = os.urandom(4)
    size = len(payload)
    head = bytes([0x80 | opcode])
    if size < 126:
        head += bytes([0x80 | size])
    elif size < 65536:
        head += bytes([0x80 | 126]) + struct.pack("!H", size)
    else:
        head += bytes([0x80 | 127]) + struct.pack("!Q", size)
    sock.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))


class Frames:
    def __init__(self, sock, rest):
        self.sock, self.buf = sock, rest

    def take(self, n):
        while len(self.buf) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ValueError("the connection dropped without a close frame")
            self.buf += chunk
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def next(self):
        b0, b1 = self.take(2)
        size = b1 & 0x7F
        if size == 126:
            size = struct.unpack("!H", self.take(2))[0]
        elif size == 127:
            size = struct.unpack("!Q", self.take(8))[0]
        if size > MAX_BYTES:
            raise ValueError("a frame of %d bytes is over this script's limit" % size)
        mask = self.take(4) if b1 & 0x80 else None
        payload = self.take(size)
        if mask:
            payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        return b0 & 0x0F, payload


def send_probe(sock, cred):
    for frame in PLAN["frames"]:
        time.sleep(frame.get("delayMs", 0) / 1000)
        if frame["type"] == "json":
            send_frame(sock, 1, json.dumps(fill(frame["json"], cred), ensure_ascii=False).encode("utf-8"))
        elif frame["type"] == "text":
            send_frame(sock, 1, fill(frame.get("text", ""), cred).encode("utf-8"))
        elif "silenceBytes" in frame:
            send_frame(sock, 2, bytes(frame["silenceBytes"]))
        else:
            send_frame(sock, 2, base64.b64decode(frame.get("base64", "")))


def read_responses(frames):
    seen = 0
    while True:
        opcode, payload = frames.next()
        if opcode == 8:
            code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else 1005
            show("close:", "%d %s" % (code, payload[2:].decode("utf-8", "replace")))
            return PLAN["response"].get("serverCloses", False) and code == 1000 and seen > 0
        if opcode == 9:
            continue
        text = payload.decode("utf-8", "replace") if opcode == 1 else "<%d binary bytes>" % len(payload)
        show("message:", text)
        seen += 1
        if opcode != 1:
            return True
        state = verdict(text)
        if state == "error":
            return False
        facts = PLAN["response"]
        if state == "end" or not (facts.get("end") or facts.get("serverCloses")):
            return True


def exchange(req, cred):
    sock = ws_open(req)
    status, headers, rest = read_head(sock)
    print("HTTP %d" % status)
    for name, value in headers:
        show("  %s:" % name, value)
    if status != 101:
        show("body:", read_body(sock, rest, headers))
        return False
    send_probe(sock, cred)
    try:
        return read_responses(Frames(sock, rest))
    except socket.timeout:
        fail("no response within %d s" % TIMEOUT_S)

#!/usr/bin/env python3
"""Independent HubSpot request signatures (v3 and v2), written from domain-brief.md section 2.5 alone.

Used by the gateway's SignatureCrossCheckTest to compare the Java verifier with a second implementation that
shares no code with it. Reads JSON lines {"id", "method", "uri", "body_b64", "timestamp", "now"} and writes JSON
lines {"id", "v3", "v2", "fresh"}:

  v3    = Base64(HMAC-SHA256(key=secret, data=METHOD + uri' + body + timestamp)), where uri' is the full URL with
          the twelve escapes %3A : %2F / %3F ? %40 @ %21 ! %24 $ %27 ' %28 ( %29 ) %2A * %2C , %3B ; decoded
          (case-insensitively) and every other escape left as sent;
  v2    = hex(SHA-256(secret + METHOD + uri + body)), the URI exactly as sent;
  fresh = the timestamp is at most five minutes old (the brief's rule) and, as the gateway documents in addition,
          at most five minutes ahead.

Standard library only: python3 independent_signatures.py SECRET IN.jsonl OUT.jsonl
"""

import base64
import hashlib
import hmac
import json
import re
import sys

WINDOW_MS = 5 * 60 * 1000

# The brief's table, applied one after the other like its sketch does. None of the replacements produces a '%'
# or a hex digit, so the order cannot create or destroy another escape.
V3_DECODED = [
    ("%3A", ":"), ("%2F", "/"), ("%3F", "?"), ("%40", "@"), ("%21", "!"), ("%24", "$"),
    ("%27", "'"), ("%28", "("), ("%29", ")"), ("%2A", "*"), ("%2C", ","), ("%3B", ";"),
]


def v3_uri(uri):
    for escape, char in V3_DECODED:
        uri = re.sub(re.escape(escape), lambda _m, c=char: c, uri, flags=re.IGNORECASE)
    return uri


def sign_v3(secret, method, uri, body, timestamp):
    data = method.upper().encode("utf-8") + v3_uri(uri).encode("utf-8") + body + timestamp.encode("utf-8")
    digest = hmac.new(secret.encode("utf-8"), data, hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def sign_v2(secret, method, uri, body):
    data = secret.encode("utf-8") + method.upper().encode("utf-8") + uri.encode("utf-8") + body
    return hashlib.sha256(data).hexdigest()


def fresh(timestamp, now):
    if not re.fullmatch(r"[0-9]+", timestamp):
        return False
    age = now - int(timestamp)
    return -WINDOW_MS <= age <= WINDOW_MS


def main(argv):
    secret, source, target = argv[1], argv[2], argv[3]
    with open(source, encoding="utf-8") as cases, open(target, "w", encoding="utf-8") as out:
        for line in cases:
            if not line.strip():
                continue
            case = json.loads(line)
            body = base64.b64decode(case["body_b64"])
            out.write(json.dumps({
                "id": case["id"],
                "v3": sign_v3(secret, case["method"], case["uri"], body, case["timestamp"]),
                "v2": sign_v2(secret, case["method"], case["uri"], body),
                "fresh": fresh(case["timestamp"], case["now"]),
            }) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""A runtime worker for trying connector delivery locally: prints every delivery it receives and answers 204, or
503 to the first N attempts of each event (--fail-first N), so that a retry can be watched.

    python3 bench/connector-worker.py 9000 --fail-first 1
"""
import argparse
import collections
import http.server
import sys
import time

parser = argparse.ArgumentParser()
parser.add_argument("port", type=int)
parser.add_argument("--fail-first", type=int, default=0)
options = parser.parse_args()
seen = collections.Counter()


class Worker(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        message = self.headers.get("webhook-id")
        seen[message] += 1
        status = 503 if seen[message] <= options.fail_first else 204
        print(time.strftime("%H:%M:%S"), message, "attempt", self.headers.get("X-OpsLedger-Attempt"),
              self.headers.get("X-OpsLedger-Event-Type"), len(body), "bytes ->", status, flush=True)
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


print("worker on port", options.port, file=sys.stderr)
http.server.ThreadingHTTPServer(("127.0.0.1", options.port), Worker).serve_forever()

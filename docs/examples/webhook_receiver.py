"""A webhook receiver for the tour (docs/tour.md): Python 3, standard library only.

    python3 webhook_receiver.py PORT_FILE SECRET_FILE LOG_FILE

Listens on 127.0.0.1 on a free port (written to PORT_FILE), checks each delivery's signature with the secret in
SECRET_FILE (read at each request: the subscription, and so the secret, is made after the receiver is up), stores
each event once (deduplicated by webhook-id) as one line of LOG_FILE, and answers 204 - or 401 to a delivery whose
signature does not verify. A real receiver stores the event durably before answering and does the work afterwards.
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

from verify_webhook import verify

port_file, secret_file, log_file = (Path(name) for name in sys.argv[1:4])
seen = set()


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        headers = {name.lower(): value for name, value in self.headers.items()}
        secret = secret_file.read_text().strip() if secret_file.exists() else ""
        if not secret or not verify(secret, headers, body):
            self.send_response(401)
            self.end_headers()
            return
        if headers["webhook-id"] not in seen:  # a retry or a replay comes with the same id
            seen.add(headers["webhook-id"])
            event = json.loads(body)
            with log_file.open("a") as log:
                log.write(f'{event["id"]} {event["type"]} {event["subject"]} signature verified\n')
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass  # quiet: the tour prints what it received


server = HTTPServer(("127.0.0.1", 0), Receiver)
port_file.write_text(str(server.server_address[1]))
server.serve_forever()

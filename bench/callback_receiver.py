"""The worker's end of Rasa's `callback` channel in bench/rasa_conversations.py: a real HTTP
server that each server (Rasa's CallbackOutput, workerbot's CallbackChannel) POSTs the
worker's messages to, `{"recipient_id", "text"[, "buttons"]}`, kept per worker."""

from __future__ import annotations

import json
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Receiver:
    """Collects what each worker was sent; `take(worker)` returns it and starts afresh."""

    def __init__(self) -> None:
        self.received: dict[str, list[dict]] = {}
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                try:
                    message = json.loads(body)
                except ValueError:
                    message = {"text": f"(not JSON: {body[:80]!r})"}
                with receiver.lock:
                    worker = str(message.get("recipient_id"))
                    receiver.received.setdefault(worker, []).append(message)
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}/worker"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def take(self, worker: str) -> list[dict]:
        with self.lock:
            return self.received.pop(worker, [])

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def say_callback(port: int, sender: str, message: str, receiver: Receiver) -> list[dict]:
    """Send on the callback channel; the replies are what reached the worker's end (both
    servers POST them before they answer the webhook "success")."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/webhooks/callback/webhook",
        data=json.dumps({"sender": sender, "message": message}).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as r:
            answer = r.read().decode(errors="replace")
    except OSError as exc:
        return [{"text": f"callback webhook failed: {exc}"}]
    replies = receiver.take(sender)
    if answer.strip() != "success":
        replies.append({"text": f"webhook answered {answer[:80]!r}"})
    return replies

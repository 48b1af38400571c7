"""The development mail catcher: an SMTP server (aiosmtpd) on port 1025 that
keeps every message in memory, and a page on port 8025 listing them, so a
developer clicks a verification link locally. /messages.json gives the same
to the tests. Never for production: nothing leaves, nothing is kept.

    python3 mailcatcher.py
"""
import email
import email.policy
import html
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller

SMTP_PORT = 1025
WEB_PORT = 8025
KEEP = 500  # the newest messages; older ones are dropped

messages = []
lock = threading.Lock()


def text_of(message):
    part = message.get_body(preferencelist=('plain', 'html'))
    return part.get_content() if part else ''


class Catcher:
    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with lock:
            messages.append({'from': envelope.mail_from, 'to': envelope.rcpt_tos,
                             'subject': str(message['Subject'] or ''),
                             'text': text_of(message)})
            del messages[:-KEEP]
        return '250 OK'


class Page(BaseHTTPRequestHandler):
    def do_GET(self):
        with lock:
            newest_first = list(reversed(messages))
        if self.path == '/messages.json':
            self.answer('application/json', json.dumps(newest_first))
        elif self.path == '/':
            self.answer('text/html; charset=utf-8', page(newest_first))
        else:
            self.send_error(404)

    def answer(self, content_type, body):
        data = body.encode()
        self.send_response(200)
        self.send_header('Content-Type', content_type)
        self.send_header('Content-Length', str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def page(found):
    items = ''.join(
        f'<article><h2>{html.escape(m["subject"])}</h2><p>to {html.escape(", ".join(m["to"]))}'
        f'</p><pre>{html.escape(m["text"])}</pre></article>' for m in found)
    return (f'<!DOCTYPE html><title>Mail catcher</title><h1>{len(found)} messages</h1>'
            f'{items or "<p>None yet.</p>"}')


def main():
    controller = Controller(Catcher(), hostname='0.0.0.0', port=SMTP_PORT)
    controller.start()
    print(f'mail catcher: SMTP on {SMTP_PORT}, messages on http://0.0.0.0:{WEB_PORT}/',
          flush=True)
    ThreadingHTTPServer(('0.0.0.0', WEB_PORT), Page).serve_forever()


if __name__ == '__main__':
    main()

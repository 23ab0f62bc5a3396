"""A scripted OpenAI-compatible chat server on 127.0.0.1 for the LLM tests: the real `llm` OpenAI client
talks to it over HTTP (streaming as server-sent events, usage in the last chunk, as OpenAI sends it).

A test sets `server.script`, a function of the parsed request (`Request`) that returns a `Reply`: the text
to stream, the chunk size, a delay before the first byte or between chunks, an HTTP error status with a
body. Every request is recorded (`server.requests`). `configure(user_dir, url)` writes the
extra-openai-models.yaml that makes the model `scripted` point at it.
"""
from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

MODEL_ID = "scripted"


@dataclass
class Request:
    body: dict
    headers: dict

    @property
    def system(self) -> str:
        return next((m["content"] for m in self.body.get("messages", []) if m["role"] == "system"), "")

    @property
    def prompt(self) -> str:
        return next((m["content"] for m in reversed(self.body.get("messages", [])) if m["role"] == "user"), "")

    @property
    def passages(self) -> dict[int, dict]:
        """{n: {"title", "text"}} as the prompt gave them."""
        out = {}
        for m in re.finditer(r"<<<PASSAGE (\d+)>>>\nTitle: (.*?)\n.*?Text: (.*?)\n<<<END \1>>>", self.prompt, re.S):
            out[int(m.group(1))] = {"title": m.group(2), "text": m.group(3)}
        return out

    @property
    def question(self) -> str:
        m = re.search(r"\nQuestion: (.*?)\n", self.prompt)
        return m.group(1) if m else ""

    def passage_with(self, words: str) -> int:
        """The number of the first passage whose title or text holds `words`."""
        for n, p in self.passages.items():
            if words in p["text"] or words in p["title"]:
                return n
        raise AssertionError(f"no passage with {words!r} in the prompt")


@dataclass
class Reply:
    text: str = ""
    status: int = 200
    body: dict | None = None            # the JSON body of an error reply
    headers: dict = field(default_factory=dict)
    delay: float = 0.0                  # seconds before the first byte
    chunk_delay: float = 0.0            # seconds between streamed chunks
    chunk_size: int = 12
    usage: tuple[int, int] | None = None   # (prompt_tokens, completion_tokens); default: a count of words


class ScriptedServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.script: Callable[[Request], Reply] = lambda request: Reply("NO_ANSWER")
        self.requests: list[Request] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802 - /v1/models
        self._json(200, {"object": "list", "data": [{"id": MODEL_ID, "object": "model"}]})

    def do_POST(self):  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
        request = Request(body, {k.lower(): v for k, v in self.headers.items()})
        self.server.requests.append(request)
        reply = self.server.script(request)
        if reply.delay:
            time.sleep(reply.delay)
        if reply.status != 200:
            self._json(reply.status, reply.body or {"error": {"message": "error", "type": "error"}}, reply.headers)
            return
        prompt_tokens, completion_tokens = reply.usage or (len(request.prompt.split()), len(reply.text.split()))
        usage = {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                 "total_tokens": prompt_tokens + completion_tokens}
        base = {"id": "chatcmpl-1", "created": int(time.time()), "model": body.get("model", MODEL_ID)}
        if not body.get("stream"):
            self._json(200, {**base, "object": "chat.completion", "usage": usage, "choices": [
                {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": reply.text}}]})
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Connection", "close")
        self.end_headers()
        try:
            pieces = [reply.text[i:i + reply.chunk_size] for i in range(0, len(reply.text), reply.chunk_size)]
            for i, piece in enumerate(pieces):
                delta = {"content": piece} if i else {"role": "assistant", "content": piece}
                self._event({**base, "object": "chat.completion.chunk",
                             "choices": [{"index": 0, "delta": delta, "finish_reason": None}]})
                if reply.chunk_delay:
                    time.sleep(reply.chunk_delay)
            self._event({**base, "object": "chat.completion.chunk",
                         "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
            self._event({**base, "object": "chat.completion.chunk", "choices": [], "usage": usage})
            self.wfile.write(b"data: [DONE]\n\n")
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):   # the client gave up (its timeout)
            pass
        self.close_connection = True

    def _event(self, payload: dict) -> None:
        self.wfile.write(b"data: " + json.dumps(payload).encode() + b"\n\n")
        self.wfile.flush()

    def _json(self, status: int, payload: dict, headers: dict | None = None) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)


def start() -> ScriptedServer:
    server = ScriptedServer()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def configure(user_dir: Path, url: str, api_key_name: str | None = None) -> None:
    """llm's extra-openai-models.yaml under `user_dir` (LLM_USER_PATH): model `scripted` at `url`."""
    user_dir.mkdir(parents=True, exist_ok=True)
    lines = [f"- model_id: {MODEL_ID}", f"  model_name: {MODEL_ID}", f'  api_base: "{url}"']
    if api_key_name:
        lines.append(f"  api_key_name: {api_key_name}")
    (user_dir / "extra-openai-models.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

"""Talking to Telegram when Telegram misbehaves: retries with backoff, and plain text when HTML is refused.

`SendPolicy` is the Application's rate limiter, so every Bot API call except getUpdates passes through it
(python-telegram-bot's own polling loop retries getUpdates, and an update is confirmed only by the offset
of the next successful call, so a failed or dropped getUpdates loses nothing).

* 429 (flood limit): waited out and resent, up to 3 times (AIORateLimiter).
* A 5xx answer, a dropped connection, a timeout: resent after about 0.5, 1, 2 and 4 s (5 attempts in all,
  each delay ±20 %); every failure is logged with the method and the error, never the token. Then the
  error reaches the handler.
* sendChatAction ("typing…") is neither throttled with the messages nor resent: it is not a message, and
  waiting for it would only delay the answer (a failure loses the indicator, see `show_typing`).
* "can't parse entities" (Telegram refused the HTML): the text or caption is resent once as plain text,
  Telegram's tags stripped and entities unescaped, links kept as "title (address)"
  (`telegram_format.html_to_plain`). Resending the same HTML could never succeed, so this is decided by
  Telegram's description, whatever the status code.

Delivery is at least once. When the connection breaks after Telegram has executed a call (the reply
lost on the way back, or slower than the read timeout), the bot cannot tell that from a call that never
arrived: the Bot API has no idempotency key and a bot cannot read its own chats. Resending then shows
the user the message twice; not resending would lose it whenever the call did not arrive. A user who
asked a question expects the answer, so kabar resends; such failures are logged as "may have been
delivered". Connection failures before the request was sent (refused, connect or pool timeout) are
never ambiguous.
"""
from __future__ import annotations

import asyncio
import logging
import random
from typing import Any, Awaitable, Callable

import httpx
from telegram.error import BadRequest, NetworkError
from telegram.ext import AIORateLimiter

from .telegram_format import html_to_plain

log = logging.getLogger("kabar.bot.send")

RETRY_DELAYS = (0.5, 1.0, 2.0, 4.0)      # seconds before the 2nd, 3rd, 4th and 5th attempt
FLOOD_RETRIES = 3
NOT_RESENT = {"sendchataction"}
_NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def refused_html(error: Exception) -> bool:
    """Whether Telegram refused a message's HTML (or Markdown) entities."""
    return "can't parse entities" in str(error).lower()


def as_plain(data: dict[str, Any]) -> dict[str, Any] | None:
    """The request parameters with the HTML text (or caption) made plain text; None if there is none."""
    if not data.get("parse_mode"):
        return None
    key = "text" if isinstance(data.get("text"), str) else "caption" if isinstance(data.get("caption"), str) else None
    if key is None:
        return None
    plain = {k: v for k, v in data.items() if k not in ("parse_mode", "entities", "caption_entities")}
    plain[key] = html_to_plain(data[key])
    return plain


def maybe_delivered(error: Exception) -> bool:
    """False when the request surely never reached Telegram (or Telegram answered with an error)."""
    cause = error.__cause__
    if isinstance(cause, _NEVER_SENT) or "pool timeout" in str(error).lower():
        return False
    return cause is not None or "timed out" in str(error).lower()


class SendPolicy(AIORateLimiter):
    """AIORateLimiter (flood limits) plus bounded retries with backoff and the plain-text fallback."""

    def __init__(self, secret: str = "", delays: tuple[float, ...] = RETRY_DELAYS, flood_retries: int = FLOOD_RETRIES,
                 sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep, jitter: float = 0.2):
        super().__init__(max_retries=flood_retries)
        self.secret, self.delays, self.sleep, self.jitter = secret, tuple(delays), sleep, jitter

    def redact(self, error: Exception) -> str:
        text = f"{type(error).__name__}: {error}"
        if self.secret:
            text = text.replace(self.secret, "<token>").replace(self.secret.partition(":")[2] or self.secret,
                                                                "<token>")
        return text[:300]

    async def process_request(self, callback, args, kwargs, endpoint, data, rate_limit_args):
        if endpoint.lower() in NOT_RESENT:      # not a message: neither throttled with them nor resent
            return await callback(*args, **kwargs)
        attempt, plain = 0, False
        while True:
            try:
                return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
            except NetworkError as e:          # BadRequest and TimedOut are NetworkErrors too
                if refused_html(e) and not plain:
                    fallback = as_plain(data)
                    if fallback is not None:
                        log.warning("%s: Telegram refused the HTML (%s); sending it as plain text", endpoint,
                                    self.redact(e))
                        data, args, plain = fallback, (endpoint, fallback), True
                        continue
                if isinstance(e, BadRequest):
                    raise
                if attempt >= len(self.delays):
                    log.warning("%s failed %d times, giving up: %s", endpoint, attempt + 1, self.redact(e))
                    raise
                delay = self.delays[attempt] * random.uniform(1 - self.jitter, 1 + self.jitter)
                attempt += 1
                log.warning("%s failed (%s)%s; attempt %d of %d in %.1f s", endpoint, self.redact(e),
                            ", may have been delivered" if maybe_delivered(e) else "", attempt + 1,
                            len(self.delays) + 1, delay)
                await self.sleep(delay)

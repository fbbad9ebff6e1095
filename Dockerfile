# Kómekshi: a slim, non-root image. The knowledge base and the message catalogues are built here, at image build,
# so a container starts answering at once. Configuration is the same environment as `komekshi run` (.env.example).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --create-home --uid 10001 komekshi
WORKDIR /app

# Dependencies and code (tests, benchmarks and local state are left out by .dockerignore).
COPY pyproject.toml README.md* ./
COPY knowledge ./knowledge
COPY bot ./bot
COPY locales ./locales
RUN pip install ".[redis]"

# Built into the image: the knowledge base (read-only at run time, where `komekshi` looks when KB_PATH is unset or
# empty: inside the installed package) and the compiled catalogues. State (usage log, language choices) goes to
# DATA_DIR, the volume: a relative USAGE_LOG / PREFS_PATH (and their defaults) live there.
ENV LOCALES_DIR=/app/locales \
    DATA_DIR=/data \
    WEBHOOK_HOST=0.0.0.0 \
    WEBHOOK_PORT=8080 \
    HEALTH_PORT=8080
RUN mkdir -p /data \
    && komekshi kb build --full \
    && komekshi locales compile \
    && chown -R komekshi:komekshi /data

USER komekshi
VOLUME ["/data"]
WORKDIR /data
EXPOSE 8080

# Webhook mode serves /health on the webhook port; long polling serves it on HEALTH_PORT (the same 8080).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('WEBHOOK_PORT', '8080') + '/health', timeout=4)"]

CMD ["komekshi", "run"]

# syntax=docker/dockerfile:1
# Stage 1: build the browser app.
FROM node:20-bookworm-slim AS spa
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY openapi.yaml /src/openapi.yaml
COPY frontend/ ./
RUN npm run build

# Stage 2: the slim runtime, API and browser app on one port.
FROM python:3.11-slim AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    NETZWERK_ENV=production \
    NETZWERK_HOST=0.0.0.0 \
    NETZWERK_PORT=8000 \
    NETZWERK_DATA_DIR=/data \
    NETZWERK_SPA_DIR=/app/frontend/dist
WORKDIR /app
# Pango and fonts for WeasyPrint (PDF minutes and reports).
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
COPY pyproject.toml constraints.txt alembic.ini ./
COPY api/ api/
COPY migrations/ migrations/
RUN pip install --no-cache-dir -c constraints.txt -e . \
    && useradd --system --uid 10001 --home-dir /data netzwerk \
    && mkdir -p /data && chown netzwerk /data
COPY --from=spa /src/frontend/dist/ frontend/dist/
USER netzwerk
EXPOSE 8000
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=4)"
# `serve` runs the migrations, then uvicorn.
CMD ["netzwerk", "serve"]

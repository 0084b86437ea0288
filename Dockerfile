# Trilogue app image: the production build, started like `npm start` (the launcher applies pending
# migrations, then serves and drains on SIGTERM). docker-compose.yml runs several behind a proxy.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY scripts/schema-engine-stub.sh ./scripts/
RUN npm ci
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
# Debian's Chromium renders the briefing-book PDF from the app's own print page. Names, titles and
# positions may be written in Japanese or Korean (app/globals.css picks Noto Sans CJK for them):
# without fonts-noto-cjk the PDF would show empty boxes for every such character.
RUN apt-get update \
  && apt-get install -y --no-install-recommends chromium fonts-noto-cjk postgresql-client \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOST=0.0.0.0 PORT=3000 CHROMIUM_PATH=/usr/bin/chromium
# Owned by the unprivileged user the server runs as: Next writes its cache under .next at run time.
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
# Node itself, not npm, receives Docker's SIGTERM, so the drain starts at once (compose adds an init).
CMD ["node", "--import", "tsx", "scripts/start.ts"]

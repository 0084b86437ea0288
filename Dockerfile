# Trilogue app image. Migrations are applied by the launcher on start (npm start).
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
# Debian's Chromium renders the briefing-book PDF from the app's own print page.
RUN apt-get update && apt-get install -y --no-install-recommends chromium postgresql-client && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOST=0.0.0.0 PORT=3000 CHROMIUM_PATH=/usr/bin/chromium
COPY --from=build /app /app
USER node
EXPOSE 3000
CMD ["npm", "start"]

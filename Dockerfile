# Belanja UMKM bot: one image for the bot (src/main.ts) and the queue workers (src/worker.ts).
# No build step: tsx runs the TypeScript sources.
FROM node:20-slim

WORKDIR /app
ENV NODE_ENV=production \
    MEDIA_DIR=/app/data/media

# Dependencies first (cached while package*.json do not change). Dev tools (jest, eslint) stay out.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY src ./src
COPY flows ./flows
COPY locales ./locales
COPY data/demo ./data/demo
COPY data/wilayah ./data/wilayah
COPY tsconfig.json ./

RUN mkdir -p /app/data/media && chown -R node:node /app/data
USER node

EXPOSE 8080
# The app itself is PID 1's child (compose `init: true`), started without npm: npm does not pass
# SIGTERM on, and the graceful shutdown (finish updates and jobs in hand) needs it.
CMD ["node", "--max-old-space-size=192", "--import", "tsx", "src/main.ts"]

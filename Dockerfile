# Belanja UMKM bot: one image for the bot (dist/src/main.js) and the queue workers (dist/src/worker.js).
# Built in two stages: TypeScript is compiled with the dev tools, the image runs plain JavaScript.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY flows ./flows
RUN npm run build

FROM node:20-slim
WORKDIR /app
ENV NODE_ENV=production \
    MEDIA_DIR=/app/data/media

# Dependencies first (cached while package*.json do not change). Dev tools (tsc, jest, eslint) stay out.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY --from=build /app/dist ./dist
COPY locales ./locales
COPY data/demo ./data/demo
COPY data/wilayah ./data/wilayah

RUN mkdir -p /app/data/media && chown -R node:node /app/data
USER node

EXPOSE 8080
# The app itself is PID 1's child (compose `init: true`), started without npm: npm does not pass
# SIGTERM on, and the graceful shutdown (finish updates and jobs in hand) needs it.
CMD ["node", "--max-old-space-size=192", "--enable-source-maps", "dist/src/main.js"]

# mention-desk container image (README, "Running in a container").
# Three stages: `build` compiles dist/ with every dependency; `deps` installs the production dependencies
# only (better-sqlite3 compiles there, so the compilers stay out of the final image); the runtime stage
# holds dist/, those node_modules and the bundled files, and runs as the unprivileged `node` user.

FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY . .
# The postinstall step generates both Prisma clients into src/generated, which the build compiles into dist/.
RUN npm ci --no-audit --no-fund && npm run build

FROM node:20-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATABASE_URL=file:/app/data/mention-desk.db \
    REPLAY_SENT_LOG=/app/data/replay-sent.jsonl \
    HEALTH_PORT=9464 \
    HEALTH_HOST=0.0.0.0 \
    SLACK_HTTP_HOST=0.0.0.0
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json package-lock.json ./
COPY bin ./bin
COPY prisma ./prisma
COPY prompts ./prompts
COPY samples ./samples
COPY models ./models
COPY slack ./slack
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
# 3000: Slack's HTTP mode (not needed with Socket Mode); 9464: /healthz, /readyz, /metrics.
EXPOSE 3000 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:9464/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# node is PID 1 and handles SIGTERM itself (graceful shutdown within SHUTDOWN_TIMEOUT_SECONDS).
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "bin/mention-desk.js"]
CMD ["run"]

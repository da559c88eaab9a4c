# Tollgate: one image for the console (npm start), the gateway (npm run gateway) and the job
# worker (npm run worker) — compose.yaml runs each as its own service on one PostgreSQL.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
# postinstall generates the Prisma client, so the schema and its generator script come first.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/prisma-generate.mjs ./scripts/prisma-generate.mjs
RUN npm ci

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 PORT=3000 GATEWAY_PORT=3001
RUN groupadd --system tollgate && useradd --system --gid tollgate --home-dir /app tollgate
COPY --from=build --chown=tollgate:tollgate /app ./
USER tollgate
EXPOSE 3000 3001
CMD ["npm", "start"]

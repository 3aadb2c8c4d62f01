# small-steps as a container: built in one stage, run from production dependencies only, as a non-root user.
# (No Docker engine runs where this project is developed: the image runs the same commands the tests run,
# `npm ci`, `npm run build`, `npm prune --omit=dev`, `node lib/server.js`.)
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/lib ./lib
COPY package.json app.yml ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/ping`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM is handled: deliveries in flight finish (25 s at most) before the process exits.
STOPSIGNAL SIGTERM
CMD ["node", "lib/server.js"]

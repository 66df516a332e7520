# syntax=docker/dockerfile:1
# The portal's image (docs/deployment.md, ADR 029): built in one stage, run from another that holds only
# production dependencies, the built bundle and the server's TypeScript sources, as a non-root user.

# Node 20 on Debian 12, the system the portal is developed and tested on (glibc, for sharp and argon2).
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS prod-deps
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    APP_ENV=production \
    PORT=3000
WORKDIR /app
# Owned by root and read-only to the portal: the process cannot change its own code.
COPY --from=prod-deps /src/node_modules ./node_modules
COPY --from=build /src/build ./build
# The server runs its TypeScript through tsx (a production dependency), as `npm start` does.
COPY --from=build /src/package.json /src/tsconfig.json ./
COPY --from=build /src/server ./server
COPY --from=build /src/services ./services
COPY --from=build /src/forms ./forms
COPY --from=build /src/app ./app
COPY --from=build /src/config ./config
# Operators' commands: npm run staff:add, keys:rotate, db:migrate, drill:restore (docs/operations.md).
COPY --from=build /src/scripts ./scripts
# The municipality profile can be replaced by mounting a file and setting MUNICIPALITY_CONFIG.
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# As `npm start` runs it (without npm in between): tsx passes `docker stop`'s SIGTERM on to server/start.ts,
# which stops its HTTP workers and jobs and closes the database pool.
CMD ["./node_modules/.bin/tsx", "server/start.ts"]

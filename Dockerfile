# The CMS, built and run with Node 20. Migrations apply and sample content loads at start.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts codegen.ts schema.graphql tsconfig.json tsconfig.build.json ./
RUN npm ci --no-audit --no-fund
COPY src ./src
RUN npm run build && npm prune --omit=dev --ignore-scripts

FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json schema.graphql ./
COPY prisma ./prisma
USER node
EXPOSE 4000
CMD ["node", "--enable-source-maps", "--max-old-space-size=128", "dist/src/main.js"]

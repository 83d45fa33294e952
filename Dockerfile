# One image for every component: `ks <component>`. Build: docker build -t ks:dev .
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY tsconfig.json bunfig.toml ./
COPY src ./src
ARG TARGETARCH=amd64
RUN target=$([ "$TARGETARCH" = "arm64" ] && echo bun-linux-arm64 || echo bun-linux-x64) \
 && node_modules/.bin/bun build --compile --bytecode --minify --sourcemap=none --target="$target" src/main.ts --outfile /out/ks

# distroless/cc: glibc and libstdc++ only, no shell, no package manager; runs as uid 65532.
FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /out/ks /usr/local/bin/ks
USER 65532:65532
ENTRYPOINT ["/usr/local/bin/ks"]
CMD ["--help"]

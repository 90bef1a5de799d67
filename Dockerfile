# deckd as a slim runtime image: build in one stage, copy only the binary and
# its runtime libraries into the next. Runs as a non-root user on /data.
FROM debian:bookworm-slim AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      g++ make cmake pkg-config \
      libsqlitecpp-dev libsqlite3-dev libcpp-httplib-dev nlohmann-json3-dev \
      libspdlog-dev catch2 libcairo2-dev libpango1.0-dev libgdk-pixbuf-2.0-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY CMakeLists.txt ./
COPY third_party third_party
COPY src src
COPY web web
COPY scripts/embed_files.cmake scripts/
RUN cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF \
 && cmake --build build -j "$(nproc)" --target deckd \
 && strip build/src/deckd

FROM debian:bookworm-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libsqlite3-0 libcpp-httplib0.11 libspdlog1.10 libfmt9 \
      libcairo2 libpango-1.0-0 libpangocairo-1.0-0 libpangoft2-1.0-0 libgdk-pixbuf-2.0-0 \
      ffmpeg espeak-ng fonts-dejavu-core fonts-wqy-microhei fontconfig \
 && apt-get clean && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home-dir /data --shell /usr/sbin/nologin deckd \
 && mkdir -p /data && chown deckd:deckd /data
COPY --from=build /src/build/src/deckd /usr/local/bin/deckd
USER deckd
VOLUME /data
EXPOSE 8080
ENV DECKD_LISTEN=0.0.0.0:8080 \
    DECKD_DATA_DIR=/data
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["deckd", "health"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["deckd"]
CMD ["serve"]

# yuqing: multi-stage build. The runtime image holds the binary, the default
# config, the keyword lists and the sample inbox, laid out as the repository
# is (paths in the config are relative to it):
#   /srv/yuqing/config/yuqing.toml   the config (mount your own over it)
#   /srv/yuqing/keywords/            keyword lists (a volume; edits reload live)
#   /srv/yuqing/inbox/               sample items, copied into data/inbox once
#   /srv/yuqing/data/                the sled store and the inbox (a volume)
#
#   docker build -t yuqing .
#   docker run -d -p 8700:8700 \
#     -e YUQING_VIEWER_TOKEN=… -e YUQING_ANALYST_TOKEN=… -e YUQING_ADMIN_TOKEN=… \
#     -v yuqing-data:/srv/yuqing/data -v yuqing-keywords:/srv/yuqing/keywords yuqing
#
# The bundled development tokens are refused off loopback, so the three
# token variables (16+ characters each) are required.

FROM rust:1-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked --bin yuqing

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates tzdata \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home-dir /srv/yuqing --shell /usr/sbin/nologin yuqing
ENV TZ=Asia/Shanghai \
    YUQING_CONFIG=/srv/yuqing/config/yuqing.toml \
    YUQING_LISTEN=0.0.0.0:8700 \
    YUQING_LOG_FORMAT=json
COPY --from=build /src/target/release/yuqing /usr/local/bin/yuqing
COPY --chown=root:root config/ /srv/yuqing/config/
COPY --chown=yuqing:yuqing keywords/ /srv/yuqing/keywords/
COPY --chown=root:root inbox/ /srv/yuqing/inbox/
RUN mkdir -p /srv/yuqing/data && chown yuqing:yuqing /srv/yuqing/data
USER yuqing
WORKDIR /srv/yuqing
VOLUME ["/srv/yuqing/data", "/srv/yuqing/keywords"]
EXPOSE 8700
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["yuqing", "health", "--url", "http://127.0.0.1:8700/api/v1/health"]
ENTRYPOINT ["yuqing"]
CMD ["run"]

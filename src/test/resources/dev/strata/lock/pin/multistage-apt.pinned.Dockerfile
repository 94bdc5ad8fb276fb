# syntax=docker/dockerfile:1
# A research image built in stages: every stage that runs apt gets its own snapshot.
ARG PY=3.12
ARG TOOLBOX

FROM python:${PY}-slim-bookworm AS wheels
RUN echo 'deb [check-valid-until=no] https://snapshot.debian.org/archive/debian/20260201T102030Z/ bookworm main contrib non-free-firmware non-free' > /etc/apt/sources.list && echo 'deb [check-valid-until=no] https://snapshot.debian.org/archive/debian/20260201T102030Z/ bookworm-updates main contrib non-free-firmware non-free' >> /etc/apt/sources.list && echo 'deb [check-valid-until=no] https://snapshot.debian.org/archive/debian-security/20260201T102030Z/ bookworm-security main contrib non-free-firmware non-free' >> /etc/apt/sources.list && rm -f /etc/apt/sources.list.d/debian.sources && apt-get update \
 && apt-get install -y --no-install-recommends gcc libc6-dev \
 && rm -rf /var/lib/apt/lists/*

FROM ubuntu:22.04 AS tools
RUN echo 'deb [check-valid-until=no] https://snapshot.ubuntu.com/ubuntu/20260201T102030Z/ jammy main restricted universe multiverse' > /etc/apt/sources.list && echo 'deb [check-valid-until=no] https://snapshot.ubuntu.com/ubuntu/20260201T102030Z/ jammy-updates main restricted universe multiverse' >> /etc/apt/sources.list && echo 'deb [check-valid-until=no] https://snapshot.ubuntu.com/ubuntu/20260201T102030Z/ jammy-security main restricted universe multiverse' >> /etc/apt/sources.list && rm -f /etc/apt/sources.list.d/ubuntu.sources && apt-get update && apt-get install -y --no-install-recommends jq

# a base whose release no tag tells: left unpinned
FROM lab/toolbox:latest AS toolbox
RUN apt-get update && apt-get install -y make

FROM ${TOOLBOX} AS external
RUN apt-get update && apt-get install -y make

FROM debian:stable-slim AS base
RUN set -eux; \
    echo 'deb [check-valid-until=no] https://snapshot.debian.org/archive/debian/20260201T102030Z/ bookworm main contrib non-free-firmware non-free' > /etc/apt/sources.list && echo 'deb [check-valid-until=no] https://snapshot.debian.org/archive/debian/20260201T102030Z/ bookworm-updates main contrib non-free-firmware non-free' >> /etc/apt/sources.list && echo 'deb [check-valid-until=no] https://snapshot.debian.org/archive/debian-security/20260201T102030Z/ bookworm-security main contrib non-free-firmware non-free' >> /etc/apt/sources.list && rm -f /etc/apt/sources.list.d/debian.sources && apt-get update; \
    apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5

FROM base
COPY --from=wheels /usr/bin/gcc /usr/local/bin/gcc
RUN echo 'deb [check-valid-until=no] https://snapshot.debian.org/archive/debian/20260201T102030Z/ bookworm main contrib non-free-firmware non-free' > /etc/apt/sources.list && echo 'deb [check-valid-until=no] https://snapshot.debian.org/archive/debian/20260201T102030Z/ bookworm-updates main contrib non-free-firmware non-free' >> /etc/apt/sources.list && echo 'deb [check-valid-until=no] https://snapshot.debian.org/archive/debian-security/20260201T102030Z/ bookworm-security main contrib non-free-firmware non-free' >> /etc/apt/sources.list && rm -f /etc/apt/sources.list.d/debian.sources && apt-get update && apt-get install -y --no-install-recommends git=1:2.39.5-0+deb12u1

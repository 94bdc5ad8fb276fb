# syntax=docker/dockerfile:1
# A research image built in stages: every stage that runs apt gets its own snapshot.
ARG PY=3.12
ARG TOOLBOX

FROM python:${PY}-slim-bookworm AS wheels
RUN apt-get update \
 && apt-get install -y --no-install-recommends gcc libc6-dev \
 && rm -rf /var/lib/apt/lists/*

FROM ubuntu:22.04 AS tools
RUN apt-get update && apt-get install -y --no-install-recommends jq

# a base whose release no tag tells: left unpinned
FROM lab/toolbox:latest AS toolbox
RUN apt-get update && apt-get install -y make

FROM ${TOOLBOX} AS external
RUN apt-get update && apt-get install -y make

FROM debian:stable-slim AS base
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends curl

FROM base
COPY --from=wheels /usr/bin/gcc /usr/local/bin/gcc
RUN apt-get update && apt-get install -y --no-install-recommends git

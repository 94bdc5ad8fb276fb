# syntax=docker/dockerfile:1
# A research image: CUDA-free JAX on CPU for the paper's experiments.
ARG BASE=python:3.11-slim@sha256:1111111111111111111111111111111111111111111111111111111111111111
FROM ${BASE} AS build

# system deps
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      git=1:2.39.5-0+deb12u1 \
      curl=7.88.1-10+deb12u5 \
      "build-essential=12.9" \
 && rm -rf /var/lib/apt/lists/*

RUN pip install --no-cache-dir numpy==1.26.4 'scipy==1.11.4' jax[cpu]==0.4.30 pandas==2.2.0   # keep
RUN conda install -y -c conda-forge xarray=2024.1.1=pyhd8ed1ab_0    netcdf4=1.6.5=nompi_h
RUN curl -fsSL https://example.org/data/weights.bin -o /opt/weights.bin && echo 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa  /opt/weights.bin' | sha256sum -c - && ls /opt
RUN git clone --depth 1 --branch v2.1 https://example.org/lab/model.git /src/model && git -C /src/model fetch -q --depth 1 origin c0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ff && git -C /src/model checkout -q c0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ff && \
    pip install -e /src/model
ADD --checksum=sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb https://example.org/tools/tool.tar.gz /opt/
RUN <<EOF
npm install -g left-pad@1.3.0
wget -q https://example.org/install.sh && echo 'dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd  install.sh' | sha256sum -c -
EOF
FROM build AS final
COPY . /app
CMD ["python", "/app/run.py"]

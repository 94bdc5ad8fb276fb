# syntax=docker/dockerfile:1
# A research image: CUDA-free JAX on CPU for the paper's experiments.
ARG BASE=python:3.11-slim
FROM ${BASE} AS build

# system deps
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      git \
      curl=7.88.1-10+deb12u5 \
      "build-essential" \
 && rm -rf /var/lib/apt/lists/*

RUN pip install --no-cache-dir numpy 'scipy>=1.10' jax[cpu] pandas==2.2.0   # keep
RUN conda install -y -c conda-forge xarray    netcdf4=1.6.5=nompi_h
RUN curl -fsSL https://example.org/data/weights.bin -o /opt/weights.bin && ls /opt
RUN git clone --depth 1 --branch v2.1 https://example.org/lab/model.git /src/model && \
    pip install -e /src/model
ADD https://example.org/tools/tool.tar.gz /opt/
RUN <<EOF
npm install -g left-pad
wget -q https://example.org/install.sh
EOF
FROM build AS final
COPY . /app
CMD ["python", "/app/run.py"]

FROM debian:12
ARG PANDAS=2.2.0
RUN sh -c 'apt-get update && apt-get install -y --no-install-recommends git "curl"'
RUN bash -c "pip install --no-cache-dir numpy 'scipy>=1.10' pandas==${PANDAS}"
RUN su -c 'npm install -g left-pad' node
RUN runuser -u app -- sh -c "conda install -y xarray"
RUN sh -c 'curl -fsSL https://example.org/data/weights.bin -o /opt/weights.bin && ls /opt'
RUN bash -c "wget -q https://example.org/tools/tool.tar.gz -O /opt/tool.tar.gz"
RUN sh -c 'git clone https://example.org/lab/model.git /src/model' && \
    bash -c "git clone --depth 1 --branch v2.1 https://example.org/lab/model.git '/src/my model'"
RUN curl -fsSL https://example.org/install.sh | sh -s -- -y --profile minimal
RUN wget -qO- https://example.org/get/ | sudo -E bash -ex -
RUN curl -fsSL https://example.org/install.sh | sh && echo done
RUN sh -c "sh -c 'pip install jax'"
RUN curl -fsSL https://example.org/other.sh | tee /tmp/o.sh | sh
RUN curl -fsSL https://example.org/other.sh | python3

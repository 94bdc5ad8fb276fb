FROM debian:12@sha256:1111111111111111111111111111111111111111111111111111111111111111
ARG PANDAS=2.2.0
RUN sh -c 'apt-get update && apt-get install -y --no-install-recommends git=1:2.39.5-0+deb12u1 "curl=7.88.1-10+deb12u5"'
RUN bash -c "pip install --no-cache-dir numpy==1.26.4 'scipy==1.11.4' pandas==${PANDAS}"
RUN su -c 'npm install -g left-pad@1.3.0' node
RUN runuser -u app -- sh -c "conda install -y xarray=2024.1.1=pyhd8ed1ab_0"
RUN sh -c 'curl -fsSL https://example.org/data/weights.bin -o /opt/weights.bin && echo "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa  /opt/weights.bin" | sha256sum -c - && ls /opt'
RUN bash -c "wget -q https://example.org/tools/tool.tar.gz -O /opt/tool.tar.gz && echo 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb  /opt/tool.tar.gz' | sha256sum -c -"
RUN sh -c 'git clone https://example.org/lab/model.git /src/model && git -C /src/model checkout -q c0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ff' && \
    bash -c "git clone --depth 1 --branch v2.1 https://example.org/lab/model.git '/src/my model' && git -C '/src/my model' fetch -q --depth 1 origin c0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ff && git -C '/src/my model' checkout -q c0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ff"
RUN curl -fsSL https://example.org/install.sh -o /tmp/install.sh && echo 'dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd  /tmp/install.sh' | sha256sum -c - && sh /tmp/install.sh -y --profile minimal
RUN wget -qO- https://example.org/get/ -O /tmp/get && echo 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee  /tmp/get' | sha256sum -c - && sudo -E bash -ex /tmp/get
RUN curl -fsSL https://example.org/install.sh -o /tmp/install.sh && echo 'dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd  /tmp/install.sh' | sha256sum -c - && sh /tmp/install.sh && echo done
RUN sh -c "sh -c 'pip install jax'"
RUN curl -fsSL https://example.org/other.sh | tee /tmp/o.sh | sh
RUN curl -fsSL https://example.org/other.sh | python3

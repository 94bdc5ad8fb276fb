FROM scratch
# the CPU build of the analysis environment
COPY requirements_cpu.txt requirements_cpu.lock.txt base.txt /app/
COPY requirements_gpu.txt /app/requirements_gpu.txt
COPY requirements_gpu.lock.txt /app/requirements_gpu.lock.txt
RUN python -m pip install --no-cache-dir --require-hashes -r /app/requirements_cpu.lock.txt \
    && echo cpu-done
RUN uv pip install --system --require-hashes -r /app/requirements_gpu.lock.txt

# Analysis image for the paper (R 4.4.1, rocker-versioned2)
FROM rocker/r-ver:4.4.1@sha256:1111111111111111111111111111111111111111111111111111111111111111

ENV RENV_CONFIG_REPOS_OVERRIDE=""
RUN echo 'deb [check-valid-until=no] https://snapshot.ubuntu.com/ubuntu/20260102T030405Z/ noble main restricted universe multiverse' > /etc/apt/sources.list && echo 'deb [check-valid-until=no] https://snapshot.ubuntu.com/ubuntu/20260102T030405Z/ noble-updates main restricted universe multiverse' >> /etc/apt/sources.list && echo 'deb [check-valid-until=no] https://snapshot.ubuntu.com/ubuntu/20260102T030405Z/ noble-security main restricted universe multiverse' >> /etc/apt/sources.list && rm -f /etc/apt/sources.list.d/ubuntu.sources && apt-get update && apt-get install -y --no-install-recommends libxml2-dev=2.9.13+dfsg-1ubuntu0.4 \
    && rm -rf /var/lib/apt/lists/*

# CRAN packages used by the analysis scripts
RUN install2.r -r https://packagemanager.posit.co/cran/2026-01-02 --error --skipinstalled --ncpus -1 \
        tidyverse \
        data.table \
        lme4 \
    && rm -rf /tmp/downloaded_packages

RUN R -e "install.packages(c('brms', 'rstan'), dependencies = TRUE, repos='https://packagemanager.posit.co/cran/2026-01-02')"  # Bayesian models
RUN Rscript -e 'remotes::install_github("stan-dev/posterior@5a5c5b0e0f1d2c3b4a5968778695a4b3c2d1e0f1")'

RUN Rscript - <<'EOF'
# Bioconductor for the RNA-seq part
install.packages("BiocManager", repos="https://packagemanager.posit.co/cran/2026-01-02")
options(repos = c(CRAN = "https://packagemanager.posit.co/cran/2026-01-02")); BiocManager::install(c("DESeq2", "limma"), ask = FALSE, version="3.19")
EOF

COPY analysis/ /home/analysis/
CMD ["Rscript", "/home/analysis/run.R"]

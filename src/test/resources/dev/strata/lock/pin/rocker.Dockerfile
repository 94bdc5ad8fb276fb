# Analysis image for the paper (R 4.4.1, rocker-versioned2)
FROM rocker/r-ver:4.4.1

ENV RENV_CONFIG_REPOS_OVERRIDE=""
RUN apt-get update && apt-get install -y --no-install-recommends libxml2-dev \
    && rm -rf /var/lib/apt/lists/*

# CRAN packages used by the analysis scripts
RUN install2.r --error --skipinstalled --ncpus -1 \
        tidyverse \
        data.table \
        lme4 \
    && rm -rf /tmp/downloaded_packages

RUN R -e "install.packages(c('brms', 'rstan'), dependencies = TRUE)"  # Bayesian models
RUN Rscript -e 'remotes::install_github("stan-dev/posterior")'

RUN Rscript - <<'EOF'
# Bioconductor for the RNA-seq part
install.packages("BiocManager")
BiocManager::install(c("DESeq2", "limma"), ask = FALSE)
EOF

COPY analysis/ /home/analysis/
CMD ["Rscript", "/home/analysis/run.R"]

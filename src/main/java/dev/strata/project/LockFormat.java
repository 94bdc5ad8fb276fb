package dev.strata.project;

/** Lock file formats the project scanner parses. */
public enum LockFormat {
    UV_LOCK("uv.lock"),
    POETRY_LOCK("poetry.lock"),
    PIPFILE_LOCK("Pipfile.lock"),
    PDM_LOCK("pdm.lock"),
    PYLOCK("pylock.toml"),
    REQUIREMENTS("requirements"),
    CONDA_LOCK("conda-lock"),
    CONDA_EXPLICIT("conda explicit spec"),
    RENV_LOCK("renv.lock"),
    JULIA_MANIFEST("Manifest.toml");

    private final String label;

    LockFormat(String label) {
        this.label = label;
    }

    /** How people name the format. */
    public String label() {
        return label;
    }
}

package dev.strata.shell;

/** Package ecosystems the recognizers know. */
public enum Ecosystem {
    APT, APK, RPM, ZYPPER, PIP, CONDA, NPM, GEM, GO, CARGO, R
}

package dev.strata.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The notion of a pinned R install that the audit and pin share. */
class RPinningTest {
    private static RCode.Call call(String code) {
        return RCode.installCalls(code).get(0);
    }

    @Test
    void installPackagesIsDatedByItsReposOrByOptionsRepos() {
        String dated = "install.packages('a', repos = c(CRAN = 'https://packagemanager.posit.co/cran/2024-10-15'))";
        assertThat(RPinning.datedInstallPackages(dated, call(dated))).isTrue();
        String mixed = "install.packages('a', repos = c('https://packagemanager.posit.co/cran/2024-10-15', 'https://cloud.r-project.org'))";
        assertThat(RPinning.datedInstallPackages(mixed, call(mixed))).isFalse();
        String options = "options(repos = c(CRAN = 'https://p3m.dev/cran/2024-10-15')); install.packages('a')";
        assertThat(RPinning.datedInstallPackages(options, call(options))).isTrue();
        String elsewhere = "download.file('https://example.org/2024-10-15/x', 'x'); install.packages('a')";
        assertThat(RPinning.datedInstallPackages(elsewhere, call(elsewhere))).isFalse();
        String local = "install.packages('/tmp/a.tar.gz', repos = NULL)";
        assertThat(RPinning.installsLocalFiles(local, call(local))).isTrue();
    }

    @Test
    void biocNeedsAVersionAndADatedRepositoryAndACommitIsHex() {
        String both = "options(repos = c(CRAN = 'https://p3m.dev/cran/2024-10-15')); BiocManager::install('limma', version = '3.19')";
        assertThat(RPinning.pinnedBioc(both, call(both))).isTrue();
        String noVersion = "options(repos = c(CRAN = 'https://p3m.dev/cran/2024-10-15')); BiocManager::install('limma')";
        assertThat(RPinning.pinnedBioc(noVersion, call(noVersion))).isFalse();
        assertThat(RPinning.isCommit("6a1b2c3")).isTrue();
        assertThat(RPinning.isCommit("main")).isFalse();
        assertThat(RPinning.isCommit("v1.2.3")).isFalse();
    }
}

package dev.strata.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.dockerfile.DockerfileParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R installs: what lock targets they become and exactly which tokens pin changes. */
class RPinTest {
    static final String T = "2026-01-02T03:04:05Z";
    static final String URL = "https://packagemanager.posit.co/cran/2026-01-02";
    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    static final String FROM = "FROM rocker/r-ver:4.4.1@sha256:" + "1".repeat(64) + "\n";

    @TempDir Path tmp;

    static LockFile lockFor(byte[] dockerfile, boolean withBioc) {
        List<PackageLock> pkgs = new java.util.ArrayList<>();
        for (String p : List.of("a", "b", "x", "data.table", "ggplot2", "DESeq2", "limma")) {
            pkgs.add(new PackageLock("r", p, "1.0." + p.length(), null, List.of(), "image", T));
        }
        if (withBioc) {
            pkgs.add(new PackageLock("r", "BiocVersion", "3.18.1", null, List.of(), "image", T));
        }
        return new LockFile(1, new LockedDockerfile("Dockerfile", Hashes.sha256Hex(dockerfile)), List.of(), List.of(),
                List.of(new GitLock("https://github.com/rstudio/renv.git", "HEAD", COMMIT, T),
                        new GitLock("https://github.com/rstudio/renv.git", "v1.0.7", COMMIT, T)),
                pkgs, List.of(), new CranSnapshot("2026-01-02", URL));
    }

    private String pin(String body) throws Exception {
        return pin(body, true);
    }

    private String pin(String body, boolean withBioc) throws Exception {
        byte[] original = (FROM + body).getBytes(StandardCharsets.UTF_8);
        Path dockerfile = tmp.resolve("Dockerfile");
        Files.write(dockerfile, original);
        String after = new String(Pinner.plan(dockerfile, lockFor(original, withBioc)).after(), StandardCharsets.UTF_8);
        assertThat(after).startsWith(FROM);
        return after.substring(FROM.length());
    }

    private static List<LockTarget> targets(String body) throws Exception {
        return DockerfileInputs.of(DockerfileParser.parse("Dockerfile", (FROM + body).getBytes(StandardCharsets.UTF_8))).targets().stream()
                .filter(t -> !(t instanceof LockTarget.Image)).toList();
    }

    private static List<String> notes(String body) throws Exception {
        return DockerfileInputs.of(DockerfileParser.parse("Dockerfile", (FROM + body).getBytes(StandardCharsets.UTF_8))).notes();
    }

    @Test
    void doubleQuotedExpressionGetsSingleQuotedRepos() throws Exception {
        String body = "RUN R -e \"install.packages(c('a', 'b'))\"\n";
        assertThat(targets(body)).singleElement().isInstanceOfSatisfying(LockTarget.RPackages.class, r -> {
            assertThat(r.packages()).containsExactly("a", "b");
            assertThat(r.alreadyPinned()).isFalse();
        });
        assertThat(pin(body)).isEqualTo("RUN R -e \"install.packages(c('a', 'b'), repos='" + URL + "')\"\n");
    }

    @Test
    void singleQuotedExpressionGetsDoubleQuotedRepos() throws Exception {
        assertThat(pin("RUN Rscript -e 'install.packages(\"x\", dependencies=TRUE)'\n"))
                .isEqualTo("RUN Rscript -e 'install.packages(\"x\", dependencies=TRUE, repos=\"" + URL + "\")'\n");
    }

    @Test
    void aMovingReposValueIsReplaced() throws Exception {
        assertThat(pin("RUN Rscript -e \"install.packages('x', repos = 'https://cloud.r-project.org')\" && echo ok\n"))
                .isEqualTo("RUN Rscript -e \"install.packages('x', repos = '" + URL + "')\" && echo ok\n");
    }

    @Test
    void aDatedRepositoryIsAlreadyPinned() throws Exception {
        String body = "RUN Rscript -e \"install.packages('x', repos='https://packagemanager.posit.co/cran/2024-01-01')\"\n";
        assertThat(targets(body)).singleElement().isInstanceOfSatisfying(LockTarget.RPackages.class, r -> assertThat(r.alreadyPinned()).isTrue());
        assertThat(pin(body)).isEqualTo(body);
    }

    @Test
    void install2rGetsTheRepositoryAfterItsName() throws Exception {
        String body = "RUN install2.r --error -s a \\\n    b data.table\n";
        assertThat(targets(body)).singleElement().isInstanceOfSatisfying(LockTarget.RPackages.class,
                r -> assertThat(r.packages()).containsExactly("a", "b", "data.table"));
        assertThat(pin(body)).isEqualTo("RUN install2.r -r " + URL + " --error -s a \\\n    b data.table\n");
    }

    @Test
    void install2rMovingRepositoryIsReplaced() throws Exception {
        assertThat(pin("RUN install2.r -r https://cloud.r-project.org --error ggplot2\n"))
                .isEqualTo("RUN install2.r -r " + URL + " --error ggplot2\n");
        assertThat(pin("RUN /usr/local/bin/install2.r --repos \"https://p3m.dev/cran/__linux__/jammy/latest\" ggplot2\n"))
                .isEqualTo("RUN /usr/local/bin/install2.r --repos \"" + URL + "\" ggplot2\n");
    }

    @Test
    void heredocScriptIsPinnedInPlace() throws Exception {
        String body = "RUN Rscript - <<EOF\ninstall.packages(\"ggplot2\")\nBiocManager::install(c(\"DESeq2\", \"limma\"))\nEOF\n";
        assertThat(pin(body)).isEqualTo("RUN Rscript - <<EOF\ninstall.packages(\"ggplot2\", repos=\"" + URL + "\")\n"
                + "options(repos = c(CRAN = \"" + URL + "\")); BiocManager::install(c(\"DESeq2\", \"limma\"), version=\"3.18\")\nEOF\n");
    }

    @Test
    void anExpandedHeredocWithDollarsIsLockedButNotPinned() throws Exception {
        String body = "RUN Rscript - <<EOF\nx <- list(a=1)\\$a\ninstall.packages('x')\nEOF\n";
        assertThat(targets(body)).singleElement().isInstanceOf(LockTarget.RPackages.class);
        assertThat(notes(body)).singleElement().asString().contains("pin can not add repos=", "heredoc").doesNotContain("not locked");
        assertThat(pin(body)).isEqualTo(body);
    }

    @Test
    void biocWithoutBiocVersionGetsOnlyTheCranSnapshotAndANote() throws Exception {
        String body = "RUN R -e \"BiocManager::install('DESeq2')\"\n";
        assertThat(pin(body, false)).isEqualTo("RUN R -e \"options(repos = c(CRAN = '" + URL + "')); BiocManager::install('DESeq2')\"\n");
        assertThat(pin(body, true)).isEqualTo("RUN R -e \"options(repos = c(CRAN = '" + URL + "')); BiocManager::install('DESeq2', version='3.18')\"\n");
    }

    @Test
    void githubInstallsGetTheLockedCommit() throws Exception {
        String body = "RUN R -e \"remotes::install_github('rstudio/renv')\" && Rscript -e 'devtools::install_github(\"rstudio/renv@v1.0.7\")'\n";
        assertThat(targets(body)).hasSize(2).allSatisfy(t -> assertThat(t).isInstanceOf(LockTarget.RGithub.class));
        assertThat(((LockTarget.RGithub) targets(body).get(0)).url()).isEqualTo("https://github.com/rstudio/renv.git");
        assertThat(pin(body)).isEqualTo("RUN R -e \"remotes::install_github('rstudio/renv@" + COMMIT + "')\" && Rscript -e 'devtools::install_github(\"rstudio/renv@"
                + COMMIT + "\")'\n");
    }

    @Test
    void githubRefArgumentAndLittlerAreRewritten() throws Exception {
        assertThat(pin("RUN R -e \"remotes::install_github('rstudio/renv', ref = 'v1.0.7')\"\n"))
                .isEqualTo("RUN R -e \"remotes::install_github('rstudio/renv', ref = '" + COMMIT + "')\"\n");
        assertThat(pin("RUN installGithub.r rstudio/renv\n")).isEqualTo("RUN installGithub.r rstudio/renv@" + COMMIT + "\n");
    }

    @Test
    void aCommitIsAlreadyPinned() throws Exception {
        String body = "RUN R -e \"remotes::install_github('rstudio/renv@abc1234')\"\n";
        assertThat(targets(body)).singleElement().isInstanceOfSatisfying(LockTarget.RGithub.class, g -> assertThat(g.alreadyPinned()).isTrue());
        assertThat(pin(body)).isEqualTo(body);
    }

    @Test
    void expressionsInsideShCAreLockedWithANote() throws Exception {
        String body = "RUN sh -c \"Rscript -e 'install.packages(1)' && R -e 'install.packages(\\\"x\\\")'\"\n";
        assertThat(notes(body)).anySatisfy(n -> assertThat(n).contains("not string literals"));
        assertThat(notes(body)).anySatisfy(n -> assertThat(n).contains("pin can not add repos="));
        assertThat(pin(body)).isEqualTo(body);
    }

    @Test
    void localFilesAndCommentsAndStringsAreNotInstalls() throws Exception {
        assertThat(targets("RUN R -e \"install.packages('/tmp/x.tar.gz', repos = NULL)\"\n")).isEmpty();
        assertThat(targets("RUN R -e \"cat('install.packages(1)') # install.packages('x')\"\n")).isEmpty();
    }

    @Test
    void secondPinChangesNothing() throws Exception {
        String body = "RUN R -e \"install.packages(c('a', 'b'))\" \\\n && install2.r x \\\n && R -e \"BiocManager::install('limma')\" \\\n"
                + " && installGithub.r rstudio/renv\n";
        byte[] original = (FROM + body).getBytes(StandardCharsets.UTF_8);
        Path dockerfile = tmp.resolve("Dockerfile");
        Path lockPath = tmp.resolve("strata.lock");
        Files.write(dockerfile, original);
        LockFile lock = lockFor(original, true);
        Files.writeString(lockPath, LockFileIO.write(lock));
        PinResult first = Pinner.plan(dockerfile, lock);
        assertThat(first.edits()).hasSize(5);
        Pinner.write(first, lock, lockPath);
        LockFile updated = LockFileIO.read(lockPath);
        assertThat(updated.cranSnapshot()).isEqualTo(lock.cranSnapshot());
        assertThat(Pinner.plan(dockerfile, updated).edits()).isEmpty();
    }

    @Test
    void aDatedReposOptionCoversLaterInstalls() throws Exception {
        String body = "RUN Rscript -e \"options(repos = c(CRAN = 'https://packagemanager.posit.co/cran/2024-01-01')); install.packages('x')\"\n";
        assertThat(targets(body)).singleElement().isInstanceOfSatisfying(LockTarget.RPackages.class, r -> assertThat(r.alreadyPinned()).isTrue());
        assertThat(pin(body)).isEqualTo(body);
    }

    @Test
    void rReadingAQuotedHeredocWithAMultiLineVector() throws Exception {
        String body = "RUN R --vanilla --quiet <<'R'\npkgs <- 1\ninstall.packages(c(\n  'a',  # first\n  'b'\n), Ncpus = 2)\nR\n";
        assertThat(targets(body)).singleElement().isInstanceOfSatisfying(LockTarget.RPackages.class,
                r -> assertThat(r.packages()).containsExactly("a", "b"));
        assertThat(pin(body)).isEqualTo("RUN R --vanilla --quiet <<'R'\npkgs <- 1\ninstall.packages(c(\n  'a',  # first\n  'b'\n), Ncpus = 2, repos='"
                + URL + "')\nR\n");
    }

    @Test
    void rscriptRunningAFileIsNotReadFromItsHeredoc() throws Exception {
        assertThat(targets("RUN Rscript /opt/install.R <<EOF\ninstall.packages('x')\nEOF\n")).isEmpty();
    }
}

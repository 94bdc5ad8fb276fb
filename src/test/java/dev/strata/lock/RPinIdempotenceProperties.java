package dev.strata.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Pinning R installs twice changes nothing the second time, whatever their quoting and layout. */
class RPinIdempotenceProperties {
    private static final List<String> PKGS = List.of("a", "b", "x", "data.table", "ggplot2");

    @Provide
    Arbitrary<String> dockerfiles() {
        Arbitrary<List<String>> names = Arbitraries.of(PKGS).list().ofMinSize(1).ofMaxSize(3).uniqueElements();
        Arbitrary<String> sep = Arbitraries.of(" ", " \\\n    ", "  ");
        Arbitrary<String> space = Arbitraries.of("", " ");
        Arbitrary<String> extra = Arbitraries.of("", ", dependencies = TRUE", ", repos = 'https://cloud.r-project.org'", ", Ncpus = 2");
        Arbitrary<String> eol = Arbitraries.of("\n", "\n\n", "   # trailing\n");
        Arbitrary<String> rExpr = Combinators.combine(names, space, extra, Arbitraries.of("R", "Rscript"), Arbitraries.of("\"", "'"), eol)
                .as((n, sp, ex, cmd, q, e) -> {
                    String inner = q.equals("\"") ? "'" : "\"";
                    String vec = n.size() == 1 ? inner + n.get(0) + inner
                            : "c(" + String.join("," + sp, n.stream().map(p -> inner + p + inner).toList()) + ")";
                    return "RUN " + cmd + " -e " + q + "install.packages(" + sp + vec + ex.replace("'", inner) + sp + ")" + q + e;
                });
        Arbitrary<String> littler = Combinators.combine(names, sep, Arbitraries.of("", "--error ", "-s -n 2 ", "-r https://cloud.r-project.org "), eol)
                .as((n, s, opts, e) -> "RUN install2.r " + opts + String.join(s, n) + s + "&& rm -rf /tmp/downloaded_packages" + e);
        Arbitrary<String> heredoc = Combinators.combine(names, Arbitraries.of("EOF", "'EOF'", "\"R\""), Arbitraries.of("", "BiocManager::install('limma')\n"))
                .as((n, d, bioc) -> {
                    String end = d.replace("'", "").replace("\"", "");
                    return "RUN Rscript - <<" + d + "\n# deps\ninstall.packages(c(" + String.join(", ", n.stream().map(p -> "'" + p + "'").toList())
                            + "))\n" + bioc + end + "\n";
                });
        Arbitrary<String> github = Combinators.combine(Arbitraries.of("remotes::", "devtools::", ""), Arbitraries.of("", "@v1.0.7"), eol)
                .as((ns, ref, e) -> "RUN R -e \"" + ns + "install_github('rstudio/renv" + ref + "')\"" + e);
        Arbitrary<String> body = Arbitraries.oneOf(rExpr, littler, heredoc, github).list().ofMinSize(1).ofMaxSize(5).map(l -> String.join("", l));
        return body.map(b -> "FROM rocker/r-ver:4.4.1@sha256:" + "1".repeat(64) + "\n" + b);
    }

    @Property(tries = 150)
    void pinningTwiceChangesNothingTheSecondTime(@ForAll("dockerfiles") String text) throws Exception {
        PinTwice pin = PinTwice.run(text, original -> RPinTest.lockFor(original, true));
        assertThat(pin.first().notes()).isEmpty();
        String once = pin.pinnedText();
        assertThat(count(once, RPinTest.URL)).isGreaterThanOrEqualTo(count(text, "install.packages(") + count(text, "install2.r"));
        assertThat(count(once, "renv@" + RPinTest.COMMIT)).isEqualTo(count(text, "rstudio/renv"));
        assertThat(pin.second().edits()).isEmpty();
        assertThat(pin.second().changes()).isFalse();
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }
}

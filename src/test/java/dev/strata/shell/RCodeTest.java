package dev.strata.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The R call scanner: offsets, literals, and what is not a call. */
class RCodeTest {
    @Test
    void findsCallsWithTheirArgumentsAndOffsets() {
        String code = "utils::install.packages(pkgs = c(\"a\", 'b'), repos = c(CRAN = \"https://x\"), lib = file.path(\"/l\", \"m\"))";
        RCode.Call call = RCode.installCalls(code).get(0);
        assertThat(call.shortName()).isEqualTo("install.packages");
        assertThat(call.start()).isZero();
        assertThat(call.close()).isEqualTo(code.length() - 1);
        assertThat(call.first("pkgs").literals()).extracting(RCode.Literal::value).containsExactly("a", "b");
        RCode.Literal repo = call.named("repos").literals().get(0);
        assertThat(code.substring(repo.start(), repo.end())).isEqualTo("\"https://x\"");
        assertThat(call.named("lib").literals()).isNull();
        assertThat(code.substring(call.named("lib").start(), call.named("lib").end())).isEqualTo("file.path(\"/l\", \"m\")");
    }

    @Test
    void skipsStringsCommentsAndOtherFunctions() {
        String code = "# install.packages('no')\nmessage(\"install.packages('no')\")\nmy_install.packages2('no')\n"
                + "if (!requireNamespace('x')) install.packages('x') # trailing )\nremotes::install_github('o/r', upgrade = 'never')\n"
                + "BiocManager::install()\ninstall('no')\n";
        List<RCode.Call> calls = RCode.installCalls(code);
        assertThat(calls).extracting(RCode.Call::function).containsExactly("install.packages", "remotes::install_github", "BiocManager::install");
        assertThat(calls.get(2).args()).isEmpty();
    }

    @Test
    void argumentsSpanLinesAndCommentsAndAnUnclosedCallIsIgnored() {
        String code = "install.packages(c(\n  'a', # first\n  'b'\n),\n  dependencies = TRUE\n)";
        RCode.Call call = RCode.installCalls(code).get(0);
        assertThat(call.first("pkgs").literals()).extracting(RCode.Literal::value).containsExactly("a", "b");
        assertThat(code.substring(call.args().get(1).start(), call.args().get(1).end())).isEqualTo("TRUE");
        assertThat(RCode.installCalls("install.packages('a'")).isEmpty();
    }

    @Test
    void aVectorBuiltFromCallsIsNotLiteral() {
        assertThat(RCode.installCalls("install.packages(c('a', paste0('b', 1)))").get(0).first("pkgs").literals()).isNull();
        assertThat(RCode.installCalls("install.packages(pkgs)").get(0).first("pkgs").literals()).isNull();
    }
}

package dev.strata.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class InstallerLatestRuleTest {
    private static final String ID = "installer-latest";

    @TestFactory
    Stream<DynamicTest> fixtures() throws Exception {
        return RuleCases.all(ID);
    }

    @Test
    void metadata() {
        assertThat(new InstallerLatestRule().info().id()).isEqualTo(ID);
        assertThat(RuleCatalog.ids()).contains(ID);
    }

    @Test
    void suggestsTheVersionedInstallerWithAChecksum() {
        Finding f = RuleCases.findings(ID, "miniconda-latest").get(0);
        assertThat(f.fix()).contains("https://repo.anaconda.com/miniconda/Miniconda3-py312_24.7.1-0-Linux-x86_64.sh")
                .contains("sha256sum -c -");
        assertThat(f.message()).contains("none is checked");
        assertThat(RuleCases.findings(ID, "github-latest-via-add").get(0).fix())
                .startsWith("ADD --checksum=sha256:<sha256> https://github.com/conda-forge/miniforge/releases/download/24.9.0-0/Miniforge3-24.9.0-0-Linux-x86_64.sh");
    }
}

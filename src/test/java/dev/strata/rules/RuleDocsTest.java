package dev.strata.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every rule has its page, the index lists it with the same metadata, and ids are unique slugs. */
class RuleDocsTest {
    private static final Path DOCS = Path.of("docs/rules");

    @Test
    void everyRuleHasAPageAndAnIndexRowMatchingItsMetadata() throws Exception {
        String index = Files.readString(DOCS.resolve("README.md"));
        Set<String> seen = new HashSet<>();
        for (RuleInfo r : RuleCatalog.infos()) {
            assertThat(seen.add(r.id())).as("unique id " + r.id()).isTrue();
            assertThat(r.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            Path page = DOCS.resolve(r.id() + ".md");
            assertThat(page).exists();
            String text = Files.readString(page);
            assertThat(text).startsWith("# " + r.id() + "\n")
                    .contains("- severity: **" + r.severity().id() + "**")
                    .contains("## What it checks").contains("## Why it breaks reproducibility").contains("## How to fix").contains("## Example");
            assertThat(index).contains("| [" + r.id() + "](" + r.id() + ".md) | " + (r.hadolint() == null ? "—" : r.hadolint()) + " | "
                    + r.severity().id() + " | " + r.layer().id() + " | " + r.title() + " |");
        }
        assertThat(RuleCatalog.all()).hasSize(28);
    }
}

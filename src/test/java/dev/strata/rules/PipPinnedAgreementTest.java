package dev.strata.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.project.Requirement;
import dev.strata.project.RequirementsFile;
import dev.strata.shell.PackageManagerCall;
import dev.strata.shell.PackageSpec;
import dev.strata.shell.ShellParser;
import dev.strata.shell.ToolCalls;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * pip-unpinned judges a command-line requirement with the project package's requirement parser
 * (as in requirements files); lock and pin judge it with the shell package's PackageSpec. Both
 * must call the same requirements pinned.
 */
class PipPinnedAgreementTest {
    @ParameterizedTest
    @ValueSource(strings = {"numpy", "numpy==1.26.4", "numpy===1.26.4", "numpy>=1.2", "numpy==1.*", "numpy~=1.2", "numpy==1.2,<2",
            "requests[socks]==2.31.0", "numpy==1.2; python_version<'3.9'", "pkg @ https://example.org/y.whl",
            "pkg @ https://example.org/y.whl#sha256=0123", "git+https://github.com/a/b@abc1234",
            "git+https://github.com/a/b@0123456789abcdef0123456789abcdef01234567", "git+https://github.com/a/b@main#egg=b",
            "https://example.org/y-1.0.tar.gz", "numpy (==1.2)", "numpy!=1.2", "Django==4.2.0a1", "numpy == 1.2"})
    void requirementParserAndPackageSpecAgreeOnPinned(String requirement) throws Exception {
        var script = ShellParser.parseRun("pip install '" + requirement + "'", 0, '\\', Map.of());
        PackageSpec spec = ((PackageManagerCall) ToolCalls.recognizeAll(script).get(0)).packages().get(0);
        List<Requirement> parsed = RequirementsFile.parse("command line", requirement).requirements();
        assertThat(parsed).hasSize(1);
        assertThat(spec.exact()).as(requirement).isEqualTo(parsed.get(0).pinned());
    }
}

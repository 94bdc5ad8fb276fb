package dev.strata.audit;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.strata.config.AuditConfig;
import dev.strata.rules.Finding;
import dev.strata.rules.model.BuildContext;
import dev.strata.rules.model.DockerfileModel;

/**
 * Fuzzes the whole audit of one Dockerfile with untrusted bytes: decoding, parsing, modelling,
 * shell splitting and every rule. The only acceptable failure is a located input error. Under plain
 * {@code mvn test} it replays the seeds in
 * {@code src/test/resources/dev/strata/audit/AuditFuzzTestInputs/audit/}.
 */
class AuditFuzzTest {
    @FuzzTest
    void audit(byte[] data) {
        String text;
        try {
            text = SourceReader.decode(data, "Dockerfile");
        } catch (AuditInputException e) {
            requireLocated(e);
            return;
        }
        DockerfileModel model;
        try {
            model = Auditor.model("Dockerfile", "Dockerfile", text, BuildContext.empty());
        } catch (AuditInputException e) {
            requireLocated(e);
            return;
        }
        int lines = text.split("\n", -1).length;
        for (Finding f : Auditor.check(model, AuditConfig.defaults())) {
            if (f.line() < 1 || f.line() > lines || f.column() < 1 || f.message().isBlank() || f.fix().isBlank()) {
                throw new IllegalStateException("malformed finding: " + f);
            }
        }
    }

    private static void requireLocated(AuditInputException e) {
        if (!e.getMessage().matches("(?s)^Dockerfile:\\d+:\\d+: .+")) {
            throw new IllegalStateException("input error without a location: " + e.getMessage());
        }
    }
}

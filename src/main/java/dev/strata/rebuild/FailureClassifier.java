package dev.strata.rebuild;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a failed build's log and says why it failed. A pure function of the text: buildah and podman
 * logs ({@code STEP n/m: …}, {@code Error: building at STEP "…": exit status N}, {@code Error: creating
 * build container: …}) and BuildKit plain-progress logs ({@code #5 [2/3] RUN …}, {@code ERROR: failed
 * to solve: …}).
 *
 * <p>Only the output of the failing step is searched (warnings of earlier, successful steps do not
 * count), and the causes are tried in an order that puts the root cause first: a pull failure is about
 * the base image; a checksum mismatch beats the network words that often surround it; a network
 * failure beats the "package not found" that apt prints after its index download failed.
 */
public final class FailureClassifier {
    /** How many of the failing step's last output lines a failure keeps. */
    public static final int TAIL_LINES = 12;

    private static final Pattern BUILDAH_STEP = Pattern.compile("^STEP (\\d+/\\d+): (.*)$");
    private static final Pattern BUILDAH_ERROR_AT_STEP =
            Pattern.compile("^Error: building at STEP \"(.*)\": (.*)$");
    private static final Pattern EXIT_STATUS = Pattern.compile("exit (?:status|code):? (\\d+)");
    private static final Pattern BUILDKIT_STEP = Pattern.compile("^#\\d+ \\[[^\\]]*?(\\d+/\\d+)\\] (.*)$");
    private static final Pattern BUILDKIT_PROCESS =
            Pattern.compile("process \"(.*)\" did not complete successfully: exit code: (\\d+)");

    private static final List<Pattern> BASE_IMAGE_MISSING = patterns(
            "manifest unknown", "name unknown", "did not resolve to an alias", "repository does not exist",
            "pull access denied", "requested access to the resource is denied", "failed to resolve source metadata.*not found",
            ": not found$", "reading manifest .* not found", "unable to find image");
    private static final List<Pattern> CHECKSUM = patterns(
            "Hash Sum mismatch", "DO NOT MATCH THE HASHES", "computed checksums? did NOT match",
            "^\\S+: FAILED$", "checksum mismatch", "checksum did not match", "digest mismatch", "EINTEGRITY",
            "integrity checksum failed", "CondaVerificationError", "md5sum mismatch", "sha256 mismatch");
    private static final List<Pattern> NETWORK = patterns(
            "Connection refused", "Could not resolve", "Temporary failure (?:in name )?resolving",
            "Temporary failure in name resolution", "bad address '", "Network is unreachable", "No route to host",
            "Name or service not known", "Failed to establish a new connection", "Could not connect to",
            "Connection timed out", "connection timed out", "dial tcp", "no such host", "getaddrinfo", "ENOTFOUND",
            "ECONNREFUSED", "ETIMEDOUT", "ECONNRESET", "TLS handshake timeout", "unable to resolve host address",
            "Resolving .* failed", "i/o timeout", "Could not fetch URL");
    private static final List<Pattern> PACKAGE_GONE = patterns(
            "Unable to locate package", "Version '.*' for '.*' was not found", "has no installation candidate",
            "No matching distribution found", "Could not find a version that satisfies", "PackagesNotFoundError",
            "ResolvePackageNotFound", "No match for argument", "unable to select packages", "404\\s+Not Found",
            "ERROR 404", "returned error: 404", "server returned error: HTTP/\\S+ 404", "npm ERR! 404",
            "No matching version found", "E404", "there is no package called", "is not available \\(for R version");

    private FailureClassifier() {}

    /** Classifies the log of a build that failed. */
    public static BuildFailure classify(String log) {
        List<String> lines = List.of(log.replace("\r\n", "\n").split("\n"));
        Failing f = locate(lines);
        List<String> section = lines.subList(f.sectionStart, f.sectionEnd);
        List<String> tail = tail(section);

        if (f.baseImage) {
            String gone = firstMatch(f.errorLineList(), BASE_IMAGE_MISSING);
            if (gone != null) {
                return new BuildFailure(FailureKind.BASE_IMAGE_NOT_FOUND, f.instruction, f.step, null, gone, tail);
            }
            String net = firstMatch(f.errorLineList(), NETWORK);
            if (net != null) {
                return new BuildFailure(FailureKind.NETWORK, f.instruction, f.step, null, net, tail);
            }
        }
        String hit = firstMatch(section, CHECKSUM);
        if (hit != null) {
            return new BuildFailure(FailureKind.CHECKSUM_MISMATCH, f.instruction, f.step, f.exitStatus, hit, tail);
        }
        hit = firstMatch(section, NETWORK);
        if (hit != null) {
            return new BuildFailure(FailureKind.NETWORK, f.instruction, f.step, f.exitStatus, hit, tail);
        }
        hit = firstMatch(section, PACKAGE_GONE);
        if (hit != null) {
            return new BuildFailure(FailureKind.PACKAGE_UNAVAILABLE, f.instruction, f.step, f.exitStatus, hit, tail);
        }
        if (f.exitStatus != null) {
            return new BuildFailure(FailureKind.COMMAND_FAILED, f.instruction, f.step, f.exitStatus, null, tail);
        }
        return new BuildFailure(FailureKind.OTHER, f.instruction, f.step, null, f.errorLine, tail);
    }

    /** Where the failure is in the log: the failing step's lines, its instruction and status. */
    private static final class Failing {
        int sectionStart;
        int sectionEnd;
        String instruction;
        String step;
        Integer exitStatus;
        String errorLine;
        boolean baseImage;

        List<String> errorLineList() {
            return errorLine == null ? List.of() : List.of(errorLine);
        }
    }

    private static Failing locate(List<String> lines) {
        Failing f = new Failing();
        f.sectionEnd = lines.size();
        int lastStep = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher step = BUILDAH_STEP.matcher(line);
            Matcher kitStep = BUILDKIT_STEP.matcher(line);
            if (step.matches()) {
                lastStep = i;
                f.step = step.group(1);
                f.instruction = step.group(2).strip();
            } else if (kitStep.matches() && !kitStep.group(2).startsWith("internal]")) {
                f.step = kitStep.group(1);
                f.instruction = kitStep.group(2).strip();
            }
            Matcher err = BUILDAH_ERROR_AT_STEP.matcher(line);
            if (err.matches()) {
                f.errorLine = line.strip();
                if (f.instruction == null) {
                    f.instruction = err.group(1);
                }
                Matcher st = EXIT_STATUS.matcher(err.group(2));
                if (st.find()) {
                    f.exitStatus = Integer.valueOf(st.group(1));
                }
            } else if (line.startsWith("Error: creating build container:")) {
                f.errorLine = line.strip();
                f.baseImage = true;
            } else if (line.startsWith("ERROR: failed to solve:") || line.startsWith("error: failed to solve:")) {
                f.errorLine = line.strip();
                Matcher p = BUILDKIT_PROCESS.matcher(line);
                if (p.find()) {
                    f.exitStatus = Integer.valueOf(p.group(2));
                } else if (line.contains("failed to resolve source metadata") || line.contains("pull access denied")) {
                    f.baseImage = true;
                }
            }
        }
        if (lastStep >= 0) {
            f.sectionStart = lastStep + 1;
        }
        return f;
    }

    private static List<String> tail(List<String> section) {
        List<String> meaningful = new ArrayList<>();
        for (String l : section) {
            String s = l.stripTrailing();
            if (!s.isBlank() && !s.startsWith("subprocess exited with status")) {
                meaningful.add(s);
            }
        }
        return meaningful.subList(Math.max(0, meaningful.size() - TAIL_LINES), meaningful.size());
    }

    private static String firstMatch(List<String> lines, List<Pattern> patterns) {
        for (String line : lines) {
            for (Pattern p : patterns) {
                if (p.matcher(line).find()) {
                    return line.strip();
                }
            }
        }
        return null;
    }

    private static List<Pattern> patterns(String... regexes) {
        List<Pattern> ps = new ArrayList<>();
        for (String r : regexes) {
            ps.add(Pattern.compile(r));
        }
        return List.copyOf(ps);
    }
}

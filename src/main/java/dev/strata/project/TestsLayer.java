package dev.strata.project;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tests layer: a test suite, and a CI configuration with a step that runs it. Suite and CI
 * locked, suite only partial, none missing.
 */
final class TestsLayer {

    /**
     * Commands and CI actions that run a test suite. Alternatives are anchored on word boundaries
     * and every repetition is bounded, so matching a line is linear in its length.
     */
    static final Pattern TEST_COMMAND = Pattern.compile(
            "\\b(pytest|py\\.test|tox|nox|make (?:test|check)\\w*|R CMD check|rcmdcheck|testthat|devtools::test"
                    + "|testthat::test_\\w+|npm (?:run )?test|yarn (?:run )?test|pnpm (?:run )?test|Pkg\\.test"
                    + "|julia-runtest|check-r-package|python[0-9.]* -m unittest|hatch (?:run )?test|ctest"
                    + "|cargo test|go test|mvnw?\\b[^\\n]{0,80}?\\b(?:test|verify)|gradlew? test|snakemake --lint)\\b");

    private static final Pattern PY_TEST_FILE = Pattern.compile("test_[^/]*\\.py|[^/]*_test\\.py");

    private TestsLayer() {}

    static LayerResult analyze(ProjectFiles files) {
        List<Evidence> suite = suiteEvidence(files);
        List<Evidence> ci = new ArrayList<>();
        List<String> ciFiles = ciFiles(files);
        for (String file : ciFiles) {
            ci.addAll(ciTestSteps(files, file));
        }
        List<Evidence> evidence = new ArrayList<>(suite);
        LayerStatus status;
        if (!suite.isEmpty() && !ci.isEmpty()) {
            status = LayerStatus.LOCKED;
            evidence.addAll(ci);
        } else if (!suite.isEmpty()) {
            status = LayerStatus.PARTIAL;
            evidence.add(new Evidence(ciFiles.isEmpty() ? "" : ciFiles.get(0), 0, ciFiles.isEmpty()
                    ? "no CI configuration runs the tests"
                    : "CI configuration found but no step runs the tests"));
        } else if (!ci.isEmpty()) {
            status = LayerStatus.PARTIAL;
            evidence.addAll(ci);
            evidence.add(new Evidence("", 0, "CI runs a test command but no test files or test configuration were found"));
        } else {
            status = LayerStatus.MISSING;
            evidence.add(new Evidence("", 0, "no test suite and no CI configuration running tests"));
        }
        return new LayerResult(Layer.TESTS, status, evidence);
    }

    static List<String> ciFiles(ProjectFiles files) {
        List<String> out = new ArrayList<>();
        for (String f : files.files()) {
            boolean workflow = f.startsWith(".github/workflows/") && (f.endsWith(".yml") || f.endsWith(".yaml"))
                    && f.indexOf('/', ".github/workflows/".length()) < 0;
            if (workflow || f.equals(".gitlab-ci.yml") || f.equals(".circleci/config.yml")
                    || f.equals("azure-pipelines.yml") || f.equals("Jenkinsfile") || f.equals(".travis.yml")
                    || f.equals("bitbucket-pipelines.yml")) {
                out.add(f);
            }
        }
        return out;
    }

    /** Steps in one CI file that run tests, one evidence each (at most 5 per file). */
    static List<Evidence> ciTestSteps(ProjectFiles files, String file) {
        List<Evidence> out = new ArrayList<>();
        String text = files.read(file).orElse(null);
        if (text == null) {
            return out;
        }
        if (file.equals("Jenkinsfile")) {
            List<String> lines = RequirementsLineParser.physicalLines(text);
            for (int i = 0; i < lines.size() && out.size() < 5; i++) {
                int at = testCommandAt(lines.get(i));
                if (at >= 0) {
                    Matcher m = TEST_COMMAND.matcher(lines.get(i));
                    m.find(at);
                    out.add(new Evidence(file, i + 1, "CI runs tests: " + m.group(1)));
                }
            }
            return out;
        }
        Node root;
        try {
            root = LocatedTree.yaml(file, text);
        } catch (ProjectParseException e) {
            out.add(new Evidence(file, e.line(), "CI file is not valid YAML; not checked: " + e.problem().message()));
            return List.of();
        }
        collect(file, root, out);
        return out;
    }

    private static void collect(String file, Node node, List<Evidence> out) {
        if (out.size() >= 5) {
            return;
        }
        if (node instanceof Node.ScalarNode s && s.value() != null) {
            int at = testCommandAt(s.value());
            if (at >= 0) {
                Matcher m = TEST_COMMAND.matcher(s.value());
                m.find(at);
                out.add(new Evidence(file, s.line() + lineOffset(s.value(), at), "CI runs tests: " + m.group(1)));
            }
        } else if (node instanceof Node.MapNode m) {
            m.entries().values().forEach(v -> collect(file, v, out));
        } else if (node instanceof Node.ListNode l) {
            l.items().forEach(v -> collect(file, v, out));
        }
    }

    /**
     * Offset of the first test command in {@code text} that is not merely being installed
     * ({@code pip install pytest tox} installs tools, it runs nothing), or -1.
     */
    static int testCommandAt(String text) {
        Matcher m = TEST_COMMAND.matcher(text);
        while (m.find()) {
            // Start of the simple command holding the match: after the last newline, ';' or '&&'.
            int start = m.start();
            while (start > 0) {
                char c = text.charAt(start - 1);
                if (c == '\n' || c == ';' || (c == '&' && start >= 2 && text.charAt(start - 2) == '&')) {
                    break;
                }
                start--;
            }
            String before = text.substring(start, m.start());
            if (!(before.contains("install ") || before.contains(" add ") || before.strip().startsWith("add "))) {
                return m.start();
            }
        }
        return -1;
    }

    /** Lines before {@code index} in a multi-line block scalar (block scalars start on the next line). */
    private static int lineOffset(String value, int index) {
        int newlines = 0;
        for (int i = 0; i < index; i++) {
            if (value.charAt(i) == '\n') {
                newlines++;
            }
        }
        return value.indexOf('\n') >= 0 ? newlines + 1 : 0;
    }

    static List<Evidence> suiteEvidence(ProjectFiles files) {
        List<Evidence> out = new ArrayList<>();
        List<String> pyTests = files.files().stream()
                .filter(f -> PY_TEST_FILE.matcher(ProjectFiles.fileName(f)).matches()).toList();
        if (!pyTests.isEmpty()) {
            out.add(new Evidence(pyTests.get(0), 0, pyTests.size() + " Python test file(s)"));
        }
        List<String> rTests = files.files().stream().filter(f -> f.contains("tests/testthat/")
                && ProjectFiles.fileName(f).startsWith("test") && (f.endsWith(".R") || f.endsWith(".r"))).toList();
        if (!rTests.isEmpty()) {
            out.add(new Evidence(rTests.get(0), 0, rTests.size() + " testthat file(s)"));
        }
        if (files.exists("test/runtests.jl")) {
            out.add(new Evidence("test/runtests.jl", 0, "Julia test suite"));
        }
        for (String config : List.of("pytest.ini", "tox.ini", "noxfile.py", "conftest.py")) {
            if (files.exists(config)) {
                out.add(new Evidence(config, 0, config + " present"));
            }
        }
        sectionLine(files, "pyproject.toml", "[tool.pytest.ini_options]", out);
        sectionLine(files, "setup.cfg", "[tool:pytest]", out);
        packageJsonTest(files, out);
        return out;
    }

    private static void sectionLine(ProjectFiles files, String file, String header, List<Evidence> out) {
        files.read(file).ifPresent(text -> {
            int line = TextLines.lineStartingWith(text, header);
            if (line > 0) {
                out.add(new Evidence(file, line, "pytest configured in " + header));
            }
        });
    }

    private static void packageJsonTest(ProjectFiles files, List<Evidence> out) {
        String text = files.read("package.json").orElse(null);
        if (text == null) {
            return;
        }
        try {
            Node root = LocatedTree.json("package.json", text);
            root.at("scripts").flatMap(s -> s.at("test")).ifPresent(test -> test.text()
                    .filter(t -> !t.contains("no test specified"))
                    .ifPresent(t -> out.add(new Evidence("package.json", test.line(), "npm test script: " + t))));
        } catch (ProjectParseException e) {
            // an unreadable package.json is simply not test evidence
        }
    }
}

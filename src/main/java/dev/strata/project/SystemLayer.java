package dev.strata.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * System dependencies documented outside the Dockerfile: package lists (repo2docker
 * {@code apt.txt}, {@code packages.txt}, Heroku {@code Aptfile}, {@code bindep.txt}) and install
 * commands in README/INSTALL/docs. Locked when every listed package has a version, partial when
 * some lack one, missing when nothing is documented. The audit combines this with the
 * Dockerfile's apt/apk/yum findings.
 */
final class SystemLayer {

    static final Set<String> PACKAGE_LISTS = Set.of("apt.txt", "packages.txt", "Aptfile", "apt-packages.txt",
            "apt-packages", "system-packages.txt", "bindep.txt");

    private static final Pattern INSTALL = Pattern.compile(
            "\\b(apt-get|apt|apk|yum|dnf|microdnf|zypper)[ \\t]+(?:-[^\\s]{1,40}[ \\t]+){0,10}(?:install|add)[ \\t]+([^`|;&#\\n]*)");

    private SystemLayer() {}

    static LayerResult analyze(ProjectFiles files) {
        List<Evidence> pinned = new ArrayList<>();
        List<Evidence> unpinned = new ArrayList<>();
        for (String file : files.named(PACKAGE_LISTS::contains)) {
            if (file.split("/").length > 2) {
                continue; // lists live at the root or in binder/-style folders, not deep in vendored code
            }
            String text = files.read(file).orElse(null);
            if (text == null) {
                continue;
            }
            List<String> lines = RequirementsLineParser.physicalLines(text);
            int total = 0;
            for (int i = 0; i < lines.size(); i++) {
                String entry = RequirementsLineParser.stripComment(lines.get(i)).strip();
                if (entry.isEmpty()) {
                    continue;
                }
                total++;
                String name = entry.split("\\s+")[0];
                if (!hasVersion(name, "apt")) {
                    if (unpinned.size() < 20) {
                        unpinned.add(new Evidence(file, i + 1, "system package " + name + " listed without a version"));
                    }
                }
            }
            if (total > 0) {
                pinned.add(new Evidence(file, 0, total + " system package(s) listed"));
            }
        }
        for (String doc : files.files()) {
            String name = ProjectFiles.fileName(doc).toUpperCase(Locale.ROOT);
            boolean isDoc = (name.startsWith("README") || name.startsWith("INSTALL")
                    || (doc.startsWith("docs/") && (name.endsWith(".MD") || name.endsWith(".RST") || name.endsWith(".TXT"))));
            if (!isDoc || doc.split("/").length > 3) {
                continue;
            }
            String text = files.read(doc).orElse(null);
            if (text == null) {
                continue;
            }
            List<String> lines = RequirementsLineParser.physicalLines(text);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = INSTALL.matcher(lines.get(i));
                if (!m.find()) {
                    continue;
                }
                String manager = m.group(1);
                List<String> packages = new ArrayList<>();
                for (String token : m.group(2).strip().split("\\s+")) {
                    if (!token.isEmpty() && !token.startsWith("-") && !token.startsWith("$")) {
                        packages.add(token);
                    }
                }
                if (packages.isEmpty()) {
                    continue;
                }
                List<String> loose = packages.stream().filter(p -> !hasVersion(p, manager)).toList();
                if (loose.isEmpty()) {
                    pinned.add(new Evidence(doc, i + 1, "documents " + manager + " packages with versions: "
                            + String.join(" ", packages)));
                } else if (unpinned.size() < 20) {
                    unpinned.add(new Evidence(doc, i + 1, "documents " + manager + " install without versions: "
                            + String.join(" ", loose)));
                }
            }
        }
        List<Evidence> evidence = new ArrayList<>(pinned);
        evidence.addAll(unpinned);
        LayerStatus status;
        if (pinned.isEmpty() && unpinned.isEmpty()) {
            status = LayerStatus.MISSING;
            evidence.add(new Evidence("", 0, "no system packages documented outside the Dockerfile"));
        } else {
            status = unpinned.isEmpty() ? LayerStatus.LOCKED : LayerStatus.PARTIAL;
        }
        return new LayerResult(Layer.SYSTEM_DEPENDENCIES, status, evidence);
    }

    /** apt/apk write {@code name=version}; yum/dnf/zypper {@code name-version}. */
    static boolean hasVersion(String spec, String manager) {
        int eq = spec.indexOf('=');
        if (eq > 0 && eq < spec.length() - 1) {
            return true;
        }
        if (manager.equals("yum") || manager.equals("dnf") || manager.equals("microdnf") || manager.equals("zypper")) {
            for (int i = 1; i + 1 < spec.length(); i++) {
                if (spec.charAt(i) == '-' && Character.isDigit(spec.charAt(i + 1))) {
                    return true;
                }
            }
        }
        return false;
    }
}

package dev.strata.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Citation and archive layer: CITATION.cff (with cff-version, title and authors), .zenodo.json
 * (a JSON object) and a licence file at the root. All three locked, some partial, none missing.
 */
final class CitationLayer {

    static final Set<String> LICENSE_NAMES = Set.of("LICENSE", "LICENSE.md", "LICENSE.txt", "LICENSE.rst",
            "LICENCE", "LICENCE.md", "LICENCE.txt", "COPYING", "COPYING.md", "COPYING.txt", "UNLICENSE");

    private CitationLayer() {}

    static LayerResult analyze(ProjectFiles files) {
        List<Evidence> evidence = new ArrayList<>();
        int present = 0;
        if (citation(files, evidence)) {
            present++;
        }
        if (zenodo(files, evidence)) {
            present++;
        }
        String license = files.files().stream().filter(f -> !f.contains("/") && LICENSE_NAMES.contains(f))
                .findFirst()
                // REUSE-style projects keep their licence texts in LICENSES/
                .or(() -> files.files().stream().filter(f -> f.startsWith("LICENSES/")).findFirst())
                .orElse(null);
        if (license != null) {
            present++;
            evidence.add(new Evidence(license, 0, "licence file present"));
        } else {
            evidence.add(new Evidence("", 0, "no LICENSE/COPYING file at the root: others may not reuse the work"));
        }
        LayerStatus status = present == 3 ? LayerStatus.LOCKED : present == 0 ? LayerStatus.MISSING : LayerStatus.PARTIAL;
        return new LayerResult(Layer.CITATION_ARCHIVE, status, evidence);
    }

    private static boolean citation(ProjectFiles files, List<Evidence> evidence) {
        String file = "CITATION.cff";
        if (!files.exists(file)) {
            evidence.add(new Evidence("", 0, "no CITATION.cff: the software has no machine-readable citation"));
            return false;
        }
        String text = files.read(file).orElse(null);
        if (text == null) {
            evidence.add(new Evidence(file, 0, "CITATION.cff could not be read"));
            return false;
        }
        Node root;
        try {
            root = LocatedTree.yaml(file, text);
        } catch (ProjectParseException e) {
            evidence.add(new Evidence(file, e.line(), "CITATION.cff is not valid YAML: " + e.problem().message()));
            return false;
        }
        List<String> lacking = new ArrayList<>();
        if (root.at("cff-version").flatMap(Node::text).isEmpty()) {
            lacking.add("cff-version");
        }
        if (root.at("title").flatMap(Node::text).filter(t -> !t.isBlank()).isEmpty()) {
            lacking.add("title");
        }
        if (root.at("authors").map(Node::asList).orElse(List.of()).isEmpty()) {
            lacking.add("authors");
        }
        if (!lacking.isEmpty()) {
            evidence.add(new Evidence(file, root.line(), "CITATION.cff lacks " + String.join(", ", lacking)));
            return false;
        }
        String version = root.at("cff-version").flatMap(Node::text).orElse("");
        evidence.add(new Evidence(file, root.asMap().map(m -> m.keyLine("cff-version")).orElse(1),
                "CITATION.cff " + version + " with title and " + root.at("authors").get().asList().size() + " author(s)"));
        return true;
    }

    private static boolean zenodo(ProjectFiles files, List<Evidence> evidence) {
        String file = ".zenodo.json";
        if (!files.exists(file)) {
            evidence.add(new Evidence("", 0, "no .zenodo.json: Zenodo archives get no curated metadata"));
            return false;
        }
        String text = files.read(file).orElse(null);
        if (text == null) {
            evidence.add(new Evidence(file, 0, ".zenodo.json could not be read"));
            return false;
        }
        try {
            Node root = LocatedTree.json(file, text);
            if (root.asMap().isEmpty()) {
                evidence.add(new Evidence(file, root.line(), ".zenodo.json is not a JSON object"));
                return false;
            }
            evidence.add(new Evidence(file, 0, ".zenodo.json present"
                    + root.at("title").flatMap(Node::text).map(t -> " (title: " + t + ")").orElse("")));
            return true;
        } catch (ProjectParseException e) {
            evidence.add(new Evidence(file, e.line(), ".zenodo.json is not valid JSON: " + e.problem().message()));
            return false;
        }
    }
}

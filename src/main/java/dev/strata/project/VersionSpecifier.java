package dev.strata.project;

/**
 * PEP 440 version specifiers as pip writes them ({@code >=1.0,<2}, {@code ==1.2.*},
 * {@code ===foo}): validation and "does this admit exactly one version". Linear scans only.
 */
final class VersionSpecifier {

    private VersionSpecifier() {}

    /** Null when {@code spec} (spaces removed) is empty or a valid comma-separated list, else why not. */
    static String validate(String spec) {
        if (spec.isEmpty()) {
            return null;
        }
        for (String clause : spec.split(",", -1)) {
            int op = operatorLength(clause);
            if (op == 0) {
                return "invalid version specifier '" + clip(clause) + "' (expected an operator such as == or >=)";
            }
            String version = clause.substring(op);
            if (version.isEmpty()) {
                return "missing version after " + clip(clause);
            }
            boolean arbitrary = clause.startsWith("===");
            for (int i = 0; i < version.length(); i++) {
                char c = version.charAt(i);
                boolean ok = (c < 128 && Character.isLetterOrDigit(c)) || c == '.' || c == '*' || c == '+'
                        || c == '!' || c == '-' || c == '_' || (arbitrary && c > ' ' && c != ';');
                if (!ok) {
                    return "invalid character '" + c + "' in version " + clip(version);
                }
            }
        }
        return null;
    }

    /** The one version a specifier admits ({@code ==V} without wildcard or {@code ===V}), else null. */
    static String exactVersion(String spec) {
        if (spec.isEmpty() || spec.indexOf(',') >= 0) {
            return null;
        }
        if (spec.startsWith("===")) {
            return spec.substring(3);
        }
        if (spec.startsWith("==") && spec.indexOf('*') < 0) {
            return spec.substring(2);
        }
        return null;
    }

    /** Keeps messages short when a hostile line is megabytes long. */
    static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    private static int operatorLength(String clause) {
        if (clause.startsWith("===")) {
            return 3;
        }
        if (clause.startsWith("==") || clause.startsWith("!=") || clause.startsWith("<=")
                || clause.startsWith(">=") || clause.startsWith("~=")) {
            return 2;
        }
        if (clause.startsWith("<") || clause.startsWith(">")) {
            return 1;
        }
        return 0;
    }
}

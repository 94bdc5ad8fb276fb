package dev.strata.shell;

/** Parsers for package arguments in each ecosystem's syntax. Char scanning only. */
final class Specs {
    private Specs() {
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean hasScheme(String s) {
        int i = s.indexOf("://");
        if (i <= 0) {
            return false;
        }
        for (int k = 0; k < i; k++) {
            char c = s.charAt(k);
            if (!(Character.isLetterOrDigit(c) || c == '+' || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    static boolean looksLikePath(String s) {
        return s.startsWith("./") || s.startsWith("../") || s.startsWith("/") || s.startsWith("~") || s.equals(".")
                || s.equals("..");
    }

    private static PackageSpec file(ShellWord w, String v) {
        return new PackageSpec(w, v, "", "", false, "", hasScheme(v) ? SpecKind.URL : SpecKind.FILE);
    }

    /** apt: {@code name[:arch][=version|/release]}; {@code *} in the version makes it a wildcard. */
    static PackageSpec apt(ShellWord w) {
        String v = w.value();
        if (hasScheme(v) || looksLikePath(v) || v.endsWith(".deb")) {
            return file(w, v);
        }
        int eq = v.indexOf('=');
        int slash = v.indexOf('/');
        String head = eq >= 0 ? v.substring(0, eq) : slash >= 0 ? v.substring(0, slash) : v;
        String qualifier = "";
        int colon = head.indexOf(':');
        String name = head;
        if (colon >= 0) {
            name = head.substring(0, colon);
            qualifier = head.substring(colon);
        }
        if (eq >= 0) {
            String version = v.substring(eq + 1);
            boolean exact = !version.isEmpty() && version.indexOf('*') < 0 && w.known();
            return new PackageSpec(w, name, v.substring(eq), version, exact, qualifier, SpecKind.NAME);
        }
        if (slash >= 0) {
            qualifier = qualifier + v.substring(slash);
        }
        return new PackageSpec(w, name, "", "", false, qualifier, SpecKind.NAME);
    }

    /** apk: {@code name[@tag][(=|~|>|<|>=|<=|~=)version]}. */
    static PackageSpec apk(ShellWord w) {
        String v = w.value();
        if (hasScheme(v) || looksLikePath(v) || v.endsWith(".apk")) {
            return file(w, v);
        }
        int i = 0;
        while (i < v.length() && "=~<>".indexOf(v.charAt(i)) < 0) {
            i++;
        }
        String head = v.substring(0, i);
        String qualifier = "";
        int at = head.indexOf('@');
        if (at >= 0) {
            qualifier = head.substring(at);
            head = head.substring(0, at);
        }
        if (i == v.length()) {
            return new PackageSpec(w, head, "", "", false, qualifier, SpecKind.NAME);
        }
        int j = i;
        while (j < v.length() && "=~<>".indexOf(v.charAt(j)) >= 0) {
            j++;
        }
        String op = v.substring(i, j);
        String version = v.substring(j);
        boolean exact = op.equals("=") && !version.isEmpty() && w.known();
        return new PackageSpec(w, head, v.substring(i), version, exact, qualifier, SpecKind.NAME);
    }

    /**
     * rpm (yum/dnf): {@code name[-[epoch:]version[-release][.arch]]}. Names may hold dashes and digits
     * ({@code java-17-openjdk}, {@code perl-Digest-SHA}, {@code compat-libstdc++-33}), so the version is not simply
     * after the first "-digit"; see {@link #rpmVersionDash(String)}.
     */
    static PackageSpec rpm(ShellWord w) {
        String v = w.value();
        if (hasScheme(v) || looksLikePath(v) || v.endsWith(".rpm")) {
            return file(w, v);
        }
        int i = rpmVersionDash(v);
        if (i > 0) {
            String version = v.substring(i + 1);
            boolean exact = version.indexOf('*') < 0 && version.indexOf('?') < 0 && w.known();
            return new PackageSpec(w, v.substring(0, i), v.substring(i), version, exact, "", SpecKind.NAME);
        }
        int eq = v.indexOf('=');
        if (eq > 0) {
            String version = v.substring(eq + 1);
            return new PackageSpec(w, v.substring(0, eq), v.substring(eq), version, !version.isEmpty() && w.known(), "",
                    SpecKind.NAME);
        }
        return new PackageSpec(w, v, "", "", false, "", SpecKind.NAME);
    }

    /**
     * The dash before the version in an rpm spec, or -1 when the spec is a bare name. Without the repository
     * metadata, a dash segment starting with a digit may be part of the name ({@code compat-libstdc++-33},
     * {@code java-17-openjdk}) or a version, so this heuristic decides:
     * <ul>
     * <li>{@code name-version-release}: the last two segments both start with a digit ({@code foo-1.2-3.el9},
     *     {@code foo-0:1.2-3.el9.x86_64}, {@code java-17-openjdk-17.0.9.0.9-1.el9});</li>
     * <li>{@code name-version}: the last segment starts with a digit and holds a dot, an epoch colon or a
     *     wildcard ({@code foo-1.2}, {@code foo-1:2}, {@code foo-1.*});</li>
     * <li>otherwise a bare name: {@code python3-devel}, {@code gcc-c++}, {@code perl-Digest-SHA},
     *     {@code compat-libstdc++-33} (a dot-less number alone is taken as part of the name).</li>
     * </ul>
     */
    static int rpmVersionDash(String v) {
        int last = v.lastIndexOf('-');
        if (last <= 0 || !rpmVersionLike(v.substring(last + 1))) {
            return -1;
        }
        int prev = v.lastIndexOf('-', last - 1);
        if (prev > 0 && rpmVersionLike(v.substring(prev + 1, last))) {
            return prev;
        }
        String only = v.substring(last + 1);
        for (int i = 0; i < only.length(); i++) {
            char c = only.charAt(i);
            if (c == '.' || c == ':' || c == '*' || c == '?') {
                return last;
            }
        }
        return -1;
    }

    /** Starts with a digit and holds only characters rpm allows in an epoch, version, release or arch. */
    private static boolean rpmVersionLike(String s) {
        if (s.isEmpty() || !isDigit(s.charAt(0))) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || ".:_+~^*?".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    /** zypper: {@code name[op version]} with op one of = >= <= > < ; or rpm style name-version. */
    static PackageSpec zypper(ShellWord w) {
        String v = w.value();
        int i = 0;
        while (i < v.length() && "=<>".indexOf(v.charAt(i)) < 0) {
            i++;
        }
        if (i == v.length()) {
            return rpm(w);
        }
        int j = i;
        while (j < v.length() && "=<>".indexOf(v.charAt(j)) >= 0) {
            j++;
        }
        String op = v.substring(i, j);
        String version = v.substring(j);
        return new PackageSpec(w, v.substring(0, i), v.substring(i), version,
                op.equals("=") && !version.isEmpty() && w.known(), "", SpecKind.NAME);
    }

    /** PEP 508 requirement (plus pip's URL, VCS and path forms). */
    static PackageSpec pep508(ShellWord w) {
        return pep508(w, w.value().trim());
    }

    static PackageSpec pep508(ShellWord w, String v) {
        int plus = v.indexOf('+');
        if (plus > 0 && plus < 4 && (v.startsWith("git+") || v.startsWith("hg+") || v.startsWith("svn+")
                || v.startsWith("bzr+"))) {
            return vcs(w, v, "");
        }
        if (hasScheme(v)) {
            String egg = fragmentValue(v, "egg");
            boolean hashed = v.contains("#sha256=") || v.contains("#sha512=") || v.contains("#sha384=")
                    || v.contains("&sha256=");
            return new PackageSpec(w, egg.isEmpty() ? v : egg, "", "", hashed && w.known(), "", SpecKind.URL);
        }
        if (looksLikePath(v) || (v.endsWith(".whl") || v.endsWith(".tar.gz") || v.endsWith(".zip")) && v.indexOf('@') < 0
                || (v.indexOf('/') >= 0 && v.indexOf(" @ ") < 0 && v.indexOf('@') < 0)) {
            return new PackageSpec(w, v, "", "", false, "", SpecKind.FILE);
        }
        int i = 0;
        while (i < v.length() && (Character.isLetterOrDigit(v.charAt(i)) || ".-_".indexOf(v.charAt(i)) >= 0)) {
            i++;
        }
        String name = v.substring(0, i);
        StringBuilder qualifier = new StringBuilder();
        while (i < v.length() && v.charAt(i) == ' ') {
            i++;
        }
        if (i < v.length() && v.charAt(i) == '[') {
            int close = v.indexOf(']', i);
            close = close < 0 ? v.length() - 1 : close;
            qualifier.append(v, i, close + 1);
            i = close + 1;
        }
        while (i < v.length() && v.charAt(i) == ' ') {
            i++;
        }
        if (i < v.length() && v.charAt(i) == '@') {
            String url = v.substring(i + 1).trim();
            int semi = url.indexOf(';');
            if (semi >= 0) {
                qualifier.append(url.substring(semi));
                url = url.substring(0, semi).trim();
            }
            if (url.startsWith("git+") || url.startsWith("hg+")) {
                PackageSpec inner = vcs(w, url, qualifier.toString());
                return new PackageSpec(w, name, inner.constraint(), inner.version(), inner.exact(),
                        qualifier.toString(), SpecKind.VCS);
            }
            boolean hashed = url.contains("#sha256=");
            return new PackageSpec(w, name, "@ " + url, "", hashed && w.known(), qualifier.toString(), SpecKind.URL);
        }
        String rest = v.substring(i);
        int semi = rest.indexOf(';');
        if (semi >= 0) {
            qualifier.append(rest.substring(semi));
            rest = rest.substring(0, semi);
        }
        String constraint = rest.trim();
        if (constraint.startsWith("(") && constraint.endsWith(")")) {
            constraint = constraint.substring(1, constraint.length() - 1).trim();
        }
        String version = "";
        boolean exact = false;
        if (!constraint.isEmpty()) {
            int k = 0;
            while (k < constraint.length() && "=<>!~".indexOf(constraint.charAt(k)) >= 0) {
                k++;
            }
            String op = constraint.substring(0, k);
            int comma = constraint.indexOf(',');
            version = (comma < 0 ? constraint.substring(k) : constraint.substring(k, comma)).trim();
            exact = comma < 0 && (op.equals("===") || op.equals("==") && version.indexOf('*') < 0)
                    && !version.isEmpty();
        }
        return new PackageSpec(w, name, constraint, version, exact && w.known(), qualifier.toString(), SpecKind.NAME);
    }

    private static PackageSpec vcs(ShellWord w, String url, String qualifier) {
        String egg = fragmentValue(url, "egg");
        int hash = url.indexOf('#');
        String base = hash >= 0 ? url.substring(0, hash) : url;
        int scheme = base.indexOf("://");
        int at = base.lastIndexOf('@');
        String ref = "";
        if (at > scheme + 3 && base.indexOf('/', scheme + 3) >= 0 && at > base.indexOf('/', scheme + 3)) {
            ref = base.substring(at + 1);
        }
        String name = egg.isEmpty() ? url : egg;
        // a full commit id, as pip-unpinned asks: an abbreviated one can become ambiguous as the repository grows
        boolean full = ref.length() == 40 || ref.length() == 64;
        return new PackageSpec(w, name, ref.isEmpty() ? "" : "@" + ref, ref,
                w.known() && full && ToolCalls.looksLikeCommit(ref), qualifier, SpecKind.VCS);
    }

    private static String fragmentValue(String url, String key) {
        int hash = url.indexOf('#');
        if (hash < 0) {
            return "";
        }
        for (String kv : url.substring(hash + 1).split("&")) {
            if (kv.startsWith(key + "=")) {
                return kv.substring(key.length() + 1);
            }
        }
        return "";
    }

    /**
     * conda match spec: {@code [channel::]name[ ][op]version[=build]}. {@code ==V} and {@code =V=build}
     * are exact; {@code =V} means V.* and counts as exact only with at least three components.
     */
    static PackageSpec conda(ShellWord w) {
        String v = w.value().trim();
        if (hasScheme(v) || looksLikePath(v) || v.endsWith(".tar.bz2") || v.endsWith(".conda")) {
            return file(w, v);
        }
        String qualifier = "";
        int cc = v.indexOf("::");
        if (cc >= 0) {
            qualifier = v.substring(0, cc + 2);
            v = v.substring(cc + 2);
        }
        int i = 0;
        while (i < v.length() && (Character.isLetterOrDigit(v.charAt(i)) || ".-_".indexOf(v.charAt(i)) >= 0)) {
            i++;
        }
        String name = v.substring(0, i);
        String rest = v.substring(i).trim();
        if (rest.isEmpty()) {
            return new PackageSpec(w, name, "", "", false, qualifier, SpecKind.NAME);
        }
        String version;
        String build = "";
        boolean exact;
        if (rest.startsWith("==")) {
            version = rest.substring(2);
            exact = version.indexOf('*') < 0 && version.indexOf(',') < 0 && version.indexOf('|') < 0;
        } else if (rest.startsWith("=")) {
            String body = rest.substring(1);
            int eq = body.indexOf('=');
            if (eq >= 0) {
                version = body.substring(0, eq);
                build = body.substring(eq + 1);
                exact = !build.isEmpty() && build.indexOf('*') < 0 && version.indexOf('*') < 0;
            } else {
                version = body;
                exact = version.indexOf('*') < 0 && components(version) >= 3;
            }
        } else if ("<>!~".indexOf(rest.charAt(0)) >= 0) {
            int k = 0;
            while (k < rest.length() && "=<>!~".indexOf(rest.charAt(k)) >= 0) {
                k++;
            }
            version = rest.substring(k);
            exact = false;
        } else {
            // "numpy 1.24.3 py311h..." or numpy1.2 forms: version [build]
            int sp = rest.indexOf(' ');
            version = sp < 0 ? rest : rest.substring(0, sp);
            build = sp < 0 ? "" : rest.substring(sp + 1).trim();
            exact = !build.isEmpty() || components(version) >= 3 && version.indexOf('*') < 0;
        }
        if (!build.isEmpty()) {
            qualifier = qualifier + "=" + build;
        }
        return new PackageSpec(w, name, rest, version, exact && !version.isEmpty() && w.known(), qualifier,
                SpecKind.NAME);
    }

    private static int components(String version) {
        int n = version.isEmpty() ? 0 : 1;
        for (int i = 0; i < version.length(); i++) {
            if (version.charAt(i) == '.') {
                n++;
            }
        }
        return n;
    }

    /**
     * npm: {@code [@scope/]name[@range]}, an alias {@code name@npm:other@version} (exact when the
     * aliased version is), tarball/git/path forms. A git or URL spec is exact when its {@code #}
     * fragment is a full commit hash; a tarball ({@code .tgz}, {@code .tar.gz}) is a fixed file.
     */
    static PackageSpec npm(ShellWord w) {
        String v = w.value();
        if (hasScheme(v) || looksLikePath(v) || v.endsWith(".tgz") || v.endsWith(".tar.gz") || v.startsWith("git+")
                || v.startsWith("github:") || v.startsWith("file:")) {
            int hash = v.lastIndexOf('#');
            String ref = hash < 0 ? "" : v.substring(hash + 1);
            boolean commit = w.known() && ref.length() == 40 && ToolCalls.looksLikeCommit(ref);
            if (v.startsWith("git")) {
                return new PackageSpec(w, hash < 0 ? v : v.substring(0, hash), hash < 0 ? "" : "#" + ref, ref, commit, "",
                        SpecKind.VCS);
            }
            PackageSpec f = file(w, v);
            return commit ? new PackageSpec(w, v.substring(0, hash), "#" + ref, ref, true, "", f.kind()) : f;
        }
        int at = v.indexOf('@', v.startsWith("@") ? 1 : 0);
        if (at < 0) {
            return new PackageSpec(w, v, "", "", false, "", SpecKind.NAME);
        }
        String version = v.substring(at + 1);
        boolean exact = isExactSemver(version);
        if (version.startsWith("npm:")) {
            String aliased = version.substring(4);
            int aliasAt = aliased.indexOf('@', aliased.startsWith("@") ? 1 : 0);
            exact = aliasAt > 0 && isExactSemver(aliased.substring(aliasAt + 1));
        }
        return new PackageSpec(w, v.substring(0, at), v.substring(at), version, w.known() && exact, "", SpecKind.NAME);
    }

    /** MAJOR.MINOR.PATCH[-pre][+build], optionally prefixed by "=" or "v". */
    static boolean isExactSemver(String s) {
        String v = s.startsWith("=") || s.startsWith("v") ? s.substring(1) : s;
        int dots = 0;
        int i = 0;
        boolean digit = false;
        for (; i < v.length(); i++) {
            char c = v.charAt(i);
            if (isDigit(c)) {
                digit = true;
            } else if (c == '.' && digit) {
                dots++;
                digit = false;
            } else {
                break;
            }
        }
        if (dots != 2 || !digit) {
            return false;
        }
        return i == v.length() || v.charAt(i) == '-' || v.charAt(i) == '+';
    }

    /** gem: {@code name[:version]}, or a local {@code .gem} file. */
    static PackageSpec gem(ShellWord w, String versionOption) {
        String v = w.value();
        if (v.endsWith(".gem") || looksLikePath(v)) {
            return file(w, v);
        }
        int colon = v.indexOf(':');
        if (colon > 0) {
            String version = v.substring(colon + 1);
            return new PackageSpec(w, v.substring(0, colon), v.substring(colon), version,
                    w.known() && isPlainVersion(version), "", SpecKind.NAME);
        }
        if (versionOption != null) {
            return new PackageSpec(w, v, versionOption, versionOption.trim(),
                    w.known() && isPlainVersion(versionOption.trim()), "", SpecKind.NAME);
        }
        return new PackageSpec(w, v, "", "", false, "", SpecKind.NAME);
    }

    static boolean isPlainVersion(String s) {
        String v = s.startsWith("=") ? s.substring(1).trim() : s;
        if (v.isEmpty() || !isDigit(v.charAt(0))) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == '+')) {
                return false;
            }
        }
        return true;
    }

    /** go: {@code module/path[@version]}; exact for semver tags and commit hashes. */
    static PackageSpec go(ShellWord w) {
        String v = w.value();
        int at = v.lastIndexOf('@');
        if (at < 0) {
            return new PackageSpec(w, v, "", "", false, "", SpecKind.NAME);
        }
        String version = v.substring(at + 1);
        boolean exact = w.known() && (version.startsWith("v") && version.length() > 1 && isDigit(version.charAt(1))
                || ToolCalls.looksLikeCommit(version));
        return new PackageSpec(w, v.substring(0, at), v.substring(at), version, exact, "", SpecKind.NAME);
    }

    /** cargo: {@code name[@version]} or {@code --version}. */
    static PackageSpec cargo(ShellWord w, String versionOption) {
        String v = w.value();
        int at = v.indexOf('@');
        String name = at < 0 ? v : v.substring(0, at);
        String version = at < 0 ? (versionOption == null ? "" : versionOption) : v.substring(at + 1);
        String constraint = at < 0 ? (versionOption == null ? "" : "--version " + versionOption) : v.substring(at);
        return new PackageSpec(w, name, constraint, version, w.known() && isExactSemver(version), "", SpecKind.NAME);
    }
}

package dev.strata.lock;

import dev.strata.dockerfile.ArgInstruction;
import dev.strata.dockerfile.CopyInstruction;
import dev.strata.dockerfile.Dockerfile;
import dev.strata.dockerfile.FromInstruction;
import dev.strata.dockerfile.Instruction;
import dev.strata.dockerfile.KeyValueInstruction;
import dev.strata.dockerfile.Word;
import dev.strata.shell.Expansion;
import dev.strata.shell.WordExpander;
import dev.strata.shell.WordExpansionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The floating inputs of a parsed Dockerfile (base images, ADD URLs, and what RUN commands fetch
 * and install), each with where pin writes its resolution, plus notes on what can not be locked
 * or pinned and why.
 */
public record DockerfileInputs(List<LockTarget> targets, List<String> notes) {

    public DockerfileInputs {
        targets = List.copyOf(targets);
        notes = List.copyOf(notes);
    }

    /** Finds the inputs of {@code dockerfile}. */
    public static DockerfileInputs of(Dockerfile dockerfile) {
        return new Finder(dockerfile).find();
    }

    private static final class Finder {
        private final Dockerfile df;
        private final WordExpander expander;
        private final List<LockTarget> targets = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final Map<String, String> globalArgs = new HashMap<>();
        /** Where each global ARG's default ends, for pinning {@code FROM ${BASE}}. */
        private final Map<String, Integer> globalArgValueEnd = new HashMap<>();
        private final Set<String> stages = new HashSet<>();

        Finder(Dockerfile df) {
            this.df = df;
            this.expander = WordExpander.forEscape(df.escapeChar());
        }

        DockerfileInputs find() {
            boolean beforeFirstFrom = true;
            int lastFrom = -1;
            for (int k = 0; k < df.instructions().size(); k++) {
                if (df.instructions().get(k).is("from")) {
                    lastFrom = k;
                }
            }
            int index = -1;
            Map<String, String> stageArgs = new HashMap<>();
            for (Instruction i : df.instructions()) {
                index++;
                int line = i.span().startLine();
                switch (i.name()) {
                    case "arg" -> {
                        for (ArgInstruction.Declaration d : ArgInstruction.of(i).declarations()) {
                            Map<String, String> scope = beforeFirstFrom ? globalArgs : stageArgs;
                            if (d.defaultValue().isPresent()) {
                                String value = expandOrNull(d.defaultValue().get(), scope);
                                if (value != null) {
                                    scope.put(d.name(), value);
                                    if (beforeFirstFrom) {
                                        globalArgValueEnd.put(d.name(), plainWord(d.defaultValue().get()) ? d.valueSpan().endOffset() : -1);
                                    }
                                }
                            } else if (!beforeFirstFrom && globalArgs.containsKey(d.name())) {
                                scope.put(d.name(), globalArgs.get(d.name()));
                            }
                        }
                    }
                    case "from" -> {
                        beforeFirstFrom = false;
                        stageArgs = new HashMap<>();
                        from(FromInstruction.of(i), line);
                    }
                    case "add" -> add(CopyInstruction.of(i), index + 1 < df.instructions().size() ? df.instructions().get(index + 1) : null,
                            stageArgs, line);
                    case "run" -> RunInputs.find(i, df, stageArgs, index > lastFrom, targets, notes);
                    case "env" -> {
                        // ENV values are as fixed as ARG defaults: a URL or version built from them is known here
                        if (!beforeFirstFrom) {
                            env(KeyValueInstruction.of(i), stageArgs);
                        }
                    }
                    default -> {
                        // other instructions fetch nothing
                    }
                }
            }
            return new DockerfileInputs(targets, notes);
        }

        private void env(KeyValueInstruction env, Map<String, String> scope) {
            for (KeyValueInstruction.Pair p : env.pairs()) {
                // the legacy form (ENV KEY rest of line) is not read: unknown, so it hides an ARG of the same name
                String value = p.legacyForm() ? null : expandOrNull(p.value(), scope);
                if (value == null) {
                    scope.remove(p.key());
                } else {
                    scope.put(p.key(), value);
                }
            }
        }

        private void from(FromInstruction from, int line) {
            from.stageName().ifPresent(w -> stages.add(w.value().toLowerCase(Locale.ROOT)));
            if (from.image().isEmpty()) {
                return;
            }
            Word word = from.image().get();
            String raw = word.value();
            String image = expandOrNull(raw, globalArgs);
            if (image == null) {
                notes.add("line " + line + ": FROM " + raw + ": depends on a build argument without a default; not locked");
                return;
            }
            if (image.equals("scratch") || stages.contains(image.toLowerCase(Locale.ROOT)) && !image.contains("/") && !image.contains(":")) {
                return;
            }
            boolean pinned = image.contains("@");
            Optional<Integer> insertAt = Optional.empty();
            if (plainWord(raw) && word.span().textOf(df.source()).equals(raw)) {
                insertAt = Optional.of(word.span().endOffset());
            } else {
                String var = singleVariable(raw);
                Integer end = var == null ? null : globalArgValueEnd.get(var);
                if (end != null && end >= 0) {
                    insertAt = Optional.of(end);
                } else if (!pinned) {
                    notes.add("line " + line + ": FROM " + raw + ": locked, but pin can not write the digest in place (not a plain word or plain ARG default)");
                }
            }
            targets.add(new LockTarget.Image(image, insertAt, pinned, line));
        }

        private void add(CopyInstruction add, Instruction next, Map<String, String> stageArgs, int line) {
            Map<String, String> scope = stageArgs;
            List<Word> urls = new ArrayList<>();
            for (Word w : add.sources()) {
                String v = w.value();
                if (v.startsWith("http://") || v.startsWith("https://")) {
                    urls.add(w);
                }
            }
            for (Word w : urls) {
                String url = expandOrNull(w.value(), scope);
                if (url == null) {
                    notes.add("line " + line + ": ADD " + w.value() + ": depends on a build argument without a default; not locked");
                    continue;
                }
                if (isGitUrl(url)) {
                    notes.add("line " + line + ": ADD " + url + ": git sources in ADD are not locked; use git clone in RUN or pin the commit in the URL");
                    continue;
                }
                String destination = addedFile(add, url);
                boolean checkedByRun = next != null && next.is("run") && destination != null
                        && next.argumentText().contains("sha256sum -c") && next.argumentText().contains(destination);
                boolean pinned = add.checksum().isPresent() || checkedByRun;
                Optional<LockTarget.DownloadPin> pin = Optional.empty();
                if (!pinned && add.sources().size() == 1 && !add.instruction().json()) {
                    pin = Optional.of(new LockTarget.DownloadPin(w.span().startOffset(), true, null,
                            destination == null ? -1 : add.instruction().span().endOffset(), destination));
                } else if (!pinned) {
                    notes.add("line " + line + ": ADD " + url + ": --checksum needs a single source; locked but not pinned");
                }
                targets.add(new LockTarget.Download(url, pin, pinned, line));
            }
        }

        /** The absolute path ADD writes the URL to, when the destination says it plainly. */
        private String addedFile(CopyInstruction add, String url) {
            if (add.destination().isEmpty() || add.sources().size() != 1) {
                return null;
            }
            String dest = add.destination().get().value();
            if (!dest.startsWith("/") || !plainWord(dest)) {
                return null;
            }
            if (dest.endsWith("/")) {
                String path = url.replaceAll("[?#].*$", "");
                String base = path.substring(path.lastIndexOf('/') + 1);
                return base.isEmpty() ? null : dest + base;
            }
            return dest;
        }

        private String expandOrNull(String word, Map<String, String> env) {
            try {
                Expansion e = expander.expand(word, env);
                return e.known() ? e.value() : null;
            } catch (WordExpansionException e) {
                return null;
            }
        }
    }

    static boolean isGitUrl(String url) {
        String u = url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
        return u.endsWith(".git") || u.startsWith("git@") || u.startsWith("git://");
    }

    /** A word with no quoting or expansion: what is written is what is meant. */
    static boolean plainWord(String raw) {
        for (int k = 0; k < raw.length(); k++) {
            char c = raw.charAt(k);
            if (c == '$' || c == '"' || c == '\'' || c == '\\' || c == '`' || Character.isWhitespace(c)) {
                return false;
            }
        }
        return !raw.isEmpty();
    }

    /** {@code NAME} for a word that is exactly {@code $NAME} or {@code ${NAME}}, else null. */
    static String singleVariable(String raw) {
        if (raw.matches("\\$[A-Za-z_][A-Za-z0-9_]*")) {
            return raw.substring(1);
        }
        if (raw.matches("\\$\\{[A-Za-z_][A-Za-z0-9_]*}")) {
            return raw.substring(2, raw.length() - 1);
        }
        return null;
    }
}

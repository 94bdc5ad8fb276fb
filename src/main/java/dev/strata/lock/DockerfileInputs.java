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
import java.util.LinkedHashMap;
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
        /** Each named stage so far, for the ENV a later {@code FROM <stage>} starts with. */
        private final Map<String, Stage> stageEnvs = new HashMap<>();

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
            Stage stage = new Stage(new HashMap<>());
            for (Instruction i : df.instructions()) {
                index++;
                int line = i.span().startLine();
                switch (i.name()) {
                    case "arg" -> {
                        for (ArgInstruction.Declaration d : ArgInstruction.of(i).declarations()) {
                            if (beforeFirstFrom) {
                                String value = d.defaultValue().map(v -> expandOrNull(v, globalArgs)).orElse(null);
                                if (value != null) {
                                    globalArgs.put(d.name(), value);
                                    globalArgValueEnd.put(d.name(), plainWord(d.defaultValue().get()) ? d.valueSpan().endOffset() : -1);
                                }
                            } else if (d.defaultValue().isPresent()) {
                                String value = expandOrNull(d.defaultValue().get(), stage.scope());
                                if (value != null) {
                                    stage.args().put(d.name(), value);
                                } else {
                                    stage.args().remove(d.name());
                                }
                            } else if (globalArgs.containsKey(d.name())) {
                                stage.args().put(d.name(), globalArgs.get(d.name()));
                            }
                        }
                    }
                    case "from" -> {
                        beforeFirstFrom = false;
                        stage = from(FromInstruction.of(i), line);
                    }
                    case "add" -> add(CopyInstruction.of(i), index + 1 < df.instructions().size() ? df.instructions().get(index + 1) : null,
                            stage.scope(), line);
                    case "run" -> RunInputs.find(i, df, stage.scope(), index > lastFrom, targets, notes);
                    case "env" -> {
                        // ENV values are as fixed as ARG defaults: a URL or version built from them is known here
                        if (!beforeFirstFrom) {
                            env(KeyValueInstruction.of(i), stage);
                        }
                    }
                    default -> {
                        // other instructions fetch nothing
                    }
                }
            }
            return new DockerfileInputs(targets, notes);
        }

        /**
         * Applies one ENV instruction as BuildKit does: every value (the legacy {@code ENV KEY rest of
         * line} form included, which BuildKit expands as one word like any other) is expanded against
         * the variables as they were before the instruction, so {@code ENV A=1 B=$A} gives B the
         * earlier A. A value that can not be known is recorded as unknown, so it hides an ARG or an
         * earlier ENV of the same name.
         */
        private void env(KeyValueInstruction env, Stage stage) {
            Map<String, String> before = stage.scope();
            Map<String, String> values = new LinkedHashMap<>();
            for (KeyValueInstruction.Pair p : env.pairs()) {
                values.put(p.key(), expandOrNull(p.value(), before));
            }
            stage.env().putAll(values);
        }

        /**
         * Starts the stage a FROM begins. A stage built {@code FROM <earlier stage>} starts with that
         * stage's ENV (it is part of the image configuration BuildKit carries over) but none of its
         * ARGs, which end with the stage that declares them.
         */
        private Stage from(FromInstruction from, int line) {
            Map<String, String> inherited = new HashMap<>();
            String image = from.image().map(w -> expandOrNull(w.value(), globalArgs)).orElse(null);
            if (image != null && !image.contains("/") && !image.contains(":")) {
                Stage parent = stageEnvs.get(image.toLowerCase(Locale.ROOT));
                if (parent != null) {
                    inherited.putAll(parent.env());
                }
            }
            lock(from, line);
            Stage stage = new Stage(inherited);
            from.stageName().ifPresent(w -> stageEnvs.put(w.value().toLowerCase(Locale.ROOT), stage));
            return stage;
        }

        private void lock(FromInstruction from, int line) {
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

        private void add(CopyInstruction add, Instruction next, Map<String, String> scope, int line) {
            List<Word> urls = new ArrayList<>();
            for (Word w : add.sources()) {
                // a source written as a URL, or a variable (ENV, ARG) whose known value is one
                String v = w.value();
                String known = expandOrNull(v, scope);
                if (v.startsWith("http://") || v.startsWith("https://")
                        || known != null && (known.startsWith("http://") || known.startsWith("https://"))) {
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

    /**
     * The variables of one build stage: its ENV (a null value is an ENV whose value is unknown) and
     * its ARGs. ENV wins over an ARG of the same name, as Docker documents.
     */
    private record Stage(Map<String, String> env, Map<String, String> args) {
        Stage(Map<String, String> env) {
            this(env, new HashMap<>());
        }

        /** The known variables a word in this stage expands with; unknown ones are absent. */
        Map<String, String> scope() {
            Map<String, String> scope = new HashMap<>(args);
            env.forEach((k, v) -> {
                if (v == null) {
                    scope.remove(k);
                } else {
                    scope.put(k, v);
                }
            });
            return scope;
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

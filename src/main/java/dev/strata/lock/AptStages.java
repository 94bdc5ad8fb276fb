package dev.strata.lock;

import dev.strata.dockerfile.ArgInstruction;
import dev.strata.dockerfile.Dockerfile;
import dev.strata.dockerfile.FromInstruction;
import dev.strata.dockerfile.Instruction;
import dev.strata.shell.Expansion;
import dev.strata.shell.WordExpander;
import dev.strata.shell.WordExpansionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The base image each stage of a Dockerfile finally builds on, for pinning apt in every stage: a
 * stage {@code FROM build} builds on what {@code build} builds on. Two stages with the same base
 * run the same release, so the suite read from the built (final) image also holds for every stage
 * on the final stage's base; other stages' suites can only come from their tag
 * ({@link #suiteOfTag(String)}).
 */
final class AptStages {
    /** Debian release numbers of official {@code debian:<n>} tags. */
    private static final Map<String, String> DEBIAN_VERSIONS = Map.of("9", "stretch", "10", "buster", "11", "bullseye",
            "12", "bookworm", "13", "trixie", "14", "forky");
    /** Ubuntu release numbers of official {@code ubuntu:<yy.mm>} tags. */
    private static final Map<String, String> UBUNTU_VERSIONS = Map.ofEntries(Map.entry("16.04", "xenial"), Map.entry("18.04", "bionic"),
            Map.entry("20.04", "focal"), Map.entry("22.04", "jammy"), Map.entry("23.04", "lunar"), Map.entry("23.10", "mantic"),
            Map.entry("24.04", "noble"), Map.entry("24.10", "oracular"), Map.entry("25.04", "plucky"), Map.entry("25.10", "questing"));
    private static final List<String> DEBIAN_CODENAMES = List.of("stretch", "buster", "bullseye", "bookworm", "trixie", "forky", "sid");
    private static final List<String> UBUNTU_CODENAMES = List.of("xenial", "bionic", "focal", "jammy", "lunar", "mantic", "noble",
            "oracular", "plucky", "questing");

    /** One stage: where its FROM starts and the base it finally builds on. */
    record Stage(int start, String base) {}

    private final List<Stage> stages;

    private AptStages(List<Stage> stages) {
        this.stages = stages;
    }

    /**
     * Reads the stages of {@code df}. A base is the FROM image after global build arguments, or,
     * when an argument has no default, the FROM text as written (still equal between two stages
     * written alike); {@code scratch} is kept as is.
     */
    static AptStages of(Dockerfile df) {
        WordExpander expander = WordExpander.forEscape(df.escapeChar());
        Map<String, String> globalArgs = new HashMap<>();
        Map<String, String> named = new HashMap<>();
        List<Stage> stages = new ArrayList<>();
        boolean beforeFirstFrom = true;
        for (Instruction i : df.instructions()) {
            if (i.is("arg") && beforeFirstFrom) {
                for (ArgInstruction.Declaration d : ArgInstruction.of(i).declarations()) {
                    d.defaultValue().map(v -> expand(expander, v, globalArgs)).ifPresent(v -> globalArgs.put(d.name(), v));
                }
            } else if (i.is("from")) {
                beforeFirstFrom = false;
                FromInstruction from = FromInstruction.of(i);
                String written = from.image().map(w -> w.value()).orElse("");
                String image = expand(expander, written, globalArgs);
                String base = image == null ? written : image;
                String parent = named.get(base.toLowerCase(Locale.ROOT));
                if (parent != null) {
                    base = parent;
                }
                stages.add(new Stage(i.span().startOffset(), base));
                final String root = base;
                from.stageName().ifPresent(n -> named.put(n.value().toLowerCase(Locale.ROOT), root));
            }
        }
        return new AptStages(stages);
    }

    private static String expand(WordExpander expander, String word, Map<String, String> env) {
        try {
            Expansion e = expander.expand(word, env);
            return e.known() ? e.value() : null;
        } catch (WordExpansionException e) {
            return null;
        }
    }

    /** The base of the stage holding source offset {@code offset}; empty before the first FROM. */
    Optional<String> baseAt(int offset) {
        String base = null;
        for (Stage s : stages) {
            if (s.start() <= offset) {
                base = s.base();
            }
        }
        return Optional.ofNullable(base);
    }

    /** The base of the final stage (the one the built image is). */
    Optional<String> finalBase() {
        return stages.isEmpty() ? Optional.empty() : Optional.of(stages.get(stages.size() - 1).base());
    }

    /**
     * The distribution and release codename an image reference's tag names, when it does:
     * {@code debian:bookworm-slim}, {@code debian:12}, {@code python:3.12-slim-bookworm},
     * {@code ubuntu:22.04}, {@code eclipse-temurin:17-jammy}. A tag without a codename
     * ({@code debian:stable}, {@code python:3.12}) names none: the release it points at moves.
     *
     * @return {@code {distribution, codename}}
     */
    static Optional<String[]> suiteOfTag(String image) {
        String ref = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = ref.lastIndexOf('/');
        int colon = ref.lastIndexOf(':');
        if (colon <= slash) {
            return Optional.empty();
        }
        String repository = ref.substring(slash + 1, colon).toLowerCase(Locale.ROOT);
        String tag = ref.substring(colon + 1).toLowerCase(Locale.ROOT);
        if (repository.equals("debian")) {
            String number = tag.split("[-.]")[0];
            if (DEBIAN_VERSIONS.containsKey(number) && tag.matches("\\d+(\\.\\d+)?(-.*)?")) {
                return Optional.of(new String[] {"debian", DEBIAN_VERSIONS.get(number)});
            }
        }
        if (repository.equals("ubuntu")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d\\d\\.\\d\\d)(\\.\\d+)?(-.*)?").matcher(tag);
            if (m.matches() && UBUNTU_VERSIONS.containsKey(m.group(1))) {
                return Optional.of(new String[] {"ubuntu", UBUNTU_VERSIONS.get(m.group(1))});
            }
        }
        java.util.regex.Matcher versioned = java.util.regex.Pattern.compile("(?:^|[-_])ubuntu(\\d\\d\\.\\d\\d)(?:$|[-_])").matcher(tag);
        if (versioned.find() && UBUNTU_VERSIONS.containsKey(versioned.group(1))) {
            return Optional.of(new String[] {"ubuntu", UBUNTU_VERSIONS.get(versioned.group(1))}); // nvidia/cuda:12.4.1-runtime-ubuntu22.04
        }
        for (String token : tag.split("[-_.]")) {
            if (DEBIAN_CODENAMES.contains(token) && !token.equals("sid")) {
                return Optional.of(new String[] {"debian", token});
            }
            if (UBUNTU_CODENAMES.contains(token)) {
                return Optional.of(new String[] {"ubuntu", token});
            }
        }
        return Optional.empty();
    }
}

package dev.strata.rules.model;

import dev.strata.dockerfile.ArgInstruction;
import dev.strata.dockerfile.Comment;
import dev.strata.dockerfile.Dockerfile;
import dev.strata.dockerfile.FromInstruction;
import dev.strata.dockerfile.Instruction;
import dev.strata.dockerfile.KeyValueInstruction;
import dev.strata.shell.Expansion;
import dev.strata.shell.WordExpander;
import dev.strata.shell.WordExpansionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the {@link DockerfileModel} from the AST, following BuildKit's scoping: ARGs before the
 * first FROM are global and usable in FROM lines; inside a stage a variable exists only once
 * declared ({@code ARG NAME} takes the global default, {@code ARG NAME=v} its own); ENV values
 * carry into stages built {@code FROM} that stage. Anything derived from a variable without a
 * known value stays unknown (it is left out of the variable map, never guessed).
 */
public final class ModelBuilder {
    private static final String IGNORE = "strata ignore=";

    private ModelBuilder() {}

    public static DockerfileModel build(Dockerfile ast, String file, BuildContext context) {
        WordExpander expander = WordExpander.forEscape(ast.escapeChar());
        Map<String, String> global = new HashMap<>();
        Map<Instruction, Set<String>> suppressions = new IdentityHashMap<>();
        List<Stage> stages = new ArrayList<>();
        List<String> stageNames = new ArrayList<>();
        List<Map<String, String>> stageEnv = new ArrayList<>();
        // names an ENV has set (known or not): a later ARG of the same name does not override them
        List<Set<String>> stageEnvNames = new ArrayList<>();
        Set<String> envNames = null;

        FromInstruction from = null;
        BaseImage base = null;
        Map<String, String> vars = null;
        // immutable copy of vars shared by consecutive steps until an ARG/ENV changes vars
        Map<String, String> frozenVars = null;
        Map<String, String> env = null;
        String workdir = "/";
        List<Step> steps = new ArrayList<>();

        for (Instruction ins : ast.instructions()) {
            Set<String> ignored = ignoredRules(ast, ins);
            if (!ignored.isEmpty()) {
                suppressions.put(ins, ignored);
            }
            if (ins.is("from")) {
                if (from != null) {
                    stages.add(new Stage(stages.size(), name(from), from, base, steps));
                    stageNames.add(name(from).orElse(null));
                    stageEnv.add(env);
                    stageEnvNames.add(envNames);
                }
                from = FromInstruction.of(ins);
                base = resolveBase(from, global, stageNames, expander);
                env = new HashMap<>();
                envNames = new java.util.HashSet<>();
                workdir = "/";
                if (base instanceof BaseImage.StageRef ref) {
                    env.putAll(stageEnv.get(ref.stageIndex()));
                    envNames.addAll(stageEnvNames.get(ref.stageIndex()));
                }
                vars = new HashMap<>(env);
                frozenVars = null;
                steps = new ArrayList<>();
                continue;
            }
            if (from == null) {
                if (ins.is("arg")) {
                    for (ArgInstruction.Declaration d : ArgInstruction.of(ins).declarations()) {
                        declare(global, global, d, expander);
                    }
                }
                continue;
            }
            if (frozenVars == null) {
                frozenVars = Map.copyOf(vars);
            }
            steps.add(new Step(ins, stages.size(), frozenVars, workdir));
            if (ins.is("arg")) {
                frozenVars = null;
                for (ArgInstruction.Declaration d : ArgInstruction.of(ins).declarations()) {
                    if (!envNames.contains(d.name())) { // ENV always wins over an ARG of the same name
                        declare(vars, global, d, expander);
                    }
                }
            } else if (ins.is("env")) {
                frozenVars = null;
                // every pair of one ENV expands against the variables as they were before it (ENV a=2 b=$a: b is the old a)
                Map<String, String> before = Map.copyOf(vars);
                for (KeyValueInstruction.Pair p : KeyValueInstruction.of(ins).pairs()) {
                    envNames.add(p.key());
                    Optional<String> v = expand(expander, p.value(), before);
                    if (v.isPresent()) {
                        vars.put(p.key(), v.get());
                        env.put(p.key(), v.get());
                    } else {
                        vars.remove(p.key());
                        env.remove(p.key());
                    }
                }
            } else if (ins.is("workdir") && workdir != null) {
                Optional<String> w = expand(expander, ins.argumentText(), vars);
                workdir = w.isPresent() ? join(workdir, w.get()) : null;
            }
        }
        if (from != null) {
            stages.add(new Stage(stages.size(), name(from), from, base, steps));
        }
        List<RunScript> runs = new ArrayList<>();
        for (Stage s : stages) {
            for (Step step : s.steps()) {
                if (step.instruction().is("run")) {
                    RunScripts.split(ast, step).ifPresent(script -> runs.add(new RunScript(step, script)));
                }
            }
        }
        return new DockerfileModel(file, ast, global, stages, context, expander, suppressions, runs, new Memo());
    }

    /** Joins a relative directory onto an absolute one. */
    public static String join(String dir, String rel) {
        if (rel.startsWith("/")) {
            return cleanDir(rel);
        }
        String base = dir == null ? "/" : dir;
        return cleanDir(base.endsWith("/") ? base + rel : base + "/" + rel);
    }

    private static String cleanDir(String d) {
        List<String> parts = new ArrayList<>();
        for (String p : d.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(p);
            }
        }
        return "/" + String.join("/", parts);
    }

    private static void declare(Map<String, String> into, Map<String, String> global, ArgInstruction.Declaration d, WordExpander expander) {
        if (d.defaultValue().isEmpty()) {
            String g = global.get(d.name());
            if (g != null && into != global) {
                into.put(d.name(), g);
            } else if (into != global || !global.containsKey(d.name())) {
                into.remove(d.name());
            }
            return;
        }
        Optional<String> v = expand(expander, d.defaultValue().get(), into);
        if (v.isPresent()) {
            into.put(d.name(), v.get());
        } else {
            into.remove(d.name());
        }
    }

    private static Optional<String> expand(WordExpander expander, String word, Map<String, String> vars) {
        try {
            Expansion e = expander.expand(word, vars);
            return e.known() ? Optional.of(e.value()) : Optional.empty();
        } catch (WordExpansionException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> name(FromInstruction from) {
        return from.stageName().map(w -> w.value().toLowerCase(Locale.ROOT));
    }

    private static BaseImage resolveBase(FromInstruction from, Map<String, String> global, List<String> stageNames, WordExpander expander) {
        if (from.image().isEmpty()) {
            return new BaseImage.Unknown("", Set.of());
        }
        String written = from.image().get().value();
        Expansion e;
        try {
            e = expander.expand(written, global);
        } catch (WordExpansionException ex) {
            return new BaseImage.Unknown(written, Set.of());
        }
        if (!e.known()) {
            return new BaseImage.Unknown(written, new LinkedHashSet<>(e.unknownVariables()));
        }
        String value = e.value();
        int stage = stageNames.lastIndexOf(value.toLowerCase(Locale.ROOT));
        if (stage >= 0) {
            return new BaseImage.StageRef(value.toLowerCase(Locale.ROOT), stage);
        }
        ImageReference ref = ImageReference.parse(value);
        if (ref.isScratch()) {
            return new BaseImage.Scratch();
        }
        return new BaseImage.Image(ref, e.usedVariables());
    }

    /** Rule ids named by {@code # strata ignore=a,b} comments directly above the instruction. */
    static Set<String> ignoredRules(Dockerfile ast, Instruction ins) {
        Set<String> out = null;
        for (Comment c : ast.commentsAbove(ins)) {
            String t = c.text();
            if (!t.startsWith(IGNORE)) {
                continue;
            }
            String list = t.substring(IGNORE.length()).trim();
            int sp = indexOfSpace(list);
            if (sp >= 0) {
                list = list.substring(0, sp);
            }
            for (String id : list.split(",")) {
                if (!id.isBlank()) {
                    if (out == null) {
                        out = new LinkedHashSet<>();
                    }
                    out.add(id.trim());
                }
            }
        }
        return out == null ? Set.of() : out;
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}

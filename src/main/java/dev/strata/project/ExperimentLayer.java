package dev.strata.project;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Experiment state layer: runs tracked (MLflow, W&amp;B, DVC experiments, …) and random seeds set.
 * Both locked; one partial; neither missing; not applicable when no code uses randomness or ML
 * libraries.
 */
final class ExperimentLayer {

    static final List<String> SEED_CALLS = List.of("np.random.seed(", "numpy.random.seed(",
            "torch.manual_seed(", "torch.cuda.manual_seed", "tf.random.set_seed(", "tf.set_random_seed(",
            "tensorflow.random.set_seed(", "jax.random.PRNGKey(", "jax.random.key(", "set.seed(", "seed_everything(",
            "Random.seed!(", "mx.random.seed(", "paddle.seed(", "random.PRNGKey(", "random.seed(");

    /** Generators and parameters that are seeded only when given a number or a seed variable. */
    static final List<String> SEEDED_CONSTRUCTORS = List.of("default_rng(", "RandomState(", "MersenneTwister(",
            "Xoshiro(", "StableRNG(", "random_state=", "random_state =");

    /** Tracking libraries by import / dependency name. */
    static final Pattern TRACKING_LIBRARY = Pattern.compile(
            "(?<![\\w.-])(mlflow|wandb|neptune|comet_ml|sacred|aim|clearml|dvclive|tensorboardX)(?![\\w-])");

    private static final Pattern IMPORT = Pattern.compile("^\\s*(?:import|from)\\s+(\\w+)|library\\((\\w+)\\)|require\\((\\w+)\\)");

    private static final Pattern CONFIG_SEED = Pattern.compile("^\\s*[\"']?(?:random_)?seed[\"']?\\s*[:=]\\s*\\d+");

    private static final List<String> RANDOMNESS = List.of("import random", "np.random", "numpy.random", "torch",
            "tensorflow", "jax", "sklearn", "keras", "rnorm(", "runif(", "sample(", "rand(", "randn(", "shuffle(");

    private ExperimentLayer() {}

    static LayerResult analyze(ProjectFiles files) {
        List<Evidence> tracking = new ArrayList<>();
        List<Evidence> seeds = new ArrayList<>();
        boolean randomness = false;
        if (files.isDirectory("mlruns")) {
            tracking.add(new Evidence("mlruns", 0, "MLflow run directory"));
        }
        if (files.exists("MLproject")) {
            tracking.add(new Evidence("MLproject", 0, "MLflow project definition"));
        }
        if (files.isDirectory("wandb")) {
            tracking.add(new Evidence("wandb", 0, "Weights & Biases run directory"));
        }
        for (String dvc : List.of("dvc.yaml", "dvc.lock", "params.yaml")) {
            if (files.exists(dvc)) {
                tracking.add(new Evidence(dvc, 0, dvc.equals("params.yaml")
                        ? "DVC experiment parameters" : "DVC pipeline (dvc exp tracks runs)"));
            }
        }
        List<String> code = CodeFiles.all(files);
        for (String file : files.files()) {
            boolean isCode = CodeFiles.isCode(file);
            boolean isDeps = CodeFiles.isDependencyDeclaration(file);
            boolean isConfig = file.endsWith(".yaml") || file.endsWith(".yml") || file.endsWith(".toml")
                    || file.endsWith(".cfg") || file.endsWith(".json") && !file.endsWith(".ipynb");
            if (!isCode && !isDeps && !isConfig) {
                continue;
            }
            String text = files.read(file).orElse(null);
            if (text == null) {
                continue;
            }
            List<String> lines = RequirementsLineParser.physicalLines(text);
            boolean trackedHere = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (isCode) {
                    if (seeds.size() < 10) {
                        String seed = seedCall(line);
                        if (seed != null) {
                            seeds.add(new Evidence(file, i + 1, "random seed set: " + seed));
                        }
                    }
                    if (!randomness) {
                        randomness = RANDOMNESS.stream().anyMatch(token -> TextLines.containsToken(line, token));
                    }
                    boolean mayImport = line.contains("import") || line.contains("library(") || line.contains("require(");
                    Matcher imp = mayImport ? IMPORT.matcher(line) : null;
                    if (!trackedHere && imp != null && imp.find()) {
                        String lib = imp.group(1) != null ? imp.group(1) : imp.group(2) != null ? imp.group(2) : imp.group(3);
                        if (TRACKING_LIBRARY.matcher(lib).matches()) {
                            tracking.add(new Evidence(file, i + 1, "experiment tracking: imports " + lib));
                            trackedHere = true;
                        }
                    }
                } else if (isDeps && !trackedHere) {
                    Matcher m = TRACKING_LIBRARY.matcher(line);
                    if (m.find() && !line.strip().startsWith("#")) {
                        tracking.add(new Evidence(file, i + 1, "experiment tracking: " + m.group(1) + " is a dependency"));
                        trackedHere = true;
                    }
                } else if (isConfig && seeds.size() < 10 && line.contains("seed") && CONFIG_SEED.matcher(line).find()) {
                    seeds.add(new Evidence(file, i + 1, "random seed set in configuration"));
                }
            }
        }
        List<Evidence> evidence = new ArrayList<>(tracking);
        evidence.addAll(seeds);
        LayerStatus status;
        if (!tracking.isEmpty() && !seeds.isEmpty()) {
            status = LayerStatus.LOCKED;
        } else if (!tracking.isEmpty()) {
            status = LayerStatus.PARTIAL;
            evidence.add(new Evidence("", 0, "runs are tracked but no random seed is set: reruns will differ"));
        } else if (!seeds.isEmpty()) {
            status = LayerStatus.PARTIAL;
            evidence.add(new Evidence("", 0, "seeds are set but runs are not tracked (no MLflow, W&B or DVC experiments)"));
        } else if (code.isEmpty() || !randomness) {
            status = LayerStatus.NOT_APPLICABLE;
            evidence.add(new Evidence("", 0, code.isEmpty() ? "no code files"
                    : "no code uses randomness or machine-learning libraries"));
        } else {
            status = LayerStatus.MISSING;
            evidence.add(new Evidence("", 0, "code uses randomness but sets no seed and tracks no runs"));
        }
        return new LayerResult(Layer.EXPERIMENT_STATE, status, evidence);
    }

    /** The seeding call on this line ("np.random.seed(…)", "MersenneTwister(42)"), or null. */
    static String seedCall(String line) {
        if (line.contains("seed") || line.contains("PRNGKey") || line.contains("random.key(")) {
            for (String call : SEED_CALLS) {
                if (line.contains(call)) {
                    return call.replace("(", "") + "(\u2026)";
                }
            }
        }
        if (line.contains("rng(") || line.contains("State(") || line.contains("Twister(") || line.contains("Xoshiro(")
                || line.contains("RNG(") || line.contains("random_state")) {
            for (String constructor : SEEDED_CONSTRUCTORS) {
                int at = line.indexOf(constructor);
                if (at >= 0 && hasDigitArgument(line, at + constructor.length())) {
                    return constructor.endsWith("(") ? constructor + "<seed>)" : constructor.strip() + "<seed>";
                }
            }
        }
        return null;
    }

    /**
     * True when the argument at {@code from} seeds the generator: a literal number, or a name that
     * says it is a seed ({@code SEED}, {@code args.seed}, {@code cfg.random_seed}).
     */
    private static boolean hasDigitArgument(String line, int from) {
        int i = from;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        if (line.startsWith("seed=", i)) {
            i += 5;
        }
        if (i < line.length() && Character.isDigit(line.charAt(i))) {
            return true;
        }
        int end = i;
        while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_'
                || line.charAt(end) == '.')) {
            end++;
        }
        return end > i && line.substring(i, end).toLowerCase(java.util.Locale.ROOT).contains("seed");
    }
}

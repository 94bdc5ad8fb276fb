package dev.strata.rebuild;

import dev.strata.audit.AuditInputException;
import dev.strata.audit.AuditResult;
import dev.strata.audit.Auditor;
import dev.strata.build.BuildOutcome;
import dev.strata.build.BuildRequest;
import dev.strata.build.BuildVariant;
import dev.strata.build.Builder;
import dev.strata.build.BuilderChoice;
import dev.strata.build.Builders;
import dev.strata.build.ContextCopy;
import dev.strata.build.Variation;
import dev.strata.build.VariantPlanner;
import dev.strata.compare.Cause;
import dev.strata.compare.Comparison;
import dev.strata.compare.ImageFiles;
import dev.strata.compare.Verdict;
import dev.strata.config.AuditConfig;
import dev.strata.config.ConfigException;
import dev.strata.config.ConfigLoader;
import dev.strata.dockerfile.Dockerfile;
import dev.strata.dockerfile.DockerfileParseException;
import dev.strata.dockerfile.DockerfileParser;
import dev.strata.image.ImageReadException;
import dev.strata.image.ReadOptions;
import dev.strata.rules.Finding;
import dev.strata.rules.RuleCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Builds a project's Dockerfile several times with a real builder and compares the images:
 * {@code strata rebuild}.
 *
 * <p>Every build gets a fresh copy of the build context (at a different path when build-path varies),
 * no cache, the planned variations, and ends with its image as an OCI archive in the work directory.
 * The rebuild stops at the first failed build (its log is classified); otherwise every pair of images
 * is compared and the worst verdict wins. The work directory is removed afterwards unless
 * {@link RebuildOptions#keep()}; when a build failed, its log is kept so the user can read it.
 */
public final class Rebuilder {
    private final Builders builders;
    private final ImagePairComparer comparer;
    private final LongSupplier epochSeconds;

    /**
     * @param builders where the builder is chosen from
     * @param comparer how two image archives are compared
     * @param epochSeconds the clock (epoch seconds) that seeds the time variation
     */
    public Rebuilder(Builders builders, ImagePairComparer comparer, LongSupplier epochSeconds) {
        this.builders = builders;
        this.comparer = comparer;
        this.epochSeconds = epochSeconds;
    }

    /** buildah, podman or docker as installed, strata's image comparison, the system clock. */
    public static Rebuilder standard() {
        return new Rebuilder(Builders.standard(), Rebuilder::compareArchives, () -> System.currentTimeMillis() / 1000);
    }

    /** strata compare on two archives (package databases and noise-normalised files captured). */
    static Comparison compareArchives(Path a, Path b, dev.strata.compare.CompareOptions options, String platform)
            throws ImageReadException {
        return ImageFiles.compare(a, b, options, ReadOptions.defaults().withPlatform(platform));
    }

    /** {@link #rebuild(Path, RebuildOptions, RebuildListener)} without progress. */
    public RebuildResult rebuild(Path project, RebuildOptions options) throws RebuildInputException {
        return rebuild(project, options, RebuildListener.NONE);
    }

    /**
     * Rebuilds {@code project} as {@code options} say.
     *
     * @throws RebuildInputException when the project, its Dockerfile or the work directory is unusable,
     *     or an exported image cannot be read
     * @throws dev.strata.build.BuilderException when no builder (or not the requested one) is usable
     * @throws IllegalArgumentException when the requested builder name is unknown
     */
    public RebuildResult rebuild(Path project, RebuildOptions options, RebuildListener listener)
            throws RebuildInputException {
        long start = System.nanoTime();
        Path root = project.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new RebuildInputException(project + ": not a directory");
        }
        Path dockerfile = root.resolve(options.dockerfile()).normalize();
        if (!dockerfile.startsWith(root)) {
            throw new RebuildInputException(options.dockerfile() + ": the Dockerfile must be inside the project");
        }
        if (!Files.isRegularFile(dockerfile)) {
            throw new RebuildInputException(dockerfile + ": no such Dockerfile");
        }
        checkWorkDir(options.workDir());
        BuilderChoice choice = builders.choose(options.builder());
        listener.builderChosen(choice);
        Builder builder = choice.builder();
        Path work = prepareWorkDir(options.workDir());

        EnumSet<Variation> varied = EnumSet.noneOf(Variation.class);
        List<Variation> unsupported = new ArrayList<>();
        for (Variation v : options.vary()) {
            if (builder.supports(v)) {
                varied.add(v);
            } else {
                unsupported.add(v);
            }
        }
        if (options.sourceDateEpoch() != null || options.timestamp()) {
            varied.remove(Variation.TIME); // a fixed time is the point of those options
        }
        Long fixedEpoch = options.sourceDateEpoch() != null ? options.sourceDateEpoch()
                : options.timestamp() ? Long.valueOf(0) : null;
        List<BuildVariant> plan = VariantPlanner.plan(varied, options.builds(), epochSeconds.getAsLong(), fixedEpoch,
                work);

        List<BuildRecord> records = new ArrayList<>();
        List<PairComparison> pairs = new ArrayList<>();
        BuildFailure failure = null;
        boolean done = false;
        try {
            for (BuildVariant v : plan) {
                listener.buildStarted(v.index(), plan.size(), v);
                BuildRecord r = runBuild(builder, root, dockerfile, work, v, options, listener);
                records.add(r);
                listener.buildFinished(r);
                if (!r.succeeded()) {
                    failure = r.failure();
                    break;
                }
            }
            if (failure == null) {
                for (int i = 0; i < records.size(); i++) {
                    for (int j = i + 1; j < records.size(); j++) {
                        listener.comparing(i + 1, j + 1);
                        long t = System.nanoTime();
                        Comparison c;
                        try {
                            c = comparer.compare(records.get(i).archive(), records.get(j).archive(), options.compare(),
                                    options.platform());
                        } catch (ImageReadException e) {
                            throw new RebuildInputException("cannot read the image of build " + (i + 1) + " or "
                                    + (j + 1) + ": " + e.getMessage(), e);
                        }
                        pairs.add(new PairComparison(i + 1, j + 1, c, Duration.ofNanos(System.nanoTime() - t)));
                    }
                }
            }
            done = true;
        } finally {
            if (!done && !options.keep()) {
                deleteTree(work);
            }
        }

        Verdict verdict = Verdict.BITWISE_IDENTICAL;
        List<Cause> causes = List.of();
        if (failure != null) {
            verdict = Verdict.BUILD_FAILED;
        } else {
            for (PairComparison p : pairs) {
                Verdict pv = p.comparison().verdict();
                if (pv.ordinal() > verdict.ordinal()) {
                    verdict = pv;
                    causes = p.comparison().causes();
                }
            }
        }
        records = finishFiles(records, work, options.keep(), failure != null);
        Duration build = Duration.ZERO;
        Duration copy = Duration.ZERO;
        Duration export = Duration.ZERO;
        for (BuildRecord r : records) {
            build = build.plus(r.buildTime());
            copy = copy.plus(r.copyTime());
            export = export.plus(r.exportTime());
        }
        Duration compare = pairs.stream().map(PairComparison::time).reduce(Duration.ZERO, Duration::plus);
        Timings timings = new Timings(Duration.ofNanos(System.nanoTime() - start), build, copy, export, compare);
        String detail = choice.probes().get(choice.probes().size() - 1).detail();
        String shown = root.relativize(dockerfile).toString();
        List<CauseExplanation> explanations = causes.isEmpty() ? List.of() : explain(root, dockerfile, shown, causes);
        return new RebuildResult(verdict, builder.name(), detail, root, shown, List.copyOf(varied), unsupported,
                fixedEpoch, options.timestamp(), records, pairs, causes, explanations, failure, timings, work,
                options.keep() || Files.exists(work));
    }

    /**
     * Audits the Dockerfile (with the project's .strata.yaml when it has a valid one) and links the
     * causes to its findings. Linking is an aid, not the verdict: a Dockerfile the audit cannot read
     * (it built, so this is rare) gives no explanations rather than failing the rebuild.
     */
    static List<CauseExplanation> explain(Path root, Path dockerfile, String shown, List<Cause> causes) {
        AuditConfig config = AuditConfig.defaults();
        Path configFile = root.resolve(ConfigLoader.FILE_NAME);
        if (Files.isRegularFile(configFile)) {
            try {
                config = ConfigLoader.load(configFile, RuleCatalog.ids());
            } catch (ConfigException e) {
                config = AuditConfig.defaults();
            }
        }
        try {
            AuditResult audit = Auditor.audit(dockerfile, shown, config);
            List<Finding> findings = audit.findings().stream()
                    .map(f -> new Finding(f.rule(), f.hadolint(), f.severity(), f.layer(), shown, f.line(), f.column(),
                            f.message(), f.fix()))
                    .toList();
            Dockerfile parsed = DockerfileParser.parse(shown, Files.readAllBytes(dockerfile));
            return AuditLinker.link(causes, findings, parsed);
        } catch (AuditInputException | DockerfileParseException | IOException e) {
            return List.of();
        }
    }

    private BuildRecord runBuild(Builder builder, Path root, Path dockerfile, Path work, BuildVariant v,
            RebuildOptions options, RebuildListener listener) throws RebuildInputException {
        long t = System.nanoTime();
        Path context = v.contextDir();
        try {
            deleteTree(context);
            ContextCopy.copy(root, context, v.umask(), work);
        } catch (IOException e) {
            throw new RebuildInputException("cannot copy the build context " + root + " to " + context + ": "
                    + e.getMessage(), e);
        }
        Duration copyTime = Duration.ofNanos(System.nanoTime() - t);

        Map<String, String> args = new LinkedHashMap<>(options.buildArgs());
        Map<String, String> env = new LinkedHashMap<>();
        if (v.sourceDateEpoch() != null) {
            args.putIfAbsent("SOURCE_DATE_EPOCH", v.sourceDateEpoch().toString());
            env.put("SOURCE_DATE_EPOCH", v.sourceDateEpoch().toString());
        }
        if (v.timezone() != null) {
            args.putIfAbsent("TZ", v.timezone());
            env.put("TZ", v.timezone());
        }
        if (v.locale() != null) {
            args.putIfAbsent("LANG", v.locale());
            args.putIfAbsent("LC_ALL", v.locale());
            env.put("LANG", v.locale());
            env.put("LC_ALL", v.locale());
        }
        Long timestamp = options.timestamp() ? v.sourceDateEpoch() : null;
        Path archive = work.resolve("build-" + v.index() + ".oci.tar");
        Path log = work.resolve("build-" + v.index() + ".log");
        String name = "localhost/strata-rebuild-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + "-"
                + v.index();
        BuildRequest request = new BuildRequest(context, context.resolve(root.relativize(dockerfile).toString()),
                archive, log, name, args, env, options.target(), options.platform(), options.secrets(), timestamp);
        BuildOutcome out;
        try {
            out = builder.build(request, line -> listener.buildLine(v.index(), line));
        } finally {
            deleteTree(context);
        }
        BuildFailure failure = null;
        if (!out.succeeded()) {
            failure = FailureClassifier.classify(readLog(log));
        }
        return new BuildRecord(v.index(), out.succeeded(), out.exitCode(), copyTime, out.buildTime(), out.exportTime(),
                log, out.archive(), v.applied(), out.commands().isEmpty() ? List.of() : out.commands().get(0), failure);
    }

    private static String readLog(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read build log " + log, e);
        }
    }

    /**
     * Applies the keep policy: with keep, everything stays; without, the work directory goes, except
     * the logs when a build failed.
     */
    private static List<BuildRecord> finishFiles(List<BuildRecord> records, Path work, boolean keep, boolean failed) {
        if (keep) {
            return records;
        }
        List<BuildRecord> out = new ArrayList<>();
        if (!failed) {
            deleteTree(work);
            for (BuildRecord r : records) {
                out.add(r.withFiles(null, null));
            }
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(work)) {
            for (Path p : entries) {
                if (!p.getFileName().toString().endsWith(".log")) {
                    deleteTree(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + work, e);
        }
        for (BuildRecord r : records) {
            out.add(r.withFiles(r.log(), null));
        }
        return out;
    }

    /** Refuses a work directory that is a file or holds anything, before any builder is probed. */
    private static void checkWorkDir(Path requested) throws RebuildInputException {
        if (requested == null || !Files.exists(requested)) {
            return;
        }
        if (!Files.isDirectory(requested)) {
            throw new RebuildInputException(requested + ": work directory is not a directory");
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(requested)) {
            if (s.iterator().hasNext()) {
                throw new RebuildInputException(requested + ": work directory is not empty");
            }
        } catch (IOException e) {
            throw new RebuildInputException(requested + ": cannot read the work directory: " + e.getMessage(), e);
        }
    }

    private static Path prepareWorkDir(Path requested) throws RebuildInputException {
        try {
            if (requested == null) {
                return Files.createTempDirectory("strata-rebuild-").toAbsolutePath();
            }
            Path dir = requested.toAbsolutePath().normalize();
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new RebuildInputException("cannot create the work directory: " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    dir.toFile().setWritable(true, true);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root, e);
        }
    }
}

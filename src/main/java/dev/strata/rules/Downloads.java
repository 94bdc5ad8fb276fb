package dev.strata.rules;

import dev.strata.dockerfile.CopyInstruction;
import dev.strata.dockerfile.SourceSpan;
import dev.strata.dockerfile.Word;
import dev.strata.rules.model.DockerfileModel;
import dev.strata.rules.model.RunScript;
import dev.strata.rules.model.Step;
import dev.strata.shell.ChecksumCheck;
import dev.strata.shell.ShellWord;
import dev.strata.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Network downloads: curl/wget URLs in RUN (as the shell package's {@link dev.strata.shell.ToolCalls}
 * recognizes them, {@code busybox wget} included) and URL sources of ADD, with whether a checksum or
 * signature check ({@link ChecksumCheck}) runs in the same RUN and whether the body is run by a shell.
 */
final class Downloads {
    /**
     * One download.
     *
     * @param step the RUN or ADD
     * @param run the RUN's script (null for ADD)
     * @param command the curl/wget command (null for ADD)
     * @param url the URL
     * @param span where the URL is written
     * @param verified a checksum or signature is checked in the same RUN, or ADD has --checksum
     * @param pipedToShell its output runs as a script
     */
    record Download(Step step, RunScript run, SimpleCommand command, String url, SourceSpan span, boolean verified, boolean pipedToShell) {
        boolean isAdd() {
            return command == null;
        }

        /** The file name the URL names (last path segment, query removed). */
        String fileName() {
            String u = url;
            int q = u.indexOf('?');
            if (q >= 0) {
                u = u.substring(0, q);
            }
            int h = u.indexOf('#');
            if (h >= 0) {
                u = u.substring(0, h);
            }
            while (u.endsWith("/")) {
                u = u.substring(0, u.length() - 1);
            }
            return u.substring(u.lastIndexOf('/') + 1);
        }

        /** The URL's path (after the host), lower-cased. */
        String pathLower() {
            String u = url.toLowerCase(Locale.ROOT);
            int scheme = u.indexOf("://");
            int slash = scheme < 0 ? -1 : u.indexOf('/', scheme + 3);
            return slash < 0 ? "" : u.substring(slash);
        }
    }

    private Downloads() {}

    static List<Download> all(DockerfileModel model) {
        return model.memo().get("downloads", () -> allUncached(model));
    }

    private static List<Download> allUncached(DockerfileModel model) {
        List<Download> out = new ArrayList<>();
        for (Step step : model.steps()) {
            if (step.instruction().is("add")) {
                CopyInstruction c = CopyInstruction.of(step.instruction());
                for (Word w : c.sources()) {
                    String v = knownValue(model, step, WholeContext.unquote(w.value()));
                    if (v.startsWith("http://") || v.startsWith("https://") || v.startsWith("ftp://")) {
                        out.add(new Download(step, null, null, v, w.span(), c.checksum().isPresent() || checkedByNextRun(model, step, c), false));
                    }
                }
            }
        }
        // the last checksum/signature check of each RUN, by command index: a check verifies downloads before it
        Map<RunScript, Integer> lastCheck = new IdentityHashMap<>();
        for (Commands.Call call : Commands.toolCalls(model)) {
            if (call.call() instanceof ChecksumCheck c) {
                lastCheck.merge(call.run(), c.command().index(), Math::max);
            }
        }
        for (Commands.Call call : Commands.toolCalls(model)) {
            if (!(call.call() instanceof dev.strata.shell.Download d)) {
                continue;
            }
            RunScript run = call.run();
            boolean verified = lastCheck.getOrDefault(run, -1) > d.command().index();
            for (ShellWord w : d.urls()) {
                if (Commands.isUrl(w)) {
                    out.add(new Download(run.step(), run, d.command(), w.value(), Commands.span(model, w), verified, d.pipedToInterpreter()));
                }
            }
        }
        out.sort((a, b) -> Integer.compare(a.span().startOffset(), b.span().startOffset()));
        return out;
    }

    /**
     * Whether the instruction right after an ADD is a RUN that checks a checksum and names the
     * ADD's destination: the form {@code strata pin --add-checksum run} writes for builders without
     * {@code ADD --checksum} ({@code RUN echo '<sha256>  /dest' | sha256sum -c -}).
     */
    private static boolean checkedByNextRun(DockerfileModel model, Step add, CopyInstruction c) {
        if (c.destination().isEmpty() || c.destination().get().value().isBlank()) {
            return false;
        }
        List<Step> steps = model.stages().get(add.stageIndex()).steps();
        int k = steps.indexOf(add);
        if (k < 0 || k + 1 >= steps.size()) {
            return false;
        }
        Step next = steps.get(k + 1);
        for (Commands.Call call : Commands.toolCalls(model)) {
            if (call.run().step() == next && call.call() instanceof ChecksumCheck) {
                return next.instruction().span().textOf(model.ast().source()).contains(c.destination().get().value());
            }
        }
        return false;
    }

    /** An ADD source as the builder sees it: {@code ${URL}} expanded when its value is known at that step (as lock does). */
    private static String knownValue(DockerfileModel model, Step step, String word) {
        if (!word.contains("$")) {
            return word;
        }
        try {
            dev.strata.shell.Expansion e = model.expander().expand(word, step.variables());
            return e.known() ? e.value() : word;
        } catch (dev.strata.shell.WordExpansionException e) {
            return word;
        }
    }
}

package dev.strata.lock;

import dev.strata.dockerfile.CopyInstruction;
import dev.strata.dockerfile.Dockerfile;
import dev.strata.dockerfile.Instruction;
import dev.strata.dockerfile.Word;
import dev.strata.project.RequirementsFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pins a {@code pip install -r FILE}: writes the generated lock {@code FILE.lock.txt} next to FILE
 * in the build context, replaces the RUN's {@code -r FILE} with
 * {@code --require-hashes -r FILE.lock.txt} (plain {@code -r} when the lock has no hashes), and
 * makes the COPY that brings FILE into the image bring the generated file too.
 */
final class RequirementsPin {
    private RequirementsPin() {}

    static void edit(LockTarget.Requirements r, Dockerfile df, Path context, LockFile lock, List<TextEdit> edits, List<String> notes,
            Map<Path, byte[]> generated) {
        if (r.alreadyPinned()) {
            return;
        }
        Optional<String> found = RequirementsLock.findInContext(context, r.path());
        if (found.isEmpty()) {
            notes.add("line " + r.line() + ": pip -r " + r.path() + ": not found in the build context; not pinned");
            return;
        }
        String relative = found.get();
        if (RequirementsLock.generated(context, relative)) {
            return;
        }
        if (r.replaceStart() < 0) {
            notes.add("line " + r.line() + ": pip -r " + r.path() + ": not a plain word; not pinned");
            return;
        }
        RequirementsFile file = RequirementsLock.parse(context, relative);
        List<String> why = new ArrayList<>();
        boolean[] hashed = {false};
        Optional<String> text = RequirementsLock.render(relative, file, lock.packages(), hashed, why);
        if (text.isEmpty()) {
            notes.add("line " + r.line() + ": " + relative + ": " + String.join("; ", why) + "; not pinned (run strata lock with --image)");
            return;
        }
        String generatedName = RequirementsLock.lockName(relative);
        generated.put(context.resolve(generatedName), text.get().getBytes(StandardCharsets.UTF_8));
        String writtenLock = RequirementsLock.lockName(r.path());
        edits.add(new TextEdit(r.replaceStart(), r.replaceEnd(), (hashed[0] ? "--require-hashes " : "") + "-r " + writtenLock,
                "pip -r " + r.path()));
        if (!hashed[0]) {
            notes.add("line " + r.line() + ": " + relative + ": versions pinned with == in " + generatedName
                    + ", without hashes (the lock has none: run strata lock with --index-url)");
        }
        copyGenerated(df, relative, edits, notes, r.line());
    }

    /** Adds the generated file to each COPY that names FILE as a source. */
    private static void copyGenerated(Dockerfile df, String relative, List<TextEdit> edits, List<String> notes, int line) {
        for (Instruction i : df.instructions()) {
            if (!i.is("copy") && !i.is("add") || i.json()) {
                continue;
            }
            CopyInstruction copy = CopyInstruction.of(i);
            if (copy.from().isPresent() || copy.destination().isEmpty() || !copy.heredocs().isEmpty()) {
                continue;
            }
            for (Word source : copy.sources()) {
                if (!names(source.value(), relative)) {
                    continue;
                }
                if (!DockerfileInputs.plainWord(source.value()) || !source.span().textOf(df.source()).equals(source.value())) {
                    notes.add("line " + i.span().startLine() + ": " + i.keyword() + " " + source.value()
                            + ": not a plain word; add " + RequirementsLock.lockName(source.value()) + " to it by hand");
                    continue;
                }
                String dest = copy.destination().get().value();
                String generatedSource = RequirementsLock.lockName(source.value());
                TextEdit e;
                if (copy.sources().size() > 1 || dest.endsWith("/") || dest.equals(".")) {
                    e = TextEdit.insert(source.span().endOffset(), " " + generatedSource, i.keyword() + " " + generatedSource);
                } else {
                    // one file copied to a file name: a second source would turn the destination into a directory
                    String between = df.source().substring(i.keywordSpan().endOffset(), source.span().startOffset());
                    e = TextEdit.insert(i.span().endOffset(), "\n" + i.keyword() + between + generatedSource + " " + RequirementsLock.lockName(dest),
                            i.keyword() + " " + generatedSource);
                }
                if (edits.stream().noneMatch(x -> x.start() == e.start() && x.replacement().equals(e.replacement()))) {
                    edits.add(e);
                }
            }
        }
    }

    /** Whether a COPY source names the context file {@code relative} itself. */
    private static boolean names(String source, String relative) {
        String s = source;
        while (s.startsWith("./")) {
            s = s.substring(2);
        }
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        return s.equals(relative);
    }
}

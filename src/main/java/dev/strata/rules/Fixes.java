package dev.strata.rules;

import dev.strata.dockerfile.Instruction;
import dev.strata.dockerfile.SourceSpan;
import dev.strata.rules.model.DockerfileModel;
import java.util.Map;

/** Helpers that compute corrected lines for fixes. */
final class Fixes {
    /**
     * A release to suggest when a well-known image floats; the digest is always left for
     * {@code strata lock} to resolve, since it can only be known by asking the registry.
     */
    private static final Map<String, String> SUGGESTED_TAG = Map.ofEntries(
            Map.entry("ubuntu", "24.04"),
            Map.entry("debian", "bookworm-slim"),
            Map.entry("alpine", "3.20"),
            Map.entry("python", "3.12-slim-bookworm"),
            Map.entry("node", "22-bookworm-slim"),
            Map.entry("golang", "1.23-bookworm"),
            Map.entry("rust", "1.82-slim-bookworm"),
            Map.entry("r-base", "4.4.1"),
            Map.entry("rocker/r-ver", "4.4.1"),
            Map.entry("continuumio/miniconda3", "24.7.1-0"),
            Map.entry("condaforge/miniforge3", "24.9.0-0"),
            Map.entry("mambaorg/micromamba", "2.0.2"),
            Map.entry("nvidia/cuda", "12.6.2-cudnn-runtime-ubuntu24.04"),
            Map.entry("jupyter/scipy-notebook", "2024-10-14"),
            Map.entry("quay.io/jupyter/scipy-notebook", "2024-10-14"));

    private Fixes() {}

    /** The tag to suggest for a repository: a known current release, or a placeholder. */
    static String suggestedTag(String repository) {
        String r = repository.startsWith("docker.io/") ? repository.substring("docker.io/".length()) : repository;
        if (r.startsWith("library/")) {
            r = r.substring("library/".length());
        }
        return SUGGESTED_TAG.getOrDefault(r, "<version>");
    }

    /** The instruction's source text (first line onwards) with {@code span} replaced by {@code replacement}. */
    static String replace(DockerfileModel model, Instruction ins, SourceSpan span, String replacement) {
        String src = model.ast().source();
        String before = src.substring(ins.span().startOffset(), span.startOffset());
        String after = src.substring(span.endOffset(), ins.span().endOffset());
        return before + replacement + after;
    }

    /** The source text of a span. */
    static String text(DockerfileModel model, SourceSpan span) {
        return span.textOf(model.ast().source());
    }

    /** The note appended to every base-image fix. */
    static final String LOCK_NOTE = "(use the release you tested with; `strata lock` resolves the digest and `strata pin` writes it into the file)";
}

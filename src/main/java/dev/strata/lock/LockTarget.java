package dev.strata.lock;

import java.util.Optional;

/**
 * One floating input found in a Dockerfile: what to resolve for the lock, and where pin writes the
 * resolution. Offsets index the decoded Dockerfile text.
 */
public sealed interface LockTarget
        permits LockTarget.Image, LockTarget.Download, LockTarget.Git, LockTarget.Pkg, LockTarget.AptUpdate, LockTarget.Requirements,
        LockTarget.Embedded, LockTarget.PipedScript, LockTarget.RPackages, LockTarget.RGithub {

    /** 1-based line of the instruction, for messages. */
    int line();

    /** What is resolved for the lock: the target itself, or what a wrapper stands for. */
    default LockTarget unwrapped() {
        return this;
    }

    /**
     * A target inside a script passed as a string ({@code sh -c '…'}, {@code bash -c "…"},
     * {@code su -c}, {@code runuser -c}, {@code eval}) whose text maps one to one onto the
     * Dockerfile: pin writes the same text as for {@code target}, requoted for the string's quotes.
     *
     * @param target what is locked and pinned
     * @param quoting the outer string's quoting where the edit goes
     */
    record Embedded(LockTarget target, ShellQuoting.Quoting quoting) implements LockTarget {
        @Override
        public int line() {
            return target.line();
        }

        @Override
        public LockTarget unwrapped() {
            return target.unwrapped();
        }
    }

    /**
     * {@code curl -fsSL URL | sh -s -- ARGS} (or {@code wget -qO- URL | bash}): the URL is locked
     * like any download; pin replaces the pipe with a download to {@code file}, a checksum check and
     * a run of the file: {@code curl -fsSL URL -o FILE && echo 'HEX  FILE' | sha256sum -c - && sh FILE ARGS}.
     *
     * @param download the download, locked by its URL
     * @param optionAt just after the download command's last token, where {@code outputOption} goes
     * @param outputOption the option that saves the body to {@code file} ({@code -o FILE}, {@code -O FILE})
     * @param replaceStart the pipe sign
     * @param replaceEnd just after the shell command's last token
     * @param file where the script is saved
     * @param runCommand the command that runs the saved script, as it is written after the check
     */
    record PipedScript(Download download, int optionAt, String outputOption, int replaceStart, int replaceEnd, String file, String runCommand)
            implements LockTarget {
        @Override
        public int line() {
            return download.line();
        }

        @Override
        public LockTarget unwrapped() {
            return download;
        }
    }

    /**
     * A base image in FROM.
     *
     * @param written the reference after ARG expansion, as it goes into the lock
     * @param digestInsertAt where {@code @sha256:…} goes (end of the reference in FROM, or end of
     *     the ARG default it comes from); empty when it can not be pinned in place
     * @param alreadyPinned the reference carries a digest
     */
    record Image(String written, Optional<Integer> digestInsertAt, boolean alreadyPinned, int line) implements LockTarget {}

    /**
     * A file fetched at build time.
     *
     * @param url the expanded URL
     * @param pin how pin records the checksum, empty when it can not (the note says why)
     * @param alreadyPinned a checksum is already verified
     */
    record Download(String url, Optional<DownloadPin> pin, boolean alreadyPinned, int line) implements LockTarget {}

    /**
     * How a download's checksum is written.
     *
     * @param insertAt where the text goes
     * @param addFlag true: {@code --checksum=sha256:HEX } before ADD's source; false: a
     *     {@code && echo 'HEX  FILE' | sha256sum -c -} after the fetching command, checking {@code file}
     * @param file the file the download is saved to (for sha256sum), else null
     * @param runLineAt for ADD: where a following {@code RUN echo 'HEX  FILE' | sha256sum -c -} line
     *     goes (end of the ADD instruction), for builders without {@code ADD --checksum}; -1 when
     *     the destination file is not known
     * @param runLineFile the file that RUN line checks
     */
    record DownloadPin(int insertAt, boolean addFlag, String file, int runLineAt, String runLineFile) {
        public DownloadPin(int insertAt, boolean addFlag, String file) {
            this(insertAt, addFlag, file, -1, null);
        }
    }

    /**
     * A git repository cloned at build time.
     *
     * @param url repository URL
     * @param ref branch or tag, {@code HEAD} when none
     * @param checkoutInsertAt where {@code && git -C DIR checkout COMMIT} goes, empty when it can not
     * @param directory the clone's directory (for the checkout command)
     * @param shallow the clone is shallow: the commit is fetched explicitly before checkout
     * @param alreadyPinned a commit is already checked out
     */
    record Git(String url, String ref, Optional<Integer> checkoutInsertAt, String directory, boolean shallow, boolean alreadyPinned, int line)
            implements LockTarget {}

    /**
     * A package named in an install command.
     *
     * @param ecosystem lock ecosystem ({@code apt}, {@code pip}, ...)
     * @param name package name as written (without version or extras)
     * @param replaceStart start of the text pin replaces (the requirement inside any quotes)
     * @param replaceEnd end of it
     * @param keepPrefix the part of the written requirement kept before the version (name and
     *     extras: {@code requests[socks]})
     * @param alreadyPinned the requirement already names one exact version
     */
    record Pkg(String ecosystem, String name, int replaceStart, int replaceEnd, String keepPrefix, boolean alreadyPinned, int line)
            implements LockTarget {}

    /**
     * An {@code apt-get update}: pin points apt at the locked snapshot of its stage first.
     *
     * @param insertAt where the sources command goes (the start of the update command)
     * @param alreadyPinned the RUN already uses a snapshot archive
     * @param finalStage the update runs in the final stage (the only one older locks pin)
     */
    record AptUpdate(int insertAt, boolean alreadyPinned, int line, boolean finalStage) implements LockTarget {
        public AptUpdate(int insertAt, boolean alreadyPinned, int line) {
            this(insertAt, alreadyPinned, line, true);
        }
    }

    /**
     * A pip requirements file installed with {@code -r}: its named requirements (includes
     * followed) are locked at the versions installed in the image; pin writes a generated,
     * hashed sibling lock and points the {@code -r} at it.
     *
     * @param path the path as written in the RUN (resolved against the build context when locking)
     * @param replaceStart start of the {@code -r FILE} text pin replaces; -1 when it can not be
     *     rewritten in place (quoted, built from variables, inside {@code sh -c})
     * @param replaceEnd end of it
     * @param alreadyPinned the install already runs with {@code --require-hashes}
     */
    record Requirements(String path, int replaceStart, int replaceEnd, boolean alreadyPinned, int line) implements LockTarget {
        public Requirements(String path, int line) {
            this(path, -1, -1, false, line);
        }
    }

    /**
     * R packages installed from CRAN-like repositories ({@code install.packages},
     * {@code BiocManager::install}, littler's {@code install2.r}): each named package is locked at
     * its version in the image, and the call is pointed at the lock's dated CRAN snapshot.
     *
     * @param installer {@code install.packages}, {@code BiocManager::install} or {@code install2.r}
     * @param packages the package names written
     * @param edits how pin points the call at the snapshot; empty when nothing is left to pin or
     *     it can not be done in place (a note says why)
     * @param alreadyPinned the call already names a dated repository (or a Bioconductor release)
     */
    record RPackages(String installer, java.util.List<String> packages, java.util.List<RRepoEdit> edits, boolean alreadyPinned, int line)
            implements LockTarget {
        public RPackages {
            packages = java.util.List.copyOf(packages);
            edits = java.util.List.copyOf(edits);
        }
    }

    /**
     * Where pin writes a repository or version into an R install call: source characters
     * {@code start..end} become {@code prefix + VALUE + suffix}.
     *
     * @param value what VALUE is: the CRAN snapshot URL, or the Bioconductor release
     */
    record RRepoEdit(RValue value, int start, int end, String prefix, String suffix) {}

    /** What an {@link RRepoEdit} writes. */
    enum RValue {
        /** The lock's dated CRAN repository URL. */
        CRAN_URL,
        /** The Bioconductor release ({@code 3.18}) of the BiocVersion package locked from the image. */
        BIOC_RELEASE
    }

    /**
     * A package installed from GitHub ({@code install_github("owner/repo@ref")},
     * {@code installGithub.r owner/repo}): locked as a git entry for
     * {@code https://github.com/owner/repo.git}; pin writes {@code prefix + COMMIT} over
     * {@code replaceStart..replaceEnd} ({@code -1} when it can not).
     *
     * @param repo {@code owner/repo}
     * @param ref the ref asked for, {@code HEAD} when none
     */
    record RGithub(String repo, String ref, int replaceStart, int replaceEnd, String prefix, boolean alreadyPinned, int line)
            implements LockTarget {
        /** The git URL the lock records. */
        public String url() {
            return "https://github.com/" + repo + ".git";
        }
    }
}

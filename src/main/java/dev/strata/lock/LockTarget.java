package dev.strata.lock;

import java.util.Optional;

/**
 * One floating input found in a Dockerfile: what to resolve for the lock, and where pin writes the
 * resolution. Offsets index the decoded Dockerfile text.
 */
public sealed interface LockTarget
        permits LockTarget.Image, LockTarget.Download, LockTarget.Git, LockTarget.Pkg, LockTarget.AptUpdate, LockTarget.Requirements {

    /** 1-based line of the instruction, for messages. */
    int line();

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
}

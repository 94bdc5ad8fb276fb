package dev.strata.lock;

import java.util.List;
import java.util.Optional;

/**
 * Pins one {@code apt-get update} to the lock's apt snapshot for its stage: the snapshot whose
 * recorded bases include the stage's base. A lock from before bases were recorded pins the final
 * stage only, to its one snapshot.
 */
final class AptPin {
    private AptPin() {}

    static void edit(LockTarget.AptUpdate u, AptStages stages, LockFile lock, List<TextEdit> edits, List<String> notes) {
        if (u.alreadyPinned() || lock.aptSnapshots().isEmpty()) {
            return;
        }
        boolean legacy = lock.aptSnapshots().stream().allMatch(s -> s.baseList().isEmpty());
        Optional<AptSnapshot> snapshot;
        if (legacy) {
            snapshot = u.finalStage() ? Optional.of(lock.aptSnapshots().get(0)) : Optional.empty();
        } else {
            String base = stages.baseAt(u.insertAt()).orElse("");
            snapshot = lock.aptSnapshots().stream().filter(s -> s.baseList().contains(base)).findFirst();
            if (snapshot.isEmpty()) {
                notes.add("line " + u.line() + ": apt-get update in a stage FROM " + base
                        + ": no apt snapshot in the lock for this base (its release was unknown when locked); not pinned");
            }
        }
        snapshot.ifPresent(s -> edits.add(TextEdit.insert(u.insertAt(), s.sourcesCommand(), "apt sources -> " + s.url())));
    }
}

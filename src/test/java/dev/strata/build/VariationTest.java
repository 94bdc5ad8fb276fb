package dev.strata.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class VariationTest {
    @Test
    void parsesListsAdditionsAndRemovals() {
        assertThat(Variation.parse("all")).isEqualTo(EnumSet.allOf(Variation.class));
        assertThat(Variation.parse("none")).isEmpty();
        assertThat(Variation.parse("time,umask")).containsExactlyInAnyOrder(Variation.TIME, Variation.UMASK);
        assertThat(Variation.parse("-time,-hostname")).isEqualTo(
                EnumSet.complementOf(EnumSet.of(Variation.TIME, Variation.HOSTNAME)));
        assertThat(Variation.parse("none,+locale")).containsExactly(Variation.LOCALE);
        assertThat(Variation.parse("all,-build-path")).doesNotContain(Variation.BUILD_PATH).hasSize(5);
    }

    @Test
    void rejectsUnknownAndEmptyNames() {
        assertThatThrownBy(() -> Variation.parse("time,kernel"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown variation 'kernel' (known: all, none, build-path, time");
        assertThatThrownBy(() -> Variation.parse("time,,umask")).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void everySubsetRoundTripsThroughItsIds(@ForAll Set<Variation> set) {
        String spec = set.isEmpty() ? "none" : String.join(",", set.stream().map(Variation::id).toList());
        assertThat(Variation.parse(spec)).isEqualTo(set.isEmpty() ? EnumSet.noneOf(Variation.class) : EnumSet.copyOf(set));
    }

    @Test
    void plannerAlternatesEveryVariationAndRecordsIt() {
        List<BuildVariant> plan = VariantPlanner.plan(EnumSet.allOf(Variation.class), 3, 1000, null, Path.of("/w"));
        assertThat(plan).extracting(BuildVariant::index).containsExactly(1, 2, 3);
        assertThat(plan.get(0).contextDir()).isNotEqualTo(plan.get(1).contextDir());
        assertThat(plan.get(1).contextDir()).isNotEqualTo(plan.get(2).contextDir());
        assertThat(plan).extracting(BuildVariant::sourceDateEpoch)
                .containsExactly(1000L, 1000L + VariantPlanner.TIME_STEP_SECONDS, 1000L + 2 * VariantPlanner.TIME_STEP_SECONDS);
        assertThat(plan.get(0).timezone()).isNotEqualTo(plan.get(1).timezone());
        assertThat(plan.get(0).locale()).isNotEqualTo(plan.get(1).locale());
        assertThat(plan.get(0).umask()).isEqualTo(0022);
        assertThat(plan.get(1).umask()).isEqualTo(0002);
        assertThat(plan.get(0).applied()).contains("TZ=Etc/GMT+12", "umask=0022", "SOURCE_DATE_EPOCH=1000",
                "LANG=C.UTF-8", "LC_ALL=C.UTF-8");
    }

    @Test
    void withoutVariationsEveryBuildIsTheSameAndNothingIsSet() {
        List<BuildVariant> plan = VariantPlanner.plan(EnumSet.noneOf(Variation.class), 2, 1000, null, Path.of("/w"));
        assertThat(plan.get(0).contextDir()).isEqualTo(plan.get(1).contextDir()).isEqualTo(Path.of("/w/context"));
        assertThat(plan).allSatisfy(v -> {
            assertThat(v.sourceDateEpoch()).isNull();
            assertThat(v.timezone()).isNull();
            assertThat(v.locale()).isNull();
            assertThat(v.umask()).isNull();
            assertThat(v.applied()).isEmpty();
        });
    }

    @Test
    void aFixedSourceDateEpochWinsOverTimeVariation() {
        List<BuildVariant> plan = VariantPlanner.plan(EnumSet.of(Variation.TIME), 2, 1000, 7L, Path.of("/w"));
        assertThat(plan).extracting(BuildVariant::sourceDateEpoch).containsExactly(7L, 7L);
        assertThat(plan.get(0).applied()).isEmpty();
    }
}

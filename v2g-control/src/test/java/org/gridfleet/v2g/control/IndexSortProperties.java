package org.gridfleet.v2g.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class IndexSortProperties {

    @Property(tries = 500)
    void sortedShouldMatchAStableLibrarySortWhenKeysRepeat(
            @ForAll @Size(max = 300) int @IntRange(min = 0, max = 9) [] keys) {
        // GIVEN keys with many ties
        Integer[] expected = new Integer[keys.length];
        Arrays.setAll(expected, i -> i);
        Arrays.sort(expected, Comparator.comparingInt(i -> keys[i]));
        // WHEN
        int[] actual = IndexSort.sorted(keys.length, (a, b) -> Integer.compare(keys[a], keys[b]));
        // THEN the same order, ties in index order
        assertThat(actual).containsExactly(Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
    }
}

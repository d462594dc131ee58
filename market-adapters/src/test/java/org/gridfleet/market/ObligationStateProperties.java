package org.gridfleet.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Every transition not in the table throws; terminal states have no way out. */
class ObligationStateProperties {

    @Property
    void requireTransitionShouldThrowExactlyWhenTransitionIsNotListed(@ForAll ObligationState from,
                                                                     @ForAll ObligationState to) {
        if (from.next().contains(to)) {
            from.requireTransition("o", to);
            assertThat(from.terminal()).isFalse();
        } else {
            assertThatThrownBy(() -> from.requireTransition("o", to))
                    .isInstanceOf(IllegalObligationTransitionException.class);
        }
    }
}

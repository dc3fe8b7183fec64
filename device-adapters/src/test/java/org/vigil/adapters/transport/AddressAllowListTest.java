package org.vigil.adapters.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AddressAllowListTest {

    @Test
    void allowsListedAddressesAndSubnetsOnly() {
        // given
        AddressAllowList allowed = AddressAllowList.of(List.of("10.1.2.3", "10.1.3.0/24", "fd00::/8"));

        // then
        assertThat(allowed.allows("10.1.2.3")).isTrue();
        assertThat(allowed.allows("10.1.3.77")).isTrue();
        assertThat(allowed.allows("fd00::17")).isTrue();
        assertThat(allowed.allows("10.1.2.4")).isFalse();
        assertThat(allowed.allows("10.1.4.1")).isFalse();
        assertThat(allowed.allows("127.0.0.1")).isFalse();
        assertThat(allowed.allows("not-an-address")).isFalse();
        assertThat(allowed.restricts()).isTrue();
    }

    @Test
    void allowsEveryAddressWhenNoneIsListed() {
        assertThat(AddressAllowList.of(null).allows("192.0.2.1")).isTrue();
        assertThat(AddressAllowList.of(List.of()).restricts()).isFalse();
    }

    @Test
    void refusesNamesAndBadPrefixes() {
        assertThatThrownBy(() -> AddressAllowList.of(List.of("gateway.example.org")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a literal IP address");
        assertThatThrownBy(() -> AddressAllowList.of(List.of("10.0.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prefix length");
    }
}

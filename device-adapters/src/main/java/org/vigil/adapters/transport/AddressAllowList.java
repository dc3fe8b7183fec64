package org.vigil.adapters.transport;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The source addresses a device, or the gateway in front of it, may talk from: single addresses ({@code 10.1.2.3})
 * and subnets in CIDR notation ({@code 10.1.2.0/24}, {@code fd00::/8}), matched with Netty's
 * {@link IpSubnetFilterRule}. Entries must be literal addresses: a name is refused, so matching never waits for DNS
 * and cannot be steered by it. An empty list allows every address (the clinic configured none).
 */
public final class AddressAllowList {

    private static final AddressAllowList ANY = new AddressAllowList(List.of(), List.of());

    private final List<String> entries;
    private final List<IpSubnetFilterRule> rules;

    private AddressAllowList(List<String> entries, List<IpSubnetFilterRule> rules) {
        this.entries = entries;
        this.rules = rules;
    }

    /** Every address. */
    public static AddressAllowList any() {
        return ANY;
    }

    /**
     * @param entries addresses and CIDR subnets; {@code null} or empty for every address
     * @throws IllegalArgumentException for an entry that is not a literal address or subnet
     */
    public static AddressAllowList of(List<String> entries) {
        if (entries == null || entries.isEmpty()) {
            return ANY;
        }
        List<IpSubnetFilterRule> rules = new ArrayList<>(entries.size());
        for (String entry : entries) {
            rules.add(rule(Objects.requireNonNull(entry, "allowed address").strip()));
        }
        return new AddressAllowList(List.copyOf(entries), List.copyOf(rules));
    }

    /** Whether the clinic listed addresses at all. */
    public boolean restricts() {
        return !rules.isEmpty();
    }

    /** Whether a peer at this literal IP address may talk; an address that is not a literal IP is never allowed. */
    public boolean allows(String address) {
        if (rules.isEmpty()) {
            return true;
        }
        InetAddress parsed = address == null ? null : NetUtil.createInetAddressFromIpAddressString(address);
        if (parsed == null) {
            return false;
        }
        InetSocketAddress peer = new InetSocketAddress(parsed, 0);
        return rules.stream().anyMatch(rule -> rule.matches(peer));
    }

    @Override
    public String toString() {
        return rules.isEmpty() ? "any address" : String.join(", ", entries);
    }

    private static IpSubnetFilterRule rule(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        boolean v4 = NetUtil.isValidIpV4Address(address);
        if (!v4 && !NetUtil.isValidIpV6Address(address)) {
            throw new IllegalArgumentException("allowed address " + entry + " is not a literal IP address or subnet");
        }
        int prefix;
        try {
            prefix = slash < 0 ? (v4 ? 32 : 128) : Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("allowed address " + entry + " has no valid prefix length", e);
        }
        if (prefix < 0 || prefix > (v4 ? 32 : 128)) {
            throw new IllegalArgumentException("allowed address " + entry + " has no valid prefix length");
        }
        return new IpSubnetFilterRule(NetUtil.createInetAddressFromIpAddressString(address), prefix,
                IpFilterRuleType.ACCEPT);
    }
}

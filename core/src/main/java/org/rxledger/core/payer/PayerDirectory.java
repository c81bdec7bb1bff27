package org.rxledger.core.payer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The directory as read in one transaction, with the one resolution every screen, report and the matcher use:
 * a claim resolves by routing (most specific wins), a payment by TRN03, then N104 / REF*2U, then the N1*PR
 * name. Nothing is guessed: an unknown routing or 835 payer resolves to empty, and callers show it as unknown.
 * Pure; small enough to hold in memory (a payer and its routings per PBM contract).
 */
public final class PayerDirectory {

    public static final PayerDirectory EMPTY = new PayerDirectory(List.of(), Map.of());

    private final Map<Long, DirectoryPayer> byId = new HashMap<>();
    private final Map<String, List<RoutingLink>> routingsByBin = new HashMap<>();
    private final Map<PayerIdentity, Long> identities = new HashMap<>();
    private final Map<Long, Clp07Evidence> clp07;
    private final List<DirectoryPayer> payers;

    public PayerDirectory(List<DirectoryPayer> payers, Map<Long, Clp07Evidence> clp07) {
        this.payers = List.copyOf(payers);
        this.clp07 = Map.copyOf(clp07);
        for (DirectoryPayer p : payers) {
            byId.put(p.id(), p);
            for (RoutingLink r : p.routings()) {
                routingsByBin.computeIfAbsent(r.routing().bin(), k -> new ArrayList<>()).add(r);
            }
            for (PayerIdentity i : p.identities()) {
                identities.put(i, p.id());
            }
        }
        routingsByBin.values().forEach(l -> l.sort(Comparator.comparingInt((RoutingLink r) -> r.routing().specificity())
                .reversed()));
    }

    /** Every payer, merged ones included, by name. */
    public List<DirectoryPayer> payers() {
        return payers.stream().sorted(Comparator.comparing(DirectoryPayer::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** The payers that are not merged into another, by name. */
    public List<DirectoryPayer> active() {
        return payers().stream().filter(p -> !p.merged()).toList();
    }

    /** A payer by id; a merged payer resolves to its survivor. */
    public Optional<DirectoryPayer> payer(long id) {
        DirectoryPayer p = byId.get(id);
        for (int hops = 0; p != null && p.merged() && hops < 100; hops++) {
            p = byId.get(p.mergedIntoId());
        }
        return Optional.ofNullable(p);
    }

    /** An active payer by display name, without case. */
    public Optional<DirectoryPayer> byName(String name) {
        return active().stream().filter(p -> p.name().equalsIgnoreCase(name == null ? "" : name.strip())).findFirst();
    }

    /** The routing link that decides the payer of a claim billed to bin / pcn / group, most specific first. */
    public Optional<RoutingLink> routingFor(String bin, String pcn, String groupId) {
        if (bin == null) {
            return Optional.empty();
        }
        return routingsByBin.getOrDefault(bin.strip(), List.of()).stream()
                .filter(r -> r.routing().covers(bin, pcn, groupId)).findFirst();
    }

    /** The payer of a claim billed to bin / pcn / group; empty when no routing covers it. */
    public Optional<DirectoryPayer> forRouting(String bin, String pcn, String groupId) {
        return routingFor(bin, pcn, groupId).flatMap(r -> payer(r.payerId()));
    }

    /** The payer of an 835 payment: by TRN03, then N104 / REF*2U, then the N1*PR name; empty when unknown. */
    public Optional<DirectoryPayer> forPayment(String trn03, String n104, String name) {
        return lookup(IdentityKind.TRN03, trn03)
                .or(() -> lookup(IdentityKind.N104, n104))
                .or(() -> lookup(IdentityKind.NAME, name));
    }

    /**
     * The payer of a stored payment, which keeps one identifier (TRN03, else N104, else BPR10) beside the
     * name: the identifier is tried as TRN03 and as N104.
     */
    public Optional<DirectoryPayer> forStoredPayment(String payerIdentifier, String payerName) {
        return forPayment(payerIdentifier, payerIdentifier, payerName);
    }

    /** Which payer holds an identity, if any. */
    public Optional<DirectoryPayer> holder(PayerIdentity identity) {
        return Optional.ofNullable(identities.get(identity)).flatMap(this::payer);
    }

    /** Which routing link holds exactly this routing, if any. */
    public Optional<RoutingLink> link(Routing routing) {
        return routingsByBin.getOrDefault(routing.bin(), List.of()).stream()
                .filter(r -> r.routing().equals(routing)).findFirst();
    }

    /** What the payer's earlier matched payments say about its CLP07 (merged payers' evidence included). */
    public Clp07Evidence clp07(long payerId) {
        Clp07Evidence total = Clp07Evidence.NONE;
        for (Map.Entry<Long, Clp07Evidence> e : clp07.entrySet()) {
            if (payer(e.getKey()).map(DirectoryPayer::id).orElse(-1L) == payerId) {
                total = total.plus(e.getValue());
            }
        }
        return total;
    }

    private Optional<DirectoryPayer> lookup(IdentityKind kind, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(identities.get(new PayerIdentity(kind, value))).flatMap(this::payer);
    }
}

package org.gridfleet.aggregator.openadr.vtn;

import io.vertx.core.Future;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridfleet.aggregator.openadr.ObjectType;
import org.gridfleet.aggregator.openadr.auth.OpenAdrPrincipal;
import org.gridfleet.aggregator.openadr.store.OpenAdrStore;

/** Looks up what a VEN client owns (its VEN object and that VEN's resources) for privacy checks. */
final class CallerResolver {

    private final OpenAdrStore store;

    CallerResolver(OpenAdrStore store) {
        this.store = store;
    }

    Future<Caller> resolve(OpenAdrPrincipal principal) {
        if (principal.isBl()) {
            return Future.succeededFuture(new Caller(principal, null, Set.of()));
        }
        return store.findByName(ObjectType.VEN, null, principal.venName()).compose(ven -> ven.isEmpty()
                ? Future.succeededFuture(new Caller(principal, null, Set.of()))
                : store.list(ObjectType.RESOURCE, null, ven.get().id()).map(resources -> new Caller(principal,
                        ven.get().id(), resources.stream().map(r -> r.name()).collect(Collectors.toSet()))));
    }
}

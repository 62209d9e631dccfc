package org.smolny.web.secret;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.smolny.ballot.encrypt.Contest;
import org.smolny.council.secret.SecretBallot;
import org.smolny.council.shell.CouncilService;
import org.smolny.web.Feature;
import org.smolny.web.Routes;
import org.smolny.web.api.ApiCatalog;
import org.smolny.web.api.ApiCatalog.Location;
import org.smolny.web.api.ApiCatalog.Parameter;
import org.smolny.web.problem.ProblemException;
import org.smolny.web.problem.ProblemType;

/**
 * The public state of the council's secret ballots (docs/secret-votes.md), read-only: what each decides, who the
 * tellers are, how many credentials there are and what they weigh, where the ballot box is, and — once closed and
 * decrypted — the board the council verified and the counts. Participation is public (the credential list is on the
 * record); how anyone voted never is: nothing here is per voter. Thread-safe (reads the council under its read lock).
 */
public final class SecretBallotsApi implements Feature {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CouncilService council;

    public SecretBallotsApi(CouncilService council) {
        this.council = Objects.requireNonNull(council, "council");
    }

    @Override
    public void install(Routes routes) {
        routes.api(new ApiCatalog.Operation("/api/secret-ballots", "secretBallots",
                "Every secret ballot of the council (secret congress votes, secret elections of mandates), in the order opened.",
                List.of(), Map.of(200, "The secret ballots"), "application/json"), this::list);
        routes.api(new ApiCatalog.Operation("/api/secret-ballots/{ballot}", "secretBallot",
                "One secret ballot: its question, tellers, credentials (count and total weight), phase, the board verified at"
                        + " closing and the counts once decrypted.",
                List.of(Parameter.text("ballot", Location.PATH, "The secret ballot's id (its ballot box's election id)", true)),
                Map.of(200, "The secret ballot", 404, "No secret ballot has this id"), "application/json"), this::one);
    }

    private void list(Context ctx) {
        ArrayNode ballots = council.read(state -> {
            ArrayNode array = JSON.createArrayNode();
            state.secretBallots().all().forEach(ballot -> array.add(view(ballot)));
            return array;
        });
        ObjectNode body = JSON.createObjectNode();
        body.set("secretBallots", ballots);
        ctx.json(body);
    }

    private void one(Context ctx) {
        String id = ctx.pathParam("ballot");
        ObjectNode view = council.read(state -> state.secretBallots().find(id).map(SecretBallotsApi::view).orElse(null));
        if (view == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "problem.not-found.path", ctx.path());
        }
        ctx.json(view);
    }

    /** A secret ballot as JSON: nothing about any single voter. */
    static ObjectNode view(SecretBallot ballot) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", ballot.id());
        node.put("unit", ballot.unit().toString());
        switch (ballot.question()) {
            case SecretBallot.CongressQuestion question -> {
                node.put("kind", "congress-vote");
                node.put("congress", question.congress().toString());
                node.put("motion", question.motion().toString());
                node.put("amendment", question.amendment() == null ? null : question.amendment().toString());
                node.put("weighting", question.weighting().name().toLowerCase(java.util.Locale.ROOT));
            }
            case SecretBallot.MandateElection question -> {
                node.put("kind", "election");
                node.put("election", question.election().toString());
            }
        }
        node.put("title", ballot.manifest().title());
        node.put("manifestHash", ballot.manifest().hash().hex());
        node.put("trustees", ballot.manifest().trustees().trustees());
        node.put("threshold", ballot.manifest().trustees().threshold());
        ArrayNode tellers = node.putArray("tellers");
        ballot.tellers().forEach(teller -> tellers.add(teller.toString()));
        node.put("credentials", ballot.credentials().size());
        node.put("totalWeight", ballot.totalWeight());
        node.put("votingPage", "/ballot/" + ballot.id());
        Contest contest = ballot.manifest().contests().getFirst();
        ArrayNode selections = node.putArray("selections");
        contest.selections().forEach(selections::add);
        switch (ballot.phase()) {
            case SecretBallot.Open open -> node.put("phase", "open");
            case SecretBallot.BoxClosed box -> {
                node.put("phase", "box-closed");
                board(node, box.boardEntries(), box.counted(), box.lastTrackingCode());
            }
            case SecretBallot.Decrypted decrypted -> {
                node.put("phase", "decrypted");
                board(node, decrypted.boardEntries(), decrypted.counted(), decrypted.lastTrackingCode());
                ArrayNode trustees = node.putArray("decryptedBy");
                decrypted.trustees().forEach(trustees::add);
                ObjectNode counts = node.putObject("counts");
                List<Long> row = decrypted.counts().getFirst();
                for (int index = 0; index < row.size(); index++) {
                    counts.put(contest.selections().get(index), row.get(index));
                }
            }
        }
        return node;
    }

    private static void board(ObjectNode node, int entries, int counted, String lastTrackingCode) {
        node.put("boardEntries", entries);
        node.put("votersCounted", counted);
        node.put("lastTrackingCode", lastTrackingCode);
    }
}

package org.smolny.app.election;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.smolny.app.config.SmolnyConfig;
import org.smolny.app.serve.RecordServer;
import org.smolny.app.serve.ServeCommand;
import org.smolny.app.serve.ServedElections;
import org.smolny.ballot.decrypt.PartialDecryption;
import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.encrypt.PublicCredential;
import org.smolny.ballot.encrypt.VoterCredential;
import org.smolny.ballot.group.Bytes;
import org.smolny.ballot.group.P256Group;
import org.smolny.ballot.keyceremony.CeremonyParameters;
import org.smolny.ballot.record.DecryptionRecord;
import org.smolny.ballot.record.ElectionRecordFiles;
import org.smolny.ballot.record.JsonReader;
import org.smolny.ballot.record.RecordCodec;
import org.smolny.ballot.tally.BoardEntry;
import org.smolny.ballot.tally.EncryptedTally;
import org.smolny.council.congress.AmendmentId;
import org.smolny.council.congress.Congress;
import org.smolny.council.congress.CongressEvent;
import org.smolny.council.congress.CongressId;
import org.smolny.council.congress.Seat;
import org.smolny.council.congress.VoteMode;
import org.smolny.council.election.Election;
import org.smolny.council.election.ElectionId;
import org.smolny.council.election.Electorates;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.member.MemberId;
import org.smolny.council.member.Membership;
import org.smolny.council.projection.CouncilState;
import org.smolny.council.secret.SecretBallot;
import org.smolny.council.secret.SecretBallotCommand;
import org.smolny.council.secret.SecretQuestions;
import org.smolny.council.shell.CommandResult;
import org.smolny.council.shell.CouncilService;
import org.smolny.council.statutes.ElectorateRule;
import org.smolny.council.statutes.PostRule;
import org.smolny.record.json.Entry;
import org.smolny.record.store.RecordStore;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code smolny secret …}: a secret congress vote or a secret election of a mandate, on the data folder's record
 * (docs/secret-votes.md). The tellers' key ceremony in between is {@code smolny trustee …} and
 * {@code smolny election open} on the same election directory. Run with the server stopped: the council's state is
 * read from the record, and the ballot box of an opened ballot is served from {@code <data>/elections/<id>/} at the
 * server's next start. Exit 0 done, 1 refused or invalid input (the message says what and where), 2 usage error.
 */
@Command(name = "secret", mixinStandardHelpOptions = true,
        description = {"Hold a congress vote or the election of a mandate by verifiable secret ballot.",
                "manifest → (tellers: smolny trustee generate/share/confirm, smolny election open) → open → voting at /ballot/ID"
                        + " → close → (tellers: smolny trustee decrypt) → decide."},
        subcommands = {SecretCommand.MakeManifest.class, SecretCommand.Open.class, SecretCommand.Close.class,
                SecretCommand.Decide.class})
public final class SecretCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: see 'smolny secret help'.");
    }

    /** What is decided: a question of a congress, or a scheduled election. */
    static final class Question {
        @ArgGroup(exclusive = false, multiplicity = "0..1")
        CongressQuestion congress;

        @Option(names = "--election", paramLabel = "ELECTION-ID", description = "the scheduled election held by secret ballot")
        String election;
    }

    static final class CongressQuestion {
        @Option(names = "--congress", required = true, paramLabel = "CONGRESS-ID") String congress;
        @Option(names = "--motion", required = true, paramLabel = "MOTION-ID") String motion;
        @Option(names = "--amendment", paramLabel = "AMENDMENT-ID", description = "vote on this amendment to the motion") String amendment;
    }

    /** Options every step shares. */
    abstract static class Step implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--data", paramLabel = "DIR", description = "The data folder (default: $SMOLNY_DATA or ./smolny-data).")
        Path data;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "the tellers' election directory")
        Path dir;

        @Option(names = "--ballot", required = true, paramLabel = "ID",
                description = "the secret ballot's id: 1-64 of a-z, 0-9 and '-'; its voting page is /ballot/ID")
        String ballot;

        abstract String run(CouncilService council, SmolnyConfig config) throws Exception;

        @Override
        public Integer call() {
            return ElectionCommand.step(spec, () -> {
                SmolnyConfig config = ServeCommand.configuration(spec, data, null);
                if (config.database().isSqlite() && !Files.isRegularFile(RecordServer.database(config.dataDirectory()))) {
                    throw new IllegalArgumentException("there is no record at " + RecordServer.database(config.dataDirectory())
                            .toAbsolutePath() + " (give the data folder with --data)");
                }
                try (RecordStore store = RecordServer.openStore(config)) {
                    return run(CouncilService.open(store, InstantSource.system()), config);
                }
            });
        }

        /** Executes {@code command} by {@code by}; a refusal is an error with the council's reason. */
        static List<CouncilEvent> execute(CouncilService council, org.smolny.council.command.Command command, MemberId by) {
            return switch (council.execute(command, by)) {
                case CommandResult.Refused refused -> throw new IllegalArgumentException("refused: " + refused.reason());
                case CommandResult.Recorded recorded -> recorded.entries().stream().map(entry -> entry.entry().event()).toList();
            };
        }

        <T> T read(CouncilService council, Function<CouncilState, T> read) {
            return council.read(read);
        }

        Path served(SmolnyConfig config) {
            return config.dataDirectory().resolve(ServedElections.ELECTIONS).resolve(ballot);
        }
    }

    static MemberId member(String text, String what) {
        try {
            return MemberId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a member id: " + e.getMessage());
        }
    }

    @Command(name = "manifest", mixinStandardHelpOptions = true,
            description = "Write DIR/manifest.json for a congress question or an election; then the tellers hold the key ceremony on DIR.")
    static final class MakeManifest extends Step {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Question question;

        @Option(names = "--candidate", paramLabel = "MEMBER-ID", description = "a candidate of the election (repeat)")
        List<String> candidates = new ArrayList<>();

        @Option(names = "--trustees", required = true, paramLabel = "n", description = "the number of tellers") int trustees;
        @Option(names = "--threshold", required = true, paramLabel = "k", description = "how many tellers decrypt") int threshold;

        @Override
        String run(CouncilService council, SmolnyConfig config) {
            ElectionRecordFiles files = new ElectionRecordFiles(dir, P256Group.instance());
            if (files.exists(ElectionRecordFiles.MANIFEST)) {
                throw new IllegalArgumentException(dir.resolve(ElectionRecordFiles.MANIFEST) + " exists; an election's manifest is never replaced");
            }
            CeremonyParameters tellers = new CeremonyParameters(trustees, threshold);
            Manifest manifest;
            if (question.congress != null) {
                CongressQuestion asked = question.congress;
                Congress congress = read(council, state -> state.congresses().find(CongressId.parse(asked.congress)))
                        .orElseThrow(() -> new IllegalArgumentException("there is no congress " + asked.congress));
                manifest = read(council, state -> SecretQuestions.congressVote(ballot, congress, MotionId.parse(asked.motion),
                        asked.amendment == null ? null : AmendmentId.parse(asked.amendment), tellers));
            } else {
                ElectionId id = ElectionId.parse(question.election);
                manifest = read(council, state -> {
                    if (!(state.elections().find(id).orElse(null) instanceof Election.Scheduled scheduled)) {
                        throw new IllegalArgumentException("there is no scheduled election " + id);
                    }
                    String unit = state.units().find(scheduled.unit()).map(found -> found.name()).orElse(scheduled.unit().toString());
                    return SecretQuestions.mandateElection(ballot, scheduled.post(), unit, scheduled.seats(),
                            candidates.stream().map(text -> member(text, "candidate")).toList(), tellers);
                });
            }
            files.writeManifest(manifest);
            return "manifest of secret ballot " + ballot + " written to " + dir.resolve(ElectionRecordFiles.MANIFEST)
                    + "; manifest hash " + manifest.hash().hex()
                    + "\nnext: each teller runs 'smolny trustee generate --dir " + dir + " --index I --secrets FILE', then share,"
                    + " confirm, and 'smolny election open --dir " + dir + "'";
        }
    }

    @Command(name = "open", mixinStandardHelpOptions = true,
            description = {"After the key ceremony: draw one credential per voter, open the ballot on the record, and put its",
                    "election record in <data>/elections/ID/ (served at /ballot/ID at the server's next start)."})
    static final class Open extends Step {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Question question;

        @Option(names = "--weighting", paramLabel = "named|card", defaultValue = "named",
                description = "a congress vote: one vote per seat (named) or the seat's cards (card); default named")
        String weighting;

        @Option(names = "--teller", required = true, paramLabel = "MEMBER-ID", description = "the teller of trustee 1, 2, … (repeat, in order)")
        List<String> tellers;

        @Option(names = "--by", required = true, paramLabel = "MEMBER-ID", description = "who opens it: the congress's chair, or an elector")
        String by;

        @Option(names = "--credentials-out", required = true, paramLabel = "FILE",
                description = "where the voters' secret credentials are written (owner-only; hand each voter theirs, then delete it)")
        Path credentialsOut;

        @Override
        String run(CouncilService council, SmolnyConfig config) throws IOException {
            ElectionDir election = ElectionDir.open(dir);
            if (!election.files().exists(ElectionRecordFiles.JOINT_KEY)) {
                throw new IllegalArgumentException(dir + " has no joint-key.json: the tellers finish the key ceremony and run"
                        + " 'smolny election open --dir " + dir + "' first");
            }
            if (Files.exists(served(config))) {
                throw new IllegalArgumentException(served(config) + " exists: a new secret ballot needs a new id");
            }
            if (Files.exists(credentialsOut)) {
                throw new IllegalArgumentException(credentialsOut + " exists: the credentials are never written over another file");
            }
            MemberId actor = member(by, "--by");
            List<MemberId> named = tellers.stream().map(text -> member(text, "teller")).toList();
            VoteMode mode = switch (weighting) {
                case "named" -> VoteMode.NAMED;
                case "card" -> VoteMode.CARD;
                default -> throw new IllegalArgumentException("--weighting is 'named' or 'card', not '" + weighting + "'");
            };
            List<Voter> voters = question.congress != null ? seats(council, CongressId.parse(question.congress.congress), mode)
                    : electors(council, ElectionId.parse(question.election));
            SecureRandom random = new SecureRandom();
            List<PublicCredential> list = new ArrayList<>();
            StringBuilder secrets = new StringBuilder("# The secret voting credentials of ballot " + ballot + ": hand each voter"
                    + " their line's credential, then delete this file.\n# voter\tweight\tcredential\n");
            for (Voter voter : voters) {
                VoterCredential credential = VoterCredential.generate(P256Group.instance(), random);
                list.add(new PublicCredential(credential.publicKey(), voter.weight()));
                secrets.append(voter.member()).append('\t').append(voter.weight()).append('\t')
                        .append(Bytes.hex(credential.secret().revealEncoding())).append('\n');
            }
            Collections.shuffle(list, random); // the public list's order says nothing about who holds which credential
            Files.writeString(Files.createFile(credentialsOut, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------"))), secrets, StandardCharsets.UTF_8);
            org.smolny.council.command.Command command = question.congress != null
                    ? new SecretBallotCommand.OpenSecretVote(ballot, CongressId.parse(question.congress.congress),
                    MotionId.parse(question.congress.motion),
                    question.congress.amendment == null ? null : AmendmentId.parse(question.congress.amendment), mode,
                    election.manifest(), election.files().readJointKey(), list, named)
                    : new SecretBallotCommand.OpenSecretElection(ballot, ElectionId.parse(question.election),
                    election.manifest().contests().getFirst().selections().stream().map(text -> member(text, "candidate")).toList(),
                    election.manifest(), election.files().readJointKey(), list, named);
            try {
                execute(council, command, actor);
            } catch (IllegalArgumentException refused) {
                Files.delete(credentialsOut);
                throw refused;
            }
            election.files().writeCredentials(list);
            Path box = served(config);
            Path making = box.resolveSibling("." + ballot + ".opening");
            Files.createDirectories(making);
            for (String file : List.of(ElectionRecordFiles.MANIFEST, ElectionRecordFiles.CEREMONY, ElectionRecordFiles.JOINT_KEY,
                    ElectionRecordFiles.CREDENTIALS)) {
                if (Files.exists(dir.resolve(file))) {
                    Files.copy(dir.resolve(file), making.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(making, box, StandardCopyOption.ATOMIC_MOVE);
            return "secret ballot " + ballot + " opened on the record: " + list.size() + " credential(s), their secrets in "
                    + credentialsOut + " (owner-only: hand each voter theirs, then delete the file)"
                    + "\nthe ballot box is in " + box + ": start 'smolny serve' and the voters vote at /ballot/" + ballot;
        }

        private record Voter(MemberId member, long weight) {
        }

        private List<Voter> seats(CouncilService council, CongressId id, VoteMode mode) {
            return read(council, state -> {
                Congress congress = state.congresses().find(id).orElseThrow(() -> new IllegalArgumentException("there is no congress " + id));
                List<Voter> voters = new ArrayList<>();
                for (Seat seat : congress.seats()) {
                    long weight = mode == VoteMode.CARD ? seat.cards() : 1;
                    if (weight > 0) {
                        voters.add(new Voter(seat.occupant(), weight));
                    }
                }
                return voters;
            });
        }

        private List<Voter> electors(CouncilService council, ElectionId id) {
            return read(council, state -> {
                if (!(state.elections().find(id).orElse(null) instanceof Election.Scheduled scheduled)) {
                    throw new IllegalArgumentException("there is no scheduled election " + id);
                }
                PostRule post = state.statutes().current().orElseThrow().post(scheduled.post()).orElseThrow();
                ElectorateRule rule = state.statutes().current().orElseThrow().electorate(post.electorate())
                        .orElseThrow(() -> new IllegalArgumentException("post '" + post.name() + "' has no electorate"));
                Electorates electorates = new Electorates(state);
                java.time.Instant now = council.clock().instant();
                return state.members().all().stream().filter(Membership.Active.class::isInstance)
                        .map(membership -> ((Membership.Active) membership).member())
                        .filter(member -> electorates.isElector(rule, scheduled.unit(), member, now))
                        .map(member -> new Voter(member, 1)).toList();
            });
        }
    }

    @Command(name = "close", mixinStandardHelpOptions = true,
            description = {"Close the ballot box: the council verifies the board on the record and records the encrypted tally;",
                    "DIR gets board.jsonl and tally.json for the tellers' 'smolny trustee decrypt'."})
    static final class Close extends Step {
        @Option(names = "--by", required = true, paramLabel = "MEMBER-ID", description = "the chair, or a teller of an election")
        String by;

        @Override
        String run(CouncilService council, SmolnyConfig config) throws IOException {
            ElectionDir election = ElectionDir.open(dir);
            List<BoardEntry> board = board(council.store(), ballot, election.files().codec());
            execute(council, new SecretBallotCommand.CloseBallotBox(ballot, board), member(by, "--by"));
            SecretBallot.BoxClosed box = (SecretBallot.BoxClosed) read(council,
                    state -> state.secretBallots().find(ballot).orElseThrow().phase());
            election.files().writeBoard(board);
            election.files().writeTally(box.tally());
            Path served = served(config);
            if (Files.isDirectory(served)) { // no longer served: ballots cast after the close would not count
                Files.move(served, served.resolveSibling("." + ballot + ".closed"), StandardCopyOption.ATOMIC_MOVE);
            }
            return "ballot box of " + ballot + " closed: " + box.boardEntries() + " board entries verified, " + box.counted()
                    + " voter(s) counted, last tracking code " + box.lastTrackingCode()
                    + "\nnext: " + election.manifest().trustees().threshold() + " tellers run 'smolny trustee decrypt --dir " + dir
                    + " --secrets FILE', then 'smolny secret decide'";
        }
    }

    /** Every board entry of {@code ballot} on the record, in record order (the ballot box's {@code ballot.*} entries). */
    static List<BoardEntry> board(RecordStore store, String ballot, RecordCodec codec) {
        List<BoardEntry> board = new ArrayList<>();
        long size = store.size();
        for (long from = 0; from < size; from += 500) {
            List<Entry> page = store.entries(from, (int) Math.min(500, size - from));
            for (int offset = 0; offset < page.size(); offset++) {
                JsonNode node;
                try {
                    node = JSON.readTree(page.get(offset).json());
                } catch (IOException e) {
                    throw new IllegalStateException("record entry " + (from + offset) + " is not JSON: " + e.getMessage(), e);
                }
                String type = node.path("type").asText("");
                if ((type.equals("ballot.cast") || type.equals("ballot.challenged"))
                        && ballot.equals(node.path("body").path("election").asText())) {
                    JsonReader reader = RecordCodec.root(node.path("body").path("entry"), "record entry " + (from + offset));
                    board.add(codec.boardEntry(reader));
                }
            }
        }
        return board;
    }

    @Command(name = "decide", mixinStandardHelpOptions = true,
            description = {"Decide with the tellers' partial decryptions in DIR/decryption/: the council verifies every proof,",
                    "then records the counts and the decision (the congress's rule, or the election's result)."})
    static final class Decide extends Step {
        @Option(names = "--by", required = true, paramLabel = "MEMBER-ID", description = "the chair, or a teller of an election")
        String by;

        @Override
        String run(CouncilService council, SmolnyConfig config) {
            ElectionDir election = ElectionDir.open(dir);
            EncryptedTally tally = election.files().readTally();
            List<PartialDecryption> partials = election.exchange().readPartials(election.manifest().trustees().trustees());
            List<CouncilEvent> events = execute(council, new SecretBallotCommand.DecryptBallot(ballot, tally, partials),
                    member(by, "--by"));
            SecretBallot.Decrypted decrypted = (SecretBallot.Decrypted) read(council,
                    state -> state.secretBallots().find(ballot).orElseThrow().phase());
            election.files().writeDecryption(new DecryptionRecord(partials, decrypted.trustees(), decrypted.counts()));
            StringBuilder out = new StringBuilder("secret ballot " + ballot + " decrypted by tellers " + decrypted.trustees()
                    + ": counts " + decrypted.counts());
            for (CouncilEvent event : events) {
                if (event instanceof CongressEvent.VoteClosed closed) {
                    out.append('\n').append(closed.decision().sentence());
                } else if (event instanceof CouncilEvent.ElectionHeld held) {
                    out.append("\nelected: ").append(held.elected());
                }
            }
            if (events.stream().noneMatch(event -> event instanceof CongressEvent.VoteClosed || event instanceof CouncilEvent.ElectionHeld)) {
                out.append("\na tie for the last seat: nobody is elected; hold a run-off between the tied candidates by a new secret ballot");
            }
            out.append("\nthe election record in ").append(dir).append(" is complete: 'smolny verify election ").append(dir).append("'");
            return out.toString();
        }
    }
}

package org.smolny.web.congress;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smolny.council.congress.AgendaItem;
import org.smolny.council.congress.AmendmentId;
import org.smolny.council.congress.CongressCommand;
import org.smolny.council.congress.CongressId;
import org.smolny.council.congress.ConveningKind;
import org.smolny.council.congress.EditKind;
import org.smolny.council.congress.PlatformId;
import org.smolny.council.congress.PlatformKind;
import org.smolny.council.congress.Side;
import org.smolny.council.congress.VoteMode;
import org.smolny.council.election.ElectionId;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.mandate.Position;
import org.smolny.council.member.MemberId;
import org.smolny.council.motion.MajorityRule;
import org.smolny.council.motion.MotionText;
import org.smolny.council.statutes.DecisionType;
import org.smolny.council.unit.UnitId;

/**
 * Every congress command the HTTP API and the pages offer, in one place: its name in the URL, what it does, who may
 * send it, the fields of its body, and how the body becomes a {@link CongressCommand}. Ids the sender leaves out for
 * a new thing (congress, motion, amendment, platform) are generated. Immutable; thread-safe.
 */
final class CongressActs {

    /** Who may send an act, before the council's own rules are checked. */
    enum Who {
        /** A member who is an officer of the unit (regular convocation) or any member (convocation by petition). */
        CONVENER,
        /** Only the congress's chair. */
        CHAIR,
        /** Only a member occupying a seat (a delegate, or an alternate in their place). */
        DELEGATE,
        /** The chair or a member occupying a seat. */
        CHAIR_OR_DELEGATE
    }

    /** Reads an act's body into its command. */
    @FunctionalInterface
    interface Reader {
        CongressCommand read(Fields fields, Instant now) throws Fields.InvalidField;
    }

    /**
     * One act.
     *
     * @param name    its name in {@code POST /api/congress/<name>}
     * @param summary what it does
     * @param who     who may send it
     * @param fields  its body's fields: name to JSON type ({@code string}, {@code integer}, {@code boolean},
     *                {@code array}, {@code object}), optional ones marked with a trailing {@code ?}
     * @param reader  how its body becomes the command
     */
    record Act(String name, String summary, Who who, Map<String, String> fields, Reader reader) {
        Act {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        /** The JSON Schema of the body, for the OpenAPI document. */
        ObjectNode schema() {
            ObjectNode schema = JsonNodeFactory.instance.objectNode();
            schema.put("type", "object");
            ObjectNode properties = schema.putObject("properties");
            var required = schema.putArray("required");
            fields.forEach((field, type) -> {
                boolean optional = type.endsWith("?");
                String bare = optional ? type.substring(0, type.length() - 1) : type;
                properties.putObject(field).put("type", bare);
                if (!optional) {
                    required.add(field);
                }
            });
            schema.put("additionalProperties", false);
            return schema;
        }
    }

    private final Map<String, Act> acts = new LinkedHashMap<>();

    CongressActs() {
        add("convene-congress", "Convene the congress of a unit, regularly or on a members' petition (kind: regular, petition).",
                Who.CONVENER, fields("congress", "string?", "unit", "string", "kind", "string", "delegatePost", "string",
                        "alternatePost", "string?", "chair", "string", "opensAt", "string"),
                (f, now) -> new CongressCommand.ConveneCongress(congressOrNew(f, now), f.id("unit", UnitId::parse),
                        f.choice("kind", ConveningKind.class), f.text("delegatePost"), f.optionalText("alternatePost"),
                        f.id("chair", MemberId::parse), f.instant("opensAt")));
        add("accredit-delegate", "The credentials committee checks a delegate's mandate against the record and seats them.",
                Who.CHAIR, fields("congress", "string", "mandate", "string"),
                (f, now) -> new CongressCommand.AccreditDelegate(congress(f), f.id("mandate", MandateId::parse)));
        add("seat-alternate", "An alternate of the same branch takes the seat of an absent delegate.",
                Who.CHAIR, fields("congress", "string", "seat", "string", "alternateMandate", "string"),
                (f, now) -> new CongressCommand.SeatAlternate(congress(f), f.id("seat", MandateId::parse),
                        f.id("alternateMandate", MandateId::parse)));
        add("record-attendance", "Record that the occupant of a seat arrives or leaves.",
                Who.CHAIR, fields("congress", "string", "seat", "string", "member", "string", "present", "boolean"),
                (f, now) -> new CongressCommand.RecordAttendance(congress(f), f.id("seat", MandateId::parse),
                        f.id("member", MemberId::parse), f.flag("present")));
        add("open-congress", "Open the congress; refused without its quorum.", Who.CHAIR, fields("congress", "string"),
                (f, now) -> new CongressCommand.OpenCongress(congress(f)));
        add("adopt-agenda", "Adopt the agenda: items with their time and speaking time in minutes.",
                Who.CHAIR, fields("congress", "string", "items", "array"),
                (f, now) -> new CongressCommand.AdoptAgenda(congress(f), f.objects("items",
                        item -> new AgendaItem(item.text("title"), item.number("minutes"), item.number("speakingMinutes")))));
        add("take-item", "Take an agenda item (numbered from 1).", Who.CHAIR, fields("congress", "string", "item", "integer"),
                (f, now) -> new CongressCommand.TakeItem(congress(f), f.number("item")));
        add("ask-to-speak", "Ask to speak on the current item (side: for, against, point-of-order).",
                Who.DELEGATE, fields("congress", "string", "side", "string"),
                (f, now) -> new CongressCommand.AskToSpeak(congress(f), f.choice("side", Side.class)));
        add("call-next-speaker", "Call the next speaker: points of order first, then for and against in turn.",
                Who.CHAIR, fields("congress", "string"), (f, now) -> new CongressCommand.CallNextSpeaker(congress(f)));
        add("table-motion", "Table a motion under an agenda item: title, text (lines), decision type, optionally a stricter majority.",
                Who.DELEGATE, fields("congress", "string", "motion", "string?", "item", "integer", "title", "string", "text", "array",
                        "decision", "string", "majority", "string?"),
                (f, now) -> new CongressCommand.TableMotion(congress(f), motionOrNew(f, now), f.number("item"), f.text("title"),
                        text(f, "text"), decision(f), majority(f)));
        add("move-amendment", "Move an amendment to lines of a motion as tabled (edit: kind replace, insert or delete; from; to; lines).",
                Who.DELEGATE, fields("congress", "string", "amendment", "string?", "motion", "string", "edit", "object"),
                (f, now) -> new CongressCommand.MoveAmendment(congress(f),
                        f.has("amendment") ? f.id("amendment", AmendmentId::parse) : AmendmentId.generate(now),
                        f.id("motion", MotionId::parse), f.object("edit", CongressActs::edit)));
        add("composite-motions", "Merge motions of one item, type and majority into a composite with the agreed wording.",
                Who.CHAIR, fields("congress", "string", "composite", "string?", "parts", "array", "title", "string", "text", "array"),
                (f, now) -> new CongressCommand.CompositeMotions(congress(f),
                        f.has("composite") ? f.id("composite", MotionId::parse) : MotionId.generate(now),
                        f.ids("parts", MotionId::parse), f.text("title"), text(f, "text")));
        add("withdraw-motion", "The mover withdraws a motion before its vote.", Who.DELEGATE,
                fields("congress", "string", "motion", "string"),
                (f, now) -> new CongressCommand.WithdrawMotion(congress(f), f.id("motion", MotionId::parse)));
        add("withdraw-amendment", "The mover withdraws an amendment before its vote.", Who.DELEGATE,
                fields("congress", "string", "amendment", "string"),
                (f, now) -> new CongressCommand.WithdrawAmendment(congress(f), f.id("amendment", AmendmentId::parse)));
        add("remit-motion", "The mover agrees to remit the motion to a body of the statutes.", Who.DELEGATE,
                fields("congress", "string", "motion", "string", "body", "string"),
                (f, now) -> new CongressCommand.RemitMotion(congress(f), f.id("motion", MotionId::parse), f.text("body")));
        add("open-vote", "Put the next question to the vote: an amendment, or the motion (no amendment); mode named or card.",
                Who.CHAIR, fields("congress", "string", "motion", "string", "amendment", "string?", "mode", "string"),
                (f, now) -> new CongressCommand.OpenVote(congress(f), f.id("motion", MotionId::parse),
                        f.optionalId("amendment", AmendmentId::parse), f.choice("mode", VoteMode.class)));
        add("cast-vote", "Vote on the open question (position: for, against, abstain).", Who.DELEGATE,
                fields("congress", "string", "position", "string"),
                (f, now) -> new CongressCommand.CastVote(congress(f), f.choice("position", Position.class)));
        add("close-vote", "Close the vote: the result and the rule that decided it go on the record and to every connected delegate.",
                Who.CHAIR, fields("congress", "string"), (f, now) -> new CongressCommand.CloseVote(congress(f)));
        add("publish-platform", "Publish a minority platform or counter-motion (kind: platform, counter-motion), shown beside the majority's motion.",
                Who.DELEGATE, fields("congress", "string", "platform", "string?", "kind", "string", "answers", "string?", "title", "string",
                        "text", "array", "signatories", "array"),
                (f, now) -> new CongressCommand.PublishPlatform(congress(f),
                        f.has("platform") ? f.id("platform", PlatformId::parse) : PlatformId.generate(now),
                        f.choice("kind", PlatformKind.class), f.optionalId("answers", MotionId::parse), f.text("title"), text(f, "text"),
                        f.ids("signatories", MemberId::parse)));
        add("sign-platform", "Add one's signature to a published platform or counter-motion.", Who.DELEGATE,
                fields("congress", "string", "platform", "string"),
                (f, now) -> new CongressCommand.SignPlatform(congress(f), f.id("platform", PlatformId::parse)));
        add("remove-platform", "Ask to remove a minority platform: always refused (tendency rights, drill D8).", Who.CHAIR_OR_DELEGATE,
                fields("congress", "string", "platform", "string", "reason", "string"),
                (f, now) -> new CongressCommand.RemovePlatform(congress(f), f.id("platform", PlatformId::parse), f.text("reason")));
        add("elect-body", "Elect the seats of a scheduled election by ranked ballot papers, counted by a method (stv-scottish, "
                        + "stv-meek, stv-wigm, irv, schulze, plurality, block, approval).",
                Who.CHAIR, fields("congress", "string", "election", "string", "method", "string", "candidates", "array", "ballots", "array"),
                (f, now) -> new CongressCommand.ElectBody(congress(f), f.id("election", ElectionId::parse), f.text("method"),
                        f.ids("candidates", MemberId::parse), f.rankings("ballots", MemberId::parse)));
        add("open-election", "Open a scheduled election of a body for ranked ballots cast one by one by the delegates: the "
                        + "candidates, the method (stv-scottish when left out; stv-meek, stv-wigm, or irv for one seat) and the mode "
                        + "(named: one vote a seat, the default; card: each ballot weighs the seat's cards). The ballots are public.",
                Who.CHAIR, fields("congress", "string", "election", "string", "method", "string?", "candidates", "array", "mode", "string?"),
                (f, now) -> new CongressCommand.OpenElection(congress(f), f.id("election", ElectionId::parse), f.optionalText("method"),
                        f.ids("candidates", MemberId::parse), f.has("mode") ? f.choice("mode", VoteMode.class) : null));
        add("cast-ranked-ballot", "Cast the seat's ranked ballot in an open election: ranking, candidates' member ids most preferred "
                        + "first. A ballot cast again before the close replaces the seat's earlier one; every ballot is on the record.",
                Who.DELEGATE, fields("congress", "string", "election", "string", "ranking", "array"),
                (f, now) -> new CongressCommand.CastRankedBallot(congress(f), f.id("election", ElectionId::parse),
                        f.ids("ranking", MemberId::parse)));
        add("close-election", "Close an election opened for ranked ballots: they are counted, and the result with every round goes on "
                        + "the record, the elected receiving their mandates.",
                Who.CHAIR, fields("congress", "string", "election", "string"),
                (f, now) -> new CongressCommand.CloseElection(congress(f), f.id("election", ElectionId::parse)));
        add("extend-item", "Give the agenda item under discussion more time (minutes), for a reason that goes on the record.",
                Who.CHAIR, fields("congress", "string", "item", "integer", "minutes", "integer", "reason", "string"),
                (f, now) -> new CongressCommand.ExtendItem(congress(f), f.number("item"), f.number("minutes"), f.text("reason")));
        add("close-congress", "Close the congress.", Who.CHAIR, fields("congress", "string"),
                (f, now) -> new CongressCommand.CloseCongress(congress(f)));
    }

    /** Every act, in the order of a congress. */
    List<Act> all() {
        return new ArrayList<>(acts.values());
    }

    /** The act named {@code name}. */
    Optional<Act> find(String name) {
        return Optional.ofNullable(acts.get(name));
    }

    /** Reads {@code act}'s body into its command; refuses unknown fields and values the command's own checks refuse. */
    static CongressCommand command(Act act, Fields fields, Instant now) throws Fields.InvalidField {
        CongressCommand command;
        try {
            command = act.reader().read(fields, now);
        } catch (IllegalArgumentException invalid) {
            throw new Fields.InvalidField(invalid.getMessage());
        }
        fields.requireNoOthers();
        return command;
    }

    private void add(String name, String summary, Who who, Map<String, String> fields, Reader reader) {
        acts.put(name, new Act(name, summary, who, fields, reader));
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int index = 0; index < pairs.length; index += 2) {
            fields.put(pairs[index], pairs[index + 1]);
        }
        return fields;
    }

    private static CongressId congress(Fields fields) throws Fields.InvalidField {
        return fields.id("congress", CongressId::parse);
    }

    private static CongressId congressOrNew(Fields fields, Instant now) throws Fields.InvalidField {
        return fields.has("congress") ? congress(fields) : CongressId.generate(now);
    }

    private static MotionId motionOrNew(Fields fields, Instant now) throws Fields.InvalidField {
        return fields.has("motion") ? fields.id("motion", MotionId::parse) : MotionId.generate(now);
    }

    private static MotionText text(Fields fields, String name) throws Fields.InvalidField {
        try {
            return new MotionText(fields.lines(name));
        } catch (IllegalArgumentException invalid) {
            throw new Fields.InvalidField("the field '" + name + "': " + invalid.getMessage());
        }
    }

    private static DecisionType decision(Fields fields) throws Fields.InvalidField {
        String key = fields.text("decision");
        DecisionType type = DecisionType.fromKey(key);
        if (type == null) {
            List<String> keys = new ArrayList<>();
            for (DecisionType known : DecisionType.values()) {
                keys.add("'" + known.key() + "'");
            }
            throw new Fields.InvalidField("the field 'decision' must be one of " + String.join(", ", keys) + ", not '" + key + "'");
        }
        return type;
    }

    private static MajorityRule majority(Fields fields) throws Fields.InvalidField {
        if (!fields.has("majority")) {
            return null;
        }
        String key = fields.text("majority");
        try {
            return MajorityRule.fromKey(key);
        } catch (IllegalArgumentException unknown) {
            List<String> keys = new ArrayList<>();
            for (MajorityRule rule : MajorityRule.values()) {
                keys.add("'" + rule.key() + "'");
            }
            throw new Fields.InvalidField("the field 'majority' must be one of " + String.join(", ", keys) + ", not '" + key + "'");
        }
    }

    private static org.smolny.council.motion.LineEdit edit(Fields fields) throws Fields.InvalidField {
        EditKind kind = fields.choice("kind", EditKind.class);
        int from = fields.number("from");
        int to = fields.has("to") ? fields.number("to") : from;
        List<String> lines = fields.has("lines") ? fields.lines("lines") : List.of();
        try {
            return kind.edit(from, to, lines);
        } catch (IllegalArgumentException invalid) {
            throw new Fields.InvalidField(invalid.getMessage());
        }
    }
}

package org.smolny.app.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The demo organisation's record: a tenants' union with two branches that founds itself,
 * admits members, elects and recalls a delegate, and holds a congress. The same entries every
 * time (ids and times are derived from fixed labels), in the record's entry envelope
 * {@code {"v":1,"type":…,"org":…,"unit":…,"at":…,"by":…,"body":{…}}}.
 *
 * <p>Immutable and thread-safe.
 */
public final class DemoOrganisation {

    /** The demo organisation's name, shown in every page's header. */
    public static final String NAME = "Demo Tenants’ Union";

    /** The demo record's origin (first line of its checkpoints). */
    public static final String ORIGIN = "demo.smolny.local/record";

    /** The witnesses who cosign the demo's checkpoints: two branches of a sister union. */
    public static final List<String> WITNESSES = List.of("leith.tenants.example/witness", "dundee.tenants.example/witness");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-09-01T18:00:00Z");

    private final String org = id("organisation", 0);
    private final String federation = id("unit:federation", 0);
    private final String leith = id("unit:leith", 1);
    private final String dundee = id("unit:dundee", 2);

    /** The record's entries in order, each a JSON text; the record canonicalizes them when it appends them. */
    public List<String> entries() {
        List<String> entries = new ArrayList<>();
        Clock clock = new Clock();
        entries.add(entry("organisation.founded", federation, clock.next(), null,
                body().put("name", NAME).put("statutes_sha256", sha256Hex("Demo statutes, version 1"))));
        entries.add(entry("unit.created", federation, clock.next(), null, body().put("unit", leith).put("name", "Leith branch").put("parent", federation)));
        entries.add(entry("unit.created", federation, clock.next(), null, body().put("unit", dundee).put("name", "Dundee branch").put("parent", federation)));
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String unit = i % 3 == 2 ? dundee : leith;
            String member = id("member", i);
            members.add(member);
            entries.add(entry("member.admitted", unit, clock.next(), null, body()
                    .put("member", member)
                    .put("commitment", sha256Hex("demo personal data commitment " + i))
                    .put("probation_days", 90)));
        }
        String election = id("election:leith-delegate", 0);
        entries.add(entry("election.opened", leith, clock.next(), members.get(0), body()
                .put("election", election).put("post", "delegate to congress").put("seats", 1).put("method", "stv")));
        entries.add(entry("candidate.nominated", leith, clock.next(), members.get(1), body().put("election", election).put("candidate", members.get(3))));
        entries.add(entry("candidate.nominated", leith, clock.next(), members.get(4), body().put("election", election).put("candidate", members.get(6))));
        entries.add(entry("election.closed", leith, clock.next(), null, body().put("election", election).put("ballots_cast", 14)));
        String mandate = id("mandate:leith-delegate", 0);
        entries.add(entry("delegate.elected", leith, clock.next(), null, body()
                .put("election", election).put("member", members.get(3)).put("mandate", mandate).put("term_days", 365)));
        String petition = id("petition:recall", 0);
        entries.add(entry("recall.petitioned", leith, clock.next(), members.get(7), body()
                .put("petition", petition).put("mandate", mandate).put("reason", "Voted against the branch’s instruction on rent strike")));
        for (int i : new int[] {9, 10, 12, 13, 15, 16}) {
            entries.add(entry("recall.signed", leith, clock.next(), members.get(i), body().put("petition", petition)));
        }
        entries.add(entry("mandate.recalled", leith, clock.next(), null, body()
                .put("mandate", mandate).put("petition", petition).put("signatures", 7).put("threshold", 7)));
        entries.add(entry("byelection.scheduled", leith, clock.next(), null, body().put("post", "delegate to congress").put("mandate", mandate)));
        String congress = id("congress:first", 0);
        entries.add(entry("congress.convened", federation, clock.next(), null, body().put("congress", congress).put("delegates", 9)));
        String motion = id("motion:rent-strike", 0);
        entries.add(entry("motion.tabled", federation, clock.next(), members.get(6), body()
                .put("congress", congress).put("motion", motion).put("title", "Support the Leith rent strike")));
        entries.add(entry("motion.adopted", federation, clock.next(), null, body()
                .put("motion", motion).put("for", 7).put("against", 1).put("abstentions", 1).put("rule", "simple")));
        entries.add(entry("pay.registered", federation, clock.next(), null, body()
                .put("official", members.get(0)).put("monthly_pay_eur", 2100).put("median_wage_multiple", "1.0")));
        return List.copyOf(entries);
    }

    private ObjectNode body() {
        return JSON.createObjectNode();
    }

    private String entry(String type, String unit, Instant at, String by, ObjectNode body) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("v", 1);
        envelope.put("type", type);
        envelope.put("org", org);
        envelope.put("unit", unit);
        envelope.put("at", at.toString());
        if (by == null) {
            envelope.putNull("by");
        } else {
            envelope.put("by", by);
        }
        envelope.set("body", body);
        return envelope.toString();
    }

    /** A UUIDv7-shaped id, fixed for a label: the time bits from the demo's start, the rest from SHA-256 of the label. */
    static String id(String label, int number) {
        byte[] digest = sha256((label + "#" + number).getBytes(StandardCharsets.UTF_8));
        long millis = START.toEpochMilli() + number;
        long high = (millis << 16) | 0x7000L | (((digest[0] & 0xffL) << 4 | (digest[1] & 0x0fL)) & 0x0fffL);
        long low = ByteBuffer.wrap(digest, 8, 8).getLong();
        low = (low & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static String sha256Hex(String text) {
        return java.util.HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Demo times: one act every few hours from the start. */
    private static final class Clock {
        private Instant now = START;

        Instant next() {
            now = now.plus(Duration.ofMinutes(197));
            return now;
        }
    }
}

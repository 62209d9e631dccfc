package org.smolny.council.statutes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version of an organisation's statutes, as validated from its TOML text ({@link StatutesReader}).
 * Immutable; safe to share between threads.
 *
 * @param organisation the organisation's name
 * @param version the version number, counted from 1
 * @param unitTypes the unit types, root first
 * @param membership joining and expulsion rules
 * @param electorates the defined electorates
 * @param posts the posts, elective or appointed
 * @param recall recall rules
 * @param decisions quorum and majority for every decision type
 * @param bodies the bodies that meet
 * @param emergency limits on emergency powers
 * @param pay the pay cap
 * @param initiative member-initiative rules
 * @param indicators indicator thresholds
 * @param text the TOML text these statutes were read from
 */
public record Statutes(String organisation, int version, List<UnitType> unitTypes, MembershipRules membership,
                       List<ElectorateRule> electorates, List<PostRule> posts, RecallRules recall,
                       Map<DecisionType, DecisionRule> decisions, List<BodyRule> bodies, EmergencyRules emergency,
                       PayRules pay, InitiativeRules initiative, IndicatorRules indicators, String text) {

    public Statutes {
        if (organisation == null || organisation.isBlank() || version < 1 || text == null) {
            throw new IllegalArgumentException("statutes need an organisation, a version from 1 and their text");
        }
        unitTypes = List.copyOf(unitTypes);
        electorates = List.copyOf(electorates);
        posts = List.copyOf(posts);
        decisions = Map.copyOf(decisions);
        bodies = List.copyOf(bodies);
        for (DecisionType type : DecisionType.values()) {
            if (!decisions.containsKey(type)) {
                throw new IllegalArgumentException("statutes must set a rule for decisions of type " + type.key());
            }
        }
    }

    /** The unit type named {@code name}. */
    public Optional<UnitType> unitType(String name) {
        return unitTypes.stream().filter(type -> type.name().equals(name)).findFirst();
    }

    /** The post named {@code name}. */
    public Optional<PostRule> post(String name) {
        return posts.stream().filter(post -> post.name().equals(name)).findFirst();
    }

    /** The electorate named {@code name}. */
    public Optional<ElectorateRule> electorate(String name) {
        return electorates.stream().filter(electorate -> electorate.name().equals(name)).findFirst();
    }

    /** The body named {@code name}. */
    public Optional<BodyRule> body(String name) {
        return bodies.stream().filter(body -> body.name().equals(name)).findFirst();
    }

    /** The congress: the sovereign body. */
    public BodyRule congress() {
        return bodies.stream().filter(BodyRule::sovereign).findFirst().orElseThrow();
    }

    /** The rule for decisions of {@code type}. */
    public DecisionRule rule(DecisionType type) {
        return decisions.get(type);
    }

    /** SHA-256 of the statutes' UTF-8 text, in lower-case hex. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}

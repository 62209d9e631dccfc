package org.smolny.council.statutes;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import org.smolny.council.statutes.internal.TomlLines;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and validates statutes from TOML text. Every problem is reported with its line, not just the first.
 * The format is described in {@code docs/statutes.md}. Stateless; safe to use from any thread.
 */
public final class StatutesReader {

    private static final TomlMapper TOML = new TomlMapper();

    private StatutesReader() {
    }

    /** Reads the statutes file at {@code file} (UTF-8). */
    public static StatutesCheck read(Path file) throws IOException {
        return read(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Reads statutes from their TOML text. */
    public static StatutesCheck read(String text) {
        JsonNode tree;
        try {
            tree = TOML.readTree(text);
        } catch (JacksonException syntax) {
            JsonLocation location = syntax.getLocation();
            int line = location == null || location.getLineNr() < 1 ? 1 : location.getLineNr();
            return new StatutesCheck.Invalid(List.of(new StatuteProblem(line, "not valid TOML: " + syntax.getOriginalMessage())));
        }
        if (!(tree instanceof ObjectNode root)) {
            return new StatutesCheck.Invalid(List.of(new StatuteProblem(1, "the file is empty")));
        }
        return new Reading(text, root).statutes();
    }

    /** One reading of one text: collects problems while it builds the statutes. */
    private static final class Reading {

        private final String text;
        private final ObjectNode root;
        private final TomlLines lines;
        private final List<StatuteProblem> problems = new ArrayList<>();

        Reading(String text, ObjectNode root) {
            this.text = text;
            this.root = root;
            this.lines = TomlLines.index(text);
        }

        StatutesCheck statutes() {
            onlyKeys(root, "", "the top level", Set.of("statutes", "unit_types", "membership", "electorates", "posts",
                    "recall", "decisions", "bodies", "emergency", "pay", "initiative", "indicators"));
            ObjectNode head = table(root, "", "statutes");
            onlyKeys(head, "statutes", "[statutes]", Set.of("organisation", "version", "adopted"));
            String organisation = string(head, "statutes", "organisation", true);
            Integer version = integer(head, "statutes", "version", 1);
            List<UnitType> unitTypes = unitTypes();
            Map<String, UnitType> typesByName = new HashMap<>();
            unitTypes.forEach(type -> typesByName.put(type.name(), type));
            MembershipRules membership = membership();
            List<ElectorateRule> electorates = electorates(typesByName);
            List<PostRule> posts = posts(typesByName, electorates);
            checkMandateHolderPosts(electorates, posts, typesByName);
            RecallRules recall = recall();
            Map<DecisionType, DecisionRule> decisions = decisions();
            List<BodyRule> bodies = bodies(typesByName);
            EmergencyRules emergency = emergency();
            PayRules pay = pay();
            InitiativeRules initiative = initiative();
            IndicatorRules indicators = indicators();
            if (!problems.isEmpty()) {
                return new StatutesCheck.Invalid(problems);
            }
            try {
                return new StatutesCheck.Valid(new Statutes(organisation, version, unitTypes, membership, electorates, posts,
                        recall, decisions, bodies, emergency, pay, initiative, indicators, text));
            } catch (IllegalArgumentException invalid) {
                return new StatutesCheck.Invalid(List.of(new StatuteProblem(1, invalid.getMessage())));
            }
        }

        private List<UnitType> unitTypes() {
            List<UnitType> types = new ArrayList<>();
            List<ObjectNode> tables = tables(root, "unit_types", true);
            Set<String> seen = new HashSet<>();
            for (int index = 0; index < tables.size(); index++) {
                String path = "unit_types[" + index + "]";
                ObjectNode table = tables.get(index);
                onlyKeys(table, path, "[[unit_types]]", Set.of("name", "parent", "admits_members"));
                String name = name(table, path, "name", true);
                String parent = name(table, path, "parent", false);
                boolean admits = bool(table, path, "admits_members", false);
                if (name == null) {
                    continue;
                }
                if (!seen.add(name)) {
                    problem(path + ".name", "unit type '" + name + "' is defined twice");
                    continue;
                }
                types.add(new UnitType(name, parent, admits));
            }
            if (tables.isEmpty()) {
                return types;
            }
            Set<String> names = new HashSet<>(seen);
            List<UnitType> roots = types.stream().filter(UnitType::isRoot).toList();
            if (roots.size() != 1 && types.size() == tables.size()) {
                problem("unit_types", "exactly one unit type must have no parent (the root of the tree); found "
                        + roots.stream().map(UnitType::name).toList());
            }
            for (int index = 0; index < types.size(); index++) {
                UnitType type = types.get(index);
                if (type.parent() != null && !names.contains(type.parent())) {
                    problem(pathOfType(tables, type.name()) + ".parent", "unit type '" + type.name() + "' has parent '"
                            + type.parent() + "', which is not a unit type; known: " + new TreeSet<>(names));
                }
            }
            Map<String, String> parents = new HashMap<>();
            types.forEach(type -> parents.put(type.name(), type.parent()));
            for (UnitType type : types) {
                Set<String> visited = new HashSet<>();
                String current = type.name();
                while (current != null && names.contains(current)) {
                    if (!visited.add(current)) {
                        problem(pathOfType(tables, type.name()) + ".parent", "unit type '" + type.name()
                                + "' is its own ancestor: the unit types must form a tree");
                        break;
                    }
                    current = parents.get(current);
                }
            }
            if (types.stream().noneMatch(UnitType::admitsMembers)) {
                problem("unit_types", "no unit type admits members: set admits_members = true on at least one");
            }
            return types;
        }

        private String pathOfType(List<ObjectNode> tables, String name) {
            for (int index = 0; index < tables.size(); index++) {
                if (name.equals(tables.get(index).path("name").asText(null))) {
                    return "unit_types[" + index + "]";
                }
            }
            return "unit_types";
        }

        private MembershipRules membership() {
            ObjectNode table = table(root, "", "membership");
            onlyKeys(table, "membership", "[membership]", Set.of("probation_days", "notice_days", "appeal_days"));
            Integer probation = integer(table, "membership", "probation_days", 0);
            Integer notice = integer(table, "membership", "notice_days", 1);
            Integer appeal = integer(table, "membership", "appeal_days", 1);
            return probation == null || notice == null || appeal == null ? null : new MembershipRules(probation, notice, appeal);
        }

        private List<ElectorateRule> electorates(Map<String, UnitType> types) {
            List<ElectorateRule> electorates = new ArrayList<>();
            List<ObjectNode> tables = tables(root, "electorates", true);
            Set<String> seen = new HashSet<>();
            for (int index = 0; index < tables.size(); index++) {
                String path = "electorates[" + index + "]";
                ObjectNode table = tables.get(index);
                onlyKeys(table, path, "[[electorates]]", Set.of("name", "unit_type", "kind", "post"));
                String name = name(table, path, "name", true);
                String unitType = unitTypeReference(table, path, types);
                String kindKey = string(table, path, "kind", true);
                String post = name(table, path, "post", false);
                ElectorateKind kind = kindKey == null ? null : ElectorateKind.fromKey(kindKey);
                if (kindKey != null && kind == null) {
                    problem(path + ".kind", "unknown electorate kind '" + kindKey + "': use 'members' or 'mandate-holders'");
                }
                if (kind == ElectorateKind.MANDATE_HOLDERS && post == null) {
                    problem(path, "an electorate of kind 'mandate-holders' must name the post whose holders vote (post = \"...\")");
                }
                if (kind == ElectorateKind.MEMBERS && post != null) {
                    problem(path + ".post", "an electorate of kind 'members' names no post");
                }
                if (name != null && !seen.add(name)) {
                    problem(path + ".name", "electorate '" + name + "' is defined twice");
                    continue;
                }
                if (name != null && unitType != null && kind != null
                        && (kind == ElectorateKind.MANDATE_HOLDERS) == (post != null)) {
                    electorates.add(new ElectorateRule(name, unitType, kind, post));
                }
            }
            return electorates;
        }

        private List<PostRule> posts(Map<String, UnitType> types, List<ElectorateRule> electorates) {
            List<PostRule> posts = new ArrayList<>();
            List<ObjectNode> tables = tables(root, "posts", true);
            Set<String> seen = new HashSet<>();
            Set<String> electorateNames = new TreeSet<>();
            electorates.forEach(electorate -> electorateNames.add(electorate.name()));
            for (int index = 0; index < tables.size(); index++) {
                String path = "posts[" + index + "]";
                ObjectNode table = tables.get(index);
                onlyKeys(table, path, "[[posts]]", Set.of("name", "unit_type", "elective", "electorate", "term_months", "seats"));
                String name = name(table, path, "name", true);
                String unitType = unitTypeReference(table, path, types);
                if (!table.has("elective")) {
                    problem(path, "post " + quoted(name) + " must say whether it is elective (elective = true or false)");
                }
                boolean elective = bool(table, path, "elective", false);
                String electorate = name(table, path, "electorate", false);
                int seats = table.has("seats") ? orZero(integer(table, path, "seats", 1)) : 1;
                int term = 0;
                boolean valid = name != null && unitType != null && seats >= 1;
                if (elective) {
                    term = orZero(integer(table, path, "term_months", 1));
                    valid &= term >= 1;
                    if (electorate == null) {
                        problem(path, "elective post " + quoted(name) + " must name the electorate that elects it (electorate = \"...\")");
                        valid = false;
                    } else {
                        ElectorateRule rule = electorates.stream().filter(e -> e.name().equals(electorate)).findFirst().orElse(null);
                        if (rule == null) {
                            problem(path + ".electorate", "post " + quoted(name) + " is elected by electorate '" + electorate
                                    + "', which the statutes do not define; defined: " + electorateNames);
                            valid = false;
                        } else if (unitType != null && !rule.unitType().equals(unitType)) {
                            problem(path + ".electorate", "post " + quoted(name) + " belongs to units of type '" + unitType
                                    + "' but electorate '" + electorate + "' belongs to units of type '" + rule.unitType() + "'");
                            valid = false;
                        }
                    }
                } else {
                    if (electorate != null) {
                        problem(path + ".electorate", "post " + quoted(name) + " is appointed (elective = false) and cannot have an electorate");
                        valid = false;
                    }
                    if (table.has("term_months")) {
                        problem(path + ".term_months", "post " + quoted(name) + " is appointed (elective = false): only elective posts have a term");
                        valid = false;
                    }
                }
                if (name != null && !seen.add(name)) {
                    problem(path + ".name", "post '" + name + "' is defined twice");
                    continue;
                }
                if (valid) {
                    posts.add(new PostRule(name, unitType, elective, elective ? electorate : null, term, seats));
                }
            }
            return posts;
        }

        private void checkMandateHolderPosts(List<ElectorateRule> electorates, List<PostRule> posts, Map<String, UnitType> types) {
            List<ObjectNode> tables = tables(root, "electorates", false);
            for (int index = 0; index < tables.size(); index++) {
                String post = tables.get(index).path("post").asText(null);
                String name = tables.get(index).path("name").asText(null);
                ElectorateRule rule = electorates.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
                if (post == null || rule == null) {
                    continue;
                }
                PostRule held = posts.stream().filter(p -> p.name().equals(post)).findFirst().orElse(null);
                if (held == null) {
                    problem("electorates[" + index + "].post", "electorate '" + name + "' is formed by holders of post '"
                            + post + "', which the statutes do not define");
                } else if (!atOrBelow(held.unitType(), rule.unitType(), types)) {
                    problem("electorates[" + index + "].post", "electorate '" + name + "' of units of type '" + rule.unitType()
                            + "' is formed by holders of post '" + post + "' in units of type '" + held.unitType()
                            + "', which is not at or below it in the tree");
                }
            }
        }

        private static boolean atOrBelow(String type, String ancestor, Map<String, UnitType> types) {
            Set<String> visited = new HashSet<>();
            String current = type;
            while (current != null && visited.add(current)) {
                if (current.equals(ancestor)) {
                    return true;
                }
                UnitType unitType = types.get(current);
                current = unitType == null ? null : unitType.parent();
            }
            return false;
        }

        private RecallRules recall() {
            ObjectNode table = table(root, "", "recall");
            onlyKeys(table, "recall", "[recall]", Set.of("threshold", "procedure", "petition_days", "by_election_days", "vote_days"));
            Share threshold = share(table, "recall", "threshold");
            String procedureKey = string(table, "recall", "procedure", true);
            RecallProcedure procedure = procedureKey == null ? null : RecallProcedure.fromKey(procedureKey);
            if (procedureKey != null && procedure == null) {
                problem("recall.procedure", "unknown recall procedure '" + procedureKey + "': use 'mandate-ends' or 'recall-vote'");
            }
            Integer petitionDays = integer(table, "recall", "petition_days", 1);
            Integer byElectionDays = integer(table, "recall", "by_election_days", 1);
            Integer voteDays = table != null && table.has("vote_days") ? integer(table, "recall", "vote_days", 1)
                    : Integer.valueOf(RecallRules.DEFAULT_VOTE_DAYS);
            if (voteDays != null && voteDays > 365) {
                problem("recall.vote_days", describe("recall", "vote_days") + " must be at most 365, got " + voteDays);
                voteDays = null;
            }
            return threshold == null || procedure == null || petitionDays == null || byElectionDays == null || voteDays == null
                    ? null : new RecallRules(threshold, procedure, petitionDays, byElectionDays, voteDays);
        }

        private Map<DecisionType, DecisionRule> decisions() {
            Map<DecisionType, DecisionRule> decisions = new EnumMap<>(DecisionType.class);
            ObjectNode table = table(root, "", "decisions");
            if (table == null) {
                return decisions;
            }
            for (Iterator<String> names = table.fieldNames(); names.hasNext(); ) {
                String key = names.next();
                String path = "decisions." + key;
                DecisionType type = DecisionType.fromKey(key);
                if (type == null) {
                    problem(path, "unknown decision type '" + key + "'; the types are " + decisionKeys());
                    continue;
                }
                if (!(table.get(key) instanceof ObjectNode rule)) {
                    problem(path, "[decisions." + key + "] must be a table with quorum and majority");
                    continue;
                }
                onlyKeys(rule, path, "[decisions." + key + "]", Set.of("quorum", "majority"));
                Share quorum = share(rule, path, "quorum");
                String majorityKey = string(rule, path, "majority", true);
                Majority majority = majorityKey == null ? null : Majority.fromKey(majorityKey);
                if (majorityKey != null && majority == null) {
                    problem(path + ".majority", "unknown majority '" + majorityKey + "': use 'simple', 'absolute' or 'two-thirds'");
                }
                if (quorum != null && majority != null) {
                    decisions.put(type, new DecisionRule(quorum, majority));
                }
            }
            for (DecisionType type : DecisionType.values()) {
                if (!table.has(type.key())) {
                    problem("decisions", "no rule for decisions of type '" + type.key() + "': add [decisions." + type.key()
                            + "] with quorum and majority");
                }
            }
            return decisions;
        }

        private static List<String> decisionKeys() {
            List<String> keys = new ArrayList<>();
            for (DecisionType type : DecisionType.values()) {
                keys.add(type.key());
            }
            return keys;
        }

        private List<BodyRule> bodies(Map<String, UnitType> types) {
            List<BodyRule> bodies = new ArrayList<>();
            List<ObjectNode> tables = tables(root, "bodies", true);
            Set<String> seen = new HashSet<>();
            int sovereign = 0;
            for (int index = 0; index < tables.size(); index++) {
                String path = "bodies[" + index + "]";
                ObjectNode table = tables.get(index);
                onlyKeys(table, path, "[[bodies]]", Set.of("name", "unit_type", "meets_every_days", "convening_threshold",
                        "convene_within_days", "sovereign"));
                String name = name(table, path, "name", true);
                String unitType = unitTypeReference(table, path, types);
                Integer interval = integer(table, path, "meets_every_days", 1);
                Share convening = share(table, path, "convening_threshold");
                Integer within = integer(table, path, "convene_within_days", 1);
                boolean isSovereign = bool(table, path, "sovereign", false);
                if (isSovereign) {
                    sovereign++;
                    UnitType type = unitType == null ? null : types.get(unitType);
                    if (type != null && !type.isRoot()) {
                        problem(path + ".sovereign", "the sovereign body (the congress) must belong to the root unit type, not '" + unitType + "'");
                    }
                }
                if (name != null && !seen.add(name)) {
                    problem(path + ".name", "body '" + name + "' is defined twice");
                    continue;
                }
                if (name != null && unitType != null && interval != null && convening != null && within != null) {
                    bodies.add(new BodyRule(name, unitType, interval, convening, within, isSovereign));
                }
            }
            if (!tables.isEmpty() && sovereign != 1) {
                problem("bodies", "exactly one body must be the congress (sovereign = true); found " + sovereign);
            }
            return bodies;
        }

        private EmergencyRules emergency() {
            ObjectNode table = table(root, "", "emergency");
            onlyKeys(table, "emergency", "[emergency]", Set.of("max_days"));
            Integer max = integer(table, "emergency", "max_days", 1);
            return max == null ? null : new EmergencyRules(max);
        }

        private PayRules pay() {
            ObjectNode table = table(root, "", "pay");
            onlyKeys(table, "pay", "[pay]", Set.of("cap_multiple"));
            BigDecimal multiple = decimal(table, "pay", "cap_multiple", true);
            if (multiple != null && multiple.signum() <= 0) {
                problem("pay.cap_multiple", "cap_multiple must be above zero, got " + multiple.toPlainString());
                return null;
            }
            return multiple == null ? null : new PayRules(multiple);
        }

        private InitiativeRules initiative() {
            ObjectNode table = table(root, "", "initiative");
            onlyKeys(table, "initiative", "[initiative]", Set.of("threshold", "open_days"));
            Share threshold = share(table, "initiative", "threshold");
            Integer days = integer(table, "initiative", "open_days", 1);
            return threshold == null || days == null ? null : new InitiativeRules(threshold, days);
        }

        private IndicatorRules indicators() {
            if (!root.has("indicators")) {
                return new IndicatorRules(Share.of("0.25"), 90);
            }
            ObjectNode table = table(root, "", "indicators");
            onlyKeys(table, "indicators", "[indicators]", Set.of("admission_surge", "surge_window_days"));
            Share surge = share(table, "indicators", "admission_surge");
            Integer window = integer(table, "indicators", "surge_window_days", 1);
            return surge == null || window == null ? null : new IndicatorRules(surge, window);
        }

        // ---- typed access, each reporting what is wrong and where ----

        private void problem(String path, String message) {
            problems.add(new StatuteProblem(lines.lineOf(path), message));
        }

        private static String quoted(String name) {
            return name == null ? "(unnamed)" : "'" + name + "'";
        }

        private static String describe(String path, String key) {
            return path.isEmpty() ? key : path.replaceAll("\\[\\d+]$", "") + "." + key;
        }

        private ObjectNode table(ObjectNode parent, String parentPath, String key) {
            String path = parentPath.isEmpty() ? key : parentPath + "." + key;
            JsonNode node = parent == null ? null : parent.get(key);
            if (node == null) {
                problem(parentPath.isEmpty() ? "" : parentPath, "missing table [" + path + "]");
                return null;
            }
            if (!(node instanceof ObjectNode table)) {
                problem(path, "[" + path + "] must be a table");
                return null;
            }
            return table;
        }

        private List<ObjectNode> tables(ObjectNode parent, String key, boolean required) {
            JsonNode node = parent.get(key);
            List<ObjectNode> tables = new ArrayList<>();
            if (node == null) {
                if (required) {
                    problem("", "missing [[" + key + "]]: the statutes must define at least one");
                }
                return tables;
            }
            if (!node.isArray()) {
                problem(key, key + " must be an array of tables, written [[" + key + "]]");
                return tables;
            }
            for (int index = 0; index < node.size(); index++) {
                if (node.get(index) instanceof ObjectNode table) {
                    tables.add(table);
                } else {
                    problem(key + "[" + index + "]", "each entry of " + key + " must be a table");
                }
            }
            if (required && tables.isEmpty()) {
                problem(key, "the statutes must define at least one entry of [[" + key + "]]");
            }
            return tables;
        }

        private void onlyKeys(ObjectNode table, String path, String where, Set<String> known) {
            if (table == null) {
                return;
            }
            for (Iterator<String> names = table.fieldNames(); names.hasNext(); ) {
                String key = names.next();
                if (!known.contains(key)) {
                    problem(path.isEmpty() ? key : path + "." + key, "unknown key '" + key + "' in " + where
                            + "; known keys: " + new TreeSet<>(known));
                }
            }
        }

        /** The value of {@code key} in {@code table}, or null when there is no table or no such key (a problem if required). */
        private JsonNode field(ObjectNode table, String path, String key, boolean required) {
            if (table == null) {
                return null;
            }
            JsonNode node = table.get(key);
            if (node == null && required) {
                problem(path, "missing key '" + key + "' in " + where(path));
            }
            return node;
        }

        private String string(ObjectNode table, String path, String key, boolean required) {
            JsonNode node = field(table, path, key, required);
            if (node == null) {
                return null;
            }
            if (!node.isTextual() || node.asText().isBlank()) {
                problem(path + "." + key, describe(path, key) + " must be a non-empty string");
                return null;
            }
            return node.asText();
        }

        private String name(ObjectNode table, String path, String key, boolean required) {
            String value = string(table, path, key, required);
            if (value != null && !Names.valid(value)) {
                problem(path + "." + key, describe(path, key) + " '" + value
                        + "' must be lower-case letters and digits, words joined by '-' or '_'");
                return null;
            }
            return value;
        }

        private String unitTypeReference(ObjectNode table, String path, Map<String, UnitType> types) {
            String type = name(table, path, "unit_type", true);
            if (type != null && !types.containsKey(type)) {
                problem(path + ".unit_type", "unknown unit type '" + type + "'; the statutes define " + new TreeSet<>(types.keySet()));
                return null;
            }
            return type;
        }

        private Integer integer(ObjectNode table, String path, String key, int minimum) {
            JsonNode node = field(table, path, key, true);
            if (node == null) {
                return null;
            }
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                problem(path + "." + key, describe(path, key) + " must be a whole number, got " + node);
                return null;
            }
            if (node.asInt() < minimum) {
                problem(path + "." + key, describe(path, key) + " must be at least " + minimum + ", got " + node.asInt());
                return null;
            }
            return node.asInt();
        }

        private static int orZero(Integer value) {
            return value == null ? 0 : value;
        }

        private boolean bool(ObjectNode table, String path, String key, boolean absent) {
            JsonNode node = table.get(key);
            if (node == null) {
                return absent;
            }
            if (!node.isBoolean()) {
                problem(path + "." + key, describe(path, key) + " must be true or false, got " + node);
                return absent;
            }
            return node.asBoolean();
        }

        private BigDecimal decimal(ObjectNode table, String path, String key, boolean required) {
            JsonNode node = field(table, path, key, required);
            if (node == null) {
                return null;
            }
            if (!node.isNumber()) {
                problem(path + "." + key, describe(path, key) + " must be a number, got " + node);
                return null;
            }
            return new BigDecimal(node.asText());
        }

        private Share share(ObjectNode table, String path, String key) {
            BigDecimal value = decimal(table, path, key, true);
            if (value == null) {
                return null;
            }
            if (value.signum() <= 0 || value.compareTo(BigDecimal.ONE) > 0) {
                problem(path + "." + key, describe(path, key) + " is a share and must be above 0 and at most 1, got "
                        + value.toPlainString());
                return null;
            }
            return new Share(value);
        }

        private static String where(String path) {
            return path.isEmpty() ? "the top level" : "[" + path.replaceAll("\\[\\d+]$", "") + "]";
        }
    }
}

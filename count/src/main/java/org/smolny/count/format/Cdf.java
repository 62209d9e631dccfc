package org.smolny.count.format;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.smolny.count.ballot.Ballot;
import org.smolny.count.ballot.BallotBox;
import org.smolny.count.internal.Json;

/**
 * Cast vote records in the NIST SP 1500-103 Common Data Format (JSON), the subset RCTab reads:
 * {@code Election[0].Candidate[]} ({@code @id}, {@code Name}), {@code Election[0].Contest[]}
 * ({@code @id}, {@code Name}, {@code ContestSelection[]} with {@code @id} and {@code CandidateIds}),
 * and {@code CVR[]} each with {@code CVRSnapshot[]} (the one named by {@code CurrentSnapshotId}, else
 * the first), {@code CVRContest[]} ({@code ContestId}), {@code CVRContestSelection[]}
 * ({@code ContestSelectionId}, {@code SelectionPosition[]} with {@code Rank} and {@code IsAllocable}).
 * A position whose {@code IsAllocable} is {@code "no"} is not counted. Several selections at one
 * rank form an overvote; a rank with none is skipped. A selection id the contest does not declare is
 * an unknown candidate. CVRs carry no weight: every CVR counts once. Thread-safe (stateless).
 */
public final class Cdf {
    private Cdf() { }

    /** Reads the first contest of the file. */
    public static BallotBox read(String text) { return read(text, null); }

    /** Reads the contest whose {@code @id} or {@code Name} is {@code contestId} (the first one when {@code null}). */
    public static BallotBox read(String text, String contestId) {
        Json.Value root;
        try {
            root = Json.parse(text);
        } catch (Json.ParseException e) {
            throw new BallotFileException(e.line(), "malformed JSON: " + e.getMessage());
        }
        Json.Obj doc = obj(root, "the CDF report");
        Json.Arr elections = arr(doc.get("Election"), doc, "Election");
        if (elections.items().isEmpty()) throw new BallotFileException(elections.line(), "Election is empty");
        Json.Obj election = obj(elections.items().get(0), "Election[0]");
        Map<String, String> candidateNames = new HashMap<>();
        Json.Value cands = election.get("Candidate");
        if (cands != null) {
            for (Json.Value v : arr(cands, election, "Candidate").items()) {
                Json.Obj c = obj(v, "a Candidate");
                candidateNames.put(str(c.get("@id"), c, "Candidate @id"), str(c.get("Name"), c, "Candidate Name"));
            }
        }
        Json.Obj contest = null;
        for (Json.Value v : arr(election.get("Contest"), election, "Contest").items()) {
            Json.Obj c = obj(v, "a Contest");
            boolean byName = c.get("Name") instanceof Json.Str name && name.value().equals(contestId);
            if (contestId == null || contestId.equals(str(c.get("@id"), c, "Contest @id")) || byName) { contest = c; break; }
        }
        if (contest == null) throw new BallotFileException(election.line(), contestId == null ? "the election has no Contest" : "no Contest with @id '" + contestId + "'");
        String theContest = str(contest.get("@id"), contest, "Contest @id");
        String title = contest.get("Name") instanceof Json.Str s ? s.value() : theContest;
        int seats = 0;
        if (contest.get("NumberElected") instanceof Json.Num num) seats = intValue(num, "NumberElected");
        List<String> names = new ArrayList<>();
        Map<String, Integer> selectionIndex = new HashMap<>();
        for (Json.Value v : arr(contest.get("ContestSelection"), contest, "ContestSelection").items()) {
            Json.Obj sel = obj(v, "a ContestSelection");
            String id = str(sel.get("@id"), sel, "ContestSelection @id");
            String name = id;
            if (sel.get("CandidateIds") instanceof Json.Arr ids && !ids.items().isEmpty()) {
                String cid = str(ids.items().get(0), sel, "CandidateIds");
                name = candidateNames.getOrDefault(cid, cid);
            }
            if (names.contains(name)) throw new BallotFileException(sel.line(), "candidate '" + name + "' has two contest selections");
            selectionIndex.put(id, names.size());
            names.add(name);
        }
        List<Ballot> ballots = new ArrayList<>();
        for (Json.Value v : arr(doc.get("CVR"), doc, "CVR").items()) {
            Json.Obj cvr = obj(v, "a CVR");
            Json.Arr snapshots = arr(cvr.get("CVRSnapshot"), cvr, "CVRSnapshot");
            if (snapshots.items().isEmpty()) throw new BallotFileException(snapshots.line(), "CVRSnapshot is empty");
            Json.Obj snapshot = obj(snapshots.items().get(0), "a CVRSnapshot");
            if (cvr.get("CurrentSnapshotId") instanceof Json.Str current) {
                boolean found = false;
                for (Json.Value s : snapshots.items()) {
                    Json.Obj so = obj(s, "a CVRSnapshot");
                    if (so.get("@id") instanceof Json.Str sid && sid.value().equals(current.value())) { snapshot = so; found = true; }
                }
                if (!found) throw new BallotFileException(current.line(), "CurrentSnapshotId '" + current.value() + "' names no CVRSnapshot");
            }
            Json.Value contests = snapshot.get("CVRContest");
            if (contests == null) continue;
            for (Json.Value cv : arr(contests, snapshot, "CVRContest").items()) {
                Json.Obj cc = obj(cv, "a CVRContest");
                if (!theContest.equals(str(cc.get("ContestId"), cc, "ContestId"))) continue;
                TreeMap<Integer, List<Integer>> byRank = new TreeMap<>();
                Json.Value sels = cc.get("CVRContestSelection");
                if (sels != null) {
                    for (Json.Value sv : arr(sels, cc, "CVRContestSelection").items()) {
                        Json.Obj sel = obj(sv, "a CVRContestSelection");
                        String sid = str(sel.get("ContestSelectionId"), sel, "ContestSelectionId");
                        Integer idx = selectionIndex.get(sid);
                        int candidate = idx == null ? Ballot.UNKNOWN : idx;
                        Json.Value positions = sel.get("SelectionPosition");
                        if (positions == null) {
                            if (sel.get("Rank") instanceof Json.Num r) byRank.computeIfAbsent(rank(r), k -> new ArrayList<>()).add(candidate);
                            else throw new BallotFileException(sel.line(), "a CVRContestSelection needs SelectionPosition or Rank");
                            continue;
                        }
                        for (Json.Value pv : arr(positions, sel, "SelectionPosition").items()) {
                            Json.Obj pos = obj(pv, "a SelectionPosition");
                            if (pos.get("IsAllocable") instanceof Json.Str a && a.value().equals("no")) continue;
                            if (pos.get("HasIndication") instanceof Json.Str h && h.value().equals("no")) continue;
                            Json.Value r = pos.get("Rank") != null ? pos.get("Rank") : sel.get("Rank");
                            if (!(r instanceof Json.Num rn)) throw new BallotFileException(pos.line(), "a SelectionPosition needs a numeric Rank");
                            byRank.computeIfAbsent(rank(rn), k -> new ArrayList<>()).add(candidate);
                        }
                    }
                }
                int maxRank = byRank.isEmpty() ? 0 : byRank.lastKey();
                int[][] ranks = new int[maxRank][];
                for (int r = 1; r <= maxRank; r++) {
                    List<Integer> at = byRank.getOrDefault(r, List.of());
                    ranks[r - 1] = at.stream().mapToInt(Integer::intValue).toArray();
                }
                ballots.add(new Ballot(1, ranks, cc.line()));
            }
        }
        return new BallotBox(title, names, Set.of(), seats, ballots);
    }

    /** Writes {@code box} as a CDF CVR report with one election and one contest. Weights above 1 cannot be written. */
    public static String write(BallotBox box, int seats) {
        if (!box.withdrawn().isEmpty()) throw new IllegalArgumentException("CDF has no withdrawn candidates; remove them first");
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"@type\": \"CVR.CastVoteRecordReport\",\n  \"Version\": \"1.0.0\",\n  \"Election\": [{\n    \"@id\": \"election-1\",\n    \"@type\": \"CVR.Election\",\n");
        sb.append("    \"Candidate\": [");
        for (int c = 0; c < box.candidates().size(); c++) {
            sb.append(c == 0 ? "\n" : ",\n").append("      {\"@id\": \"candidate-").append(c + 1).append("\", \"@type\": \"CVR.Candidate\", \"Name\": ")
                    .append(Json.quote(box.candidates().get(c))).append('}');
        }
        sb.append("\n    ],\n    \"Contest\": [{\n      \"@id\": \"contest-1\",\n      \"@type\": \"CVR.CandidateContest\",\n      \"Name\": ")
                .append(Json.quote(box.title().isEmpty() ? "contest-1" : box.title())).append(",\n      \"NumberElected\": ").append(seats)
                .append(",\n      \"ContestSelection\": [");
        for (int c = 0; c < box.candidates().size(); c++) {
            sb.append(c == 0 ? "\n" : ",\n").append("        {\"@id\": \"selection-").append(c + 1)
                    .append("\", \"@type\": \"CVR.CandidateSelection\", \"CandidateIds\": [\"candidate-").append(c + 1).append("\"]}");
        }
        sb.append("\n      ]\n    }]\n  }],\n  \"CVR\": [");
        int n = 0;
        for (Ballot b : box.ballots()) {
            if (b.weight() != 1) throw new IllegalArgumentException("CDF CVRs carry no weight; use BLT or CSV for weighted (card) ballots");
            n++;
            sb.append(n == 1 ? "\n" : ",\n").append("    {\"@type\": \"CVR.CVR\", \"UniqueId\": \"").append(n).append("\", \"CurrentSnapshotId\": \"s-").append(n)
                    .append("\", \"CVRSnapshot\": [{\"@id\": \"s-").append(n).append("\", \"@type\": \"CVR.CVRSnapshot\", \"Type\": \"original\", \"CVRContest\": [{\"@type\": \"CVR.CVRContest\", \"ContestId\": \"contest-1\", \"CVRContestSelection\": [");
            boolean first = true;
            for (int r = 0; r < b.rankCount(); r++) {
                for (int m = 0; m < b.markCount(r); m++) {
                    int c = b.mark(r, m);
                    if (c == Ballot.UNKNOWN) throw new IllegalArgumentException("CDF writer cannot name an unknown candidate");
                    sb.append(first ? "" : ", ").append("{\"@type\": \"CVR.CVRContestSelection\", \"ContestSelectionId\": \"selection-").append(c + 1)
                            .append("\", \"SelectionPosition\": [{\"@type\": \"CVR.SelectionPosition\", \"HasIndication\": \"yes\", \"IsAllocable\": \"yes\", \"NumberVotes\": 1, \"Rank\": ")
                            .append(r + 1).append("}]}");
                    first = false;
                }
            }
            sb.append("]}]}]}");
        }
        sb.append("\n  ]\n}\n");
        return sb.toString();
    }

    private static int rank(Json.Num r) {
        int v = intValue(r, "Rank");
        if (v < 1) throw new BallotFileException(r.line(), "Rank must be at least 1, found " + v);
        if (v > 1000) throw new BallotFileException(r.line(), "Rank " + v + " is beyond any ballot");
        return v;
    }

    private static int intValue(Json.Num n, String what) {
        try {
            return n.value().intValueExact();
        } catch (ArithmeticException e) {
            throw new BallotFileException(n.line(), what + " must be a whole number, found " + n.value());
        }
    }

    private static Json.Obj obj(Json.Value v, String what) {
        if (v instanceof Json.Obj o) return o;
        throw new BallotFileException(v == null ? 0 : v.line(), what + " must be a JSON object");
    }

    private static Json.Arr arr(Json.Value v, Json.Obj parent, String key) {
        if (v == null) throw new BallotFileException(parent.line(), "the object is missing \"" + key + "\"");
        if (v instanceof Json.Arr a) return a;
        throw new BallotFileException(v.line(), "\"" + key + "\" must be a JSON array");
    }

    private static String str(Json.Value v, Json.Obj parent, String what) {
        if (v == null) throw new BallotFileException(parent.line(), what + " is missing");
        if (v instanceof Json.Str s) return s.value();
        throw new BallotFileException(v.line(), what + " must be a string");
    }
}

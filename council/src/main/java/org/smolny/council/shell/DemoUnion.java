package org.smolny.council.shell;

import org.smolny.council.command.Command;
import org.smolny.council.congress.AgendaItem;
import org.smolny.council.congress.CongressCommand;
import org.smolny.council.congress.CongressId;
import org.smolny.council.congress.CongressVoteRef;
import org.smolny.council.congress.ConveningKind;
import org.smolny.council.congress.VoteMode;
import org.smolny.council.mandate.Mandate;
import org.smolny.council.motion.MotionText;
import org.smolny.council.statutes.DecisionType;
import org.smolny.council.election.Ballot;
import org.smolny.council.election.ElectionCommand;
import org.smolny.council.election.ElectionId;
import org.smolny.council.emergency.EmergencyCommand;
import org.smolny.council.emergency.PowersId;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.expulsion.ChargeId;
import org.smolny.council.expulsion.ExpulsionCommand;
import org.smolny.council.mandate.MandateCommand;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.mandate.Position;
import org.smolny.council.meeting.MeetingCommand;
import org.smolny.council.member.MemberId;
import org.smolny.council.member.PersonalData;
import org.smolny.council.recall.PetitionId;
import org.smolny.council.recall.RecallCommand;
import org.smolny.council.register.PaymentId;
import org.smolny.council.register.PaymentKind;
import org.smolny.council.register.RegisterCommand;
import org.smolny.council.statutes.StatutesCommand;
import org.smolny.council.statutes.VoteTally;
import org.smolny.council.unit.UnitCommand;
import org.smolny.council.unit.UnitId;
import org.smolny.record.store.RecordStore;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Builds the demo union through the real commands, on a clock that the loader moves: the national union of
 * {@code docs/examples/national-union.toml} with its regions and branches, members admitted by each branch (names
 * and contacts in the erasable person table), elections of branch secretaries, branch and congress delegates,
 * regional secretaries and the general secretary, a binding instruction the delegate voted against, a recall that
 * ends a delegate's mandate at the threshold followed by the by-election, an expulsion by due process reversed on
 * appeal to the congress, the pay register, emergency powers that expire, meetings held and one overdue. Every act
 * is decided by the council and goes on the record, so the demo's record verifies and rebuilds like any other.
 * Not thread-safe: one load at a time, on a record with no council yet.
 */
public final class DemoUnion {

    private static final String[] GIVEN = {"Ada", "Bela", "Chen", "Dara", "Emil", "Fatou", "Goran", "Hana", "Ines", "Jonas", "Kemal",
            "Lina", "Mateo", "Nadia", "Olu", "Priya", "Quinn", "Rosa", "Sami", "Tove", "Uma", "Viktor", "Wanjiru", "Xavier", "Yara", "Zofia"};
    private static final String[] FAMILY = {"Abebe", "Brennan", "Costa", "Dimitrov", "Eriksen", "Fischer", "Garcia", "Haddad", "Ivanova",
            "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nowak", "Okafor", "Petrov", "Rossi", "Silva", "Tanaka", "Varga", "Weber", "Yilmaz"};
    private static final String[] REGIONS = {"North", "South", "East", "West", "Capital"};

    private final AtomicReference<Instant> now;
    private final CouncilService council;
    private final int branchesPerRegion;
    private final int membersPerBranch;
    private int admitted;

    /**
     * What the demo holds.
     *
     * @param entries record entries written
     * @param members members admitted
     * @param branches branches founded
     * @param regions regions founded
     * @param recalled the mandate recalled by petition
     * @param reinstated the member expelled and reinstated on appeal
     */
    public record Summary(long entries, int members, int branches, int regions, MandateId recalled, MemberId reinstated) {
    }

    private DemoUnion(RecordStore store, Instant start, int branchesPerRegion, int membersPerBranch) {
        this.now = new AtomicReference<>(start);
        InstantSource clock = now::get;
        this.council = CouncilService.open(store, clock);
        this.branchesPerRegion = branchesPerRegion;
        this.membersPerBranch = membersPerBranch;
    }

    /** The demo at its full size: 5 regions of 8 branches of 125 members (5,000 members). */
    public static Summary load(RecordStore store, String statutes) {
        return load(store, statutes, 8, 125);
    }

    /** How many days the demo's history spans, from the statutes' adoption to its last act. */
    public static final int HISTORY_DAYS = 317;

    /**
     * The demo with {@code branchesPerRegion} branches in each of 5 regions and {@code membersPerBranch} members each (at
     * least 12), its history starting on 8 January 2024 (fixed, for tests that compare records).
     */
    public static Summary load(RecordStore store, String statutes, int branchesPerRegion, int membersPerBranch) {
        return load(store, statutes, branchesPerRegion, membersPerBranch, Instant.parse("2024-01-08T09:00:00Z"));
    }

    /**
     * The demo as above, its history starting at {@code start} and spanning {@value #HISTORY_DAYS} days: a demo served
     * today starts its history about a year ago, so that its mandates are still in force.
     */
    public static Summary load(RecordStore store, String statutes, int branchesPerRegion, int membersPerBranch, Instant start) {
        if (branchesPerRegion < 1 || membersPerBranch < 12) {
            throw new IllegalArgumentException("the demo needs at least one branch per region and 12 members per branch");
        }
        if (store.size() > 0) {
            throw new IllegalStateException("the demo is loaded into an empty record; this one has " + store.size() + " entries");
        }
        return new DemoUnion(store, start, branchesPerRegion, membersPerBranch).build(statutes);
    }

    private Summary build(String statutes) {
        run(new StatutesCommand.AdoptStatutes(statutes), null);
        UnitId national = found("national", null, "General Union");
        List<UnitId> regions = new ArrayList<>();
        List<UnitId> branches = new ArrayList<>();
        List<List<UnitId>> branchesByRegion = new ArrayList<>();
        for (String regionName : REGIONS) {
            UnitId region = found("region", national, regionName);
            regions.add(region);
            List<UnitId> own = new ArrayList<>();
            for (int index = 1; index <= branchesPerRegion; index++) {
                UnitId branch = found("branch", region, regionName + " branch " + index);
                own.add(branch);
                branches.add(branch);
            }
            branchesByRegion.add(own);
        }
        List<List<MemberId>> members = new ArrayList<>();
        List<CompletableFuture<CommandResult>> admissions = new ArrayList<>();
        for (UnitId branch : branches) {
            List<MemberId> own = new ArrayList<>();
            for (int index = 0; index < membersPerBranch; index++) {
                MemberId member = MemberId.generate(now.get());
                own.add(member);
                admissions.add(council.admitAsync(member, branch, person(), new VoteTally(40, 30, 28, 1, 1), null));
            }
            members.add(own);
        }
        admissions.forEach(admission -> require(admission.join(), "an admission"));
        pass(181);

        List<MandateId> branchDelegates = new ArrayList<>();
        List<MemberId> congressDelegates = new ArrayList<>();
        for (int index = 0; index < branches.size(); index++) {
            UnitId branch = branches.get(index);
            List<MemberId> own = members.get(index);
            elect("branch-secretary", branch, 1, own, voter -> List.of(own.get(voter % 7 == 0 ? 1 : 0)));
            branchDelegates.addAll(elect("branch-delegate", branch, 2, own,
                    voter -> voter % 5 == 0 ? List.of(own.get(2), own.get(4)) : List.of(own.get(2), own.get(3))));
            elect("congress-delegate", branch, 1, own, voter -> List.of(own.get(voter % 3 == 0 ? 6 : 5)));
            congressDelegates.add(own.get(5));
            run(new MeetingCommand.HoldMeeting("branch-meeting", branch), null);
        }
        for (int region = 0; region < regions.size(); region++) {
            List<MemberId> electorate = new ArrayList<>();
            for (UnitId branch : branchesByRegion.get(region)) {
                electorate.addAll(members.get(branches.indexOf(branch)));
            }
            // a third of the region turns out (an open election's named ballots must fit one record entry)
            List<MemberId> voters = new ArrayList<>();
            for (int index = 0; index < electorate.size(); index += 3) {
                voters.add(electorate.get(index));
            }
            MemberId first = electorate.get(7);
            MemberId second = electorate.get(8);
            elect("regional-secretary", regions.get(region), 1, voters, voter -> List.of(voter % 4 == 0 ? second : first));
        }
        MandateId generalSecretary = elect("general-secretary", national, 1, congressDelegates,
                voter -> List.of(members.get(0).get(voter % 4 == 0 ? 10 : 9))).getFirst();
        pass(20);

        // A binding instruction, and the delegate's vote against it, shown to the electors.
        MotionId motion = new MotionId(org.smolny.council.id.Uuid7.generate(now.get()));
        MandateId instructed = branchDelegates.get(2);
        UnitId secondBranch = branches.get(1);
        run(new MandateCommand.InstructDelegate(instructed, secondBranch, motion, Position.AGAINST,
                new VoteTally(membersPerBranch, membersPerBranch / 2, membersPerBranch / 3, 1, 0)), null);
        run(new MandateCommand.RecordDelegateVote(instructed, motion, Position.FOR), members.get(1).get(2));
        pass(10);

        // The electors of the first branch recall a delegate: the mandate ends at the threshold, a by-election follows.
        MandateId recalled = branchDelegates.get(0);
        List<MemberId> first = members.getFirst();
        PetitionId petition = PetitionId.generate(now.get());
        run(new RecallCommand.OpenRecallPetition(petition, recalled), first.get(11));
        boolean ended = false;
        for (int signer = 12; signer < first.size() && !ended; signer++) {
            ended = recorded(run(new RecallCommand.SignRecallPetition(petition), first.get(signer)))
                    .stream().anyMatch(event -> event instanceof CouncilEvent.MandateRecalled);
        }
        if (!ended) {
            throw new IllegalStateException("the demo's recall petition did not reach its threshold");
        }
        pass(14);
        ElectionId byElection = council.read(state -> state.elections().all().stream()
                .filter(election -> election instanceof org.smolny.council.election.Election.Scheduled
                        && election.post().equals("branch-delegate") && election.unit().equals(branches.getFirst()))
                .map(election -> election.id()).findFirst().orElseThrow());
        List<Ballot> ballots = new ArrayList<>();
        for (int voter = 0; voter < first.size(); voter++) {
            ballots.add(new Ballot(first.get(voter), List.of(first.get(voter % 6 == 0 ? 13 : 12))));
        }
        run(new ElectionCommand.HoldOpenElection(byElection, ballots), null);

        // A member of the third branch is expelled by due process and reinstated on appeal to the congress.
        List<MemberId> third = members.get(2);
        MemberId critic = third.get(membersPerBranch - 1);
        ChargeId charge = ChargeId.generate(now.get());
        run(new ExpulsionCommand.BringCharge(charge, critic, branches.get(2),
                "5f0c2a1e9d3b47c68a1f2e3d4c5b6a79880706f5e4d3c2b1a09f8e7d6c5b4a39", "rule 14.2"), third.get(membersPerBranch - 2));
        run(new ExpulsionCommand.NotifyCharge(charge, now.get().plus(Duration.ofDays(14))), null);
        pass(14);
        run(new ExpulsionCommand.HearCharge(charge), null);
        int present = membersPerBranch * 4 / 5;
        run(new ExpulsionCommand.VoteOnCharge(charge, branches.get(2), new VoteTally(membersPerBranch, present, present - present / 5,
                present / 5, 0)), null);
        pass(3);
        run(new ExpulsionCommand.Appeal(charge), critic);
        pass(30);
        run(new ExpulsionCommand.DecideAppeal(charge, congressDecides(national,
                "Appeal against expulsion, charge " + charge + ": reinstate the member")), null);

        // The pay register, and emergency powers that expire on their own.
        run(new RegisterCommand.DeclareMedianWage(280_000, "EUR", "members' wage survey"), null);
        String month = now.get().toString().substring(0, 7);
        run(new RegisterCommand.RecordPayment(PaymentId.generate(now.get()), members.get(0).get(9), generalSecretary, month, PaymentKind.PAY,
                "salary", 300_000, "EUR", null), null);
        run(new RegisterCommand.RecordPayment(PaymentId.generate(now.get()), members.get(0).get(9), generalSecretary, month,
                PaymentKind.BENEFIT, "rail pass", 9_000, "EUR", null), null);
        run(new EmergencyCommand.GrantEmergencyPowers(PowersId.generate(now.get()), national, "national-executive", generalSecretary,
                "call and settle the national strike", 30, new VoteTally(9, 9, 7, 2, 0)), null);
        pass(45);
        council.tick();
        return new Summary(council.store().size(), admitted, branches.size(), regions.size(), recalled, critic);
    }

    private PersonalData person() {
        int number = admitted++;
        String given = GIVEN[number % GIVEN.length];
        String family = FAMILY[(number / GIVEN.length) % FAMILY.length];
        return new PersonalData(given + " " + family, given.toLowerCase(java.util.Locale.ROOT) + "." + number + "@members.example", "");
    }

    private UnitId found(String type, UnitId parent, String name) {
        UnitId unit = UnitId.generate(now.get());
        run(new UnitCommand.FoundUnit(unit, type, parent, name), null);
        return unit;
    }

    private List<MandateId> elect(String post, UnitId unit, int seats, List<MemberId> voters,
                                  java.util.function.IntFunction<List<MemberId>> choice) {
        ElectionId election = ElectionId.generate(now.get());
        run(new ElectionCommand.ScheduleElection(election, post, unit, seats, now.get().plus(Duration.ofDays(14))), null);
        List<Ballot> ballots = new ArrayList<>(voters.size());
        for (int voter = 0; voter < voters.size(); voter++) {
            ballots.add(new Ballot(voters.get(voter), choice.apply(voter)));
        }
        return recorded(run(new ElectionCommand.HoldOpenElection(election, ballots), null)).stream()
                .filter(CouncilEvent.MandateConferred.class::isInstance).map(event -> ((CouncilEvent.MandateConferred) event).mandate())
                .toList();
    }

    /**
     * A small congress of the congress delegates in office: convened, accredited, opened, one agenda item and one
     * expulsion-appeal motion titled {@code title}, voted by name (three in four for) and closed.
     */
    private CongressVoteRef congressDecides(UnitId national, String title) {
        List<Mandate.Active> seats = council.read(state -> state.mandates().activeOfPost("congress-delegate"));
        MemberId chair = seats.getFirst().holder();
        CongressId congress = CongressId.generate(now.get());
        run(new CongressCommand.ConveneCongress(congress, national, ConveningKind.REGULAR, "congress-delegate", null, chair,
                now.get()), null);
        for (Mandate.Active seat : seats) {
            run(new CongressCommand.AccreditDelegate(congress, seat.id()), chair);
        }
        run(new CongressCommand.OpenCongress(congress), chair);
        run(new CongressCommand.AdoptAgenda(congress, List.of(new AgendaItem("Appeals against expulsion", 30, 3))), chair);
        run(new CongressCommand.TakeItem(congress, 1), chair);
        MotionId motion = MotionId.generate(now.get());
        run(new CongressCommand.TableMotion(congress, motion, 1, title, MotionText.of(title), DecisionType.EXPULSION_APPEAL, null),
                chair);
        run(new CongressCommand.OpenVote(congress, motion, null, VoteMode.NAMED), chair);
        for (int index = 0; index < seats.size(); index++) {
            run(new CongressCommand.CastVote(congress, index % 4 == 3 ? Position.AGAINST : Position.FOR), seats.get(index).holder());
        }
        run(new CongressCommand.CloseVote(congress), chair);
        run(new CongressCommand.CloseCongress(congress), chair);
        return new CongressVoteRef(congress, motion);
    }

    private CommandResult run(Command command, MemberId by) {
        return require(council.execute(command, by), command.getClass().getSimpleName());
    }

    private static CommandResult require(CommandResult result, String what) {
        if (result instanceof CommandResult.Refused refused) {
            throw new IllegalStateException("the demo's " + what + " was refused: " + refused.reason());
        }
        return result;
    }

    private static List<CouncilEvent> recorded(CommandResult result) {
        return ((CommandResult.Recorded) result).entries().stream().map(entry -> entry.entry().event()).toList();
    }

    private void pass(int days) {
        now.updateAndGet(instant -> instant.plus(Duration.ofDays(days)));
    }
}

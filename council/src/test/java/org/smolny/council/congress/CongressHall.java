package org.smolny.council.congress;

import org.smolny.council.event.CouncilEvent;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.member.MemberId;
import org.smolny.council.motion.MotionText;
import org.smolny.council.scenario.TestOrganisation;
import org.smolny.council.statutes.DecisionType;
import org.smolny.council.statutes.StatutesCommand;
import org.smolny.council.unit.UnitId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The national union of {@code docs/examples/national-union.toml}, with a post of congress alternates added, five
 * branches of different sizes (Docks 30, Depot 12, Harbour 20, Warehouse 8, Airport 15: 85 members), a congress
 * delegate and an alternate elected in each branch, and a congress convened with a chair. Tests act through the
 * council exactly as the shell would.
 */
final class CongressHall {

    static final String ALTERNATE_POST = """

            [[posts]]
            name = "congress-alternate"      # takes an absent congress delegate's seat
            unit_type = "branch"
            elective = true
            electorate = "branch-members"
            term_months = 24
            seats = 1
            """;

    final TestOrganisation union = new TestOrganisation();
    final UnitId warehouse;
    final UnitId airport;
    final List<UnitId> branches;
    final Map<UnitId, List<MemberId>> members = new LinkedHashMap<>();
    final Map<UnitId, MandateId> delegateMandates = new LinkedHashMap<>();
    final Map<UnitId, MandateId> alternateMandates = new LinkedHashMap<>();
    final MemberId chair;
    final CongressId congress;

    CongressHall() {
        union.accept(new StatutesCommand.AdoptStatutes(TestOrganisation.read(TestOrganisation.NATIONAL_UNION) + ALTERNATE_POST), null);
        union.national = union.found("national", null, "General Union");
        union.north = union.found("region", union.national, "North");
        union.south = union.found("region", union.national, "South");
        union.docks = union.found("branch", union.north, "Docks");
        union.depot = union.found("branch", union.north, "Depot");
        union.harbour = union.found("branch", union.south, "Harbour");
        warehouse = union.found("branch", union.north, "Warehouse");
        airport = union.found("branch", union.south, "Airport");
        branches = List.of(union.docks, union.depot, union.harbour, warehouse, airport);
        int[] sizes = {30, 12, 20, 8, 15};
        for (int index = 0; index < branches.size(); index++) {
            members.put(branches.get(index), union.admit(branches.get(index), sizes[index]));
        }
        union.passProbation();
        for (UnitId branch : branches) {
            List<MemberId> electors = members.get(branch);
            delegateMandates.put(branch, union.elect("congress-delegate", branch, electors.get(0), electors));
            alternateMandates.put(branch, union.elect("congress-alternate", branch, electors.get(1), electors));
        }
        chair = members.get(union.harbour).get(5);
        congress = CongressId.generate(union.clock.instant());
    }

    /** The delegate of {@code branch}. */
    MemberId delegate(UnitId branch) {
        return members.get(branch).get(0);
    }

    /** The alternate of {@code branch}. */
    MemberId alternate(UnitId branch) {
        return members.get(branch).get(1);
    }

    /** Every delegate, branch by branch. */
    List<MemberId> delegates() {
        return branches.stream().map(this::delegate).toList();
    }

    /** Convenes a regular congress opening in a week, with alternates: the administrator convenes it (as the system). */
    void convene() {
        union.accept(new CongressCommand.ConveneCongress(congress, union.national, ConveningKind.REGULAR, "congress-delegate",
                "congress-alternate", chair, union.clock.instant().plus(Duration.ofDays(7))), null);
    }

    /** Convenes, accredits every delegate, lets the week pass and opens the congress. */
    void convenedAndOpen() {
        convene();
        for (UnitId branch : branches) {
            union.accept(new CongressCommand.AccreditDelegate(congress, delegateMandates.get(branch)), chair);
        }
        union.passDays(7);
        union.accept(new CongressCommand.OpenCongress(congress), chair);
    }

    /** Opens the congress and adopts an agenda of two items (policy; elections), taking the first. */
    void inSessionOnFirstItem() {
        convenedAndOpen();
        union.accept(new CongressCommand.AdoptAgenda(congress, List.of(new AgendaItem("Policy on the working week", 60, 3),
                new AgendaItem("Election of the national executive", 30, 2))), chair);
        union.accept(new CongressCommand.TakeItem(congress, 1), chair);
    }

    /** {@code mover} tables a motion of {@code lines} under item 1 as an ordinary decision; returns its id. */
    MotionId table(MemberId mover, String title, DecisionType type, String... lines) {
        MotionId motion = MotionId.generate(union.clock.instant());
        union.accept(new CongressCommand.TableMotion(congress, motion, 1, title, new MotionText(List.of(lines)), type, null), mover);
        return motion;
    }

    /** The congress as the record made it. */
    Congress state() {
        return union.council.state().congresses().find(congress).orElseThrow();
    }

    /** The delegates' names for minutes: the personal data store's name, as the shell would look it up. */
    String name(MemberId member) {
        return union.personalData.find(member).map(data -> data.name()).orElse(member.toString());
    }

    /** Every congress event of the record so far. */
    List<CongressEvent> congressEvents() {
        List<CongressEvent> events = new ArrayList<>();
        for (CouncilEvent event : union.record.stream().map(entry -> entry.event()).toList()) {
            if (event instanceof CongressEvent congressEvent) {
                events.add(congressEvent);
            }
        }
        return events;
    }
}

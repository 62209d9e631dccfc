package org.smolny.council.unit;

import org.junit.jupiter.api.Test;
import org.smolny.council.scenario.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;

/** Units form the tree the statutes describe. */
class UnitTreeTest {

    private final TestOrganisation union = TestOrganisation.nationalUnion();

    @Test
    void a_branch_is_founded_under_a_region() {
        UnitId branch = union.found("branch", union.south, "Rail Yard");
        assertThat(union.council.state().units().isWithin(branch, union.national)).isTrue();
        assertThat(union.council.state().units().children(union.south)).contains(branch);
    }

    @Test
    void a_branch_directly_under_the_national_union_is_refused() {
        String reason = union.reject(new UnitCommand.FoundUnit(UnitId.generate(union.clock.instant()), "branch", union.national, "Stray"), null);
        assertThat(reason).isEqualTo("a unit of type 'branch' belongs under a unit of type 'region', not under 'The whole organisation' (a national)");
    }

    @Test
    void the_organisation_has_one_root() {
        String reason = union.reject(new UnitCommand.FoundUnit(UnitId.generate(union.clock.instant()), "national", null, "Rival"), null);
        assertThat(reason).isEqualTo("the organisation already has its root unit, 'The whole organisation'");
    }

    @Test
    void a_unit_type_the_statutes_do_not_define_is_refused() {
        String reason = union.reject(new UnitCommand.FoundUnit(UnitId.generate(union.clock.instant()), "cell", union.docks, "Cell 1"), null);
        assertThat(reason).isEqualTo("the statutes define no unit type 'cell'");
    }
}

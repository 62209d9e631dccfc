package org.smolny.web.congress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may convene a congress is the council's rule, and the API goes through it: a member who holds no mandate of the
 * union itself is refused a regular congress with the council's reason, and nothing is written; the administrator
 * convenes it (as the system).
 */
class ConveningWebTest {

    @TempDir
    Path folder;
    private CongressServer union;

    @BeforeEach
    void start() {
        union = new CongressServer(folder);
    }

    @AfterEach
    void stop() {
        union.close();
    }

    private ObjectNode convocation(String kind) {
        return HttpMember.JSON.createObjectNode().put("unit", union.national.toString()).put("kind", kind)
                .put("delegatePost", "congress-delegate").put("chair", union.chair.toString())
                .put("opensAt", union.now.get().plus(Duration.ofDays(1)).toString());
    }

    @Test
    void a_delegate_who_is_no_officer_of_the_union_is_refused_a_regular_congress_by_the_council_and_the_administrator_convenes_it() {
        long size = union.recordSize();

        String reason = union.signIn("docks").refused("convene-congress", convocation("regular"), 422).path("detail").asText();
        String petition = union.signIn("member").refused("convene-congress", convocation("petition"), 422).path("detail").asText();

        assertThat(reason).contains("only an officer of 'General Union' (the holder of a mandate in force in it) or the administrator"
                + " convenes its regular congress; the members convene it by petition");
        assertThat(petition).contains("no petition of the members has convened the congress of 'General Union'");
        assertThat(union.recordSize()).isEqualTo(size);
        var convened = union.signIn("admin").act("convene-congress", convocation("regular")).path("entries").get(0);
        assertThat(convened.path("type").asText()).isEqualTo("congress.convened");
        assertThat(convened.path("entry").path("by").isNull()).isTrue();
    }
}

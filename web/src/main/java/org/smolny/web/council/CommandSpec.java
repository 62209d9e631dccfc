package org.smolny.web.council;

import org.smolny.council.command.Command;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.projection.CouncilState;
import org.smolny.council.unit.UnitId;

import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * One council command as the API offers it at {@code POST /api/council/<name>}.
 *
 * @param name      the path segment, such as {@code sign-recall-petition}
 * @param type      the command's record class; its components are the JSON body's fields
 * @param summary   what it does, for the OpenAPI document
 * @param authority who may send it
 * @param unit      the unit the command concerns, looked up in the state (null when what it names does not exist)
 * @param mandate   the mandate the command concerns, for {@link Authority#HOLDER} (null otherwise)
 * @param generated id fields the server fills in with a fresh UUIDv7 when the body leaves them out
 * @param optional  fields that may be absent or null
 */
public record CommandSpec(String name, Class<? extends Command> type, String summary, Authority authority,
                          BiFunction<Command, CouncilState, UnitId> unit, BiFunction<Command, CouncilState, MandateId> mandate,
                          Set<String> generated, Set<String> optional) {

    public CommandSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(unit, "unit");
        generated = Set.copyOf(generated);
        optional = Set.copyOf(optional);
        if (!type.isRecord()) {
            throw new IllegalArgumentException("a command is a record: " + type);
        }
    }
}

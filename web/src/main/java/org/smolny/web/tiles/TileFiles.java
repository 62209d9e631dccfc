package org.smolny.web.tiles;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.smolny.web.Feature;
import org.smolny.web.Routes;
import org.smolny.web.api.ApiCatalog;
import org.smolny.web.api.ApiCatalog.Location;
import org.smolny.web.api.ApiCatalog.Parameter;
import org.smolny.web.problem.ProblemException;
import org.smolny.web.problem.ProblemType;

/**
 * The record as C2SP tlog-tiles static files under {@code /tlog/}: {@code checkpoint},
 * {@code tile/<L>/<N>[.p/<W>]}, {@code tile/entries/<N>[.p/<W>]} (and {@code checkpoints/<size>},
 * the earlier signed checkpoints), served from a folder the record module's tiles export wrote.
 * A mirror can copy the folder as it is; a client of the tlog-tiles protocol can read the record
 * from it. Only names of that layout are served; anything else is a 404 problem.
 *
 * <p>Thread-safe.
 */
public final class TileFiles implements Feature {

    /** Where the layout is served. */
    public static final String PREFIX = "/tlog";

    /** The names of the tlog-tiles layout (and the history of checkpoints): nothing else can be asked for. */
    private static final Pattern LAYOUT = Pattern.compile(
            "checkpoint|checkpoints/\\d{1,19}|tile/(\\d{1,2}|entries)/(x\\d{3}/)*\\d{3}(\\.p/\\d{1,3})?");

    private final Path directory;

    public TileFiles(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
    }

    @Override
    public void install(Routes routes) {
        routes.api(new ApiCatalog.Operation(PREFIX + "/{path}", "tlogTiles",
                "The record as C2SP tlog-tiles static files: 'checkpoint', 'tile/<L>/<N>[.p/<W>]', 'tile/entries/<N>[.p/<W>]', "
                        + "and 'checkpoints/<size>' for earlier signed checkpoints. Written at start-up up to the latest signed checkpoint.",
                List.of(Parameter.text("path", Location.PATH, "A path of the tlog-tiles layout (may contain '/')", true)),
                Map.of(200, "The file", 404, "No such file in the layout"), "application/octet-stream"),
                "/tlog/<path>", this::serve);
    }

    private void serve(Context ctx) {
        String name = ctx.pathParam("path");
        if (!LAYOUT.matcher(name).matches()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "problem.tiles.not-in-layout", name);
        }
        Path file = directory.resolve(name).normalize();
        if (!file.startsWith(directory) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "problem.tiles.missing", name);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean note = name.startsWith("checkpoint");
        ctx.contentType(note ? "text/plain; charset=utf-8" : "application/octet-stream");
        // Full tiles never change; partial tiles and the checkpoint change as the record grows.
        boolean immutable = name.startsWith("tile/") && !name.contains(".p/") || name.startsWith("checkpoints/");
        ctx.header("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
        ctx.result(bytes);
    }
}
